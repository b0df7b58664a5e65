-- PostgreSQL only: a deleted record's data key goes with it.
CREATE FUNCTION facegate_destroy_data_key() RETURNS trigger AS $$
BEGIN
    IF TG_TABLE_NAME = 'users' THEN
        DELETE FROM data_keys WHERE binding = 'user-totp:' || OLD.name;
    ELSE
        DELETE FROM data_keys WHERE binding = TG_ARGV[0] || OLD.id;
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER photos_destroy_key AFTER DELETE ON photos
    FOR EACH ROW EXECUTE FUNCTION facegate_destroy_data_key('photo:');

CREATE TRIGGER templates_destroy_key AFTER DELETE ON templates
    FOR EACH ROW EXECUTE FUNCTION facegate_destroy_data_key('template:');

CREATE TRIGGER users_destroy_key AFTER DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION facegate_destroy_data_key('user-totp:');
