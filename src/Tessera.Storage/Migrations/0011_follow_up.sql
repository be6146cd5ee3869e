-- Hit follow-up: triage per organisation and hit group, match decisions (judgements), access requests and releases.
-- Prüm II (Reg. (EU) 2024/982) Art. 47, Europol Regulation 2016/794 Arts. 19–20 and 25, Directive (EU) 2023/977 Arts. 5 and 16.

-- Where each organisation stands with a hit group (hits between the same two records, or the same two organisations on
-- the same shared identifier); a group without a row is new.
CREATE TABLE hit_triage (
  organisation TEXT NOT NULL REFERENCES organisations(code),
  group_key TEXT NOT NULL,
  status TEXT NOT NULL,
  assignee TEXT,
  updated TEXT NOT NULL,
  PRIMARY KEY (organisation, group_key)
);

-- The history of each organisation's work on a hit group: status changes, assignments, decisions, requests.
CREATE TABLE hit_events (
  id {{id}},
  organisation TEXT NOT NULL,
  group_key TEXT NOT NULL,
  hit_id BIGINT REFERENCES hits(id),
  created TEXT NOT NULL,
  user_name TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL
);

CREATE INDEX hit_events_group ON hit_events (organisation, group_key, id);

-- Match decisions: who judged two records the same (confirmed) or not (rejected), when and why; the latest judgement of
-- a pair holds (a confirmed identity can be split again). Records are ordered (left < right).
CREATE TABLE match_judgements (
  id {{id}},
  left_entity TEXT NOT NULL,
  right_entity TEXT NOT NULL,
  decision TEXT NOT NULL,
  organisation TEXT NOT NULL,
  user_name TEXT NOT NULL,
  reason TEXT NOT NULL,
  hit_id BIGINT REFERENCES hits(id),
  created TEXT NOT NULL
);

CREATE INDEX match_judgements_pair ON match_judgements (left_entity, right_entity, id);

-- Requests for access to a withheld record, following a hit; the deadline comes from the rules above.
CREATE TABLE access_requests (
  id {{id}},
  hit_id BIGINT NOT NULL REFERENCES hits(id),
  from_organisation TEXT NOT NULL REFERENCES organisations(code),
  from_user TEXT NOT NULL,
  to_organisation TEXT NOT NULL REFERENCES organisations(code),
  contribution_id BIGINT NOT NULL REFERENCES contributions(id),
  entity_id TEXT NOT NULL,
  purpose TEXT NOT NULL,
  urgent BIGINT NOT NULL,
  created TEXT NOT NULL,
  due TEXT NOT NULL,
  due_rule TEXT NOT NULL,
  status TEXT NOT NULL,
  scope TEXT,
  reason TEXT,
  decided TEXT,
  decided_by TEXT,
  approved_by TEXT
);

CREATE INDEX access_requests_from ON access_requests (from_organisation, id);
CREATE INDEX access_requests_to ON access_requests (to_organisation, id);

-- Releases: the provider's consent that one organisation sees one record (all or core data) for one purpose, until revoked.
CREATE TABLE releases (
  id {{id}},
  request_id BIGINT NOT NULL REFERENCES access_requests(id),
  contribution_id BIGINT NOT NULL REFERENCES contributions(id),
  entity_id TEXT NOT NULL,
  organisation TEXT NOT NULL REFERENCES organisations(code),
  scope TEXT NOT NULL,
  purpose TEXT NOT NULL,
  granted TEXT NOT NULL,
  granted_by TEXT NOT NULL,
  approved_by TEXT NOT NULL,
  revoked TEXT,
  revoked_by TEXT,
  revoke_reason TEXT
);

CREATE INDEX releases_contribution ON releases (contribution_id);
