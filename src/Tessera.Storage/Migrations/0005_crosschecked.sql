-- The cross-check on arrival of each contribution, once done. An import retried after a crash between its write and
-- its cross-check finds the contribution stored but not yet checked, and checks it then; a check done is not redone.
CREATE TABLE crosschecked (
  contribution_id BIGINT PRIMARY KEY REFERENCES contributions(id),
  checked TEXT NOT NULL
);

-- Contributions stored before this table were cross-checked on arrival.
INSERT INTO crosschecked (contribution_id, checked) SELECT id, created FROM contributions;
