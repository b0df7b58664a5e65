-- FaceGate schema, version 4: facegate-matchd's submissions and the partners'
-- purge attestations (docs/api.md).
-- Every verify or identify the service answers is an encounter; its
-- submission id (a uuid, given to the client) and the certificate it came
-- from are kept here, so that an attestation can be checked against the very
-- client that sent the photo.
CREATE TABLE service_submissions (
    submission_id       TEXT PRIMARY KEY,
    encounter_id        BIGINT NOT NULL REFERENCES encounters (id),
    client_fingerprint  TEXT NOT NULL,
    client_subject      TEXT NOT NULL,
    client_role         TEXT NOT NULL,
    created_at          BIGINT NOT NULL
);
CREATE INDEX service_submissions_encounter ON service_submissions (encounter_id);
-- A partner's signed statement that it deleted the photo of a submission: at
-- most one per submission. The signature is kept as sent (base64 of the DER
-- or raw bytes), over facegate-purge-attestation/v1\n<submission_id>\n<deleted_at>\n.
CREATE TABLE purge_attestations (
    submission_id        TEXT PRIMARY KEY REFERENCES service_submissions (submission_id),
    encounter_id         BIGINT NOT NULL REFERENCES encounters (id),
    partner_fingerprint  TEXT NOT NULL,
    partner_subject      TEXT NOT NULL,
    deleted_at_text      TEXT NOT NULL,
    deleted_at           BIGINT NOT NULL,
    signature            TEXT NOT NULL,
    recorded_at          BIGINT NOT NULL
);
CREATE INDEX purge_attestations_encounter ON purge_attestations (encounter_id);
