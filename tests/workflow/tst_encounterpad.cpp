// Issue 20, the records: whether the face was a presentation attack (a
// printed photo, a screen) is kept with the encounter (schema 11), an attack
// is queued for a supervisor under a reason of its own, after a forged
// document and before a no-match, and may not be confirmed, only overridden
// or sent to secondary inspection; the schema refuses what it does not know;
// a schema-10 database keeps its rows; the port's figures and the records'
// statistics count the attacks.
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/storage/Migrator.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/PortFigures.h"
#include "core/workflow/RecordStatistics.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"
#include "tests/workflow/StoreRecords.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

#include <cmath>
#include <memory>

using namespace fg;

Q_DECLARE_METATYPE(std::optional<fg::Encounter::Decision>)
Q_DECLARE_METATYPE(std::optional<double>)
Q_DECLARE_METATYPE(fg::Encounter::OfficerAction)

namespace {

using Records = test::StoreRecords;

// What PadAssessment::toJson writes, as the workflow stores it (it does not
// read it: core/workflow knows strings and JSON only).
QJsonObject evidence(const QString& decision, double score)
{
    return QJsonObject{
        {QStringLiteral("decision"), decision},
        {QStringLiteral("score"), score},
        {QStringLiteral("threshold"), 0.41},
        {QStringLiteral("bpcer"), 0.01},
        {QStringLiteral("calibration"), QStringLiteral("pad-dev/labels.csv")},
        {QStringLiteral("frames"), 12},
        {QStringLiteral("frames_without_face"), 0},
        {QStringLiteral("cues"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("model")},
                                {QStringLiteral("measured"), true},
                                {QStringLiteral("value"), score},
                                {QStringLiteral("attack"), score},
                                {QStringLiteral("detail"), QStringLiteral("mean of 12 frames")}}}},
    };
}

Encounter biometric(Encounter::Decision decision, const QString& padDecision, std::optional<double> padScore)
{
    Encounter encounter;
    encounter.citizenship = QStringLiteral("UTO");
    encounter.decision = decision;
    encounter.score = decision == Encounter::Decision::Match ? 0.72 : 0.12;
    encounter.threshold = 0.33;
    encounter.padDecision = padDecision;
    encounter.padScore = padScore;
    if (padScore)
        encounter.padEvidence = evidence(padDecision, *padScore);
    return encounter;
}

} // namespace

class TestEncounterPad : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void theAssessmentIsStoredAndReadBack_data();
    void theAssessmentIsStoredAndReadBack();
    void oneQueueItemInOrderOfPrecedence_data();
    void oneQueueItemInOrderOfPrecedence();
    void anAttackCannotBeConfirmed_data();
    void anAttackCannotBeConfirmed();
    void theStoreRefusesWhatTheSchemaDoesNotKnow_data();
    void theStoreRefusesWhatTheSchemaDoesNotKnow();
    void theSchemaRefusesAnUnknownDecisionOrAScoreOutOfRange_data();
    void theSchemaRefusesAnUnknownDecisionOrAScoreOutOfRange();
    void aSchema10DatabaseKeepsItsRowsInSchema11();
    void thePortFiguresCountTheAttacksCaught();
};

void TestEncounterPad::theAssessmentIsStoredAndReadBack_data()
{
    QTest::addColumn<QString>("decision");
    QTest::addColumn<std::optional<double>>("score");
    QTest::newRow("bona fide") << QStringLiteral("bona-fide") << std::optional<double>(0.02);
    QTest::newRow("attack") << QStringLiteral("attack") << std::optional<double>(0.93);
    QTest::newRow("score 0") << QStringLiteral("bona-fide") << std::optional<double>(0.0);
    QTest::newRow("score 1") << QStringLiteral("attack") << std::optional<double>(1.0);
    QTest::newRow("tried, could not decide") << QStringLiteral("not-assessed") << std::optional<double>();
    QTest::newRow("never assessed") << QString() << std::optional<double>();
}

void TestEncounterPad::theAssessmentIsStoredAndReadBack()
{
    QFETCH(QString, decision);
    QFETCH(std::optional<double>, score);
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    Encounter encounter = biometric(Encounter::Decision::Match, decision, score);
    if (decision == QLatin1String("not-assessed"))
        encounter.padEvidence = QJsonObject{{QStringLiteral("decision"), decision},
                                            {QStringLiteral("reason"), QStringLiteral("no face in any frame")}};
    StoredEncounter stored;
    QVERIFY2(records.store->add(encounter, nullptr, QStringLiteral("officer:jdoe"), &error, &stored), qPrintable(error));

    const std::optional<Encounter> found = records.store->find(stored.id, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->padDecision, decision);
    QCOMPARE(found->padScore.has_value(), score.has_value());
    if (score)
        QCOMPARE(*found->padScore, *score);
    QCOMPARE(found->padEvidence, encounter.padEvidence);
    // Never assessed is kept as nothing at all, not as an empty word.
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM encounters WHERE id = ? AND pad_decision IS NULL AND "
                                          "pad_score IS NULL AND pad_evidence IS NULL"),
                           {stored.id}),
             decision.isEmpty() ? 1 : 0);

    const QJsonObject details = records.addedDetails(stored.id);
    QCOMPARE(details.contains(QStringLiteral("pad_decision")), !decision.isEmpty());
    QCOMPARE(details.value(QStringLiteral("pad_decision")).toString(), decision);
    QCOMPARE(details.contains(QStringLiteral("pad_score")), score.has_value());
    if (score)
        QCOMPARE(details.value(QStringLiteral("pad_score")).toDouble(), *score);
    // The evidence is the record's, not the audit log's.
    QVERIFY(!details.contains(QStringLiteral("pad_evidence")));
}

void TestEncounterPad::oneQueueItemInOrderOfPrecedence_data()
{
    QTest::addColumn<QString>("documentVerdict");
    QTest::addColumn<QString>("padDecision");
    QTest::addColumn<std::optional<Encounter::Decision>>("decision");
    QTest::addColumn<QString>("reason"); // empty: no queue item
    const auto match = std::optional(Encounter::Decision::Match);
    const auto noMatch = std::optional(Encounter::Decision::NoMatch);
    const auto poorQuality = std::optional(Encounter::Decision::PoorQuality);
    QTest::newRow("live, match") << QString() << QStringLiteral("bona-fide") << match << QString();
    QTest::newRow("not assessed, match") << QString() << QStringLiteral("not-assessed") << match << QString();
    QTest::newRow("attack, match") << QString() << QStringLiteral("attack") << match << QStringLiteral("presentation-attack");
    QTest::newRow("attack, no match")
        << QString() << QStringLiteral("attack") << noMatch << QStringLiteral("presentation-attack");
    QTest::newRow("attack, poor quality")
        << QString() << QStringLiteral("attack") << poorQuality << QStringLiteral("presentation-attack");
    QTest::newRow("attack, genuine document")
        << QStringLiteral("genuine") << QStringLiteral("attack") << match << QStringLiteral("presentation-attack");
    QTest::newRow("attack, forged document")
        << QStringLiteral("not-genuine") << QStringLiteral("attack") << match << QStringLiteral("document-not-genuine");
    QTest::newRow("live, forged document")
        << QStringLiteral("not-genuine") << QStringLiteral("bona-fide") << match << QStringLiteral("document-not-genuine");
    QTest::newRow("live, no match") << QString() << QStringLiteral("bona-fide") << noMatch << QStringLiteral("no-match");
    QTest::newRow("live, poor quality")
        << QString() << QStringLiteral("bona-fide") << poorQuality << QStringLiteral("poor-quality");
}

void TestEncounterPad::oneQueueItemInOrderOfPrecedence()
{
    QFETCH(QString, documentVerdict);
    QFETCH(QString, padDecision);
    QFETCH(std::optional<Encounter::Decision>, decision);
    QFETCH(QString, reason);
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    Encounter encounter = biometric(*decision, padDecision, padDecision == QLatin1String("attack") ? 0.9 : 0.1);
    if (padDecision == QLatin1String("not-assessed"))
        encounter.padScore.reset();
    encounter.documentVerdict = documentVerdict;
    StoredEncounter stored;
    QVERIFY2(records.store->add(encounter, nullptr, QStringLiteral("officer:jdoe"), &error, &stored), qPrintable(error));
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE encounter_id = ?"), {stored.id}),
             reason.isEmpty() ? 0 : 1);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE encounter_id = ? AND reason = ?"),
                           {stored.id, reason}),
             reason.isEmpty() ? 0 : 1);
    QCOMPARE(stored.queueItemId > 0, !reason.isEmpty());
}

void TestEncounterPad::anAttackCannotBeConfirmed_data()
{
    QTest::addColumn<Encounter::OfficerAction>("afterwards");
    QTest::newRow("overridden") << Encounter::OfficerAction::Override;
    QTest::newRow("sent to secondary") << Encounter::OfficerAction::SendToSecondary;
}

void TestEncounterPad::anAttackCannotBeConfirmed()
{
    QFETCH(Encounter::OfficerAction, afterwards);
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    StoredEncounter attack;
    QVERIFY2(records.store->add(biometric(Encounter::Decision::Match, QStringLiteral("attack"), 0.88), nullptr,
                                QStringLiteral("officer:jdoe"), &error, &attack),
             qPrintable(error));
    StoredEncounter live;
    QVERIFY2(records.store->add(biometric(Encounter::Decision::Match, QStringLiteral("bona-fide"), 0.03), nullptr,
                                QStringLiteral("officer:jdoe"), &error, &live),
             qPrintable(error));
    const qint64 actionsBefore = records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'encounter.action'"));

    QVERIFY(!records.store->recordOfficerAction(attack.id, Encounter::OfficerAction::Confirm, QString(),
                                                QStringLiteral("officer:jdoe"), &error));
    QVERIFY2(error.contains(QStringLiteral("presentation attack")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("encounter %1").arg(attack.id)), qPrintable(error));
    // Nothing written by the refusal.
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM encounters WHERE id = ? AND officer_action = ''"),
                           {attack.id}),
             1);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'encounter.action'")),
             actionsBefore);

    qint64 queueItem = 0;
    QVERIFY2(records.store->recordOfficerAction(attack.id, afterwards,
                                                QStringLiteral("the traveler's own face, checked at the desk"),
                                                QStringLiteral("officer:jdoe"), &error, &queueItem),
             qPrintable(error));
    // Already queued as an attack: no second item.
    QCOMPARE(queueItem, attack.queueItemId);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE encounter_id = ?"), {attack.id}), 1);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE encounter_id = ? AND "
                                          "reason = 'presentation-attack'"),
                           {attack.id}),
             1);

    // A live face is confirmed as before.
    QVERIFY2(records.store->recordOfficerAction(live.id, Encounter::OfficerAction::Confirm, QString(),
                                                QStringLiteral("officer:jdoe"), &error),
             qPrintable(error));
}

void TestEncounterPad::theStoreRefusesWhatTheSchemaDoesNotKnow_data()
{
    QTest::addColumn<QString>("decision");
    QTest::addColumn<std::optional<double>>("score");
    QTest::addColumn<QString>("words");
    QTest::newRow("unknown decision") << QStringLiteral("maybe") << std::optional<double>(0.5) << QStringLiteral("\"maybe\"");
    QTest::newRow("score above 1") << QStringLiteral("attack") << std::optional<double>(1.5) << QStringLiteral("1.5");
    QTest::newRow("score below 0") << QStringLiteral("bona-fide") << std::optional<double>(-0.1) << QStringLiteral("-0.1");
    QTest::newRow("score NaN") << QStringLiteral("attack") << std::optional<double>(std::nan("")) << QStringLiteral("0..1");
    QTest::newRow("score without decision") << QString() << std::optional<double>(0.5) << QStringLiteral("without");
}

void TestEncounterPad::theStoreRefusesWhatTheSchemaDoesNotKnow()
{
    QFETCH(QString, decision);
    QFETCH(std::optional<double>, score);
    QFETCH(QString, words);
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    Encounter encounter = biometric(Encounter::Decision::Match, decision, std::nullopt);
    encounter.padScore = score;
    QVERIFY(!records.store->add(encounter, nullptr, QStringLiteral("officer:jdoe"), &error));
    QVERIFY2(error.contains(words), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("presentation-attack")), qPrintable(error));
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM encounters")), 0);
}

void TestEncounterPad::theSchemaRefusesAnUnknownDecisionOrAScoreOutOfRange_data()
{
    QTest::addColumn<QString>("decision");
    QTest::addColumn<QVariant>("score");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("attack 0.9") << QStringLiteral("attack") << QVariant(0.9) << true;
    QTest::newRow("bona fide 0") << QStringLiteral("bona-fide") << QVariant(0.0) << true;
    QTest::newRow("not assessed, no score") << QStringLiteral("not-assessed") << QVariant(QMetaType(QMetaType::Double))
                                            << true;
    QTest::newRow("maybe") << QStringLiteral("maybe") << QVariant(0.5) << false;
    QTest::newRow("score 1.5") << QStringLiteral("attack") << QVariant(1.5) << false;
    QTest::newRow("score -0.01") << QStringLiteral("bona-fide") << QVariant(-0.01) << false;
}

void TestEncounterPad::theSchemaRefusesAnUnknownDecisionOrAScoreOutOfRange()
{
    QFETCH(QString, decision);
    QFETCH(QVariant, score);
    QFETCH(bool, accepted);
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    QVERIFY2(records.database->exec(QStringLiteral("INSERT INTO travelers (id, citizenship, biometric_exempt, created_at) "
                                                   "VALUES (1, 'UTO', 0, 0)"),
                                    QStringLiteral("traveler"), &error),
             qPrintable(error));
    QSqlQuery insert = records.database->query();
    insert.prepare(QStringLiteral("INSERT INTO encounters (kind, mode, traveler_id, decision, officer, verified_at, "
                                  "created_at, pad_decision, pad_score) VALUES ('entry', 'biometric', 1, 'match', "
                                  "'officer:jdoe', 0, 0, ?, ?)"));
    insert.addBindValue(decision);
    insert.addBindValue(score);
    QCOMPARE(records.database->exec(insert, QStringLiteral("insert an encounter"), &error), accepted);
    if (!accepted)
        QVERIFY2(error.contains(QStringLiteral("CHECK"), Qt::CaseInsensitive)
                     || error.contains(QStringLiteral("check constraint"), Qt::CaseInsensitive),
                 qPrintable(error));
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM encounters")), accepted ? 1 : 0);
}

// Schema 11 adds three columns and widens queue_items.reason (on SQLite by
// making the table again): the rows already there, the supervisors'
// decisions, every index and trigger stay.
void TestEncounterPad::aSchema10DatabaseKeepsItsRowsInSchema11()
{
    QString error;
    test::TestDatabase target;
    if (!target.isReady(&error))
        QSKIP(qPrintable(error));
    const auto dependents = [](const Database& database, QString* why) {
        QStringList names;
        QSqlQuery rows = database.query();
        rows.prepare(database.isSqlite()
                         ? QStringLiteral("SELECT type || ' ' || name || ' on ' || tbl_name FROM sqlite_schema WHERE "
                                          "type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY 1")
                         : QStringLiteral("SELECT 'index ' || indexname || ' on ' || tablename FROM pg_indexes WHERE "
                                          "schemaname = current_schema() UNION ALL SELECT 'trigger ' || tgname || "
                                          "' on ' || tgrelid::regclass::text FROM pg_trigger WHERE NOT tgisinternal "
                                          "ORDER BY 1"));
        if (database.exec(rows, QStringLiteral("list the indexes and triggers"), why))
            while (rows.next())
                names << rows.value(0).toString();
        return names;
    };
    QStringList before;
    {
        DatabaseOptions schema10;
        schema10.migrateTo = 10;
        const std::unique_ptr<Database> database = target.open(&error, schema10);
        QVERIFY2(database, qPrintable(error));
        QCOMPARE(database->schemaVersion(), 10);
        for (const QString& sql :
             {QStringLiteral("INSERT INTO travelers (id, citizenship, biometric_exempt, created_at) VALUES (1, 'DEU', 0, 0)"),
              QStringLiteral("INSERT INTO encounters (id, kind, mode, traveler_id, decision, officer, verified_at, "
                             "created_at, document_verdict, document_check) VALUES (1, 'entry', 'biometric', 1, "
                             "'no-match', 'officer:jdoe', 0, 0, 'genuine', '{\"outcome\":\"genuine\"}')"),
              QStringLiteral("INSERT INTO encounters (id, kind, mode, traveler_id, decision, officer, verified_at, "
                             "created_at, document_verdict) VALUES (2, 'entry', 'biometric', 1, 'match', "
                             "'officer:jdoe', 0, 0, 'not-genuine')"),
              QStringLiteral("INSERT INTO queue_items (id, encounter_id, reason, created_at) VALUES (7, 1, 'no-match', 5)"),
              QStringLiteral("INSERT INTO queue_items (id, encounter_id, reason, created_at) "
                             "VALUES (8, 2, 'document-not-genuine', 6)"),
              QStringLiteral("INSERT INTO supervisor_decisions (queue_item_id, supervisor, resolution, decided_at) "
                             "VALUES (7, 'supervisor:ann', 'identity-confirmed', 9)")})
            QVERIFY2(database->exec(sql, sql, &error), qPrintable(error));
        QVERIFY(!database->exec(QStringLiteral("INSERT INTO queue_items (encounter_id, reason, created_at) "
                                               "VALUES (1, 'presentation-attack', 6)"),
                                QStringLiteral("a reason of schema 11"), &error));
        before = dependents(*database, &error);
        QVERIFY2(!before.isEmpty(), qPrintable(error));
    }
    const std::unique_ptr<Database> database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    QCOMPARE(database->schemaVersion(), 11);
    QCOMPARE(Migrator::latestVersion(), 11);
    const auto count = [&](const QString& sql) {
        const std::optional<QVariant> value = database->scalar(sql, {}, sql, &error);
        return value ? value->toLongLong() : -1;
    };
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE id = 7 AND encounter_id = 1 AND "
                                  "reason = 'no-match' AND created_at = 5")),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE id = 8 AND encounter_id = 2 AND "
                                  "reason = 'document-not-genuine' AND created_at = 6")),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM supervisor_decisions WHERE queue_item_id = 7")), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM encounters WHERE id = 1 AND document_verdict = 'genuine' AND "
                                  "document_check = '{\"outcome\":\"genuine\"}'")),
             1);
    // Their faces were never assessed.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM encounters WHERE pad_decision IS NULL AND pad_score IS NULL "
                                  "AND pad_evidence IS NULL")),
             2);
    QCOMPARE(dependents(*database, &error), before);
    if (database->isSqlite())
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM pragma_foreign_key_check")), 0);

    // What schema 11 adds is taken, and its checks hold.
    QVERIFY2(database->exec(QStringLiteral("INSERT INTO encounters (id, kind, mode, traveler_id, decision, officer, "
                                           "verified_at, created_at, pad_decision, pad_score, pad_evidence) VALUES "
                                           "(3, 'entry', 'biometric', 1, 'match', 'officer:jdoe', 0, 0, 'attack', 0.9, "
                                           "'{\"decision\":\"attack\"}')"),
                            QStringLiteral("encounter"), &error),
             qPrintable(error));
    QVERIFY2(database->exec(QStringLiteral("INSERT INTO queue_items (encounter_id, reason, created_at) "
                                           "VALUES (3, 'presentation-attack', 7)"),
                            QStringLiteral("a reason of schema 11"), &error),
             qPrintable(error));
    QVERIFY(!database->exec(QStringLiteral("INSERT INTO queue_items (encounter_id, reason, created_at) "
                                           "VALUES (3, 'looked-odd', 8)"),
                            QStringLiteral("a reason no schema knows"), &error));
    QVERIFY(!database->exec(QStringLiteral("UPDATE encounters SET pad_decision = 'maybe' WHERE id = 3"),
                            QStringLiteral("a decision no schema knows"), &error));
    QVERIFY(!database->exec(QStringLiteral("UPDATE encounters SET pad_score = 1.5 WHERE id = 3"),
                            QStringLiteral("a score out of range"), &error));
}

void TestEncounterPad::thePortFiguresCountTheAttacksCaught()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    struct Row {
        Encounter::Decision decision;
        const char* pad; // "" never assessed
        const char* camera;
    };
    const Row rows[] = {
        {Encounter::Decision::Match, "attack", "cam-1"},        {Encounter::Decision::NoMatch, "attack", "cam-2"},
        {Encounter::Decision::Match, "attack", "cam-2"},        {Encounter::Decision::Match, "bona-fide", "cam-1"},
        {Encounter::Decision::NoMatch, "bona-fide", "cam-1"},   {Encounter::Decision::Match, "not-assessed", "cam-1"},
        {Encounter::Decision::PoorQuality, "", "cam-1"},
    };
    PortFiguresCalculator calculator(*records.database);
    const std::optional<PortFigures> empty = calculator.compute(FiguresQuery{}, &error);
    QVERIFY2(empty, qPrintable(error));
    QCOMPARE(empty->presentationAttacks, qint64(0));
    QCOMPARE(empty->padAssessed, qint64(0));

    for (const Row& row : rows) {
        const QString pad = QString::fromLatin1(row.pad);
        Encounter encounter = biometric(row.decision, pad,
                                        pad == QLatin1String("attack")      ? std::optional<double>(0.9)
                                        : pad == QLatin1String("bona-fide") ? std::optional<double>(0.1)
                                                                            : std::nullopt);
        encounter.camera = QString::fromLatin1(row.camera);
        QVERIFY2(records.store->add(encounter, nullptr, QStringLiteral("officer:jdoe"), &error), qPrintable(error));
    }
    const std::optional<PortFigures> all = calculator.compute(FiguresQuery{}, &error);
    QVERIFY2(all, qPrintable(error));
    QCOMPARE(all->presentationAttacks, qint64(3));
    QCOMPARE(all->padAssessed, qint64(5));
    // The other figures keep their meaning: attacks are counted by their decision too.
    QCOMPARE(all->processed, qint64(7));
    QCOMPARE(all->matches, qint64(4));
    QCOMPARE(all->noMatches, qint64(2));
    QCOMPARE(all->poorQuality, qint64(1));

    FiguresQuery camera2;
    camera2.camera = QStringLiteral("cam-2");
    const std::optional<PortFigures> atCamera2 = calculator.compute(camera2, &error);
    QVERIFY2(atCamera2, qPrintable(error));
    QCOMPARE(atCamera2->presentationAttacks, qint64(2));
    QCOMPARE(atCamera2->padAssessed, qint64(2));

    // `facegate-cli stats` counts them by decision, never assessed as "none".
    const std::optional<QJsonObject> statistics = RecordStatistics(*records.database, records.policy).compute(&error);
    QVERIFY2(statistics, qPrintable(error));
    const QJsonObject byPad = statistics->value(QStringLiteral("encounters"))
                                  .toObject()
                                  .value(QStringLiteral("by_pad_decision"))
                                  .toObject();
    QCOMPARE(byPad.value(QStringLiteral("attack")).toInteger(), 3);
    QCOMPARE(byPad.value(QStringLiteral("bona-fide")).toInteger(), 2);
    QCOMPARE(byPad.value(QStringLiteral("not-assessed")).toInteger(), 1);
    QCOMPARE(byPad.value(QStringLiteral("none")).toInteger(), 1);

    // Outside the period: none.
    FiguresQuery later;
    later.from = records.clock.now().addDays(1);
    const std::optional<PortFigures> none = calculator.compute(later, &error);
    QVERIFY2(none, qPrintable(error));
    QCOMPARE(none->presentationAttacks, qint64(0));
}

QTEST_GUILESS_MAIN(TestEncounterPad)
#include "tst_encounterpad.moc"
