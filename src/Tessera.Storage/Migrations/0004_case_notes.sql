-- Case workspaces: notes that members of a case add for their partners (author, organisation, time, text).
CREATE TABLE case_notes (
  id {{id}},
  case_id TEXT NOT NULL REFERENCES cases(id),
  author TEXT NOT NULL,
  organisation TEXT NOT NULL REFERENCES organisations(code),
  created TEXT NOT NULL,
  text TEXT NOT NULL
);

CREATE INDEX case_notes_case ON case_notes (case_id, id);
