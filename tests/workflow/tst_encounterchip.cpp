// Issue 19, the records: what the passport's chip said is kept with the
// encounter; a chip that is not genuine queues the encounter for a
// supervisor and the officer may not confirm it; the store refuses a verdict
// it does not know; a schema-9 database keeps its queue through schema 10's
// widening of queue_items.reason.
#include "core/storage/Database.h"
#include "core/storage/Migrator.h"
#include "core/workflow/EncounterStore.h"
#include "tests/support/TestDatabase.h"
#include "tests/workflow/StoreRecords.h"

#include <QTest>

#include <memory>

using namespace fg;

Q_DECLARE_METATYPE(std::optional<fg::Encounter::Decision>)

using Records = test::StoreRecords;

class TestEncounterChip : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(test::TestDatabase::backendName())); }
    void aForgedDocumentIsQueuedAndCannotBeConfirmed_data();
    void aForgedDocumentIsQueuedAndCannotBeConfirmed();
    void anUnknownDocumentVerdictIsRefused();
    void queueItemsOfSchema9SurviveItsMigration();
};

// Issue 19: what the chip said is kept with the encounter; a chip that is not
// genuine queues the encounter (before a no-match: one item an encounter) and
// the officer may override or refer it, never confirm it.
void TestEncounterChip::aForgedDocumentIsQueuedAndCannotBeConfirmed_data()
{
    QTest::addColumn<QString>("verdict");
    QTest::addColumn<std::optional<Encounter::Decision>>("decision");
    QTest::addColumn<QString>("reason"); // empty: no queue item
    QTest::newRow("genuine, match") << QStringLiteral("genuine") << std::optional(Encounter::Decision::Match) << QString();
    QTest::newRow("not verifiable, match")
        << QStringLiteral("not-verifiable") << std::optional(Encounter::Decision::Match) << QString();
    QTest::newRow("not genuine, match")
        << QStringLiteral("not-genuine") << std::optional(Encounter::Decision::Match)
        << QStringLiteral("document-not-genuine");
    QTest::newRow("not genuine, no match")
        << QStringLiteral("not-genuine") << std::optional(Encounter::Decision::NoMatch)
        << QStringLiteral("document-not-genuine");
    QTest::newRow("genuine, no match")
        << QStringLiteral("genuine") << std::optional(Encounter::Decision::NoMatch) << QStringLiteral("no-match");
}

void TestEncounterChip::aForgedDocumentIsQueuedAndCannotBeConfirmed()
{
    QFETCH(QString, verdict);
    QFETCH(std::optional<Encounter::Decision>, decision);
    QFETCH(QString, reason);
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    Encounter encounter;
    encounter.citizenship = QStringLiteral("UTO");
    encounter.decision = decision;
    encounter.documentVerdict = verdict;
    encounter.documentCheck = QJsonObject{{QStringLiteral("summary"), QStringLiteral("what the chip said")},
                                          {QStringLiteral("outcome"), verdict}};
    StoredEncounter stored;
    QVERIFY2(records.store->add(encounter, nullptr, QStringLiteral("officer:jdoe"), &error, &stored), qPrintable(error));
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE encounter_id = ? AND reason = ?"),
                           {stored.id, reason}),
             reason.isEmpty() ? 0 : 1);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE encounter_id = ?"), {stored.id}),
             reason.isEmpty() ? 0 : 1);

    const std::optional<Encounter> found = records.store->find(stored.id, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->documentVerdict, verdict);
    QCOMPARE(found->documentCheck, encounter.documentCheck);

    const bool confirmed = records.store->recordOfficerAction(stored.id, Encounter::OfficerAction::Confirm, QString(),
                                                              QStringLiteral("officer:jdoe"), &error);
    if (verdict == QLatin1String("not-genuine")) {
        QVERIFY(!confirmed);
        QVERIFY2(error.contains(QStringLiteral("chip is not genuine")), qPrintable(error));
        QVERIFY2(records.store->recordOfficerAction(stored.id, Encounter::OfficerAction::Override,
                                                    QStringLiteral("data page inspected: genuine, chip damaged"),
                                                    QStringLiteral("officer:jdoe"), &error),
                 qPrintable(error));
    } else {
        QVERIFY2(confirmed, qPrintable(error));
    }
}

void TestEncounterChip::anUnknownDocumentVerdictIsRefused()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    Encounter encounter;
    encounter.citizenship = QStringLiteral("UTO");
    encounter.decision = Encounter::Decision::Match;
    encounter.documentVerdict = QStringLiteral("probably-fine");
    QVERIFY(!records.store->add(encounter, nullptr, QStringLiteral("officer:jdoe"), &error));
    QVERIFY2(error.contains(QStringLiteral("probably-fine")), qPrintable(error));
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM encounters")), 0);
}

// Schema 10 widens queue_items.reason (on SQLite by making the table again):
// the items already there, their supervisors' decisions and the indexes stay.
void TestEncounterChip::queueItemsOfSchema9SurviveItsMigration()
{
    QString error;
    test::TestDatabase target;
    if (!target.isReady(&error))
        QSKIP(qPrintable(error));
    {
        DatabaseOptions schema9;
        schema9.migrateTo = 9;
        const std::unique_ptr<Database> database = target.open(&error, schema9);
        QVERIFY2(database, qPrintable(error));
        QCOMPARE(database->schemaVersion(), 9);
        for (const QString& sql :
             {QStringLiteral("INSERT INTO travelers (id, citizenship, biometric_exempt, created_at) VALUES (1, 'DEU', 0, 0)"),
              QStringLiteral("INSERT INTO encounters (id, kind, mode, traveler_id, decision, officer, verified_at, "
                             "created_at) VALUES (1, 'entry', 'biometric', 1, 'no-match', 'officer:jdoe', 0, 0)"),
              QStringLiteral("INSERT INTO queue_items (id, encounter_id, reason, created_at) VALUES (7, 1, 'no-match', 5)"),
              QStringLiteral("INSERT INTO supervisor_decisions (queue_item_id, supervisor, resolution, decided_at) "
                             "VALUES (7, 'supervisor:ann', 'identity-confirmed', 9)")})
            QVERIFY2(database->exec(sql, sql, &error), qPrintable(error));
        QVERIFY(!database->exec(QStringLiteral("INSERT INTO queue_items (encounter_id, reason, created_at) "
                                               "VALUES (1, 'document-not-genuine', 6)"),
                                QStringLiteral("a reason of schema 10"), &error));
    }
    const std::unique_ptr<Database> database = target.open(&error);
    QVERIFY2(database, qPrintable(error));
    QCOMPARE(database->schemaVersion(), Migrator::latestVersion());
    const auto count = [&](const QString& sql) {
        const std::optional<QVariant> value = database->scalar(sql, {}, sql, &error);
        return value ? value->toLongLong() : -1;
    };
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE id = 7 AND encounter_id = 1 AND "
                                  "reason = 'no-match' AND created_at = 5")),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM supervisor_decisions WHERE queue_item_id = 7")), 1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM encounters WHERE id = 1 AND document_verdict IS NULL AND "
                                  "document_check = ''")),
             1);
    if (database->isSqlite()) {
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'queue_items' "
                                      "AND name IN ('queue_items_state', 'queue_items_created_at')")),
                 2);
        QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM pragma_foreign_key_check")), 0);
    }
    QVERIFY2(database->exec(QStringLiteral("INSERT INTO travelers (id, citizenship, biometric_exempt, created_at) "
                                           "VALUES (2, 'UTO', 0, 0)"),
                            QStringLiteral("traveler"), &error),
             qPrintable(error));
    QVERIFY2(database->exec(QStringLiteral("INSERT INTO encounters (id, kind, mode, traveler_id, decision, officer, "
                                           "verified_at, created_at, document_verdict) VALUES (2, 'entry', 'biometric', "
                                           "2, 'match', 'officer:jdoe', 0, 0, 'not-genuine')"),
                            QStringLiteral("encounter"), &error),
             qPrintable(error));
    QVERIFY2(database->exec(QStringLiteral("INSERT INTO queue_items (encounter_id, reason, created_at) "
                                           "VALUES (2, 'document-not-genuine', 6)"),
                            QStringLiteral("a reason of schema 10"), &error),
             qPrintable(error));
    QVERIFY(!database->exec(QStringLiteral("UPDATE encounters SET document_verdict = 'looks-fine' WHERE id = 2"),
                            QStringLiteral("a verdict no schema knows"), &error));
}

QTEST_GUILESS_MAIN(TestEncounterChip)
#include "tst_encounterchip.moc"
