-- The Schengen Barometer+: each organisation's status of each action of Council note 13901/23, with its evidence, and the
-- history of every change (who, when, from what to what). The actions themselves are data shipped with Tessera.
CREATE TABLE action_status (
  organisation TEXT NOT NULL REFERENCES organisations(code),
  action_id TEXT NOT NULL,
  status TEXT NOT NULL,
  evidence TEXT NOT NULL,
  note TEXT NOT NULL,
  since TEXT NOT NULL,
  set_by TEXT NOT NULL,
  updated TEXT NOT NULL,
  PRIMARY KEY (organisation, action_id)
);

CREATE TABLE action_status_history (
  id {{id}},
  organisation TEXT NOT NULL REFERENCES organisations(code),
  action_id TEXT NOT NULL,
  previous_status TEXT NOT NULL,
  status TEXT NOT NULL,
  evidence TEXT NOT NULL,
  note TEXT NOT NULL,
  since TEXT NOT NULL,
  set_by TEXT NOT NULL,
  updated TEXT NOT NULL
);

CREATE INDEX action_status_history_action ON action_status_history (organisation, action_id, id);
