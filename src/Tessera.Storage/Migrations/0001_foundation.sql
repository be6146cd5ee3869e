-- Foundation: organisations, users, cases, contributions and their statements, the audit log.
-- Portable SQL for SQLite and PostgreSQL; {{id}} is the dialect's auto-increment primary key.
CREATE TABLE organisations (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  country TEXT NOT NULL,
  kind TEXT NOT NULL
);

CREATE TABLE users (
  name TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  organisation TEXT NOT NULL REFERENCES organisations(code),
  roles TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  created TEXT NOT NULL,
  disabled BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users(name),
  label TEXT NOT NULL,
  created TEXT NOT NULL
);

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  owner TEXT NOT NULL REFERENCES organisations(code),
  created TEXT NOT NULL
);

CREATE TABLE case_members (
  case_id TEXT NOT NULL REFERENCES cases(id),
  organisation TEXT NOT NULL REFERENCES organisations(code),
  PRIMARY KEY (case_id, organisation)
);

CREATE TABLE contributions (
  id {{id}},
  organisation TEXT NOT NULL REFERENCES organisations(code),
  case_id TEXT REFERENCES cases(id),
  handling TEXT NOT NULL,
  h3_text TEXT,
  reliability TEXT NOT NULL,
  accuracy BIGINT NOT NULL,
  subject_category TEXT NOT NULL,
  purpose TEXT NOT NULL,
  created TEXT NOT NULL,
  review_date TEXT NOT NULL,
  kind TEXT NOT NULL,
  source TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (organisation, content_hash)
);

CREATE TABLE statements (
  id {{id}},
  contribution_id BIGINT NOT NULL REFERENCES contributions(id),
  entity_id TEXT NOT NULL,
  schema TEXT NOT NULL,
  property TEXT NOT NULL,
  value TEXT NOT NULL,
  normalised TEXT,
  valid BIGINT NOT NULL,
  reason TEXT
);

CREATE INDEX statements_entity ON statements (entity_id);
CREATE INDEX statements_contribution ON statements (contribution_id);
CREATE INDEX statements_normalised ON statements (property, normalised);

CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  time TEXT NOT NULL,
  actor TEXT NOT NULL,
  organisation TEXT NOT NULL,
  action TEXT NOT NULL,
  target TEXT NOT NULL,
  outcome TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);

-- The head of the audit chain, written in the same transaction as each entry: a removed tail is detected.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);

INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
