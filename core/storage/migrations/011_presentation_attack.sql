-- Issue 20: whether the face before the camera was a presentation attack (a
-- printed photo, a screen), kept with the encounter. pad_decision is null
-- when no assessment was made (an alternate procedure, a record of before);
-- 'not-assessed' when one was attempted but could not decide (no face in any
-- frame). pad_score is the presentation-attack score, 0..1, higher = more
-- like an attack; pad_evidence the whole assessment as JSON
-- (PadAssessment::toJson: the threshold and its calibration, each cue), as
-- document_check keeps the chip's report. An attack is queued for a
-- supervisor (queue_items.reason 'presentation-attack': that check is
-- widened per dialect, 011_postgresql.sql / Migrator's SQLite step).
ALTER TABLE encounters ADD COLUMN pad_decision TEXT
    CHECK (pad_decision IN ('bona-fide', 'attack', 'not-assessed'));
ALTER TABLE encounters ADD COLUMN pad_score DOUBLE PRECISION
    CHECK (pad_score >= 0 AND pad_score <= 1);
ALTER TABLE encounters ADD COLUMN pad_evidence TEXT;
