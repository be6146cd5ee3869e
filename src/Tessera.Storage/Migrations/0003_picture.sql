-- Joint situational picture: imported detection files, monthly detections, daily arrivals, incidents,
-- border sections with their impact levels and the history of level changes, smuggling price observations.
CREATE TABLE picture_imports (
  id {{id}},
  content_hash TEXT NOT NULL UNIQUE,
  file_name TEXT NOT NULL,
  format TEXT NOT NULL,
  source TEXT NOT NULL,
  vintage TEXT,
  rows_imported BIGINT NOT NULL,
  imported TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  superseded_by BIGINT
);

CREATE TABLE picture_detections (
  import_id BIGINT NOT NULL REFERENCES picture_imports(id),
  source TEXT NOT NULL,
  month TEXT NOT NULL,
  route TEXT NOT NULL,
  border_type TEXT NOT NULL,
  border_section TEXT NOT NULL,
  nationality TEXT NOT NULL,
  nationality_iso3 TEXT,
  detections BIGINT NOT NULL
);

CREATE INDEX picture_detections_source_month ON picture_detections (source, month);
CREATE INDEX picture_detections_import ON picture_detections (import_id);

CREATE TABLE picture_daily_arrivals (
  import_id BIGINT NOT NULL REFERENCES picture_imports(id),
  source TEXT NOT NULL,
  day TEXT NOT NULL,
  route TEXT NOT NULL,
  arrivals BIGINT NOT NULL,
  report_date TEXT NOT NULL
);

CREATE INDEX picture_daily_arrivals_import ON picture_daily_arrivals (import_id);

CREATE TABLE picture_incidents (
  reference TEXT PRIMARY KEY,
  import_id BIGINT REFERENCES picture_imports(id),
  time TEXT NOT NULL,
  latitude DOUBLE PRECISION NOT NULL,
  longitude DOUBLE PRECISION NOT NULL,
  border_section TEXT NOT NULL,
  route TEXT NOT NULL,
  category TEXT NOT NULL,
  impact_level TEXT NOT NULL,
  persons BIGINT NOT NULL,
  organisation TEXT NOT NULL
);

CREATE INDEX picture_incidents_time ON picture_incidents (time);

CREATE TABLE picture_sections (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  route TEXT NOT NULL,
  member_state TEXT NOT NULL,
  neighbour TEXT NOT NULL,
  length_km DOUBLE PRECISION NOT NULL,
  latitude DOUBLE PRECISION NOT NULL,
  longitude DOUBLE PRECISION NOT NULL,
  impact_level TEXT NOT NULL,
  level_since TEXT NOT NULL,
  level_reason TEXT NOT NULL,
  level_set_by TEXT NOT NULL
);

CREATE TABLE picture_section_levels (
  id {{id}},
  section TEXT NOT NULL REFERENCES picture_sections(code),
  level TEXT NOT NULL,
  previous_level TEXT NOT NULL,
  reason TEXT NOT NULL,
  set_by TEXT NOT NULL,
  organisation TEXT NOT NULL,
  time TEXT NOT NULL
);

CREATE TABLE picture_prices (
  id {{id}},
  route TEXT NOT NULL,
  month TEXT NOT NULL,
  amount DOUBLE PRECISION NOT NULL,
  currency TEXT NOT NULL,
  reference TEXT NOT NULL
);

CREATE INDEX picture_prices_route_month ON picture_prices (route, month);
