-- Who each record is about, where its rows say so (a mapping's subject per entity), and the review of contributions
-- whose review date comes near (issue #13). A row's own category decides access in place of its contribution's.
CREATE TABLE entity_subjects (
  contribution_id BIGINT NOT NULL REFERENCES contributions(id),
  entity_id TEXT NOT NULL,
  category TEXT NOT NULL,
  PRIMARY KEY (contribution_id, entity_id)
);

CREATE INDEX entity_subjects_entity ON entity_subjects (entity_id);

-- The notice that a contribution is due for review, sent to its owner once per review date (an extension that moves
-- the date brings a new notice when the new date comes near).
CREATE TABLE retention_notices (
  contribution_id BIGINT NOT NULL REFERENCES contributions(id),
  review_date TEXT NOT NULL,
  notice_id BIGINT NOT NULL REFERENCES notices(id),
  PRIMARY KEY (contribution_id, review_date)
);

CREATE INDEX contributions_review_date ON contributions (review_date);
