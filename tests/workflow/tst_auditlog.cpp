// The audit log (core/security/AuditLog): append-only and hash-chained, so
// that an edited, removed, reordered, forged or truncated event is found,
// both by AuditLog::verify and by `facegate-cli --db URL audit verify`
// (ARCHITECTURE.md). The tamperer here has the database: they drop the
// append-only triggers first, as they would; they do not have the audit key
// (but a row below shows what one who has it can do: the checkpoints of
// tst_auditanchor find that).
#include "core/security/AuditLog.h"
#include "core/storage/Database.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <thread>

using namespace fg;

namespace {

constexpr int kEvents = 6;

struct CliRun {
    int status = -1;
    QJsonObject json;
    QString err;
};

// facegate-cli with the tests' audit key (FACEGATE_AUDIT_KEY_FILE) and a home of its own.
CliRun runCli(const QStringList& arguments)
{
    static QTemporaryDir home;
    const QString keyFile = home.filePath(QStringLiteral("audit.key"));
    QString error;
    if (!QFileInfo::exists(keyFile) && !test::writeAuditKeyFile(keyFile, &error))
        return CliRun{-3, {}, error};
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("FACEGATE_CONFIG"), QString());
    environment.insert(QStringLiteral("FACEGATE_AUDIT_KEY_FILE"), keyFile);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(FACEGATE_CLI), arguments);
    process.waitForFinished(60000);
    CliRun run;
    run.status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

bool execAll(const Database& database, const QStringList& statements, QString* error)
{
    for (const QString& sql : statements) {
        if (!database.exec(sql, sql, error))
            return false;
    }
    return true;
}

// What the tamperer runs first: the append-only triggers stop honest mistakes,
// not the tables' owner (PostgreSQL) or anyone who can write the file (SQLite).
bool dropTriggers(const Database& database, QString* error)
{
    QSqlQuery triggers = database.query();
    triggers.prepare(database.isSqlite()
                         ? QStringLiteral("SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger' "
                                          "AND tbl_name LIKE 'audit%'")
                         : QStringLiteral("SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                                          "WHERE NOT t.tgisinternal AND c.relname LIKE 'audit%'"));
    if (!database.exec(triggers, QStringLiteral("list the audit triggers"), error))
        return false;
    QStringList drops;
    while (triggers.next()) {
        drops << (database.isSqlite() ? QStringLiteral("DROP TRIGGER %1").arg(triggers.value(0).toString())
                                      : QStringLiteral("DROP TRIGGER %1 ON %2")
                                            .arg(triggers.value(0).toString(), triggers.value(1).toString()));
    }
    triggers.finish();
    if (drops.isEmpty()) {
        *error = QStringLiteral("no audit trigger to drop");
        return false;
    }
    return execAll(database, drops, error);
}

QString hashOfEvent(const Database& database, qint64 seq)
{
    QString error;
    const auto hash = database.scalar(QStringLiteral("SELECT hash FROM audit_events WHERE seq = ?"), {seq},
                                      QStringLiteral("read a hash"), &error);
    return hash ? hash->toString() : QString();
}

} // namespace

class TestAuditLog : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void untouchedLogVerifies();
    void appendsRefusedEditsByTrigger();
    void tamperingIsFound_data();
    void tamperingIsFound();
    void forgedEventBeforeTheFirst();
    void twoConnectionsKeepOneChain();
    void concurrentWritersKeepOneChain();
};

void TestAuditLog::untouchedLogVerifies()
{
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QString error;
    const auto database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    test::ManualClock clock;
    const AuditLog log(*database, clock, fg::test::auditKey());

    auto result = log.verify(&error);
    QVERIFY2(result, qPrintable(error));
    QVERIFY(result->intact); // an empty log is intact
    QCOMPARE(result->events, 0);

    QString lastHash;
    for (int i = 1; i <= kEvents; ++i) {
        qint64 seq = 0;
        QVERIFY2(log.record(QStringLiteral("officer:jdoe"), QStringLiteral("test.event"), QStringLiteral("thing:%1").arg(i),
                            QJsonObject{{QStringLiteral("n"), i}}, &error, &seq),
                 qPrintable(error));
        QCOMPARE(seq, qint64(i));
        clock.advanceSeconds(1);
    }
    result = log.verify(&error);
    QVERIFY2(result, qPrintable(error));
    QVERIFY2(result->intact, qPrintable(result->problem));
    QCOMPARE(result->events, kEvents);
    QCOMPARE(result->firstBadSeq, 0);
    QCOMPARE(result->headHash, hashOfEvent(*database, kEvents));

    const auto events = log.events(1, 100, &error);
    QVERIFY2(events, qPrintable(error));
    QCOMPARE(int(events->size()), kEvents);
    QCOMPARE(events->front().prevHash, AuditLog::genesisHash());
    for (size_t i = 1; i < events->size(); ++i)
        QCOMPARE((*events)[i].prevHash, (*events)[i - 1].hash);
    QCOMPARE(events->back().details.value(QStringLiteral("n")).toInt(), kEvents);
    QCOMPARE(events->back().at, clock.now().addSecs(-1));

    const CliRun run = runCli({QStringLiteral("--db"), target.urlText(), QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(run.status == 0, qPrintable(run.err));
    QCOMPARE(run.json.value(QStringLiteral("intact")).toBool(), true);
    QCOMPARE(run.json.value(QStringLiteral("events")).toInteger(), kEvents);
    QCOMPARE(run.json.value(QStringLiteral("head")).toString(), result->headHash);
}

void TestAuditLog::appendsRefusedEditsByTrigger()
{
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QString error;
    const auto database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    test::ManualClock clock;
    const AuditLog log(*database, clock, fg::test::auditKey());
    QVERIFY2(log.record(QStringLiteral("officer:jdoe"), QStringLiteral("test.event"), {}, {}, &error), qPrintable(error));
    QVERIFY(!database->exec(QStringLiteral("UPDATE audit_events SET actor = 'x'"), QStringLiteral("edit"), &error));
    QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
    QVERIFY(!database->exec(QStringLiteral("DELETE FROM audit_events"), QStringLiteral("delete"), &error));
    QVERIFY2(error.contains(QStringLiteral("append-only")), qPrintable(error));
}

void TestAuditLog::tamperingIsFound_data()
{
    QTest::addColumn<QStringList>("statements"); // %HASH5 / %HASH6 / %FORGED: filled in by the test
    QTest::addColumn<qint64>("firstBad");
    QTest::addColumn<QString>("problem");        // a word the problem must contain

    QTest::newRow("actor of event 3 edited")
        << QStringList{QStringLiteral("UPDATE audit_events SET actor = 'cli:mallory' WHERE seq = 3")} << qint64(3)
        << QStringLiteral("edited");
    QTest::newRow("details of event 3 edited")
        << QStringList{QStringLiteral("UPDATE audit_events SET details = '{\"n\":33}' WHERE seq = 3")} << qint64(3)
        << QStringLiteral("edited");
    QTest::newRow("time of event 3 edited")
        << QStringList{QStringLiteral("UPDATE audit_events SET at = at - 3600000 WHERE seq = 3")} << qint64(3)
        << QStringLiteral("edited");
    QTest::newRow("action of event 3 edited")
        << QStringList{QStringLiteral("UPDATE audit_events SET action = 'test.other' WHERE seq = 3")} << qint64(3)
        << QStringLiteral("edited");
    // Without the audit key, a recomputed hash is not the event's HMAC.
    QTest::newRow("event 3 edited and its hash recomputed without the key")
        << QStringList{QStringLiteral("UPDATE audit_events SET actor = 'cli:mallory', hash = '%REHASH3' WHERE seq = 3")}
        << qint64(3) << QStringLiteral("forged");
    QTest::newRow("event 3 edited and its hash recomputed with the key")
        << QStringList{QStringLiteral("UPDATE audit_events SET actor = 'cli:mallory', hash = '%KEYEDREHASH3' WHERE seq = 3")}
        << qint64(4) << QStringLiteral("does not follow");
    QTest::newRow("event 3 deleted") << QStringList{QStringLiteral("DELETE FROM audit_events WHERE seq = 3")} << qint64(3)
                                     << QStringLiteral("missing");
    QTest::newRow("first event deleted") << QStringList{QStringLiteral("DELETE FROM audit_events WHERE seq = 1")}
                                         << qint64(1) << QStringLiteral("missing");
    QTest::newRow("last event deleted") << QStringList{QStringLiteral("DELETE FROM audit_events WHERE seq = 6")}
                                        << qint64(6) << QStringLiteral("removed");
    QTest::newRow("events 3 and 5 swapped")
        << QStringList{QStringLiteral("UPDATE audit_events SET seq = -5 WHERE seq = 5"),
                       QStringLiteral("UPDATE audit_events SET seq = 5 WHERE seq = 3"),
                       QStringLiteral("UPDATE audit_events SET seq = 3 WHERE seq = -5")}
        << qint64(3) << QStringLiteral("does not follow");
    QTest::newRow("events 4 and 5 swapped")
        << QStringList{QStringLiteral("UPDATE audit_events SET seq = -5 WHERE seq = 5"),
                       QStringLiteral("UPDATE audit_events SET seq = 5 WHERE seq = 4"),
                       QStringLiteral("UPDATE audit_events SET seq = 4 WHERE seq = -5")}
        << qint64(4) << QStringLiteral("does not follow");
    QTest::newRow("forged event appended")
        << QStringList{QStringLiteral("INSERT INTO audit_events (seq, at, actor, action, subject, details, prev_hash, hash) "
                                      "VALUES (7, 1800000000000, 'cli:mallory', 'key.unwrap', 'photo:x', '', '%HASH6', "
                                      "'%FORGED7')")}
        << qint64(7) << QStringLiteral("forged");
    QTest::newRow("head moved back one event")
        << QStringList{QStringLiteral("UPDATE audit_head SET seq = 5, hash = '%HASH5'")} << qint64(6)
        << QStringLiteral("head");
    QTest::newRow("head moved forward")
        << QStringList{QStringLiteral("UPDATE audit_head SET seq = 8")} << qint64(7) << QStringLiteral("removed");
    QTest::newRow("head hash replaced") << QStringList{QStringLiteral("UPDATE audit_head SET hash = '%HASH5'")}
                                        << qint64(6) << QStringLiteral("head");
}

void TestAuditLog::tamperingIsFound()
{
    QFETCH(QStringList, statements);
    QFETCH(qint64, firstBad);
    QFETCH(QString, problem);
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QString error;
    const auto database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    test::ManualClock clock;
    const AuditLog log(*database, clock, fg::test::auditKey());
    for (int i = 1; i <= kEvents; ++i) {
        QVERIFY2(log.record(QStringLiteral("officer:jdoe"), QStringLiteral("test.event"), QStringLiteral("thing:%1").arg(i),
                            QJsonObject{{QStringLiteral("n"), i}}, &error),
                 qPrintable(error));
        clock.advanceSeconds(1);
    }
    auto before = log.verify(&error);
    QVERIFY2(before && before->intact, qPrintable(before ? before->problem : error));

    // The tamperer knows the hash function: forged hashes are computed, not guessed.
    const QString hash2 = hashOfEvent(*database, 2);
    const QString hash6 = hashOfEvent(*database, 6);
    const auto event3 = log.events(3, 1, &error);
    QVERIFY2(event3 && event3->size() == 1, qPrintable(error));
    const auto rehashed3 = [&](const AuditKey* key) {
        return AuditLog::hashOf(hash2, 3, event3->front().at.toMSecsSinceEpoch(), QStringLiteral("cli:mallory"),
                                event3->front().action, event3->front().subject,
                                QString::fromUtf8(QJsonDocument(event3->front().details).toJson(QJsonDocument::Compact)),
                                key);
    };
    const QString rehash3 = rehashed3(nullptr);
    const QString keyedRehash3 = rehashed3(fg::test::auditKey().get());
    const QString forged7 = AuditLog::hashOf(hash6, 7, 1800000000000, QStringLiteral("cli:mallory"),
                                             QStringLiteral("key.unwrap"), QStringLiteral("photo:x"), QString(), nullptr);
    QVERIFY2(dropTriggers(*database, &error), qPrintable(error));
    for (QString sql : statements) {
        sql.replace(QStringLiteral("%HASH5"), hashOfEvent(*database, 5))
            .replace(QStringLiteral("%HASH6"), hash6)
            .replace(QStringLiteral("%KEYEDREHASH3"), keyedRehash3)
            .replace(QStringLiteral("%REHASH3"), rehash3)
            .replace(QStringLiteral("%FORGED7"), forged7);
        QSqlQuery statement = database->query();
        QVERIFY2(statement.exec(sql), qPrintable(sql));
        QVERIFY2(statement.numRowsAffected() == 1, qPrintable(sql));
    }

    const auto result = log.verify(&error);
    QVERIFY2(result, qPrintable(error));
    QVERIFY(!result->intact);
    QCOMPARE(result->firstBadSeq, firstBad);
    QVERIFY2(result->problem.contains(problem), qPrintable(result->problem));
    QVERIFY2(result->problem.contains(QStringLiteral("event %1").arg(firstBad)), qPrintable(result->problem));
    QVERIFY(result->headHash.isEmpty());

    const CliRun run = runCli({QStringLiteral("--db"), target.urlText(), QStringLiteral("audit"), QStringLiteral("verify")});
    QCOMPARE(run.status, 1);
    QCOMPARE(run.json.value(QStringLiteral("intact")).toBool(true), false);
    QCOMPARE(run.json.value(QStringLiteral("first_bad_event")).toInteger(), firstBad);
    QCOMPARE(run.json.value(QStringLiteral("problem")).toString(), result->problem);
    QVERIFY2(run.err.contains(QStringLiteral("event %1").arg(firstBad)), qPrintable(run.err));
}

void TestAuditLog::forgedEventBeforeTheFirst()
{
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QString error;
    const auto database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    test::ManualClock clock;
    const AuditLog log(*database, clock, fg::test::auditKey());
    for (int i = 1; i <= 3; ++i)
        QVERIFY2(log.record(QStringLiteral("officer:jdoe"), QStringLiteral("test.event"), {}, {}, &error), qPrintable(error));
    QVERIFY2(database->exec(QStringLiteral("INSERT INTO audit_events (seq, at, actor, action, subject, details, prev_hash, "
                                           "hash) VALUES (0, 0, 'cli:mallory', 'user.add', '', '', '', '')"),
                            QStringLiteral("forge"), &error),
             qPrintable(error));
    const auto result = log.verify(&error);
    QVERIFY2(result, qPrintable(error));
    QVERIFY(!result->intact);
    QCOMPARE(result->firstBadSeq, 0);
    QVERIFY2(result->problem.contains(QStringLiteral("forged")), qPrintable(result->problem));
}

void TestAuditLog::twoConnectionsKeepOneChain()
{
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QString error;
    const auto first = target.open(&error);
    QVERIFY2(first, qPrintable(error));
    const auto second = target.open(&error);
    QVERIFY2(second, qPrintable(error));
    test::ManualClock clock;
    const AuditLog logs[2] = {AuditLog(*first, clock, fg::test::auditKey()), AuditLog(*second, clock, fg::test::auditKey())};
    for (int i = 0; i < 20; ++i) {
        qint64 seq = 0;
        QVERIFY2(logs[i % 2].record(QStringLiteral("officer:w%1").arg(i % 2), QStringLiteral("test.event"), {}, {}, &error,
                                    &seq),
                 qPrintable(error));
        QCOMPARE(seq, qint64(i + 1));
    }
    for (const AuditLog& log : logs) {
        const auto result = log.verify(&error);
        QVERIFY2(result, qPrintable(error));
        QVERIFY2(result->intact, qPrintable(result->problem));
        QCOMPARE(result->events, 20);
    }
}

void TestAuditLog::concurrentWritersKeepOneChain()
{
    // Two workstations start writing to an empty log at the same moment, each
    // on its own connection in its own thread (a Database belongs to its thread).
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    constexpr int kPerWriter = 25;
    QString error;
    // Created and migrated here: the writers find the schema, and an empty log.
    const auto database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    QCOMPARE(database->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_head"), {}, QStringLiteral("head"), &error)->toInt(), 0);
    QString errors[2];
    std::vector<qint64> seqs[2];
    {
        std::thread writers[2];
        for (int w = 0; w < 2; ++w) {
            writers[w] = std::thread([&target, &errors, &seqs, w] {
                QString why;
                const auto connection = target.open(&why);
                if (!connection) {
                    errors[w] = why;
                    return;
                }
                test::ManualClock clock;
                const AuditLog log(*connection, clock, fg::test::auditKey());
                for (int i = 0; i < kPerWriter; ++i) {
                    qint64 seq = 0;
                    if (!log.record(QStringLiteral("officer:w%1").arg(w), QStringLiteral("test.event"), {}, {}, &why, &seq)) {
                        errors[w] = why;
                        return;
                    }
                    seqs[w].push_back(seq);
                }
            });
        }
        for (std::thread& writer : writers)
            writer.join();
    }
    QVERIFY2(errors[0].isEmpty(), qPrintable(errors[0]));
    QVERIFY2(errors[1].isEmpty(), qPrintable(errors[1]));
    std::vector<qint64> all = seqs[0];
    all.insert(all.end(), seqs[1].begin(), seqs[1].end());
    std::sort(all.begin(), all.end());
    for (int i = 0; i < 2 * kPerWriter; ++i)
        QCOMPARE(all[size_t(i)], qint64(i + 1)); // every number once: no event lost, none doubled
    test::ManualClock clock;
    const auto result = AuditLog(*database, clock, fg::test::auditKey()).verify(&error);
    QVERIFY2(result, qPrintable(error));
    QVERIFY2(result->intact, qPrintable(result->problem));
    QCOMPARE(result->events, 2 * kPerWriter);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_auditlog.moc"
