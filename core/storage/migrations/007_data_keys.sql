-- FaceGate schema, version 7: data keys apart from the data (crypto-shredding).
-- Every sealed record (photo, template, a user's second factor) has its data
-- key, wrapped by the key-encryption key, in a row of its own here; the
-- record's row keeps only the sealed data (core/security/Envelope). Deleting
-- the record deletes its key (the triggers below), and Database::shred then
-- leaves no copy of the key in the database files: the sealed data that
-- stays in free space, a dead PostgreSQL row version or its TOAST chunks
-- opens under no key anyone holds.
-- binding names the record ("photo:<uuid>", "template:<uuid>",
-- "user-totp:<name>") and is associated data of the wrapped key.
CREATE TABLE data_keys (
    binding    TEXT PRIMARY KEY,
    kek_id     TEXT NOT NULL REFERENCES keks (id),
    wrapped    {{blob}} NOT NULL,
    created_at BIGINT NOT NULL
);
-- Rotation walks the keys of one KEK.
CREATE INDEX data_keys_kek ON data_keys (kek_id, binding);
-- A key-encryption key replaced by rotation: no data key is wrapped by it
-- any more, and it must not be used again.
ALTER TABLE keks ADD COLUMN retired_at BIGINT;
