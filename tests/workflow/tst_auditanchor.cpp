// The audit log against an insider with the database (issue 18): the chain is
// keyed with the audit key (AuditKey, never in the database), its head is
// signed into checkpoint files outside the database (AuditCheckpoint), the
// triggers of migration 008 refuse TRUNCATE and any head move but one step
// forward, event times never go backwards, and facegate-cli takes --now on a
// purge drill only. Each attack here verified as intact before (on SQLite and
// PostgreSQL alike).
#include "core/security/AuditCheckpoint.h"
#include "core/security/AuditKey.h"
#include "core/security/AuditLog.h"
#include "core/security/SecureBuffer.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace fg;

namespace {

constexpr int kEvents = 6;

struct CliRun {
    int status = -1;
    QJsonObject json;
    QString err;
};

// facegate-cli in a home of its own, with the tests' audit key unless withKey is false.
CliRun runCli(const QStringList& arguments, bool withKey = true)
{
    QTemporaryDir home;
    const QString keyFile = home.filePath(QStringLiteral("audit.key"));
    QString error;
    if (withKey && !test::writeAuditKeyFile(keyFile, &error))
        return CliRun{-3, {}, error};
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("HOME"), home.path());
    environment.insert(QStringLiteral("FACEGATE_CONFIG"), QString());
    if (withKey)
        environment.insert(QStringLiteral("FACEGATE_AUDIT_KEY_FILE"), keyFile);
    else
        environment.remove(QStringLiteral("FACEGATE_AUDIT_KEY_FILE"));
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

// What a tamperer who owns the tables (or the SQLite file) runs first.
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
    return execAll(database, drops, error);
}

QString hashOfEvent(const Database& database, qint64 seq)
{
    QString error;
    const auto hash = database.scalar(QStringLiteral("SELECT hash FROM audit_events WHERE seq = ?"), {seq},
                                      QStringLiteral("read a hash"), &error);
    return hash ? hash->toString() : QString();
}

bool recordEvents(const AuditLog& log, test::ManualClock& clock, int count, QString* error)
{
    for (int i = 0; i < count; ++i) {
        if (!log.record(QStringLiteral("officer:jdoe"), QStringLiteral("test.event"), QStringLiteral("thing:%1").arg(i),
                        QJsonObject{{QStringLiteral("n"), i}}, error))
            return false;
        clock.advanceSeconds(1);
    }
    return true;
}

std::shared_ptr<const AuditKey> otherKey()
{
    QString error;
    return std::shared_ptr<const AuditKey>(AuditKey::fromKey(SecureBuffer::fromBytes(QByteArray(32, '\x42')), &error));
}

} // namespace

class TestAuditAnchor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void truncateAndHeadMovesAreRefused();
    void appendsInOneTransactionStepOneByOne();
    void chainCutShortIsFoundByCheckpoints_data();
    void chainCutShortIsFoundByCheckpoints();
    void chainRewrittenWithTheKeyIsFoundByCheckpoints();
    void forgedCheckpointIsFound_data();
    void forgedCheckpointIsFound();
    void verifyNeedsTheAuditKey();
    void eventTimesNeverGoBackwards();
    void unkeyedLogIsKeyedFromTheNextEvent();
    void nowIsOnlyForPurgeDrills_data();
    void nowIsOnlyForPurgeDrills();
};

void TestAuditAnchor::truncateAndHeadMovesAreRefused()
{
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QString error;
    const auto database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    test::ManualClock clock;
    const AuditLog log(*database, clock, test::auditKey());
    QVERIFY2(recordEvents(log, clock, 3, &error), qPrintable(error));

    QStringList refused = {
        QStringLiteral("DELETE FROM audit_head"),
        QStringLiteral("UPDATE audit_head SET seq = 2, hash = '%1'").arg(hashOfEvent(*database, 2)), // back one
        QStringLiteral("UPDATE audit_head SET seq = 0"),                                              // back to the start
        QStringLiteral("UPDATE audit_head SET seq = 5"),                                              // beyond
        QStringLiteral("UPDATE audit_head SET seq = 4, hash = 'f00'"), // one step, onto no event
        QStringLiteral("DELETE FROM audit_keys"),
        QStringLiteral("UPDATE audit_keys SET from_seq = 99"),
        QStringLiteral("UPDATE audit_identity SET database_id = 'other'"),
    };
    if (!database->isSqlite())
        refused << QStringLiteral("TRUNCATE audit_events") << QStringLiteral("TRUNCATE audit_head")
                << QStringLiteral("TRUNCATE audit_events, audit_head") << QStringLiteral("TRUNCATE audit_keys");
    for (const QString& sql : refused) {
        QString why;
        QVERIFY2(!database->exec(sql, sql, &why), qPrintable(QStringLiteral("not refused: ") + sql));
        QVERIFY2(why.contains(QStringLiteral("audit_")), qPrintable(why));
    }
    const auto result = log.verify(&error);
    QVERIFY2(result, qPrintable(error));
    QVERIFY2(result->intact, qPrintable(result->problem));
    QCOMPARE(result->events, 3);
}

void TestAuditAnchor::appendsInOneTransactionStepOneByOne()
{
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QString error;
    const auto database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    test::ManualClock clock;
    const AuditLog log(*database, clock, test::auditKey());
    for (int round = 0; round < 2; ++round) {
        Transaction transaction(*database);
        QVERIFY2(transaction.begin(&error), qPrintable(error));
        for (int i = 1; i <= 3; ++i) {
            qint64 seq = 0;
            QVERIFY2(log.append(QStringLiteral("officer:jdoe"), QStringLiteral("test.event"), {}, {}, &error, &seq),
                     qPrintable(error));
            QCOMPARE(seq, qint64(round * 3 + i));
        }
        QVERIFY2(transaction.commit(&error), qPrintable(error));
    }
    const auto result = log.verify(&error);
    QVERIFY2(result && result->intact, qPrintable(result ? result->problem : error));
    QCOMPARE(result->events, 6);
    QCOMPARE(result->keyedFromSeq, 1); // a new log is keyed from its first event
}

void TestAuditAnchor::chainCutShortIsFoundByCheckpoints_data()
{
    QTest::addColumn<QStringList>("statements"); // %HASH4: event 4's hash
    QTest::addColumn<qint64>("firstBad");
    QTest::newRow("tail deleted, head moved back")
        << QStringList{QStringLiteral("DELETE FROM audit_events WHERE seq > 4"),
                       QStringLiteral("UPDATE audit_head SET seq = 4, hash = '%HASH4'")}
        << qint64(5);
    QTest::newRow("everything deleted")
        << QStringList{QStringLiteral("DELETE FROM audit_events"), QStringLiteral("DELETE FROM audit_head"),
                       QStringLiteral("DELETE FROM audit_keys")}
        << qint64(1);
}

void TestAuditAnchor::chainCutShortIsFoundByCheckpoints()
{
    QFETCH(QStringList, statements);
    QFETCH(qint64, firstBad);
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QString error;
    const auto database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    test::ManualClock clock;
    AuditLog log(*database, clock, test::auditKey());
    const QString folder = QDir(target.scratchDir()).filePath(QStringLiteral("checkpoints"));
    log.setCheckpointFolder(folder);
    QVERIFY2(recordEvents(log, clock, kEvents, &error), qPrintable(error));
    QString written;
    QVERIFY2(log.writeCheckpoint(&written, &error), qPrintable(error));
    QVERIFY(QFileInfo(written).isFile());
    QVERIFY2(QFileInfo(written).absolutePath() == QFileInfo(folder).absoluteFilePath(), qPrintable(written));
    auto before = log.verifyWithCheckpoints(folder, &error);
    QVERIFY2(before && before->intact, qPrintable(before ? before->problem : error));
    QCOMPARE(before->checkpoints, 1);

    // The owner of the tables drops the triggers, then cuts.
    QVERIFY2(dropTriggers(*database, &error), qPrintable(error));
    const QString hash4 = hashOfEvent(*database, 4);
    for (QString sql : statements)
        QVERIFY2(database->exec(sql.replace(QStringLiteral("%HASH4"), hash4), sql, &error), qPrintable(error));

    // What is left is a keyed chain of its own: only the checkpoint shows the cut.
    const auto result = log.verifyWithCheckpoints(folder, &error);
    QVERIFY2(result, qPrintable(error));
    QVERIFY(!result->intact);
    QCOMPARE(result->firstBadSeq, firstBad);
    QVERIFY2(result->problem.contains(QStringLiteral("cut short")), qPrintable(result->problem));
    QVERIFY2(result->problem.contains(written), qPrintable(result->problem));

    const CliRun run = runCli({QStringLiteral("--db"), target.urlText(), QStringLiteral("audit"), QStringLiteral("verify"),
                               QStringLiteral("--checkpoints"), folder});
    QCOMPARE(run.status, 1);
    QCOMPARE(run.json.value(QStringLiteral("intact")).toBool(true), false);
    QCOMPARE(run.json.value(QStringLiteral("first_bad_event")).toInteger(), firstBad);
    QVERIFY2(run.err.contains(QStringLiteral("cut short")), qPrintable(run.err));
}

void TestAuditAnchor::chainRewrittenWithTheKeyIsFoundByCheckpoints()
{
    // Even one who holds the audit key cannot rewrite what a checkpoint vouched for.
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QString error;
    const auto database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    test::ManualClock clock;
    AuditLog log(*database, clock, test::auditKey());
    const QString folder = QDir(target.scratchDir()).filePath(QStringLiteral("checkpoints"));
    log.setCheckpointFolder(folder);
    QVERIFY2(recordEvents(log, clock, 4, &error), qPrintable(error));
    QString written;
    QVERIFY2(log.writeCheckpoint(&written, &error), qPrintable(error));
    QVERIFY2(recordEvents(log, clock, 2, &error), qPrintable(error));

    // Event 2's actor changed, and events 2 to 6 re-chained under the key.
    const auto events = log.events(1, 100, &error);
    QVERIFY2(events && events->size() == size_t(kEvents), qPrintable(error));
    QVERIFY2(dropTriggers(*database, &error), qPrintable(error));
    QString previous = (*events)[0].hash;
    for (size_t i = 1; i < events->size(); ++i) {
        const AuditEvent& event = (*events)[i];
        const QString actor = i == 1 ? QStringLiteral("officer:mallory") : event.actor;
        const QString details = QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact));
        const QString hash = AuditLog::hashOf(previous, event.seq, event.at.toMSecsSinceEpoch(), actor, event.action,
                                              event.subject, details, test::auditKey().get());
        QSqlQuery update = database->query();
        update.prepare(QStringLiteral("UPDATE audit_events SET actor = ?, prev_hash = ?, hash = ? WHERE seq = ?"));
        for (const QVariant& value : {QVariant(actor), QVariant(previous), QVariant(hash), QVariant(event.seq)})
            update.addBindValue(value);
        QVERIFY2(database->exec(update, QStringLiteral("rewrite"), &error), qPrintable(error));
        previous = hash;
    }
    QVERIFY2(database->exec(QStringLiteral("UPDATE audit_head SET hash = '%1'").arg(previous), QStringLiteral("head"), &error),
             qPrintable(error));

    const auto chain = log.verify(&error);
    QVERIFY2(chain && chain->intact, qPrintable(chain ? chain->problem : error)); // the key made it consistent
    const auto result = log.verifyWithCheckpoints(folder, &error);
    QVERIFY2(result, qPrintable(error));
    QVERIFY(!result->intact);
    QCOMPARE(result->firstBadSeq, 4);
    QVERIFY2(result->problem.contains(QStringLiteral("differs from the checkpoint")), qPrintable(result->problem));
}

void TestAuditAnchor::forgedCheckpointIsFound_data()
{
    QTest::addColumn<QString>("forgery");
    QTest::addColumn<QString>("problem");
    QTest::newRow("seq raised in the file") << QStringLiteral("seq") << QStringLiteral("not signed by this audit key");
    QTest::newRow("head hash replaced") << QStringLiteral("hash") << QStringLiteral("not signed by this audit key");
    QTest::newRow("signature removed") << QStringLiteral("unsigned") << QStringLiteral("not signed by this audit key");
    QTest::newRow("signed by another key") << QStringLiteral("other key") << QStringLiteral("not signed by this audit key");
    QTest::newRow("not a checkpoint") << QStringLiteral("garbage") << QStringLiteral("not a valid checkpoint");
    QTest::newRow("no checkpoint at all") << QStringLiteral("none") << QStringLiteral("no checkpoint of this database");
}

void TestAuditAnchor::forgedCheckpointIsFound()
{
    QFETCH(QString, forgery);
    QFETCH(QString, problem);
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QString error;
    const auto database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    test::ManualClock clock;
    AuditLog log(*database, clock, test::auditKey());
    const QString folder = QDir(target.scratchDir()).filePath(QStringLiteral("checkpoints"));
    log.setCheckpointFolder(folder);
    QVERIFY2(recordEvents(log, clock, 3, &error), qPrintable(error));
    QString written;
    QVERIFY2(log.writeCheckpoint(&written, &error), qPrintable(error));

    QFile file(written);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    QVERIFY(file.remove());
    const QString forged = QDir(folder).filePath(QStringLiteral("audit-checkpoint-forged.json"));
    if (forgery == QLatin1String("seq")) {
        json.insert(QStringLiteral("seq"), 2);
    } else if (forgery == QLatin1String("hash")) {
        json.insert(QStringLiteral("head_hash"), hashOfEvent(*database, 2));
    } else if (forgery == QLatin1String("unsigned")) {
        json.remove(QStringLiteral("signature"));
    } else if (forgery == QLatin1String("other key")) {
        std::optional<AuditCheckpoint> checkpoint = AuditCheckpoint::fromJson(json, &error);
        QVERIFY2(checkpoint, qPrintable(error));
        QVERIFY2(checkpoint->sign(*otherKey(), &error), qPrintable(error));
        json = checkpoint->toJson();
    }
    if (forgery == QLatin1String("garbage")) {
        QFile out(forged);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("{\"seq\": 99}");
    } else if (forgery != QLatin1String("none")) {
        QFile out(forged);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(json).toJson());
    }

    const auto result = log.verifyWithCheckpoints(folder, &error);
    QVERIFY2(result, qPrintable(error));
    QVERIFY(!result->intact);
    QVERIFY2(result->problem.contains(problem), qPrintable(result->problem));
}

void TestAuditAnchor::verifyNeedsTheAuditKey()
{
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QString error;
    const auto database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    test::ManualClock clock;
    const AuditLog log(*database, clock, test::auditKey());
    QVERIFY2(recordEvents(log, clock, 2, &error), qPrintable(error));

    const AuditLog keyless(*database, clock, nullptr);
    QVERIFY(!keyless.verify(&error));
    QVERIFY2(error.contains(QStringLiteral("without the audit key")), qPrintable(error));
    QVERIFY(!keyless.record(QStringLiteral("officer:jdoe"), QStringLiteral("test.event"), {}, {}, &error));
    QVERIFY2(error.contains(QStringLiteral("without the audit key")), qPrintable(error));

    const AuditLog otherKeyed(*database, clock, otherKey());
    QVERIFY(!otherKeyed.verify(&error));
    QVERIFY2(error.contains(QStringLiteral("keyed with audit key %1").arg(test::auditKey()->id())), qPrintable(error));
    QVERIFY(!otherKeyed.record(QStringLiteral("officer:jdoe"), QStringLiteral("test.event"), {}, {}, &error));
    QVERIFY2(error.contains(QStringLiteral("neither extended nor verified")), qPrintable(error));

    const CliRun keyless_ = runCli({QStringLiteral("--db"), target.urlText(), QStringLiteral("audit"), QStringLiteral("verify")},
                                   false);
    QCOMPARE(keyless_.status, 1);
    QVERIFY(!keyless_.json.contains(QStringLiteral("intact")));
    QVERIFY2(keyless_.err.contains(QStringLiteral("without its audit key")), qPrintable(keyless_.err));
    const CliRun keyed = runCli({QStringLiteral("--db"), target.urlText(), QStringLiteral("audit"), QStringLiteral("verify")});
    QVERIFY2(keyed.status == 0, qPrintable(keyed.err));
    QCOMPARE(keyed.json.value(QStringLiteral("intact")).toBool(), true);
    QCOMPARE(keyed.json.value(QStringLiteral("audit_key")).toString(), test::auditKey()->id());

    // The checkpoints' public key, for whoever checks them without the audit key.
    const CliRun exported =
        runCli({QStringLiteral("--db"), target.urlText(), QStringLiteral("audit"), QStringLiteral("public-key")});
    QVERIFY2(exported.status == 0, qPrintable(exported.err));
    QCOMPARE(exported.json.value(QStringLiteral("ed25519_public_key")).toString(),
             QString::fromLatin1(test::auditKey()->publicKey().toHex()));
    AuditCheckpoint checkpoint;
    checkpoint.databaseId = QStringLiteral("d");
    checkpoint.seq = 2;
    checkpoint.headHash = hashOfEvent(*database, 2);
    QVERIFY2(checkpoint.sign(*test::auditKey(), &error), qPrintable(error));
    const QByteArray exportedKey = QByteArray::fromHex(exported.json.value(QStringLiteral("ed25519_public_key")).toString().toLatin1());
    QVERIFY(checkpoint.signatureValid(exportedKey));
    checkpoint.seq = 3;
    QVERIFY(!checkpoint.signatureValid(exportedKey));
}

void TestAuditAnchor::eventTimesNeverGoBackwards()
{
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QString error;
    const auto database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    const QDateTime start(QDate(2026, 12, 1), QTime(12, 0), Qt::UTC);
    test::ManualClock clock(start);
    const AuditLog log(*database, clock, test::auditKey());
    QVERIFY2(log.record(QStringLiteral("officer:jdoe"), QStringLiteral("test.event"), {}, {}, &error), qPrintable(error));

    clock.set(start.addSecs(-6 * 60)); // beyond the skew: refused, both times named
    QVERIFY(!log.record(QStringLiteral("officer:jdoe"), QStringLiteral("test.event"), {}, {}, &error));
    QVERIFY2(error.contains(QStringLiteral("2026-12-01T11:54:00")) && error.contains(QStringLiteral("2026-12-01T12:00:00")),
             qPrintable(error));
    clock.set(start.addSecs(-2 * 60)); // within it: dated as the last event
    qint64 seq = 0;
    QVERIFY2(log.record(QStringLiteral("officer:jdoe"), QStringLiteral("test.event"), {}, {}, &error, &seq),
             qPrintable(error));
    QCOMPARE(seq, 2);
    const auto events = log.events(1, 10, &error);
    QVERIFY2(events && events->size() == 2, qPrintable(error));
    QCOMPARE(events->back().at, start);

    // An event dated before its predecessor, hashed with the key: a break of its own.
    QVERIFY2(dropTriggers(*database, &error), qPrintable(error));
    const AuditEvent& second = events->back();
    const qint64 earlier = start.addSecs(-3600).toMSecsSinceEpoch();
    const QString hash = AuditLog::hashOf(second.prevHash, 2, earlier, second.actor, second.action, second.subject,
                                          QString(), test::auditKey().get());
    QVERIFY2(execAll(*database,
                     {QStringLiteral("UPDATE audit_events SET at = %1, hash = '%2' WHERE seq = 2").arg(earlier).arg(hash),
                      QStringLiteral("UPDATE audit_head SET hash = '%1'").arg(hash)},
                     &error),
             qPrintable(error));
    const auto result = log.verify(&error);
    QVERIFY2(result, qPrintable(error));
    QVERIFY(!result->intact);
    QCOMPARE(result->firstBadSeq, 2);
    QVERIFY2(result->problem.contains(QStringLiteral("went backwards")), qPrintable(result->problem));
}

void TestAuditAnchor::unkeyedLogIsKeyedFromTheNextEvent()
{
    // A log written before the audit key (plain SHA-256, times that went back
    // with --now) stays verifiable; the key takes over from an "audit.keyed" event.
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QString error;
    const auto database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    QVERIFY2(database->exec(QStringLiteral("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '%1')")
                                .arg(AuditLog::genesisHash()),
                            QStringLiteral("head"), &error),
             qPrintable(error));
    QString previous = AuditLog::genesisHash();
    const qint64 times[] = {1'800'000'000'000, 1'700'000'000'000, 1'800'000'100'000};
    for (qint64 seq = 1; seq <= 3; ++seq) {
        const qint64 at = times[seq - 1];
        const QString hash = AuditLog::hashOf(previous, seq, at, QStringLiteral("cli:old"), QStringLiteral("user.add"),
                                              QString(), QString(), nullptr);
        QVERIFY2(execAll(*database,
                         {QStringLiteral("INSERT INTO audit_events (seq, at, actor, action, subject, details, prev_hash, "
                                         "hash) VALUES (%1, %2, 'cli:old', 'user.add', '', '', '%3', '%4')")
                              .arg(seq)
                              .arg(at)
                              .arg(previous, hash),
                          QStringLiteral("UPDATE audit_head SET seq = %1, hash = '%2'").arg(seq).arg(hash)},
                         &error),
                 qPrintable(error));
        previous = hash;
    }
    test::ManualClock clock(QDateTime::fromMSecsSinceEpoch(1'800'000'200'000, Qt::UTC));
    const AuditLog log(*database, clock, test::auditKey());
    auto result = log.verify(&error);
    QVERIFY2(result && result->intact, qPrintable(result ? result->problem : error));
    QCOMPARE(result->keyedFromSeq, 0);

    qint64 seq = 0;
    QVERIFY2(log.record(QStringLiteral("officer:jdoe"), QStringLiteral("test.event"), {}, {}, &error, &seq),
             qPrintable(error));
    QCOMPARE(seq, 5);
    const auto events = log.events(4, 1, &error);
    QVERIFY2(events && events->size() == 1, qPrintable(error));
    QCOMPARE(events->front().action, QStringLiteral("audit.keyed"));
    QCOMPARE(events->front().details.value(QStringLiteral("key_id")).toString(), test::auditKey()->id());
    result = log.verify(&error);
    QVERIFY2(result && result->intact, qPrintable(result ? result->problem : error));
    QCOMPARE(result->keyedFromSeq, 4);
    QCOMPARE(result->events, 5);

    // The switch cannot be edited away: event 4 rewritten unkeyed is a forgery.
    QVERIFY2(dropTriggers(*database, &error), qPrintable(error));
    QVERIFY2(database->exec(QStringLiteral("UPDATE audit_events SET action = 'user.add' WHERE seq = 4"),
                            QStringLiteral("edit"), &error),
             qPrintable(error));
    result = log.verify(&error);
    QVERIFY2(result, qPrintable(error));
    QVERIFY(!result->intact);
    QCOMPARE(result->firstBadSeq, 4);
}

void TestAuditAnchor::nowIsOnlyForPurgeDrills_data()
{
    QTest::addColumn<QStringList>("words");
    QTest::newRow("user add") << QStringList{"user", "add", "ada", "--role", "admin", "--now", "2001-01-01T00:00:00Z"};
    QTest::newRow("user list") << QStringList{"user", "list", "--admin", "ada", "--now=2001-01-01T00:00:00Z"};
    QTest::newRow("encounter add") << QStringList{"encounter", "add", "--photo", "x.jpg", "--citizenship", "USA", "--now",
                                                  "2001-01-01T00:00:00Z"};
    QTest::newRow("stats") << QStringList{"stats", "--now", "2001-01-01T00:00:00Z"};
    QTest::newRow("audit verify") << QStringList{"audit", "verify", "--now", "2001-01-01T00:00:00Z"};
}

void TestAuditAnchor::nowIsOnlyForPurgeDrills()
{
    QFETCH(QStringList, words);
    test::TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    QString error;
    {
        const auto database = target.open(&error); // migrated, so a refusal is the option's, not the schema's
        QVERIFY2(database, qPrintable(error));
    }
    const CliRun run = runCli(QStringList{QStringLiteral("--db"), target.urlText()} + words);
    QCOMPARE(run.status, 2);
    QVERIFY2(run.err.contains(QStringLiteral("--now is only for purge drills")), qPrintable(run.err));
    const auto database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    QCOMPARE(database->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events"), {}, QStringLiteral("count"), &error)
                 ->toInt(),
             0);
}

QTEST_GUILESS_MAIN(TestAuditAnchor)
#include "tst_auditanchor.moc"
