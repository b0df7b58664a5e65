-- PostgreSQL only (issue 18): no TRUNCATE of the audit tables; audit_head
-- moves one step forward, onto the event just appended, and is never deleted;
-- audit_keys and audit_identity are written once. Only the tables' owner can
-- drop these triggers: the programs run under a role that owns nothing
-- (installer/postgresql-roles.sql).
INSERT INTO audit_identity (id, database_id) VALUES (1, replace(gen_random_uuid()::text, '-', ''));

CREATE FUNCTION facegate_audit_no_truncate() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% cannot be truncated', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
    FOR EACH STATEMENT EXECUTE FUNCTION facegate_audit_no_truncate();
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
    FOR EACH STATEMENT EXECUTE FUNCTION facegate_audit_no_truncate();
CREATE TRIGGER audit_keys_no_truncate BEFORE TRUNCATE ON audit_keys
    FOR EACH STATEMENT EXECUTE FUNCTION facegate_audit_no_truncate();
CREATE TRIGGER audit_identity_no_truncate BEFORE TRUNCATE ON audit_identity
    FOR EACH STATEMENT EXECUTE FUNCTION facegate_audit_no_truncate();

CREATE FUNCTION facegate_audit_head_one_step() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'audit_head cannot be deleted';
    END IF;
    IF TG_OP = 'INSERT' THEN
        IF NEW.seq <> 0 THEN
            RAISE EXCEPTION 'audit_head starts at 0';
        END IF;
        RETURN NEW;
    END IF;
    IF NEW.id <> OLD.id OR NEW.seq <> OLD.seq + 1
       OR NEW.hash IS DISTINCT FROM (SELECT hash FROM audit_events WHERE seq = NEW.seq) THEN
        RAISE EXCEPTION 'audit_head moves only one step forward, onto the event just appended (not from % to %)',
            OLD.seq, NEW.seq;
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_head_one_step BEFORE INSERT OR UPDATE OR DELETE ON audit_head
    FOR EACH ROW EXECUTE FUNCTION facegate_audit_head_one_step();

CREATE FUNCTION facegate_audit_write_once() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is written once', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_keys_write_once BEFORE UPDATE OR DELETE ON audit_keys
    FOR EACH ROW EXECUTE FUNCTION facegate_audit_write_once();
CREATE TRIGGER audit_identity_write_once BEFORE UPDATE OR DELETE ON audit_identity
    FOR EACH ROW EXECUTE FUNCTION facegate_audit_write_once();
