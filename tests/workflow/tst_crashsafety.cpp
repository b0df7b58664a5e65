// A workstation that dies in the middle of writing (power cut, kill -9) leaves
// records that are whole: every encounter with its photo, template and audit
// event, none of them without the others, every reported commit durable, and
// an intact audit chain. encounter_writer writes in a loop; it is killed with
// SIGKILL at random moments (seeded) and the database is checked each time.
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/workflow/EncounterStore.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTest>
#include <QThread>

#include <random>

#include <signal.h>

using namespace fg;

namespace {

constexpr int kKills = 20;

// Statements whose count must be 0 in a consistent database.
const QStringList kOrphans = {
    // An encounter without its photo, template or audit event.
    QStringLiteral("SELECT COUNT(*) FROM encounters e WHERE NOT EXISTS (SELECT 1 FROM photos p WHERE p.encounter_id = e.id)"),
    QStringLiteral("SELECT COUNT(*) FROM encounters e WHERE NOT EXISTS (SELECT 1 FROM templates t WHERE t.encounter_id = e.id)"),
    QStringLiteral("SELECT COUNT(*) FROM encounters e WHERE NOT EXISTS (SELECT 1 FROM audit_events a WHERE "
                   "a.action = 'encounter.add' AND a.subject = 'encounter:' || CAST(e.id AS TEXT))"),
    // A no-match without its queue item, or a queue item without a no-match.
    QStringLiteral("SELECT COUNT(*) FROM encounters e WHERE e.decision = 'no-match' AND NOT EXISTS "
                   "(SELECT 1 FROM queue_items q WHERE q.encounter_id = e.id)"),
    QStringLiteral("SELECT COUNT(*) FROM queue_items q WHERE NOT EXISTS "
                   "(SELECT 1 FROM encounters e WHERE e.id = q.encounter_id AND e.decision = 'no-match')"),
    // A photo, template, traveler or audit event without its encounter.
    QStringLiteral("SELECT COUNT(*) FROM photos p WHERE NOT EXISTS (SELECT 1 FROM encounters e WHERE e.id = p.encounter_id)"),
    QStringLiteral("SELECT COUNT(*) FROM templates t WHERE NOT EXISTS (SELECT 1 FROM encounters e WHERE e.id = t.encounter_id)"),
    QStringLiteral("SELECT COUNT(*) FROM templates t WHERE NOT EXISTS (SELECT 1 FROM photos p WHERE p.id = t.photo_id)"),
    QStringLiteral("SELECT COUNT(*) FROM travelers v WHERE NOT EXISTS (SELECT 1 FROM encounters e WHERE e.traveler_id = v.id)"),
    QStringLiteral("SELECT COUNT(*) FROM audit_events a WHERE a.action = 'encounter.add' AND NOT EXISTS "
                   "(SELECT 1 FROM encounters e WHERE a.subject = 'encounter:' || CAST(e.id AS TEXT))"),
};

std::optional<qint64> count(const Database& database, const QString& sql, QString* error)
{
    const std::optional<QVariant> value = database.scalar(sql, {}, sql, error);
    return value ? std::optional(value->toLongLong()) : std::nullopt;
}

} // namespace

class TestCrashSafety : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killedWriterLeavesWholeRecords();
};

void TestCrashSafety::killedWriterLeavesWholeRecords()
{
    FG_REQUIRE_DATASETS();
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    const QString keyFile = QDir(target.scratchDir()).filePath(QStringLiteral("writer.kek"));
    const QString photoPath = test::datasetPath(QStringLiteral("faces-dev/single/rose_leslie/01.jpg"));
    QString error;
    QVERIFY2(KeyEncryptionKey::createKeyFile(keyFile, &error), qPrintable(error));
    QFile photoFile(photoPath);
    QVERIFY2(photoFile.open(QIODevice::ReadOnly), qPrintable(photoPath));
    const QByteArray photo = photoFile.readAll();

    std::mt19937 random(20261126);
    std::uniform_int_distribution<int> delayMs(50, 400);
    qint64 printedTotal = 0;
    QElapsedTimer elapsed;
    elapsed.start();
    for (int kill = 1; kill <= kKills; ++kill) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start(QStringLiteral(ENCOUNTER_WRITER), {target.urlText(), keyFile, photoPath});
        QVERIFY2(writer.waitForStarted(10000), qPrintable(writer.errorString()));
        // Wait for the first committed encounter, then let it write a while.
        QByteArray printed;
        while (!printed.contains('\n')) {
            QVERIFY2(writer.state() == QProcess::Running || writer.bytesAvailable() > 0,
                     qPrintable(QString::fromUtf8(writer.readAllStandardError())));
            writer.waitForReadyRead(10000);
            printed += writer.readAllStandardOutput();
            QVERIFY2(elapsed.elapsed() < 80000, "the writer does not commit");
        }
        QThread::msleep(static_cast<unsigned long>(delayMs(random)));
        QCOMPARE(::kill(static_cast<pid_t>(writer.processId()), SIGKILL), 0);
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);
        printed += writer.readAllStandardOutput();
        const QString stderrText = QString::fromUtf8(writer.readAllStandardError());
        QVERIFY2(stderrText.isEmpty(), qPrintable(stderrText));

        // Only whole lines are commits the writer reported.
        QList<qint64> ids;
        for (const QByteArray& line : printed.left(printed.lastIndexOf('\n')).split('\n')) {
            bool ok = false;
            ids.append(line.toLongLong(&ok));
            QVERIFY2(ok, line.constData());
        }
        printedTotal += ids.size();

        const auto database = target.open(&error);
        QVERIFY2(database, qPrintable(QStringLiteral("after kill %1: %2").arg(kill).arg(error)));
        QVERIFY2(database->integrityCheck(&error), qPrintable(QStringLiteral("after kill %1: %2").arg(kill).arg(error)));
        for (const QString& orphans : kOrphans) {
            const std::optional<qint64> found = count(*database, orphans, &error);
            QVERIFY2(found, qPrintable(error));
            QVERIFY2(*found == 0, qPrintable(QStringLiteral("after kill %1: %2 rows of: %3").arg(kill).arg(*found).arg(orphans)));
        }
        // Each reported commit is there (committed = durable).
        const auto encounters = count(*database, QStringLiteral("SELECT COUNT(*) FROM encounters"), &error);
        QVERIFY2(encounters, qPrintable(error));
        QVERIFY2(*encounters >= printedTotal, qPrintable(QStringLiteral("after kill %1: %2 encounters, %3 reported")
                                                             .arg(kill)
                                                             .arg(*encounters)
                                                             .arg(printedTotal)));
        for (const qint64 id : ids) {
            const auto present = database->scalar(QStringLiteral("SELECT COUNT(*) FROM encounters WHERE id = ?"), {id},
                                                  QStringLiteral("look for an encounter"), &error);
            QVERIFY2(present && present->toLongLong() == 1,
                     qPrintable(QStringLiteral("after kill %1: reported encounter %2 is missing").arg(kill).arg(id)));
        }
        test::ManualClock clock{QDateTime::currentDateTimeUtc()}; // after the writer's events, dated by the real clock
        const AuditLog audit(*database, clock, fg::test::auditKey());
        const auto verification = audit.verify(&error);
        QVERIFY2(verification, qPrintable(error));
        QVERIFY2(verification->intact, qPrintable(QStringLiteral("after kill %1: %2").arg(kill).arg(verification->problem)));

        // The last reported photo still opens, byte for byte (checked on the last round only: it costs a key open).
        if (kill == kKills) {
            const auto keys = KeyStore::openWithKeyFile(*database, audit, keyFile, QStringLiteral("test:check"), &error);
            QVERIFY2(keys, qPrintable(error));
            const RetentionPolicy policy;
            const EncounterStore store(*database, *keys, audit, clock, policy);
            bool purged = false;
            const auto opened = store.photo(ids.back(), {QStringLiteral("test:check"), QStringLiteral("crash test")}, &purged,
                                            &error);
            QVERIFY2(opened, qPrintable(error));
            QCOMPARE(*opened, photo);
            QVERIFY2(store.faceTemplate(ids.back(), {QStringLiteral("test:check"), QStringLiteral("crash test")}, &purged,
                                        &error),
                     qPrintable(error));
        }
    }
    qInfo("%d kills, %lld encounters reported committed, %lld ms", kKills, printedTotal, elapsed.elapsed());
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
