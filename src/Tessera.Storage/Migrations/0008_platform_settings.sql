-- Platform settings that every node reads from the database: the organisation that runs the hub, and the secret key
-- behind withheld-record references (a keyed MAC, so that a reference cannot be reversed to the record it names).
CREATE TABLE platform_settings (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
