-- The key ring that protects sign-in cookies and form tokens (ASP.NET Core data protection), shared by every node through the
-- database: a user signed in on one node stays signed in on another. One row per key, as the key manager wrote it (XML).
CREATE TABLE data_protection_keys (
  id {{id}},
  name TEXT NOT NULL UNIQUE,
  xml TEXT NOT NULL,
  created TEXT NOT NULL
);
