-- Cross-check: hits between contributions, notices to both organisations, and the log of systematic checks.
CREATE TABLE hits (
  id {{id}},
  created TEXT NOT NULL,
  kind TEXT NOT NULL,
  new_contribution_id BIGINT NOT NULL REFERENCES contributions(id),
  new_entity_id TEXT NOT NULL,
  existing_contribution_id BIGINT NOT NULL REFERENCES contributions(id),
  existing_entity_id TEXT NOT NULL,
  weight DOUBLE PRECISION NOT NULL,
  probability DOUBLE PRECISION NOT NULL,
  summary TEXT NOT NULL,
  explanation TEXT NOT NULL
);

CREATE INDEX hits_new ON hits (new_contribution_id);
CREATE INDEX hits_existing ON hits (existing_contribution_id);

CREATE TABLE notices (
  id {{id}},
  created TEXT NOT NULL,
  organisation TEXT NOT NULL REFERENCES organisations(code),
  kind TEXT NOT NULL,
  hit_id BIGINT REFERENCES hits(id),
  from_organisation TEXT,
  details TEXT NOT NULL,
  is_read BIGINT NOT NULL DEFAULT 0
);

CREATE INDEX notices_organisation ON notices (organisation, id);

CREATE TABLE checks (
  id {{id}},
  time TEXT NOT NULL,
  user_name TEXT NOT NULL,
  organisation TEXT NOT NULL,
  list TEXT NOT NULL,
  kind TEXT NOT NULL,
  outcome TEXT NOT NULL,
  hits BIGINT NOT NULL
);
