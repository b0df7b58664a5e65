-- Issue 18: the keyed audit chain (core/security/AuditLog, AuditKey).
-- audit_keys registers the audit key that keys the chain from event from_seq
-- on: its id, check value and checkpoint public key, never the key itself.
-- Events before from_seq were written before the key (plain SHA-256).
CREATE TABLE audit_keys (
    key_id        TEXT PRIMARY KEY,
    check_value   TEXT NOT NULL,
    public_key    TEXT NOT NULL,
    from_seq      BIGINT NOT NULL,
    registered_at BIGINT NOT NULL
);

-- The database's identity, named by every signed checkpoint of its audit chain
-- (written once here, at random).
CREATE TABLE audit_identity (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    database_id TEXT NOT NULL
);

-- A purge drill (facegate-cli purge --now) deletes as of another instant:
-- deleted_at is when it ran, drill_as_of the instant it purged as of.
ALTER TABLE deletions ADD COLUMN drill_as_of BIGINT;
