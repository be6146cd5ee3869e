-- Server-side sessions, API token expiry and revocation, and sign-in lockout (issue #12, "Sessions and accounts").
-- A session cookie carries only a random session id; the database keeps its SHA-256, so a copy of the database opens
-- no session. Sign-out, disabling a user and a password change revoke sessions at once.
CREATE TABLE sessions (
  id_hash TEXT PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES users(name),
  created TEXT NOT NULL,
  last_seen TEXT NOT NULL,
  expires TEXT NOT NULL,
  revoked TEXT
);

CREATE INDEX sessions_user ON sessions (user_name);

-- Tokens get a public id (for lists and revocation; not the secret), an expiry and a revocation time. Tokens made before
-- this migration have no expiry stored and expire 90 days after they were created (ApiTokens.DefaultLifetime).
ALTER TABLE api_tokens ADD COLUMN id TEXT;
ALTER TABLE api_tokens ADD COLUMN expires TEXT;
ALTER TABLE api_tokens ADD COLUMN revoked TEXT;
UPDATE api_tokens SET id = substr(token_hash, 1, 16);
CREATE UNIQUE INDEX api_tokens_id ON api_tokens (id);
CREATE INDEX api_tokens_user ON api_tokens (user_name);

-- Consecutive failed sign-ins per user name, known or not (so that lockout tells nothing about which names exist).
CREATE TABLE signin_failures (
  user_name TEXT PRIMARY KEY,
  failures BIGINT NOT NULL,
  last_failure TEXT NOT NULL,
  locked_until TEXT
);
