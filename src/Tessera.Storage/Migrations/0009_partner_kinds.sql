-- Partner kinds (member-state, eu-agency, third-country, international-organisation) and the transfers a provider
-- allows of a contribution to a third country or international organisation, each with its legal basis (Europol
-- Regulation 2016/794 Art. 25).
UPDATE organisations SET kind = 'member-state' WHERE kind = 'national';
UPDATE organisations SET kind = 'eu-agency' WHERE kind = 'agency';

CREATE TABLE contribution_transfers (
  contribution_id BIGINT NOT NULL REFERENCES contributions(id),
  organisation TEXT NOT NULL REFERENCES organisations(code),
  legal_basis TEXT NOT NULL,
  PRIMARY KEY (contribution_id, organisation)
);
