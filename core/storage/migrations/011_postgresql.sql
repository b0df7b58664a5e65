-- PostgreSQL only (issue 20): a presentation attack is a reason of its own
-- in the supervisor's queue. SQLite: Migrator's step widens the same check.
ALTER TABLE queue_items DROP CONSTRAINT queue_items_reason_check;
ALTER TABLE queue_items ADD CONSTRAINT queue_items_reason_check
    CHECK (reason IN ('no-match', 'poor-quality', 'override', 'document-not-genuine', 'presentation-attack'));
