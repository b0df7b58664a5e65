-- FaceGate schema, version 3: what supervisors search and count.
-- The flight an encounter was matched for (the gallery's flight in 1:N, or
-- the flight an alternate procedure was logged for): the queue and the
-- port's figures filter on it. Stored normalised (upper case, no spaces;
-- '' = none), as alternate_procedures.flight. encounters.flight_id stays for
-- a flights row, which a workstation that loaded a manifest does not have.
ALTER TABLE encounters ADD COLUMN flight TEXT NOT NULL DEFAULT '';
UPDATE encounters SET flight = (SELECT ap.flight FROM alternate_procedures ap WHERE ap.encounter_id = encounters.id) WHERE mode = 'alternate' AND EXISTS (SELECT 1 FROM alternate_procedures ap WHERE ap.encounter_id = encounters.id);
CREATE INDEX encounters_flight ON encounters (flight, verified_at);
-- The queue's table shows each item's latest decision.
CREATE INDEX supervisor_decisions_item ON supervisor_decisions (queue_item_id, decided_at);
CREATE INDEX queue_items_created_at ON queue_items (created_at);
-- The review shows an encounter's deletion records (and a purged photo names its own).
CREATE INDEX deletions_encounter ON deletions (encounter_id);
