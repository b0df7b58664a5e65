-- FaceGate's two PostgreSQL roles (issue 18), run by a superuser (or a role
-- with CREATEROLE that owns the database) with psql:
--
--   psql -v owner=facegate_owner -v app=facegate_app -v db=facegate \
--        -f installer/postgresql-roles.sql postgresql://postgres@HOST/facegate
--
-- owner: owns the database and its tables; the workstation, facegate-matchd
--        or facegate-cli run as it once after an upgrade, to migrate
--        (migrations create tables and triggers).
-- app:   what the programs run as every day: no ownership, so it can neither
--        DROP nor ALTER a table or a trigger, nor TRUNCATE; on the audit
--        tables it may only read and append (the triggers of migration 8 keep
--        audit_head one step forward). Without ownership, the purge's VACUUM
--        of photos and templates is skipped with a warning: run VACUUM as the
--        owner from cron (PostgreSQL 17's MAINTAIN privilege lifts this).
--
-- Idempotent: run it again after each migration (new tables). Roles that
-- exist are kept (set their passwords with ALTER ROLE ... PASSWORD).
SELECT format('CREATE ROLE %I LOGIN', :'owner')
    WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I LOGIN', :'app')
    WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app') \gexec

REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO :"app";
GRANT USAGE ON SCHEMA public TO :"app";

-- Everything but the audit log and the schema's own tables: read and write.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";
-- The audit log: read and append only.
REVOKE UPDATE, DELETE ON audit_events, audit_keys, audit_identity FROM :"app";
REVOKE DELETE ON audit_head FROM :"app";
-- The schema is the owner's.
REVOKE INSERT, UPDATE, DELETE ON facegate_meta, schema_migrations FROM :"app";

-- The data keys (migration 7): the purge shreds the deleted ones with VACUUM
-- FULL, which only the table's owner may run. The app role owns this one
-- table; dropping it would destroy every record's key, no more than its
-- DELETE on the photos already allows.
-- (Giving a table to a role needs membership in it: a superuser has it, a
-- role with CREATEROLE grants it to itself first. The new owner needs CREATE
-- on the schema at that moment only.)
SELECT format('GRANT %I TO %I', :'app', current_user)
    WHERE NOT pg_has_role(current_user, :'app', 'MEMBER') \gexec
GRANT CREATE ON SCHEMA public TO :"app";
ALTER TABLE data_keys OWNER TO :"app";
REVOKE CREATE ON SCHEMA public FROM :"app";
