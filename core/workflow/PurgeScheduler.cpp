#include "core/workflow/PurgeScheduler.h"

#include "core/storage/Clock.h"

#include <algorithm>

namespace fg {

PurgeScheduler::PurgeScheduler(Purger& purger, const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_purger(purger)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::CoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PurgeScheduler::purgeNow);
}

void PurgeScheduler::setInterval(std::chrono::milliseconds interval)
{
    m_interval = interval.count() > 0 ? interval : kDefaultInterval;
    if (m_started)
        schedule(m_lastError.isEmpty());
}

void PurgeScheduler::start()
{
    m_started = true;
    purgeNow(); // the first run happens here; schedule() keeps it going
}

void PurgeScheduler::stop()
{
    m_started = false;
    m_timer.stop();
    m_nextRunAt = QDateTime();
}

bool PurgeScheduler::purgeNow()
{
    m_timer.stop();
    m_lastRunAt = m_clock.now();
    QString error;
    const std::optional<PurgeReport> report = m_purger.purge(&error);
    bool succeeded = report.has_value();
    if (!report) {
        fail(QStringLiteral("purge as of %1 failed: %2").arg(m_lastRunAt.toString(Qt::ISODate), error));
    } else {
        m_lastError.clear();
        Q_EMIT purged(*report);
        if (!report->reclaimed) {
            succeeded = false;
            fail(QStringLiteral("purge as of %1 deleted %2 photos and %3 templates, but their freed pages were not "
                                "reclaimed (the bytes may remain in the database files until the next purge): %4")
                     .arg(m_lastRunAt.toString(Qt::ISODate))
                     .arg(report->photosDeleted)
                     .arg(report->templatesDeleted)
                     .arg(report->reclaimError));
        }
        if (!report->checkpointError.isEmpty()) {
            succeeded = false;
            fail(QStringLiteral("purge as of %1: the audit log's checkpoint was not written: %2")
                     .arg(m_lastRunAt.toString(Qt::ISODate), report->checkpointError));
        }
    }
    if (m_started)
        schedule(succeeded);
    return succeeded;
}

void PurgeScheduler::schedule(bool purgeSucceeded)
{
    std::chrono::milliseconds delay = m_interval;
    if (purgeSucceeded) {
        QDateTime due;
        QString error;
        if (!m_purger.nextDueAt(&due, &error)) {
            fail(QStringLiteral("cannot tell when the next record falls due: %1").arg(error));
        } else if (!due.isNull()) {
            const std::chrono::milliseconds untilDue(m_clock.now().msecsTo(due));
            delay = std::clamp(untilDue, std::min(kMinimumDelay, m_interval), m_interval);
        }
    }
    m_nextRunAt = m_clock.now().addMSecs(delay.count());
    m_timer.start(delay);
}

void PurgeScheduler::fail(const QString& reason)
{
    m_lastError = reason;
    Q_EMIT failed(reason);
}

} // namespace fg
