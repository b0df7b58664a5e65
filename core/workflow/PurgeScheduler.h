#pragma once

#include "core/workflow/Purger.h"

#include <QObject>
#include <QTimer>

#include <chrono>

namespace fg {

class Clock;

// Runs the purge at start() and then at least every interval (10 minutes by
// default), and also as soon as the next stored record falls due by the
// clock, so a record does not outlive its rule by up to one interval. Every
// outcome is signalled: purged() with the report, failed() with the reason
// when the purge, the reclaim of the freed pages or the audit checkpoint
// written after it (Purger, AuditLog::writeCheckpoint; so the head is signed at
// least every interval) did not succeed (a failed
// purge is retried after the interval). Runs in the thread that owns the
// Database, inside its event loop.
class PurgeScheduler : public QObject {
    Q_OBJECT

public:
    static constexpr std::chrono::milliseconds kDefaultInterval = std::chrono::minutes(10);
    // The soonest a purge follows another, when records fall due sooner.
    static constexpr std::chrono::milliseconds kMinimumDelay = std::chrono::seconds(1);

    PurgeScheduler(Purger& purger, const Clock& clock, QObject* parent = nullptr);

    void setInterval(std::chrono::milliseconds interval);
    std::chrono::milliseconds interval() const { return m_interval; }

    // Purges now, then on the schedule.
    void start();
    void stop();
    bool isActive() const { return m_started; }

    // Purges now; the next run is scheduled from here when active. False on failure (failed() said why).
    bool purgeNow();

    // By the clock: the last purge that ran (null before the first) and the next one planned.
    QDateTime lastRunAt() const { return m_lastRunAt; }
    QDateTime nextRunAt() const { return m_nextRunAt; }
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    void purged(const fg::PurgeReport& report);
    void failed(const QString& reason);

private:
    void schedule(bool purgeSucceeded);
    void fail(const QString& reason);

    Purger& m_purger;
    const Clock& m_clock;
    QTimer m_timer;
    std::chrono::milliseconds m_interval = kDefaultInterval;
    bool m_started = false;
    QDateTime m_lastRunAt;
    QDateTime m_nextRunAt;
    QString m_lastError;
};

} // namespace fg
