// The purge runs at start and then on a timer, by the injected clock, and
// says when it fails (never silently).
#include "core/security/AuditLog.h"
#include "core/storage/Database.h"
#include "core/workflow/PurgeScheduler.h"
#include "core/workflow/Purger.h"
#include "core/workflow/RetentionPolicy.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QFileInfo>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using fg::AuditLog;
using fg::Database;
using fg::PurgeReport;
using fg::PurgeScheduler;
using fg::Purger;
using fg::RetentionPolicy;
using fg::test::ManualClock;
using fg::test::TestDatabase;
using namespace std::chrono_literals;

namespace {

const QDateTime kStart(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);

// A database, its clock, audit log, purger and scheduler.
struct Fixture {
    explicit Fixture(const TestDatabase& target, int busyTimeoutMs = 10000)
    {
        fg::DatabaseOptions options;
        options.clock = &clock;
        options.busyTimeoutMs = busyTimeoutMs;
        database = target.open(&error, options);
        if (!database)
            return;
        audit = std::make_unique<AuditLog>(*database, clock, fg::test::auditKey());
        purger = std::make_unique<Purger>(*database, *audit, clock, policy);
        scheduler = std::make_unique<PurgeScheduler>(*purger, clock);
    }

    // A photo (no encounter) of the rule, verified at verifiedAt; its id.
    QString addPhoto(RetentionPolicy::Rule rule, const QDateTime& verifiedAt)
    {
        const qint64 at = verifiedAt.toMSecsSinceEpoch();
        QSqlQuery kek = database->query();
        kek.prepare(QStringLiteral("INSERT INTO keks (id, kind, check_value, created_at) VALUES ('test-kek', 'file', ?, ?) "
                                   "ON CONFLICT (id) DO NOTHING"));
        kek.addBindValue(QByteArray(32, 'k'));
        kek.addBindValue(at);
        if (!database->exec(kek, QStringLiteral("add a key"), &error))
            return QString();
        const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QSqlQuery photo = database->query();
        photo.prepare(QStringLiteral("INSERT INTO photos (id, role, format, kek_id, sealed, retention_rule, verified_at, "
                                     "created_at) VALUES (?, 'capture', 'jpeg', 'test-kek', ?, ?, ?, ?)"));
        for (const QVariant& value : QVariantList{id, QByteArray(1024, 'p'), RetentionPolicy::ruleName(rule), at, at})
            photo.addBindValue(value);
        return database->exec(photo, QStringLiteral("add a photo"), &error) ? id : QString();
    }

    bool hasPhoto(const QString& id)
    {
        const auto count = database->scalar(QStringLiteral("SELECT COUNT(*) FROM photos WHERE id = ?"), {id},
                                            QStringLiteral("count"), &error);
        return count && count->toLongLong() == 1;
    }

    ManualClock clock{kStart};
    RetentionPolicy policy;
    QString error;
    std::unique_ptr<Database> database;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<Purger> purger;
    std::unique_ptr<PurgeScheduler> scheduler;
};

} // namespace

class TestPurgeScheduler : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(TestDatabase::backendName())); }
    void purgesAtStart();
    void purgesEveryInterval();
    void purgesWhenARecordFallsDue();
    void reportsAFailedPurge();
    void reportsAnUnreclaimedPurge();
    void signsACheckpointAtEachPurge();
    void stopStops();
};

void TestPurgeScheduler::purgesAtStart()
{
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    Fixture f(target);
    QVERIFY2(f.database, qPrintable(f.error));
    const QString due = f.addPhoto(RetentionPolicy::Rule::UsCitizenOrExempt, kStart.addSecs(-13 * 3600));
    const QString notDue = f.addPhoto(RetentionPolicy::Rule::InScope, kStart.addSecs(-13 * 3600));
    QVERIFY2(!due.isEmpty() && !notDue.isEmpty(), qPrintable(f.error));
    QCOMPARE(f.scheduler->interval(), PurgeScheduler::kDefaultInterval);
    QCOMPARE(PurgeScheduler::kDefaultInterval, std::chrono::milliseconds(10min));

    QSignalSpy purged(f.scheduler.get(), &PurgeScheduler::purged);
    QSignalSpy failed(f.scheduler.get(), &PurgeScheduler::failed);
    f.scheduler->start();
    // At start, before the event loop ran.
    QCOMPARE(purged.count(), 1);
    QCOMPARE(failed.count(), 0);
    const auto report = purged.at(0).at(0).value<PurgeReport>();
    QCOMPARE(report.photosDeleted, 1);
    QCOMPARE(report.now, kStart);
    QVERIFY(!f.hasPhoto(due));
    QVERIFY(f.hasPhoto(notDue));
    QVERIFY(f.scheduler->isActive());
    QCOMPARE(f.scheduler->lastRunAt(), kStart);
    // The next run: the interval from now (the kept photo is due in 13 days).
    QCOMPARE(f.scheduler->nextRunAt(), kStart.addSecs(10 * 60));
}

void TestPurgeScheduler::purgesEveryInterval()
{
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    Fixture f(target);
    QVERIFY2(f.database, qPrintable(f.error));
    f.scheduler->setInterval(50ms);
    QSignalSpy purged(f.scheduler.get(), &PurgeScheduler::purged);
    f.scheduler->start();
    QCOMPARE(purged.count(), 1);
    QCOMPARE(purged.at(0).at(0).value<PurgeReport>().deleted(), 0);

    // Records that fall due by the clock are purged on a later tick.
    const QString citizen = f.addPhoto(RetentionPolicy::Rule::UsCitizenOrExempt, kStart);
    const QString visitor = f.addPhoto(RetentionPolicy::Rule::InScope, kStart);
    QVERIFY2(!citizen.isEmpty() && !visitor.isEmpty(), qPrintable(f.error));
    QTRY_VERIFY(purged.count() >= 3); // ticks go on while nothing is due
    QVERIFY(f.hasPhoto(citizen));
    f.clock.set(kStart.addSecs(12 * 3600));
    QTRY_VERIFY(!f.hasPhoto(citizen));
    QVERIFY(f.hasPhoto(visitor));
    f.clock.set(kStart.addSecs(14 * 24 * 3600));
    QTRY_VERIFY(!f.hasPhoto(visitor));
    QCOMPARE(f.scheduler->lastRunAt(), kStart.addSecs(14 * 24 * 3600));
    QVERIFY(f.scheduler->lastError().isEmpty());
    const auto deletions = f.database->scalar(QStringLiteral("SELECT COUNT(*) FROM deletions WHERE deleted_by = ?"),
                                              {Purger::systemActor()}, QStringLiteral("count"), &f.error);
    QVERIFY2(deletions, qPrintable(f.error));
    QCOMPARE(deletions->toLongLong(), 2);
}

void TestPurgeScheduler::purgesWhenARecordFallsDue()
{
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    Fixture f(target);
    QVERIFY2(f.database, qPrintable(f.error));
    // Due 1.5 s from now: the 10-minute interval must not delay it.
    const QString soon = f.addPhoto(RetentionPolicy::Rule::UsCitizenOrExempt, kStart.addMSecs(-12 * 3600 * 1000 + 1500));
    QVERIFY2(!soon.isEmpty(), qPrintable(f.error));
    f.scheduler->start();
    QVERIFY(f.hasPhoto(soon));
    QCOMPARE(f.scheduler->nextRunAt(), kStart.addMSecs(1500));
    f.clock.set(kStart.addSecs(2)); // the clock passes the due time; the timer follows it
    QTRY_VERIFY_WITH_TIMEOUT(!f.hasPhoto(soon), 10000);
    QCOMPARE(f.scheduler->lastRunAt(), kStart.addSecs(2));
    // Nothing left: back to the interval.
    QCOMPARE(f.scheduler->nextRunAt(), kStart.addSecs(2 + 10 * 60));
}

void TestPurgeScheduler::reportsAFailedPurge()
{
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    Fixture f(target);
    QVERIFY2(f.database, qPrintable(f.error));
    const QString due = f.addPhoto(RetentionPolicy::Rule::InScope, kStart.addSecs(-15 * 24 * 3600));
    QVERIFY2(!due.isEmpty(), qPrintable(f.error));
    // The deletion records cannot be written: the photo must stay, and the failure be said.
    QVERIFY2(f.database->exec(QStringLiteral("ALTER TABLE deletions RENAME TO deletions_away"), QStringLiteral("rename"),
                              &f.error),
             qPrintable(f.error));
    f.scheduler->setInterval(50ms);
    QSignalSpy purged(f.scheduler.get(), &PurgeScheduler::purged);
    QSignalSpy failed(f.scheduler.get(), &PurgeScheduler::failed);
    f.scheduler->start();
    QCOMPARE(failed.count(), 1);
    QCOMPARE(purged.count(), 0);
    const QString reason = failed.at(0).at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("deletion records")) && reason.contains(QStringLiteral("2026-11-26T09:00:00")),
             qPrintable(reason));
    QCOMPARE(f.scheduler->lastError(), reason);
    QVERIFY(f.hasPhoto(due));
    QTRY_VERIFY(failed.count() >= 2); // retried on the next tick, and said again
    QCOMPARE(purged.count(), 0);

    QVERIFY2(f.database->exec(QStringLiteral("ALTER TABLE deletions_away RENAME TO deletions"), QStringLiteral("rename"),
                              &f.error),
             qPrintable(f.error));
    QTRY_VERIFY(!f.hasPhoto(due));
    QTRY_VERIFY(purged.count() >= 1);
    QVERIFY(f.scheduler->lastError().isEmpty());
}

void TestPurgeScheduler::reportsAnUnreclaimedPurge()
{
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    if (!target.isSqlite())
        QSKIP("a reader blocking the WAL checkpoint is SQLite's case; PostgreSQL's VACUUM does not wait for readers");
    Fixture f(target, 200);
    QVERIFY2(f.database, qPrintable(f.error));
    const QString due = f.addPhoto(RetentionPolicy::Rule::InScope, kStart.addSecs(-15 * 24 * 3600));
    QVERIFY2(!due.isEmpty(), qPrintable(f.error));
    // Another program reading the database holds the WAL: the checkpoint cannot truncate it.
    const QString name = QStringLiteral("reader");
    {
        QSqlDatabase reader = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        reader.setDatabaseName(target.sqlitePath());
        QVERIFY(reader.open());
        QSqlQuery read(reader);
        QVERIFY(read.exec(QStringLiteral("BEGIN")));
        QVERIFY(read.exec(QStringLiteral("SELECT COUNT(*) FROM photos")) && read.next());

        f.scheduler->setInterval(100ms);
        QSignalSpy purged(f.scheduler.get(), &PurgeScheduler::purged);
        QSignalSpy failed(f.scheduler.get(), &PurgeScheduler::failed);
        f.scheduler->start();
        QCOMPARE(purged.count(), 1);
        QCOMPARE(purged.at(0).at(0).value<PurgeReport>().photosDeleted, 1);
        QCOMPARE(failed.count(), 1);
        const QString reason = failed.at(0).at(0).toString();
        QVERIFY2(reason.contains(QStringLiteral("not reclaimed")) && reason.contains(QStringLiteral("reading")),
                 qPrintable(reason));
        QVERIFY(!f.hasPhoto(due));
        QTRY_VERIFY(failed.count() >= 2); // still pending while the reader stays

        read.finish();
        QVERIFY(read.exec(QStringLiteral("COMMIT")));
        // The reader gone, the next purge reclaims although it deletes nothing.
        QTRY_VERIFY(f.scheduler->lastError().isEmpty());
        const auto last = purged.last().at(0).value<PurgeReport>();
        QCOMPARE(last.deleted(), 0);
        QVERIFY(last.reclaimed);
        reader.close();
    }
    QSqlDatabase::removeDatabase(name);
    QCOMPARE(QFileInfo(target.sqlitePath() + QStringLiteral("-wal")).size(), 0);
}

void TestPurgeScheduler::signsACheckpointAtEachPurge()
{
    // Issue 18: the audit log's head is signed outside the database at every
    // scheduled purge; one that cannot be written is a failure said in words.
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    Fixture f(target);
    QVERIFY2(f.database, qPrintable(f.error));
    const QString folder = QDir(target.scratchDir()).filePath(QStringLiteral("checkpoints"));
    f.audit->setCheckpointFolder(folder);
    QVERIFY(!f.addPhoto(RetentionPolicy::Rule::UsCitizenOrExempt, kStart.addSecs(-13 * 3600)).isEmpty());
    QSignalSpy purged(f.scheduler.get(), &PurgeScheduler::purged);
    QSignalSpy failed(f.scheduler.get(), &PurgeScheduler::failed);
    QVERIFY(f.scheduler->purgeNow());
    QCOMPARE(failed.count(), 0);
    const auto report = purged.at(0).at(0).value<PurgeReport>();
    QVERIFY2(QFileInfo(report.checkpoint).isFile(), qPrintable(report.checkpoint + report.checkpointError));
    auto verification = f.audit->verifyWithCheckpoints(folder, &f.error);
    QVERIFY2(verification && verification->intact, qPrintable(verification ? verification->problem : f.error));

    // A folder that cannot be made (below a regular file).
    f.audit->setCheckpointFolder(report.checkpoint + QStringLiteral("/below-a-file"));
    QVERIFY(!f.scheduler->purgeNow());
    QCOMPARE(failed.count(), 1);
    const QString reason = failed.at(0).at(0).toString();
    QVERIFY2(reason.contains(QStringLiteral("checkpoint was not written")) && reason.contains(QStringLiteral("below-a-file")),
             qPrintable(reason));
}

void TestPurgeScheduler::stopStops()
{
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    Fixture f(target);
    QVERIFY2(f.database, qPrintable(f.error));
    f.scheduler->setInterval(20ms);
    QSignalSpy purged(f.scheduler.get(), &PurgeScheduler::purged);
    f.scheduler->start();
    QTRY_VERIFY(purged.count() >= 3);
    f.scheduler->stop();
    QVERIFY(!f.scheduler->isActive());
    QVERIFY(f.scheduler->nextRunAt().isNull());
    const qsizetype runs = purged.count();
    QTest::qWait(200);
    QCOMPARE(purged.count(), runs);
    // purgeNow still works by hand, and does not restart the timer.
    QVERIFY(f.scheduler->purgeNow());
    QCOMPARE(purged.count(), runs + 1);
    QTest::qWait(100);
    QCOMPARE(purged.count(), runs + 1);
}

QTEST_GUILESS_MAIN(TestPurgeScheduler)
#include "tst_purgescheduler.moc"
