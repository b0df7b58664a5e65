#pragma once

#include "core/service/ClientIdentity.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace fg {

class AuditLog;
class Clock;
class Database;

// The partners' purge attestations (table purge_attestations), at most one per
// submission. The signature is checked before (PurgeAttestation::verify);
// this store checks again, in the writing transaction, that the submission is
// the client's and not attested yet, so two attestations sent at once record one.
class PurgeAttestationStore {
public:
    enum class Result { Recorded, UnknownSubmission, OtherClient, AlreadyAttested, Failed };

    PurgeAttestationStore(const Database& database, const AuditLog& audit, const Clock& clock);

    // Records the attestation and the audit event submission.purge-attested
    // (subject "encounter:<id>", actor "partner:<CN>") in one transaction.
    // deletedAtText is kept as signed; deletedAt is its time. *error says
    // why for anything but Recorded.
    Result record(const QString& submissionId, const ClientIdentity& client, const QString& deletedAtText,
                  const QDateTime& deletedAt, const QByteArray& signature, QString* error) const;

    // Whether the submission has an attestation; false with *error on a read failure.
    bool isAttested(const QString& submissionId, QString* error) const;

private:
    const Database& m_database;
    const AuditLog& m_audit;
    const Clock& m_clock;
};

} // namespace fg
