-- FaceGate schema, version 2: the alternate procedures' log, searchable.
-- The flight an alternate procedure was logged for, as the officer gave it:
-- a traveler who declines the photo is often on no manifest this workstation
-- loaded (a checkpoint, a boarding pass), so there may be no flights row for
-- encounters.flight_id. Stored normalised (upper case, no spaces; '' = none).
ALTER TABLE alternate_procedures ADD COLUMN flight TEXT NOT NULL DEFAULT '';
-- The log is searched by date (the default order) and by flight.
CREATE INDEX alternate_procedures_created_at ON alternate_procedures (created_at);
CREATE INDEX alternate_procedures_flight ON alternate_procedures (flight, created_at);
