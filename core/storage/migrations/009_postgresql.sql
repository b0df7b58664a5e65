-- PostgreSQL only (issue 18): a key-encryption key may live in a PKCS#11
-- token (keks.kind 'pkcs11'). SQLite: Migrator's step widens the same check.
ALTER TABLE keks DROP CONSTRAINT keks_kind_check;
ALTER TABLE keks ADD CONSTRAINT keks_kind_check CHECK (kind IN ('file', 'passphrase', 'pkcs11'));
