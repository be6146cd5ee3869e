-- Entity ids, references between entities and hit sides written before provider namespaces move into them: a record
-- of IT with the id p1 becomes IT:p1, as every write now stores it (Core/Access/ProviderIds.cs, docs/security.md).
-- An id already in its provider's namespace is kept. The reference properties are those of type entity in the model.
UPDATE statements SET entity_id = (SELECT c.organisation FROM contributions c WHERE c.id = statements.contribution_id) || ':' || entity_id
WHERE substr(entity_id, 1, length((SELECT c.organisation FROM contributions c WHERE c.id = statements.contribution_id)) + 1)
  <> (SELECT c.organisation FROM contributions c WHERE c.id = statements.contribution_id) || ':';

UPDATE statements SET
  value = (SELECT c.organisation FROM contributions c WHERE c.id = statements.contribution_id) || ':' || value,
  normalised = (SELECT c.organisation FROM contributions c WHERE c.id = statements.contribution_id) || ':' || COALESCE(normalised, value)
WHERE property IN ('addressEntity', 'asset', 'associate', 'author', 'beneficiary', 'beneficiaryAccount', 'borderSection', 'caller',
    'holder', 'involved', 'member', 'object', 'organization', 'organizer', 'owner', 'payer', 'payerAccount', 'person', 'receiver',
    'relative', 'subject', 'traveller', 'vehicle')
  AND substr(value, 1, length((SELECT c.organisation FROM contributions c WHERE c.id = statements.contribution_id)) + 1)
    <> (SELECT c.organisation FROM contributions c WHERE c.id = statements.contribution_id) || ':';

UPDATE hits SET new_entity_id = (SELECT c.organisation FROM contributions c WHERE c.id = hits.new_contribution_id) || ':' || new_entity_id
WHERE substr(new_entity_id, 1, length((SELECT c.organisation FROM contributions c WHERE c.id = hits.new_contribution_id)) + 1)
  <> (SELECT c.organisation FROM contributions c WHERE c.id = hits.new_contribution_id) || ':';

UPDATE hits SET existing_entity_id = (SELECT c.organisation FROM contributions c WHERE c.id = hits.existing_contribution_id) || ':' || existing_entity_id
WHERE substr(existing_entity_id, 1, length((SELECT c.organisation FROM contributions c WHERE c.id = hits.existing_contribution_id)) + 1)
  <> (SELECT c.organisation FROM contributions c WHERE c.id = hits.existing_contribution_id) || ':';
