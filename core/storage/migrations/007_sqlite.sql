-- SQLite only: a deleted record's data key goes with it.
CREATE TRIGGER photos_destroy_key AFTER DELETE ON photos
BEGIN
    DELETE FROM data_keys WHERE binding = 'photo:' || OLD.id;
END;

CREATE TRIGGER templates_destroy_key AFTER DELETE ON templates
BEGIN
    DELETE FROM data_keys WHERE binding = 'template:' || OLD.id;
END;

CREATE TRIGGER users_destroy_key AFTER DELETE ON users
BEGIN
    DELETE FROM data_keys WHERE binding = 'user-totp:' || OLD.name;
END;
