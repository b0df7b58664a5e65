#pragma once

#include "core/workflow/Purger.h"

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QString>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <type_traits>

namespace fg {

class Clock;
class PurgeScheduler;
class Records;
class Settings;

// The records on a thread of their own: a second connection to the same
// database (Qt: one SQL connection per thread), opened, used and closed on
// that thread, so that work which takes seconds (the retention purge and its
// VACUUM, at start-up and on its schedule) never stops the GUI thread from
// painting. Jobs run one at a time, in the order posted; each answers through
// a QFuture (errors as values in its result, never exceptions across threads).
//
// The retention schedule (PurgeScheduler) lives here: facegate and
// facegate-matchd start it with startPurges(), and whoever shows its state
// listens to purged() and purgeFailed(), delivered on the owner's thread.
class RecordsThread : public QObject {
    Q_OBJECT

public:
    // Opens the records on a new thread (Records::open, with the purge interval
    // of the settings) and waits until that is done; nullptr with *error.
    static std::unique_ptr<RecordsThread> open(const Settings& settings, const Clock& clock, const QString& actor,
                                               QString* error);
    // Waits for the job that runs, drops the ones still queued, closes the
    // records on their thread and joins it.
    ~RecordsThread() override;

    // Runs job(records) on the records thread; the future gets its result.
    // A job still queued when the thread closes is cancelled (the future
    // finishes without a result: isCanceled()).
    template <typename Result>
    QFuture<Result> run(std::function<Result(Records&)> job)
    {
        auto promise = std::make_shared<QPromise<Result>>();
        QFuture<Result> future = promise->future();
        promise->start();
        post(
            [promise, job = std::move(job)](Records& records) {
                if constexpr (std::is_void_v<Result>)
                    job(records);
                else
                    promise->addResult(job(records));
                promise->finish();
            },
            [promise] {
                promise->future().cancel();
                promise->finish();
            });
        return future;
    }

    // Purges now, on the records thread, then on the schedule
    // (retention/purgeIntervalMinutes, at most an hour: each purge signs an audit
    // checkpoint; sooner when a record falls due sooner).
    void startPurges();
    // Purges now; the future says whether it succeeded (purgeFailed() says why not).
    QFuture<bool> purgeNow();

Q_SIGNALS:
    void purged(const fg::PurgeReport& report);
    void purgeFailed(const QString& reason);

private:
    RecordsThread();
    void post(std::function<void(Records&)> job, std::function<void()> cancelled);

    QThread m_thread;
    // Lives on m_thread: jobs are queued calls into it.
    std::unique_ptr<QObject> m_context;
    // Opened, used and closed on m_thread only.
    std::unique_ptr<Records> m_records;
    std::unique_ptr<PurgeScheduler> m_scheduler;
    // Set by the destructor: jobs still queued are then cancelled, not run.
    std::atomic<bool> m_closing = false;
};

} // namespace fg
