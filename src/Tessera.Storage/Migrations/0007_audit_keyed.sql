-- The audit log records what was searched or checked and the purpose stated, and becomes keyed: from the first start with
-- this migration, entries carry an HMAC-SHA256 under a key kept outside the database (the data folder's audit.key, whose
-- 'keyed-from' line names the first keyed entry) and the head is signed. Earlier entries keep their SHA-256 and verify as before.
ALTER TABLE audit_log ADD COLUMN query TEXT NOT NULL DEFAULT '';
ALTER TABLE audit_log ADD COLUMN purpose TEXT NOT NULL DEFAULT '';

-- The signed head: when it was signed, its signature, and the fingerprint of the key the log is keyed with (a node started
-- with another key refuses to write into it).
ALTER TABLE audit_head ADD COLUMN signed TEXT;
ALTER TABLE audit_head ADD COLUMN signature TEXT;
ALTER TABLE audit_head ADD COLUMN key_id TEXT;
