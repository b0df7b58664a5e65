// The records on a thread of their own (RecordsThread): a purge of 20,000
// photos runs there while the calling thread's event loop keeps turning, and
// the records stay writable from the calling thread meanwhile; jobs run in
// order, off the calling thread; jobs still queued at close are cancelled.
#include "app/bench/ExpiredPhotos.h"
#include "core/config/Settings.h"
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/storage/Database.h"
#include "core/storage/SystemClock.h"
#include "core/workflow/Records.h"
#include "core/workflow/RecordsThread.h"
#include "tests/support/ShredEventually.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <atomic>

using fg::Records;
using fg::RecordsThread;
using fg::Settings;
using fg::test::TestDatabase;

namespace {

// The settings app/facegate would read for the test's database, with a key
// file, an audit key file and a checkpoint folder of its own.
std::optional<Settings> settingsFor(const TestDatabase& database, QString* error)
{
    std::optional<Settings> settings = Settings::defaults();
    const QString keyFile = QDir(database.scratchDir()).filePath(QStringLiteral("facegate.kek"));
    const QString auditKeyFile = QDir(database.scratchDir()).filePath(QStringLiteral("audit.key"));
    if (!fg::KeyEncryptionKey::createKeyFile(keyFile, error)
        || !settings->set(QStringLiteral("database/url"), database.urlText(), error)
        || !settings->set(QStringLiteral("security/keyFile"), keyFile, error)
        || !settings->set(QStringLiteral("audit/keyFile"), auditKeyFile, error) // made on first use
        || !settings->set(QStringLiteral("audit/checkpointFolder"),
                          QDir(database.scratchDir()).filePath(QStringLiteral("checkpoints")), error))
        return std::nullopt;
    return settings;
}

// A test database, the settings that name it (with a key file) and a clock.
struct Target {
    TestDatabase database;
    fg::SystemClock clock;
    std::optional<Settings> settings;
    QString error;

    // False with error set when the database or the key file cannot be made.
    bool prepare()
    {
        if (!database.isReady(&error))
            return false;
        settings = settingsFor(database, &error);
        return settings.has_value();
    }
};

// The largest gap between two ticks of a 5 ms timer on the calling thread.
class LoopWatch {
public:
    LoopWatch()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            m_largestGapMs = std::max(m_largestGapMs, m_sinceTick.restart());
            ++m_ticks;
        });
        m_sinceTick.start();
        m_timer.start(5);
    }
    // Forgets the gap so far (the test blocked the thread on purpose).
    void restart()
    {
        m_sinceTick.restart();
        m_largestGapMs = 0;
    }
    qint64 largestGapMs() const { return m_largestGapMs; }
    int ticks() const { return m_ticks; }

private:
    QTimer m_timer;
    QElapsedTimer m_sinceTick;
    qint64 m_largestGapMs = 0;
    int m_ticks = 0;
};

} // namespace

class TestRecordsThread : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aPurgeLeavesTheCallingThreadFree()
    {
        Target target;
        QVERIFY2(target.prepare(), qPrintable(target.error));
        const Settings& settings = *target.settings;
        const fg::SystemClock& clock = target.clock;
        QString error;
        const std::unique_ptr<Records> records = Records::open(settings, clock, QStringLiteral("test:gui"), &error);
        QVERIFY2(records, qPrintable(error));

        // 20,000 photos past their retention, under the records' own key.
        constexpr qint64 kPhotos = 20000;
        const std::optional<QVariant> kek =
            records->database().scalar(QStringLiteral("SELECT id FROM keks"), {}, QStringLiteral("the key"), &error);
        QVERIFY2(kek, qPrintable(error));
        const auto owners = fg::cli::addExpiredPhotoOwners(records->database(), clock.nowMs(), &error);
        QVERIFY2(owners, qPrintable(error));
        QVERIFY2(fg::cli::addExpiredPhotos(records->database(), *owners, kek->toString(), kPhotos, 4096, clock.nowMs(), &error),
                 qPrintable(error));

        const std::unique_ptr<RecordsThread> thread =
            RecordsThread::open(settings, clock, QStringLiteral("test:records-thread"), &error);
        QVERIFY2(thread, qPrintable(error));
        QSignalSpy purged(thread.get(), &RecordsThread::purged);
        QSignalSpy failed(thread.get(), &RecordsThread::purgeFailed);
        LoopWatch watch;
        thread->startPurges();
        // The calling thread's records stay writable while the purge runs:
        // its batches are short transactions (SQLite's writer waits for the
        // one that runs). That write blocks this thread on purpose, so the
        // loop's gaps are measured from after it.
        qint64 probeMs = -1;
        QElapsedTimer purgeTime;
        purgeTime.start();
        while (purged.isEmpty() && failed.isEmpty() && purgeTime.elapsed() < 240000) {
            QTest::qWait(20);
            if (probeMs < 0 && purged.isEmpty()) {
                QElapsedTimer probe;
                probe.start();
                QVERIFY2(records->audit().record(QStringLiteral("test:gui"), QStringLiteral("test.probe"),
                                                 QStringLiteral("during the purge"), {}, &error),
                         qPrintable(error));
                probeMs = probe.elapsed();
                watch.restart();
            }
        }
        QTest::qWait(50); // a stall at the very end shows as a late tick
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(purged.count(), 1);
        const auto report = purged.first().first().value<fg::PurgeReport>();
        QCOMPARE(report.photosDeleted, kPhotos);
        QVERIFY2(fg::test::shredEventually(records->database(), report.reclaimed, &error), qPrintable(error));
        const std::optional<QVariant> left =
            records->database().scalar(QStringLiteral("SELECT COUNT(*) FROM photos"), {}, QStringLiteral("count"), &error);
        QVERIFY2(left, qPrintable(error));
        QCOMPARE(left->toLongLong(), 0);
        // The purge took seconds; the calling thread's timer never waited long.
        qInfo("%s: purge of %lld photos took %.2f s (reclaim %.2f s); the calling thread's 5 ms timer ticked %d times, "
              "largest gap %lld ms "
              "(a write from it during the purge took %lld ms)",
              qPrintable(TestDatabase::backendName()), report.photosDeleted, report.seconds, report.reclaimSeconds,
              watch.ticks(), watch.largestGapMs(), probeMs);
        QVERIFY2(watch.largestGapMs() < 100,
                 qPrintable(QStringLiteral("the calling thread's event loop stopped for %1 ms").arg(watch.largestGapMs())));
        // The scheduled purge signed the audit log's head outside the database.
        QVERIFY2(report.checkpointError.isEmpty(), qPrintable(report.checkpointError));
        QVERIFY(QFileInfo(report.checkpoint).isFile());
        QCOMPARE(QFileInfo(report.checkpoint).absolutePath(), QFileInfo(settings.checkpointFolder()).absoluteFilePath());
        const auto verification = records->audit().verifyWithCheckpoints(settings.checkpointFolder(), &error);
        QVERIFY2(verification, qPrintable(error));
        QVERIFY2(verification->intact, qPrintable(verification->problem));
        QCOMPARE(verification->checkpoints, 1);
    }

    void jobsRunInOrderOffTheCallingThread()
    {
        Target target;
        QVERIFY2(target.prepare(), qPrintable(target.error));
        const Settings& settings = *target.settings;
        const fg::SystemClock& clock = target.clock;
        QString error;
        const std::unique_ptr<RecordsThread> thread = RecordsThread::open(settings, clock, QStringLiteral("test"), &error);
        QVERIFY2(thread, qPrintable(error));

        QList<int> order;
        QFuture<QString> where = thread->run<QString>([](Records&) { return QThread::currentThread()->objectName(); });
        QList<QFuture<int>> numbers;
        for (int i = 0; i < 20; ++i)
            numbers.append(thread->run<int>([i, &order](Records&) {
                order.append(i); // one job at a time: no lock needed
                return i * i;
            }));
        QFuture<qint64> events = thread->run<qint64>([](Records& records) {
            QString why;
            const auto verification = records.audit().verify(&why);
            return verification ? verification->events : -1;
        });
        QFuture<void> nothing = thread->run<void>([](Records&) {});
        QTRY_VERIFY(nothing.isFinished());
        QCOMPARE(where.result(), QStringLiteral("facegate-records"));
        for (int i = 0; i < 20; ++i)
            QCOMPARE(numbers[i].result(), i * i);
        QCOMPARE(order.size(), 20);
        QVERIFY(std::is_sorted(order.begin(), order.end()));
        QVERIFY(events.result() > 0); // key.register, key.open ...
        QVERIFY(!nothing.isCanceled());
    }

    void closingCancelsWhatIsStillQueued()
    {
        Target target;
        QVERIFY2(target.prepare(), qPrintable(target.error));
        const Settings& settings = *target.settings;
        const fg::SystemClock& clock = target.clock;
        QString error;
        std::unique_ptr<RecordsThread> thread = RecordsThread::open(settings, clock, QStringLiteral("test"), &error);
        QVERIFY2(thread, qPrintable(error));

        std::atomic<bool> running = false;
        QFuture<int> first = thread->run<int>([&](Records&) {
            running = true;
            QThread::msleep(100);
            return 1;
        });
        QTRY_VERIFY(running);
        QFuture<int> queued = thread->run<int>([](Records&) { return 2; });
        // Waits for the job that runs, drops the queued one.
        thread.reset();
        QVERIFY(first.isFinished());
        QCOMPARE(first.result(), 1);
        QVERIFY(queued.isFinished());
        QVERIFY(queued.isCanceled());
        QCOMPARE(queued.resultCount(), 0);
    }

    void aRecordsThreadThatCannotOpenSaysWhy()
    {
        Target target;
        QVERIFY2(target.prepare(), qPrintable(target.error));
        Settings settings = *target.settings;
        const QString missing = QDir(target.database.scratchDir()).filePath(QStringLiteral("no-such.kek"));
        QString error;
        QVERIFY2(settings.set(QStringLiteral("security/keyFile"), missing, &error), qPrintable(error));
        QVERIFY(!RecordsThread::open(settings, target.clock, QStringLiteral("test"), &error));
        QVERIFY2(error.contains(QStringLiteral("no-such.kek")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestRecordsThread)
#include "tst_recordsthread.moc"
