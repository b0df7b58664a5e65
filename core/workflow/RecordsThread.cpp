#include "core/workflow/RecordsThread.h"

#include "core/config/Settings.h"
#include "core/workflow/PurgeScheduler.h"
#include "core/workflow/Records.h"

#include <QMetaObject>

#include <algorithm>
#include <chrono>

namespace fg {

RecordsThread::RecordsThread()
    : m_context(std::make_unique<QObject>())
{
    m_thread.setObjectName(QStringLiteral("facegate-records"));
    m_context->moveToThread(&m_thread);
}

std::unique_ptr<RecordsThread> RecordsThread::open(const Settings& settings, const Clock& clock, const QString& actor,
                                                   QString* error)
{
    std::unique_ptr<RecordsThread> thread(new RecordsThread);
    thread->m_thread.start();
    RecordsThread* self = thread.get();
    // Each purge signs a checkpoint of the audit log (Purger): at least hourly, whatever the purge interval.
    const std::chrono::minutes interval(std::min(settings.purgeIntervalMinutes(), 60));
    QMetaObject::invokeMethod(
        self->m_context.get(),
        [self, &settings, &clock, &actor, interval, error] {
            self->m_records = Records::open(settings, clock, actor, error);
            if (!self->m_records)
                return;
            self->m_scheduler = std::make_unique<PurgeScheduler>(self->m_records->purger(), clock);
            self->m_scheduler->setInterval(interval);
            // Signal to signal: delivered queued on the thread that owns this object.
            connect(self->m_scheduler.get(), &PurgeScheduler::purged, self, &RecordsThread::purged);
            connect(self->m_scheduler.get(), &PurgeScheduler::failed, self, &RecordsThread::purgeFailed);
        },
        Qt::BlockingQueuedConnection);
    if (!thread->m_records)
        return nullptr; // the destructor joins the thread
    return thread;
}

RecordsThread::~RecordsThread()
{
    if (m_thread.isRunning()) {
        // The job that runs ends; the ones queued behind it see m_closing and are cancelled.
        m_closing = true;
        QMetaObject::invokeMethod(
            m_context.get(),
            [this] {
                m_scheduler.reset();
                m_records.reset();
            },
            Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    // Jobs posted but never run: their futures end cancelled when the
    // context goes (its pending queued calls are destroyed with it).
    m_context.reset();
}

void RecordsThread::post(std::function<void(Records&)> job, std::function<void()> cancelled)
{
    // A guard that cancels the future if the call is destroyed without running.
    struct Pending {
        std::function<void()> cancelled;
        bool ran = false;
        ~Pending()
        {
            if (!ran && cancelled)
                cancelled();
        }
    };
    auto pending = std::make_shared<Pending>();
    pending->cancelled = std::move(cancelled);
    QMetaObject::invokeMethod(m_context.get(), [this, pending, job = std::move(job)] {
        pending->ran = true;
        if (m_closing || !m_records) {
            pending->cancelled();
            return;
        }
        job(*m_records);
    });
}

void RecordsThread::startPurges()
{
    QMetaObject::invokeMethod(m_context.get(), [this] {
        if (m_scheduler && !m_closing)
            m_scheduler->start();
    });
}

QFuture<bool> RecordsThread::purgeNow()
{
    return run<bool>([this](Records&) { return m_scheduler->purgeNow(); });
}

} // namespace fg
