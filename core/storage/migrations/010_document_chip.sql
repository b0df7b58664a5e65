-- Issue 19: what the passport's chip said about the document (passive and
-- chip/active authentication), kept with the encounter. document_verdict is
-- null when no chip was read; document_check is the whole report as JSON (the
-- verdict in words, each check, the clone check, the access control, whether
-- the chip's MRZ agrees with the printed one). A chip that is not genuine is
-- queued for a supervisor (queue_items.reason 'document-not-genuine': that
-- check is widened per dialect, 010_postgresql.sql / Migrator's SQLite step).
ALTER TABLE encounters ADD COLUMN document_verdict TEXT
    CHECK (document_verdict IN ('genuine', 'not-verifiable', 'not-genuine'));
ALTER TABLE encounters ADD COLUMN document_check TEXT NOT NULL DEFAULT '';
