#include "core/service/PurgeAttestationStore.h"

#include "core/security/AuditLog.h"
#include "core/storage/Clock.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QJsonObject>
#include <QSqlQuery>
#include <QVariant>

namespace fg {

PurgeAttestationStore::PurgeAttestationStore(const Database& database, const AuditLog& audit, const Clock& clock)
    : m_database(database)
    , m_audit(audit)
    , m_clock(clock)
{
}

bool PurgeAttestationStore::isAttested(const QString& submissionId, QString* error) const
{
    const std::optional<QVariant> count =
        m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM purge_attestations WHERE submission_id = ?"),
                          {submissionId}, QStringLiteral("read the attestations of %1").arg(submissionId), error);
    return count && count->toLongLong() > 0;
}

PurgeAttestationStore::Result PurgeAttestationStore::record(const QString& submissionId, const ClientIdentity& client,
                                                            const QString& deletedAtText, const QDateTime& deletedAt,
                                                            const QByteArray& signature, QString* error) const
{
    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return Result::Failed;
    qint64 encounterId = 0;
    {
        QSqlQuery submission = m_database.query();
        submission.prepare(QStringLiteral("SELECT encounter_id, client_fingerprint FROM service_submissions "
                                          "WHERE submission_id = ?")
                           + m_database.forUpdate());
        submission.addBindValue(submissionId);
        if (!m_database.exec(submission, QStringLiteral("read submission %1").arg(submissionId), error))
            return Result::Failed;
        if (!submission.next()) {
            *error = QStringLiteral("no submission %1").arg(submissionId);
            return Result::UnknownSubmission;
        }
        if (submission.value(1).toString().toLatin1() != client.fingerprintSha256) {
            *error = QStringLiteral("submission %1 was not sent with this client certificate")
                         .arg(submissionId);
            return Result::OtherClient;
        }
        encounterId = submission.value(0).toLongLong();
    }
    QString readError;
    if (isAttested(submissionId, &readError)) {
        *error = QStringLiteral("a purge attestation is already recorded for submission %1")
                     .arg(submissionId);
        return Result::AlreadyAttested;
    }
    if (!readError.isEmpty()) {
        *error = readError;
        return Result::Failed;
    }
    QSqlQuery insert = m_database.query();
    insert.prepare(QStringLiteral("INSERT INTO purge_attestations (submission_id, encounter_id, partner_fingerprint, "
                                  "partner_subject, deleted_at_text, deleted_at, signature, recorded_at) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(submissionId);
    insert.addBindValue(encounterId);
    insert.addBindValue(QString::fromLatin1(client.fingerprintSha256));
    insert.addBindValue(client.subject());
    insert.addBindValue(deletedAtText);
    insert.addBindValue(deletedAt.toMSecsSinceEpoch());
    insert.addBindValue(QString::fromLatin1(signature.toBase64()));
    insert.addBindValue(m_clock.nowMs());
    if (!m_database.exec(insert, QStringLiteral("record the purge attestation of %1").arg(submissionId), error))
        return Result::Failed;
    insert.finish();
    const QJsonObject details{{QStringLiteral("submission_id"), submissionId},
                              {QStringLiteral("deleted_at"), deletedAtText},
                              {QStringLiteral("partner"), client.subject()},
                              {QStringLiteral("certificate_sha256"), QString::fromLatin1(client.fingerprintSha256)}};
    if (!m_audit.append(QStringLiteral("partner:") + client.commonName, QStringLiteral("submission.purge-attested"),
                        QStringLiteral("encounter:%1").arg(encounterId), details, error))
        return Result::Failed;
    if (!transaction.commit(error))
        return Result::Failed;
    return Result::Recorded;
}

} // namespace fg
