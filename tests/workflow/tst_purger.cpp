// Retention at chosen instants (DOMAIN.md, Rules; issue 3 acceptance): what
// the purge deletes and when, the deletion records it leaves, and
// `facegate-cli --db URL purge --now`. That nothing of a purged record is
// left in the files: tst_recoveryprobe.
#include "core/security/SystemAccount.h"
#include "tests/cli/CliRun.h"
#include "tests/support/ShredEventually.h"
#include "tests/support/TestData.h"
#include "tests/workflow/RetentionRecords.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

using fg::AuditLog;
using fg::Database;
using fg::Purger;
using fg::PurgeReport;
using fg::RetentionPolicy;
using fg::test::CliRun;
using fg::test::ManualClock;
using fg::test::TestDatabase;
using Rule = RetentionPolicy::Rule;
using namespace fg::test::retention;

class TestPurger : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(TestDatabase::backendName())); }
    void goneAtTheRuleInstant_data();
    void goneAtTheRuleInstant();
    void deletionRecordsOutliveTheRecords();
    void shorterLimitsAreHonoured();
    void nothingToPurgeIsANoOp();
    void batchesWriteOneAuditEventEach();
    void cliPurgesAsOfNow();
    void cliRefusesAnInstantWithoutZone_data();
    void cliRefusesAnInstantWithoutZone();
};

void TestPurger::goneAtTheRuleInstant_data()
{
    QTest::addColumn<QString>("citizenship");
    QTest::addColumn<bool>("exempt");
    QTest::addColumn<qint64>("stillThereAfterMs"); // after verification
    QTest::addColumn<qint64>("goneAfterMs");
    QTest::newRow("U.S. citizen: 11:59 / 12:00:01") << "USA" << false << (11 * kHour + 59 * kMinute) * 1000
                                                     << (12 * kHour + 1) * 1000;
    QTest::newRow("U.S. citizen: 12 h - 1 ms / 12 h") << "USA" << false << 12 * kHour * 1000 - 1 << 12 * kHour * 1000;
    QTest::newRow("exempt traveler: 11:59 / 12:00:01") << "FRA" << true << (11 * kHour + 59 * kMinute) * 1000
                                                        << (12 * kHour + 1) * 1000;
    QTest::newRow("in scope: 13 d 23 h / 14 d") << "FRA" << false << (13 * kDay + 23 * kHour) * 1000 << 14 * kDay * 1000;
    QTest::newRow("in scope: 14 d - 1 ms / 14 d") << "GBR" << false << 14 * kDay * 1000 - 1 << 14 * kDay * 1000;
}

void TestPurger::goneAtTheRuleInstant()
{
    QFETCH(QString, citizenship);
    QFETCH(bool, exempt);
    QFETCH(qint64, stillThereAfterMs);
    QFETCH(qint64, goneAfterMs);
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    Records records(target);
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto seeded = records.add(citizenship, exempt, kVerifiedAt, &error);
    QVERIFY2(seeded, qPrintable(error));
    // A record of the other rule, verified at the same time, which stays.
    const bool shortRule = RetentionPolicy::ruleFor(citizenship, exempt) == Rule::UsCitizenOrExempt;
    // (A U.S. citizen verified an hour before the in-scope record falls due is due 11 h after it.)
    const auto other = records.add(shortRule ? QStringLiteral("DEU") : QStringLiteral("USA"), false,
                                   shortRule ? kVerifiedAt : kVerifiedAt.addMSecs(goneAfterMs - kHour * 1000), &error);
    QVERIFY2(other, qPrintable(error));

    records.clock.set(kVerifiedAt.addMSecs(stillThereAfterMs));
    auto report = records.purge(&error);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(report->deleted(), 0);
    QVERIFY(records.hasPhoto(seeded->photoId));
    QVERIFY(records.hasTemplate(seeded->templateId));

    records.clock.set(kVerifiedAt.addMSecs(goneAfterMs));
    report = records.purge(&error);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(report->photosDeleted, 1);
    QCOMPARE(report->templatesDeleted, 1);
    QCOMPARE(report->now, records.clock.now());
    const Rule rule = RetentionPolicy::ruleFor(citizenship, exempt);
    QCOMPARE(report->byRule.at(rule).photos, 1);
    QCOMPARE(report->byRule.at(rule).templates, 1);
    QVERIFY2(fg::test::shredEventually(*records.database, report->reclaimed, &error), qPrintable(error));
    QVERIFY(!records.hasPhoto(seeded->photoId));
    QVERIFY(!records.hasTemplate(seeded->templateId));
    QVERIFY(records.hasPhoto(other->photoId));
    QVERIFY(records.hasTemplate(other->templateId));
}

void TestPurger::deletionRecordsOutliveTheRecords()
{
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    Records records(target);
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto citizen = records.add(QStringLiteral("USA"), false, kVerifiedAt, &error);
    QVERIFY2(citizen, qPrintable(error));
    const auto visitor = records.add(QStringLiteral("FRA"), false, kVerifiedAt, &error);
    QVERIFY2(visitor, qPrintable(error));

    const fg::EncounterStore encounters(*records.database, *records.keys, *records.audit, records.clock, RetentionPolicy());
    const fg::KeyAccess access{QStringLiteral("supervisor:kim"), QStringLiteral("review")};
    bool purged = true;
    const auto photo = encounters.photo(citizen->encounterId, access, &purged, &error);
    QVERIFY2(photo, qPrintable(error));
    QCOMPARE(*photo, citizen->photo);
    QVERIFY(!purged);

    const QDateTime first = kVerifiedAt.addSecs(12 * kHour + 1);
    records.clock.set(first);
    QVERIFY2(records.purge(&error), qPrintable(error));
    const QDateTime second = kVerifiedAt.addSecs(14 * kDay);
    records.clock.set(second);
    QVERIFY2(records.purge(&error), qPrintable(error));

    struct Expected {
        const Seeded* seeded;
        Rule rule;
        QDateTime deletedAt;
    };
    for (const Expected& expected : {Expected{&*citizen, Rule::UsCitizenOrExempt, first},
                                     Expected{&*visitor, Rule::InScope, second}}) {
        for (const QString& what : {QStringLiteral("photo"), QStringLiteral("template")}) {
            const QString recordId = what == QLatin1String("photo") ? expected.seeded->photoId : expected.seeded->templateId;
            QSqlQuery query = records.database->query();
            query.prepare(QStringLiteral("SELECT encounter_id, traveler_id, rule, verified_at, due_at, deleted_at, "
                                         "deleted_by, role FROM deletions WHERE what = ? AND record_id = ?"));
            query.addBindValue(what);
            query.addBindValue(recordId);
            QVERIFY2(records.database->exec(query, QStringLiteral("read the deletion record"), &error), qPrintable(error));
            QVERIFY2(query.next(), qPrintable(QStringLiteral("no deletion record for %1 %2").arg(what, recordId)));
            QCOMPARE(query.value(0).toLongLong(), expected.seeded->encounterId);
            QCOMPARE(query.value(1).toLongLong(), expected.seeded->travelerId); // whose
            QCOMPARE(query.value(2).toString(), RetentionPolicy::ruleName(expected.rule));
            QCOMPARE(query.value(3).toLongLong(), kVerifiedAt.toMSecsSinceEpoch());
            QCOMPARE(query.value(4).toLongLong(), RetentionPolicy().dueAt(expected.rule, kVerifiedAt).toMSecsSinceEpoch());
            QCOMPARE(query.value(5).toLongLong(), expected.deletedAt.toMSecsSinceEpoch()); // when: the clock's time
            QCOMPARE(query.value(6).toString(), Purger::systemActor());
            // Which photo: the seeded one is the capture; a template has no role.
            QCOMPARE(query.value(7).toString(), what == QLatin1String("photo") ? QStringLiteral("capture") : QString());
            QVERIFY(!query.next());
        }
        // The encounter itself remains, with its decision and scores.
        QSqlQuery encounter = records.database->query();
        encounter.prepare(QStringLiteral("SELECT decision, score, threshold FROM encounters WHERE id = ?"));
        encounter.addBindValue(expected.seeded->encounterId);
        QVERIFY2(records.database->exec(encounter, QStringLiteral("read the encounter"), &error), qPrintable(error));
        QVERIFY(encounter.next());
        QCOMPARE(encounter.value(0).toString(), QStringLiteral("match"));
        QCOMPARE(encounter.value(1).toDouble(), 0.83);
        QCOMPARE(encounter.value(2).toDouble(), 0.41);
    }
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM deletions")), 4);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM photos")), 0);

    // Read through the store: purged, naming the deletion record.
    for (const Seeded* seeded : {&*citizen, &*visitor}) {
        error.clear();
        purged = false;
        QVERIFY(!encounters.photo(seeded->encounterId, access, &purged, &error));
        QVERIFY(purged);
        const qint64 record = records.count(QStringLiteral("SELECT id FROM deletions WHERE record_id = ?"), {seeded->photoId});
        QVERIFY2(error.contains(QStringLiteral("deletion record %1").arg(record)), qPrintable(error));
        purged = false;
        QVERIFY(!encounters.faceTemplate(seeded->encounterId, access, &purged, &error));
        QVERIFY(purged);
        QVERIFY2(error.contains(seeded->templateId), qPrintable(error));
        const auto encounter = encounters.find(seeded->encounterId, &error);
        QVERIFY2(encounter, qPrintable(error));
        QCOMPARE(encounter->decision, std::optional(fg::Encounter::Decision::Match));
        QCOMPARE(encounter->score, std::optional(0.83));
    }
    const auto verification = records.audit->verify(&error);
    QVERIFY2(verification, qPrintable(error));
    QVERIFY2(verification->intact, qPrintable(verification->problem));
}

void TestPurger::shorterLimitsAreHonoured()
{
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    Records records(target);
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto policy = RetentionPolicy::create(6 * kHour, 7 * kDay, &error);
    QVERIFY2(policy, qPrintable(error));
    const auto citizen = records.add(QStringLiteral("USA"), false, kVerifiedAt, &error);
    const auto visitor = records.add(QStringLiteral("CAN"), false, kVerifiedAt, &error);
    QVERIFY2(citizen && visitor, qPrintable(error));

    records.clock.set(kVerifiedAt.addSecs(5 * kHour + 59 * kMinute));
    QVERIFY2(records.purge(&error, *policy), qPrintable(error));
    QVERIFY(records.hasPhoto(citizen->photoId));
    records.clock.set(kVerifiedAt.addSecs(6 * kHour + 1));
    QVERIFY2(records.purge(&error, *policy), qPrintable(error));
    QVERIFY(!records.hasPhoto(citizen->photoId));
    QVERIFY(records.hasPhoto(visitor->photoId));
    QCOMPARE(records.count(QStringLiteral("SELECT due_at FROM deletions WHERE record_id = ?"), {citizen->photoId}),
             kVerifiedAt.addSecs(6 * kHour).toMSecsSinceEpoch());

    records.clock.set(kVerifiedAt.addSecs(6 * kDay + 23 * kHour));
    QVERIFY2(records.purge(&error, *policy), qPrintable(error));
    QVERIFY(records.hasPhoto(visitor->photoId));
    records.clock.set(kVerifiedAt.addSecs(7 * kDay));
    QVERIFY2(records.purge(&error, *policy), qPrintable(error));
    QVERIFY(!records.hasPhoto(visitor->photoId));
    QVERIFY(!records.hasTemplate(visitor->templateId));

    // Longer than the rules: refused, naming the value.
    QVERIFY(!RetentionPolicy::create(13 * kHour, 7 * kDay, &error));
    QVERIFY2(error.contains(QStringLiteral("46800 s")), qPrintable(error));
    QVERIFY(!RetentionPolicy::create(6 * kHour, 21 * kDay, &error));
    QVERIFY2(error.contains(QStringLiteral("1814400 s")), qPrintable(error));
}

void TestPurger::nothingToPurgeIsANoOp()
{
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    Records records(target);
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));

    // An empty database.
    auto report = records.purge(&error);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(report->deleted(), 0);
    QCOMPARE(report->batches, 0);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events")), 0);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM deletions")), 0);

    // Records not due yet.
    const auto citizen = records.add(QStringLiteral("USA"), false, kVerifiedAt, &error);
    const auto visitor = records.add(QStringLiteral("NLD"), true, kVerifiedAt.addSecs(kHour), &error);
    QVERIFY2(citizen && visitor, qPrintable(error));
    const qint64 events = records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events")); // encounter.add, key
    records.clock.set(kVerifiedAt.addSecs(12 * kHour - 1));
    report = records.purge(&error);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(report->deleted(), 0);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events")), events);

    // Due: deleted once; a second purge at the same or a later instant deletes nothing more.
    records.clock.set(kVerifiedAt.addSecs(14 * kHour));
    report = records.purge(&error);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(report->photosDeleted, 2);
    QCOMPARE(records.purgeEvents(), 2); // one per batch: photos, templates
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events")), events + 2);
    for (const int minutes : {0, 10, 60}) {
        records.clock.set(kVerifiedAt.addSecs(14 * kHour + minutes * kMinute));
        report = records.purge(&error);
        QVERIFY2(report, qPrintable(error));
        QCOMPARE(report->deleted(), 0);
        QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events")), events + 2);
        QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM deletions")), 4);
    }
    const auto verification = records.audit->verify(&error);
    QVERIFY2(verification, qPrintable(error));
    QVERIFY2(verification->intact, qPrintable(verification->problem));
    QCOMPARE(verification->events, events + 2);
}

void TestPurger::batchesWriteOneAuditEventEach()
{
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    Records records(target);
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    std::vector<Seeded> seeded;
    for (int i = 0; i < 7; ++i) {
        const auto one = records.add(i % 2 ? QStringLiteral("USA") : QStringLiteral("ESP"), i == 4, kVerifiedAt.addSecs(i * 60),
                                     &error);
        QVERIFY2(one, qPrintable(error));
        seeded.push_back(*one);
    }
    records.clock.set(kVerifiedAt.addSecs(15 * kDay));
    const auto report = records.purge(&error, RetentionPolicy(), 3);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(report->photosDeleted, 7);
    QCOMPARE(report->templatesDeleted, 7);
    // Short rule: 4 (3 U.S. + 1 exempt) -> 2 batches per table; in scope: 3 -> 1 batch per table.
    QCOMPARE(report->byRule.at(Rule::UsCitizenOrExempt).photos, 4);
    QCOMPARE(report->byRule.at(Rule::InScope).photos, 3);
    QCOMPARE(report->batches, 6);

    const auto events = records.audit->events(1, 1000, &error);
    QVERIFY2(events, qPrintable(error));
    QCOMPARE(records.purgeEvents(), 6);
    qint64 counted = 0;
    for (const fg::AuditEvent& event : *events) {
        if (event.action != QLatin1String("retention.purge"))
            continue;
        QCOMPARE(event.actor, Purger::systemActor());
        QCOMPARE(event.at, records.clock.now());
        const QJsonObject& details = event.details;
        const QString what = details.value(QStringLiteral("what")).toString();
        QCOMPARE(event.subject, what == QLatin1String("photo") ? QStringLiteral("photos") : QStringLiteral("templates"));
        const qint64 count = details.value(QStringLiteral("count")).toInteger();
        QVERIFY(count >= 1 && count <= 3);
        counted += count;
        // The deletion records the event covers: count of them, first and last record named.
        const qint64 firstDeletion = details.value(QStringLiteral("first_deletion")).toInteger();
        const qint64 lastDeletion = details.value(QStringLiteral("last_deletion")).toInteger();
        QCOMPARE(lastDeletion - firstDeletion + 1, count);
        QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM deletions WHERE id BETWEEN ? AND ? AND what = ? AND rule = ?"),
                               {firstDeletion, lastDeletion, what, details.value(QStringLiteral("rule")).toString()}),
                 count);
        for (const char* key : {"first_record", "last_record"}) {
            QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM deletions WHERE id BETWEEN ? AND ? AND record_id = ?"),
                                   {firstDeletion, lastDeletion, details.value(QLatin1String(key)).toString()}),
                     1);
        }
    }
    QCOMPARE(counted, 14);
    const auto verification = records.audit->verify(&error);
    QVERIFY2(verification, qPrintable(error));
    QVERIFY2(verification->intact, qPrintable(verification->problem));
}

namespace {

CliRun runPurge(const TestDatabase& target, const QStringList& extra, const QString& config)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("USER"), QStringLiteral("mallory")); // ignored: the actor is the process's account
    env.insert(QStringLiteral("FACEGATE_CONFIG"), config);
    // The purge needs no key: none is given, and the default one must not be made.
    env.insert(QStringLiteral("HOME"), target.scratchDir());
    env.remove(QStringLiteral("FACEGATE_KEY_FILE"));
    env.remove(QStringLiteral("FACEGATE_PASSPHRASE"));
    // The audit key is needed: the tests' one, which keyed the fixture's events.
    const QString auditKeyFile = target.scratchDir() + QStringLiteral("/audit.key");
    QString error;
    if (!QFileInfo::exists(auditKeyFile) && !fg::test::writeAuditKeyFile(auditKeyFile, &error))
        return CliRun{-3, {}, error};
    env.insert(QStringLiteral("FACEGATE_AUDIT_KEY_FILE"), auditKeyFile);
    return fg::test::runCli(QStringList{QStringLiteral("--db"), target.urlText(), QStringLiteral("purge")} + extra, env,
                            60000);
}

QString writeConfig(const TestDatabase& target, const QString& name, const QByteArray& text)
{
    const QString path = target.scratchDir() + QLatin1Char('/') + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return QString();
    return path;
}

} // namespace

void TestPurger::cliPurgesAsOfNow()
{
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    Records records(target);
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto citizen = records.add(QStringLiteral("USA"), false, kVerifiedAt, &error);
    const auto exempt = records.add(QStringLiteral("JPN"), true, kVerifiedAt, &error);
    const auto visitor = records.add(QStringLiteral("JPN"), false, kVerifiedAt, &error);
    QVERIFY2(citizen && exempt && visitor, qPrintable(error));
    records.close();
    const QString defaults = writeConfig(target, QStringLiteral("defaults.ini"), "[retention]\ninScopeDays=14\n");
    QVERIFY(!defaults.isEmpty());

    struct Step {
        QString now;
        qint64 photos;
        qint64 shortRule;
        qint64 inScope;
    };
    // The same instant written with an offset; 21:00Z is 12 h after.
    const Step steps[] = {
        {QStringLiteral("2026-11-26T20:59:00Z"), 0, 0, 0},
        {QStringLiteral("2026-11-26T23:00:01+02:00"), 2, 2, 0},
        {QStringLiteral("2026-12-10T08:59:59.999Z"), 0, 0, 0},
        {QStringLiteral("2026-12-10T09:00:00Z"), 1, 0, 1},
        {QStringLiteral("2026-12-11T09:00:00Z"), 0, 0, 0},
    };
    // Drills: each purges as of its --now, and is recorded at the real time.
    const qint64 startedMs = QDateTime::currentMSecsSinceEpoch();
    for (const Step& step : steps) {
        const CliRun run = runPurge(target, {QStringLiteral("--now"), step.now}, defaults);
        QVERIFY2(run.status == 0, qPrintable(QStringLiteral("%1: exit %2: %3").arg(step.now).arg(run.status).arg(run.err)));
        const QDateTime now = QDateTime::fromString(step.now, Qt::ISODateWithMs).toUTC();
        QCOMPARE(QDateTime::fromString(run.json.value(QStringLiteral("now")).toString(), Qt::ISODateWithMs), now);
        QCOMPARE(run.json.value(QStringLiteral("photos_deleted")).toInteger(), step.photos);
        QCOMPARE(run.json.value(QStringLiteral("templates_deleted")).toInteger(), step.photos);
        const QJsonObject byRule = run.json.value(QStringLiteral("by_rule")).toObject();
        QCOMPARE(byRule.value(RetentionPolicy::ruleName(Rule::UsCitizenOrExempt)).toObject().value(QStringLiteral("photos")).toInteger(),
                 step.shortRule);
        QCOMPARE(byRule.value(RetentionPolicy::ruleName(Rule::InScope)).toObject().value(QStringLiteral("photos")).toInteger(),
                 step.inScope);
        QVERIFY(run.json.value(QStringLiteral("seconds")).isDouble());
        QVERIFY2(fg::test::shredEventually(*records.database, run.json.value(QStringLiteral("reclaimed")).toBool(), &error),
                 qPrintable(error));
        QCOMPARE(run.json.value(QStringLiteral("drill")).toBool(), true);
        // Each purge signs the audit log's head into the default checkpoint folder.
        const QString checkpoint = run.json.value(QStringLiteral("checkpoint")).toString();
        QVERIFY2(checkpoint.startsWith(target.scratchDir() + QStringLiteral("/.local/share/facegate/checkpoints/")),
                 qPrintable(checkpoint + run.err));
        QVERIFY(QFileInfo(checkpoint).isFile());
    }
    const qint64 finishedMs = QDateTime::currentMSecsSinceEpoch();
    QVERIFY(!QFileInfo::exists(target.scratchDir() + QStringLiteral("/.local/share/facegate/keys/facegate.kek")));

    QVERIFY2(records.open(&error), qPrintable(error));
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM photos")), 0);
    const QString actor = QStringLiteral("cli:") + fg::systemAccountName();
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM deletions WHERE deleted_by = ?"), {actor}), 6);
    // The deletion records say as of when (drill_as_of) and when it really happened (deleted_at).
    QCOMPARE(records.count(QStringLiteral("SELECT drill_as_of FROM deletions WHERE record_id = ?"), {citizen->photoId}),
             QDateTime(QDate(2026, 11, 26), QTime(21, 0, 1), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(records.count(QStringLiteral("SELECT drill_as_of FROM deletions WHERE record_id = ?"), {visitor->templateId}),
             QDateTime(QDate(2026, 12, 10), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch());
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM deletions WHERE deleted_at BETWEEN ? AND ?"),
                           {startedMs, finishedMs}),
             6);
    // The audit events carry the real time, and say they are a drill's and as of when.
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'retention.purge' "
                                          "AND actor = ? AND at BETWEEN ? AND ?"),
                           {actor, startedMs, finishedMs}),
             4);
    const auto events = records.audit->events(1, 1000, &error);
    QVERIFY2(events, qPrintable(error));
    int asOfTen = 0;
    for (const fg::AuditEvent& event : *events) {
        if (event.action != QLatin1String("retention.purge"))
            continue;
        QCOMPARE(event.details.value(QStringLiteral("drill")).toBool(), true);
        asOfTen += event.details.value(QStringLiteral("as_of")).toString() == QLatin1String("2026-12-10T09:00:00.000Z");
    }
    QCOMPARE(asOfTen, 2);
    const auto verification = records.audit->verify(&error);
    QVERIFY2(verification && verification->intact, qPrintable(error));
    records.close();

    // A shorter configured limit is followed; a longer one is refused.
    Records more(target);
    more.clock.set(QDateTime::currentDateTimeUtc()); // after the drills' events, dated by the real clock
    QVERIFY2(more.open(&error), qPrintable(error));
    const auto later = more.add(QStringLiteral("USA"), false, kVerifiedAt.addSecs(30 * kDay), &error);
    QVERIFY2(later, qPrintable(error));
    more.close();
    const QString shorter = writeConfig(target, QStringLiteral("shorter.ini"), "[retention]\nusCitizenOrExemptHours=6\n");
    CliRun run = runPurge(target, {QStringLiteral("--now"), QStringLiteral("2026-12-26T14:59:59Z")}, shorter);
    QCOMPARE(run.status, 0);
    QCOMPARE(run.json.value(QStringLiteral("photos_deleted")).toInteger(), 0);
    run = runPurge(target, {QStringLiteral("--now"), QStringLiteral("2026-12-26T15:00:00Z")}, shorter);
    QCOMPARE(run.status, 0);
    QCOMPARE(run.json.value(QStringLiteral("photos_deleted")).toInteger(), 1);
    QCOMPARE(run.json.value(QStringLiteral("keep_seconds")).toObject().value(RetentionPolicy::ruleName(Rule::UsCitizenOrExempt)).toInteger(),
             6 * kHour);
    const QString longer = writeConfig(target, QStringLiteral("longer.ini"), "[retention]\ninScopeDays=15\n");
    run = runPurge(target, {}, longer);
    QCOMPARE(run.status, 2);
    QVERIFY2(run.err.contains(QStringLiteral("15")) && run.err.contains(QStringLiteral("inScopeDays")), qPrintable(run.err));
}

void TestPurger::cliRefusesAnInstantWithoutZone_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no zone") << QStringList{"--now", "2026-11-26T21:00:00"} << "\"2026-11-26T21:00:00\" has no time zone";
    QTest::newRow("no zone, joined") << QStringList{"--now=2026-11-26T21:00"} << "\"2026-11-26T21:00\" has no time zone";
    QTest::newRow("a date only") << QStringList{"--now", "2026-11-26"} << "\"2026-11-26\" is not an ISO 8601 date and time";
    QTest::newRow("not a date") << QStringList{"--now", "tomorrow"} << "\"tomorrow\" is not an ISO 8601";
    QTest::newRow("no value") << QStringList{"--now"} << "--now needs a value";
    QTest::newRow("an extra word") << QStringList{"everything"} << "unexpected \"everything\"";
}

void TestPurger::cliRefusesAnInstantWithoutZone()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    TestDatabase target;
    FG_REQUIRE_DATABASE(target);
    Records records(target);
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto citizen = records.add(QStringLiteral("USA"), false, kVerifiedAt, &error);
    QVERIFY2(citizen, qPrintable(error));
    records.close();
    const QString config = writeConfig(target, QStringLiteral("facegate.ini"), "");
    const CliRun run = runPurge(target, arguments, config);
    QCOMPARE(run.status, 2);
    QVERIFY2(run.err.contains(expected), qPrintable(run.err));
    QVERIFY(run.json.isEmpty());
    QVERIFY2(records.open(&error), qPrintable(error));
    QVERIFY(records.hasPhoto(citizen->photoId)); // nothing was purged
}

QTEST_GUILESS_MAIN(TestPurger)
#include "tst_purger.moc"
