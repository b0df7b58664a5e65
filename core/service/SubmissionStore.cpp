#include "core/service/SubmissionStore.h"

#include "core/security/CryptoRandom.h"
#include "core/storage/Clock.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QSqlQuery>
#include <QVariant>

namespace fg {

SubmissionStore::SubmissionStore(const Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

std::optional<QString> SubmissionStore::add(qint64 encounterId, const ClientIdentity& client, QString* error) const
{
    const QString id = CryptoRandom::uuid();
    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return std::nullopt;
    QSqlQuery insert = m_database.query();
    insert.prepare(QStringLiteral("INSERT INTO service_submissions (submission_id, encounter_id, client_fingerprint, "
                                  "client_subject, client_role, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    insert.addBindValue(id);
    insert.addBindValue(encounterId);
    insert.addBindValue(QString::fromLatin1(client.fingerprintSha256));
    insert.addBindValue(client.subject());
    insert.addBindValue(client.role);
    insert.addBindValue(m_clock.nowMs());
    if (!m_database.exec(insert, QStringLiteral("store the submission of encounter %1").arg(encounterId), error))
        return std::nullopt;
    insert.finish();
    if (!transaction.commit(error))
        return std::nullopt;
    return id;
}

std::optional<ServiceSubmission> SubmissionStore::find(const QString& id, bool* found, QString* error) const
{
    *found = false;
    QSqlQuery query = m_database.query();
    query.prepare(QStringLiteral("SELECT encounter_id, client_fingerprint, client_subject, client_role, created_at "
                                 "FROM service_submissions WHERE submission_id = ?"));
    query.addBindValue(id);
    if (!m_database.exec(query, QStringLiteral("read submission %1").arg(id), error))
        return std::nullopt;
    if (!query.next())
        return std::nullopt;
    *found = true;
    ServiceSubmission submission;
    submission.id = id;
    submission.encounterId = query.value(0).toLongLong();
    submission.clientFingerprint = query.value(1).toString().toLatin1();
    submission.clientSubject = query.value(2).toString();
    submission.clientRole = query.value(3).toString();
    submission.createdAt = QDateTime::fromMSecsSinceEpoch(query.value(4).toLongLong(), Qt::UTC);
    return submission;
}

} // namespace fg
