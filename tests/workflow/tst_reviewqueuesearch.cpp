// ReviewQueue searched and counted with every filter and sort, the same on
// SQLite and PostgreSQL; the latest resolution carried with each item; a bad
// page refused. (Claims, resolutions and the review: tst_reviewqueue.)
#include "tests/workflow/ReviewQueueFixture.h"

using namespace fg;
using namespace fg::test::queue;

class TestReviewQueueSearch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(test::TestDatabase::backendName())); }
    void searchAndCount_data();
    void searchAndCount();
    void searchCarriesTheResolution();
    void searchRefusesABadPage();
};

void TestReviewQueueSearch::searchAndCount_data()
{
    QTest::addColumn<QueueQuery>("query");
    QTest::addColumn<QStringList>("expected"); // in order; the count is its size

    const auto row = [](const char* name, const QueueQuery& query, const QString& expected) {
        QTest::newRow(name) << query << expected.split(QLatin1Char(','), Qt::SkipEmptyParts);
    };
    row("everything, oldest first", QueueQuery(), QStringLiteral("E1,E2,E3,E4,E6,E7"));
    row("newest first", sorted(SortColumn::Age, Qt::DescendingOrder), QStringLiteral("E7,E6,E4,E3,E2,E1"));
    QueueQuery query;
    query.states = {State::Open, State::Claimed};
    row("open and claimed", query, QStringLiteral("E1,E2,E3,E4,E7"));
    query.states = {State::Claimed};
    row("claimed", query, QStringLiteral("E3"));
    query.states = {State::Resolved, State::Resolved};
    row("resolved", query, QStringLiteral("E6"));
    query = QueueQuery();
    query.from = kStart.addSecs(10 * 60);
    query.until = kStart.addSecs(50 * 60);
    row("from (inclusive) until (exclusive)", query, QStringLiteral("E2,E3,E4"));
    query = QueueQuery();
    query.flight = QStringLiteral(" ua 901 ");
    row("flight, normalised", query, QStringLiteral("E1,E2,E6"));
    query = QueueQuery();
    query.camera = QStringLiteral("GATE-3");
    row("camera, any case", query, QStringLiteral("E1,E4,E7"));
    query = QueueQuery();
    query.officer = QStringLiteral("KIM");
    row("officer, any case", query, QStringLiteral("E2,E4"));
    query = QueueQuery();
    query.workstation = QStringLiteral("ws-2");
    row("workstation, any case", query, QStringLiteral("E2,E4"));
    query = QueueQuery();
    query.reason = Reason::NoMatch;
    row("reason no-match", query, QStringLiteral("E1,E3,E6,E7"));
    query.reason = Reason::PoorQuality;
    row("reason poor-quality", query, QStringLiteral("E2"));
    query.reason = Reason::Override;
    row("reason override", query, QStringLiteral("E4"));
    query = QueueQuery();
    query.flight = QStringLiteral("AF22");
    query.officer = QStringLiteral("amy");
    query.states = {State::Open};
    row("filters combine", query, QStringLiteral("E7"));
    query = QueueQuery();
    query.camera = QStringLiteral("gate");
    row("camera is whole", query, QString());

    row("reason ascending", sorted(SortColumn::Reason, Qt::AscendingOrder), QStringLiteral("E1,E3,E6,E7,E2,E4"));
    row("reason descending", sorted(SortColumn::Reason, Qt::DescendingOrder), QStringLiteral("E4,E2,E1,E3,E6,E7"));
    row("state ascending", sorted(SortColumn::State, Qt::AscendingOrder), QStringLiteral("E1,E2,E4,E7,E3,E6"));
    row("state descending", sorted(SortColumn::State, Qt::DescendingOrder), QStringLiteral("E6,E3,E1,E2,E4,E7"));
    row("flight ascending", sorted(SortColumn::Flight, Qt::AscendingOrder), QStringLiteral("E4,E3,E7,E1,E2,E6"));
    row("flight descending", sorted(SortColumn::Flight, Qt::DescendingOrder), QStringLiteral("E1,E2,E6,E3,E7,E4"));
    // Code-point order: "b-lane" < "ba" ('-' < 'a'), "gate-10" < "gate-3".
    row("camera ascending", sorted(SortColumn::Camera, Qt::AscendingOrder), QStringLiteral("E6,E2,E3,E1,E4,E7"));
    row("camera descending", sorted(SortColumn::Camera, Qt::DescendingOrder), QStringLiteral("E1,E4,E7,E3,E2,E6"));
    row("officer ascending", sorted(SortColumn::Officer, Qt::AscendingOrder), QStringLiteral("E3,E7,E1,E2,E4,E6"));
    row("officer descending", sorted(SortColumn::Officer, Qt::DescendingOrder), QStringLiteral("E6,E2,E4,E1,E3,E7"));
    // No score (poor quality) last either way.
    row("score ascending", sorted(SortColumn::MatchScore, Qt::AscendingOrder), QStringLiteral("E6,E1,E7,E3,E4,E2"));
    row("score descending", sorted(SortColumn::MatchScore, Qt::DescendingOrder), QStringLiteral("E4,E3,E1,E7,E6,E2"));
}

void TestReviewQueueSearch::searchAndCount()
{
    QFETCH(QueueQuery, query);
    QFETCH(QStringList, expected);
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    for (const Seed& seed : kSeeds)
        QVERIFY2(records.add(seed, &error), qPrintable(error));
    QCOMPARE(records.itemOf.size(), size_t(6)); // E5, a match, is not queued
    QVERIFY2(records.queue->claim(records.itemOf.at(QStringLiteral("E3")), kSup1, &error), qPrintable(error));
    QVERIFY2(records.queue->claim(records.itemOf.at(QStringLiteral("E6")), kSup2, &error), qPrintable(error));
    QVERIFY2(records.queue->resolve(records.itemOf.at(QStringLiteral("E6")), Resolution::IdentityConfirmed,
                                    QStringLiteral("checked the passport"), kSup2, &error),
             qPrintable(error));
    const qint64 auditBefore = records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events"));

    QCOMPARE(records.labels(query, kSup1, &error), expected);
    QCOMPARE(records.labels(query, kAuditor, &error), expected);
    const auto counted = records.queue->count(query, kSup1, &error);
    QVERIFY2(counted, qPrintable(error));
    QCOMPARE(*counted, qint64(expected.size()));

    // A page of it: the same order, cut; the count ignores the page.
    query.limit = 2;
    query.offset = 1;
    QCOMPARE(records.labels(query, kSup1, &error), expected.mid(1, 2));
    QCOMPARE(records.queue->count(query, kSup1, &error), std::optional(qint64(expected.size())));
    // Searching is not audited.
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events")), auditBefore);
}

void TestReviewQueueSearch::searchCarriesTheResolution()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    for (const Seed& seed : kSeeds)
        QVERIFY2(records.add(seed, &error), qPrintable(error));
    const qint64 e6 = records.itemOf.at(QStringLiteral("E6"));
    const qint64 e4 = records.itemOf.at(QStringLiteral("E4"));
    records.clock.set(kStart.addSecs(3600));
    QVERIFY2(records.queue->claim(e6, kSup2, &error), qPrintable(error));
    QVERIFY2(records.queue->claim(e4, kSup1, &error), qPrintable(error));
    records.clock.advanceSeconds(90);
    const auto decision = records.queue->resolve(e6, Resolution::SuspectedImpostor, QStringLiteral("  not the holder  "),
                                                 kSup2, &error);
    QVERIFY2(decision, qPrintable(error));
    records.clock.advanceSeconds(30);
    QVERIFY2(records.queue->resolve(e4, Resolution::CaptureProblem, QStringLiteral("backlit"), kSup1, &error),
             qPrintable(error));

    const auto items = records.queue->search(QueueQuery(), kAuditor, &error);
    QVERIFY2(items, qPrintable(error));
    QCOMPARE(items->size(), size_t(6));
    for (const QueueItem& item : *items) {
        const QString label = records.labelOfItem.at(item.id);
        if (item.id == e6) {
            QCOMPARE(item.state, State::Resolved);
            QVERIFY(item.resolution);
            QCOMPARE(item.resolution->id, decision->id);
            QCOMPARE(item.resolution->queueItemId, e6);
            QCOMPARE(item.resolution->supervisor, QStringLiteral("sup2"));
            QCOMPARE(item.resolution->resolution, Resolution::SuspectedImpostor);
            QCOMPARE(item.resolution->note, QStringLiteral("not the holder"));
            QCOMPARE(item.resolution->decidedAt, kStart.addSecs(3600 + 90));
            // What the row shows of the encounter.
            QCOMPARE(item.reason, Reason::NoMatch);
            QCOMPARE(item.flight, QStringLiteral("UA901"));
            QCOMPARE(item.camera, QStringLiteral("b-lane"));
            QCOMPARE(item.officer, QStringLiteral("zed"));
            QCOMPARE(item.workstation, QStringLiteral("ws-3"));
            QCOMPARE(item.score, std::optional(0.10));
            QCOMPARE(item.threshold, std::optional(0.42));
            QCOMPARE(item.decision, std::optional(Decision::NoMatch));
            QCOMPARE(item.createdAt, kStart.addSecs(50 * 60));
            QCOMPARE(item.capturedAt, kStart.addSecs(50 * 60 - 2));
            QCOMPARE(item.claimedBy, QStringLiteral("sup2"));
            QCOMPARE(item.claimedAt, kStart.addSecs(3600));
        } else if (item.id == e4) {
            QVERIFY(item.resolution);
            QCOMPARE(item.resolution->resolution, Resolution::CaptureProblem);
            QCOMPARE(item.resolution->supervisor, QStringLiteral("sup1"));
            QCOMPARE(item.reason, Reason::Override);
            QCOMPARE(item.officerAction, std::optional(Encounter::OfficerAction::Override));
            QCOMPARE(item.officerNote, QStringLiteral("the passport photo is twenty years old"));
            QCOMPARE(item.decision, std::optional(Decision::Match));
            QCOMPARE(item.createdAt, kStart.addSecs(30 * 60));
        } else {
            QVERIFY2(!item.resolution, qPrintable(label));
            QCOMPARE(item.state, State::Open);
            QVERIFY(item.claimedBy.isEmpty());
            QVERIFY(!item.claimedAt.isValid());
        }
    }
    // find() reads the same, without an audit event.
    const qint64 auditBefore = records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events"));
    const auto found = records.queue->find(e6, kAuditor, &error);
    QVERIFY2(found, qPrintable(error));
    QVERIFY(found->resolution);
    QCOMPARE(found->resolution->id, decision->id);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM audit_events")), auditBefore);
    QCOMPARE(records.queue->find(987654, kSup1, &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("no queue item 987654")), qPrintable(error));
}

void TestReviewQueueSearch::searchRefusesABadPage()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    QueueQuery query;
    for (const auto& [limit, offset] : {std::pair{0, 0}, std::pair{10001, 0}, std::pair{10, -1}}) {
        query.limit = limit;
        query.offset = offset;
        error.clear();
        QCOMPARE(records.queue->search(query, kSup1, &error), std::nullopt);
        QVERIFY2(error.contains(QStringLiteral("limit")), qPrintable(error));
    }
    query.limit = 10000;
    query.offset = 0;
    const auto empty = records.queue->search(query, kSup1, &error);
    QVERIFY2(empty, qPrintable(error));
    QVERIFY(empty->empty());
}

// Two supervisors at two workstations: two connections to one database
// (for SQLite the same file). The first claim wins; the second is refused,
// naming who holds the item and since when, and writes nothing.

QTEST_GUILESS_MAIN(TestReviewQueueSearch)
#include "tst_reviewqueuesearch.moc"
