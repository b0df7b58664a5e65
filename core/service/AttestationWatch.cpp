#include "core/service/AttestationWatch.h"

#include "core/service/Metrics.h"
#include "core/service/ServiceLog.h"
#include "core/storage/Clock.h"
#include "core/storage/Database.h"
#include "core/workflow/PurgeAttestationRule.h"

#include <QSqlQuery>
#include <QVariant>

namespace fg {

namespace {

// Overdue (PurgeAttestationRule): a partner's encounter, with or without a
// submission row (MatchingApi stores the encounter first), with no purge
// attestation, verified before the cut-off. At most one submission per
// encounter (its table's key), so that join adds no rows either.
QString overdueFrom()
{
    return QLatin1String(PurgeAttestationRule::kEncountersAndAttestations)
        + QStringLiteral(" LEFT JOIN service_submissions ss ON ss.encounter_id = e.id WHERE %1 AND %2")
              .arg(QLatin1String(PurgeAttestationRule::kPartnerSubmission), QLatin1String(PurgeAttestationRule::kOverdue));
}

} // namespace

AttestationWatch::AttestationWatch(const Database& database, const Clock& clock, Metrics& metrics,
                                   std::chrono::hours due, QObject* parent)
    : QObject(parent)
    , m_database(database)
    , m_clock(clock)
    , m_metrics(metrics)
    , m_due(due)
{
    m_timer.setTimerType(Qt::CoarseTimer);
    m_timer.setInterval(m_interval);
    connect(&m_timer, &QTimer::timeout, this, [this] { checkNow(); });
}

void AttestationWatch::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval.count() > 0 ? interval : kDefaultInterval;
    m_timer.setInterval(m_interval); // restarts it when active
}

void AttestationWatch::start()
{
    checkNow();
    m_timer.start();
}

void AttestationWatch::stop()
{
    m_timer.stop();
}

std::optional<OverdueAttestations> AttestationWatch::overdue(QString* error) const
{
    const qint64 cutoff = PurgeAttestationRule::cutoff(m_clock.now(), m_due).toMSecsSinceEpoch();
    const QString what = QStringLiteral("count the partner submissions without a purge attestation");
    QSqlQuery count = m_database.query();
    count.prepare(QStringLiteral("SELECT COUNT(*)") + overdueFrom());
    count.addBindValue(cutoff);
    if (!m_database.exec(count, what, error))
        return std::nullopt;
    OverdueAttestations found;
    if (count.next())
        found.count = count.value(0).toLongLong();
    count.finish();
    if (found.count == 0)
        return found;

    QSqlQuery oldest = m_database.query();
    oldest.prepare(QStringLiteral("SELECT e.id, ss.submission_id, e.partner, e.verified_at") + overdueFrom()
                   + QStringLiteral(" ORDER BY e.verified_at, e.id LIMIT 1"));
    oldest.addBindValue(cutoff);
    if (!m_database.exec(oldest, what, error))
        return std::nullopt;
    if (oldest.next()) {
        found.oldestEncounterId = oldest.value(0).toLongLong();
        found.oldestSubmissionId = oldest.value(1).toString();
        found.oldestPartner = oldest.value(2).toString();
        found.oldestVerifiedAt = QDateTime::fromMSecsSinceEpoch(oldest.value(3).toLongLong(), Qt::UTC);
    }
    return found;
}

std::optional<OverdueAttestations> AttestationWatch::checkNow(QString* error)
{
    QString why;
    const std::optional<OverdueAttestations> found = overdue(&why);
    if (!found) {
        qCWarning(lcService, "purge attestations not checked: %s", qPrintable(why));
        if (error)
            *error = why;
        Q_EMIT failed(why);
        return std::nullopt;
    }
    m_metrics.setGauge(kGauge,
                       "Partner submissions without a purge attestation after service/attestationHours.",
                       double(found->count));
    if (found->count > 0) {
        qCWarning(lcService,
                  "%lld partner submission(s) without a purge attestation after %lld h; the oldest: encounter %lld "
                  "(submission %s) from %s, verified %s",
                  found->count, qint64(m_due.count()), found->oldestEncounterId,
                  qPrintable(found->oldestSubmissionId.isEmpty() ? QStringLiteral("none recorded")
                                                                 : found->oldestSubmissionId),
                  qPrintable(logSafe(found->oldestPartner)), qPrintable(found->oldestVerifiedAt.toString(Qt::ISODate)));
    }
    Q_EMIT checked(*found);
    return found;
}

} // namespace fg
