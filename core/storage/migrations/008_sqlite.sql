-- SQLite only (issue 18): audit_head moves one step forward, onto the event
-- just appended, and is never deleted; audit_keys and audit_identity are
-- written once. (audit_events already refuses UPDATE and DELETE: 001_sqlite.)
INSERT INTO audit_identity (id, database_id) VALUES (1, lower(hex(randomblob(16))));

CREATE TRIGGER audit_head_starts_at_zero BEFORE INSERT ON audit_head
WHEN NEW.seq <> 0
BEGIN
    SELECT RAISE(ABORT, 'audit_head starts at 0');
END;

CREATE TRIGGER audit_head_one_step BEFORE UPDATE ON audit_head
WHEN NEW.id <> OLD.id OR NEW.seq <> OLD.seq + 1
     OR NEW.hash IS NOT (SELECT hash FROM audit_events WHERE seq = NEW.seq)
BEGIN
    SELECT RAISE(ABORT, 'audit_head moves only one step forward, onto the event just appended');
END;

CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN
    SELECT RAISE(ABORT, 'audit_head cannot be deleted');
END;

CREATE TRIGGER audit_keys_no_update BEFORE UPDATE ON audit_keys
BEGIN
    SELECT RAISE(ABORT, 'audit_keys is append-only');
END;

CREATE TRIGGER audit_keys_no_delete BEFORE DELETE ON audit_keys
BEGIN
    SELECT RAISE(ABORT, 'audit_keys is append-only');
END;

CREATE TRIGGER audit_identity_no_update BEFORE UPDATE ON audit_identity
BEGIN
    SELECT RAISE(ABORT, 'audit_identity is written once');
END;

CREATE TRIGGER audit_identity_no_delete BEFORE DELETE ON audit_identity
BEGIN
    SELECT RAISE(ABORT, 'audit_identity is written once');
END;
