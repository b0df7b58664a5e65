// ReviewQueue: the supervisor's no-match queue searched and counted with
// every filter and sort, the same on SQLite and PostgreSQL; a claim that
// exactly one of two supervisors (two connections) wins; resolve only by the
// claimer, once, with a note; stale claims taken over; roles enforced; the
// review of an item whose photos were purged; every action audited and a
// refused one leaving nothing behind.
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/Purger.h"
#include "core/workflow/ReviewQueue.h"
#include "tests/support/ManualClock.h"
#include "tests/support/SealedRecords.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <latch>
#include <map>
#include <memory>
#include <thread>

using namespace fg;

using Decision = Encounter::Decision;
using Reason = QueueItem::Reason;
using Resolution = SupervisorDecision::Resolution;
using SortColumn = QueueQuery::SortColumn;
using State = QueueItem::State;

Q_DECLARE_METATYPE(fg::QueueQuery)

namespace {

const QDateTime kStart(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);

UserAccount account(const QString& name, Role role)
{
    UserAccount user;
    user.name = name;
    user.role = role;
    return user;
}

const UserAccount kSup1 = account(QStringLiteral("sup1"), Role::Supervisor);
const UserAccount kSup2 = account(QStringLiteral("sup2"), Role::Supervisor);
const UserAccount kAuditor = account(QStringLiteral("aud"), Role::Auditor);

QString iso(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// An encounter as the desk stores it, with what the queue shows of it.
struct Seed {
    QString label;
    std::optional<Decision> decision;
    QString flight;
    QString camera;
    QString officer;
    QString workstation;
    std::optional<double> score;
    int minutes = 0;          // after kStart: when it was stored (and queued, unless overridden)
    bool overridden = false;  // the officer overrides a match: queued (reason override) then
};

// A database with its audit log, key, encounters and queue, as the application wires them.
struct Records : test::SealedRecords {
    Records()
        : SealedRecords(kStart)
    {
    }
    std::unique_ptr<ReviewQueue> queue;
    std::map<QString, qint64> itemOf;      // label -> queue item
    std::map<qint64, QString> labelOfItem;

    bool open(QString* error, std::chrono::minutes claimExpiry = std::chrono::hours(8))
    {
        if (!SealedRecords::open(error))
            return false;
        queue = std::make_unique<ReviewQueue>(*database, *audit, clock, claimExpiry);
        return true;
    }

    // Stores the seed's encounter (and the officer's override); its queue item, 0 if none.
    std::optional<qint64> add(const Seed& seed, QString* error, const BiometricSample* sample = nullptr,
                              const QString& citizenship = QStringLiteral("FRA"))
    {
        clock.set(kStart.addSecs(seed.minutes * 60));
        Encounter encounter;
        encounter.citizenship = citizenship;
        encounter.decision = seed.decision;
        encounter.flight = seed.flight;
        encounter.camera = seed.camera;
        encounter.officer = seed.officer;
        encounter.workstation = seed.workstation;
        encounter.score = seed.score;
        encounter.threshold = 0.42;
        encounter.capturedAt = clock.now().addSecs(-2);
        StoredEncounter stored;
        if (!encounters->add(encounter, sample, QStringLiteral("officer:") + seed.officer, error, &stored))
            return std::nullopt;
        qint64 item = stored.queueItemId;
        if (seed.overridden
            && !encounters->recordOfficerAction(stored.id, Encounter::OfficerAction::Override,
                                           QStringLiteral("the passport photo is twenty years old"),
                                           QStringLiteral("officer:") + seed.officer, error, &item))
            return std::nullopt;
        if (item > 0) {
            itemOf[seed.label] = item;
            labelOfItem[item] = seed.label;
        }
        return item;
    }

    qint64 count(const QString& sql, const QVariantList& values = {}) const
    {
        QString error;
        const std::optional<QVariant> value = database->scalar(sql, values, sql, &error);
        if (!value)
            qWarning("%s", qPrintable(error));
        return value ? value->toLongLong() : -1;
    }

    // What a refused action must leave as it was: every item's state and
    // claim, the decisions, the audit log.
    QString snapshot() const
    {
        QSqlQuery rows = database->query();
        rows.exec(QStringLiteral("SELECT id, state, claimed_by, claimed_at FROM queue_items ORDER BY id"));
        QStringList parts;
        while (rows.next())
            parts << QStringLiteral("%1:%2:%3:%4")
                         .arg(rows.value(0).toLongLong())
                         .arg(rows.value(1).toString(), rows.value(2).toString(),
                              rows.value(3).isNull() ? QStringLiteral("null") : rows.value(3).toString());
        return parts.join(QLatin1Char(' '))
               + QStringLiteral(" decisions=%1 audit=%2")
                     .arg(count(QStringLiteral("SELECT COUNT(*) FROM supervisor_decisions")))
                     .arg(count(QStringLiteral("SELECT COUNT(*) FROM audit_events")));
    }

    std::optional<AuditEvent> lastEvent(QString* error) const
    {
        const auto events = audit->events(1, 10000, error);
        if (!events || events->empty())
            return std::nullopt;
        return events->back();
    }

    qint64 events(const QString& action) const
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = ?"), {action});
    }

    QString auditProblem() const
    {
        QString error;
        const auto verification = audit->verify(&error);
        if (!verification)
            return error;
        return verification->intact ? QString() : verification->problem;
    }

    // The labels of what search() answers, in its order.
    QStringList labels(const QueueQuery& query, const UserAccount& user, QString* error) const
    {
        const auto items = queue->search(query, user, error);
        if (!items)
            return {QStringLiteral("error: ") + *error};
        QStringList result;
        for (const QueueItem& item : *items)
            result << labelOfItem.at(item.id);
        return result;
    }
};

// The queue the filter and sort tests search: six queued encounters (and a
// match that is not queued), one claimed, one resolved.
const std::vector<Seed> kSeeds = {
    {QStringLiteral("E1"), Decision::NoMatch, QStringLiteral("UA 901"), QStringLiteral("Gate-3"), QStringLiteral("jdoe"),
     QStringLiteral("ws-1"), 0.30, 0, false},
    {QStringLiteral("E2"), Decision::PoorQuality, QStringLiteral("ua901"), QStringLiteral("ba"), QStringLiteral("kim"),
     QStringLiteral("WS-2"), std::nullopt, 10, false},
    {QStringLiteral("E3"), Decision::NoMatch, QStringLiteral("AF 22"), QStringLiteral("Gate-10"), QStringLiteral("amy"),
     QStringLiteral("ws-1"), 0.35, 20, false},
    {QStringLiteral("E4"), Decision::Match, QString(), QStringLiteral("gate-3"), QStringLiteral("kim"),
     QStringLiteral("ws-2"), 0.80, 30, true},
    {QStringLiteral("E5"), Decision::Match, QStringLiteral("UA901"), QStringLiteral("gate-3"), QStringLiteral("kim"),
     QStringLiteral("ws-2"), 0.90, 40, false},
    {QStringLiteral("E6"), Decision::NoMatch, QStringLiteral("UA901"), QStringLiteral("b-lane"), QStringLiteral("zed"),
     QStringLiteral("ws-3"), 0.10, 50, false},
    {QStringLiteral("E7"), Decision::NoMatch, QStringLiteral("AF22"), QStringLiteral("GATE-3"), QStringLiteral("amy"),
     QStringLiteral("ws-1"), 0.30, 60, false},
};

QueueQuery sorted(SortColumn column, Qt::SortOrder order)
{
    QueueQuery query;
    query.sortBy = column;
    query.order = order;
    return query;
}

} // namespace

class TestReviewQueue : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(test::TestDatabase::backendName())); }
    void searchAndCount_data();
    void searchAndCount();
    void searchCarriesTheResolution();
    void searchRefusesABadPage();
    void oneOfTwoConnectionsWinsTheClaim();
    void concurrentClaimsHaveOneWinner();
    void resolveOnlyWhatYouHold();
    void staleClaimIsTakenOver();
    void releaseGivesTheItemBack();
    void rolesAreEnforced();
    void reviewShowsPurgedPhotos();
};

void TestReviewQueue::searchAndCount_data()
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

void TestReviewQueue::searchAndCount()
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

void TestReviewQueue::searchCarriesTheResolution()
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

void TestReviewQueue::searchRefusesABadPage()
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
void TestReviewQueue::oneOfTwoConnectionsWinsTheClaim()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto item = records.add(kSeeds.front(), &error);
    QVERIFY2(item && *item > 0, qPrintable(error));
    const std::unique_ptr<Database> second = records.target.open(&error);
    QVERIFY2(second, qPrintable(error));
    const AuditLog secondAudit(*second, records.clock);
    const ReviewQueue secondQueue(*second, secondAudit, records.clock);

    records.clock.advanceSeconds(600);
    const QDateTime claimedAt = records.clock.now();
    QVERIFY2(records.queue->claim(*item, kSup1, &error), qPrintable(error));
    records.clock.advanceSeconds(5);
    const QString before = records.snapshot();
    QVERIFY(!secondQueue.claim(*item, kSup2, &error));
    QVERIFY2(error.contains(QStringLiteral("claimed by sup1 since %1").arg(iso(claimedAt))), qPrintable(error));
    QCOMPARE(records.snapshot(), before);
    // The second connection sees the claim, and sup1 can claim again (renewed).
    const auto seen = secondQueue.find(*item, kSup2, &error);
    QVERIFY2(seen, qPrintable(error));
    QCOMPARE(seen->state, State::Claimed);
    QCOMPARE(seen->claimedBy, QStringLiteral("sup1"));
    QCOMPARE(seen->claimedAt, claimedAt);
    QVERIFY2(secondQueue.claim(*item, kSup1, &error), qPrintable(error));
    const auto renewed = records.lastEvent(&error);
    QVERIFY2(renewed, qPrintable(error));
    QCOMPARE(renewed->action, QStringLiteral("queue.claim"));
    QVERIFY(renewed->details.value(QStringLiteral("renewed")).toBool());
    QCOMPARE(records.count(QStringLiteral("SELECT claimed_at FROM queue_items WHERE id = ?"), {*item}),
             records.clock.nowMs());
    QCOMPARE(records.events(QStringLiteral("queue.claim")), 2);
    QCOMPARE(records.auditProblem(), QString());
}

// Both supervisors claim the same items at the same moment, each on its own
// connection in its own thread: every item has exactly one winner, and each
// loser is told who won.
void TestReviewQueue::concurrentClaimsHaveOneWinner()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    std::vector<qint64> items;
    for (int i = 0; i < 8; ++i) {
        Seed seed = kSeeds.front();
        seed.minutes = i;
        const auto item = records.add(seed, &error);
        QVERIFY2(item && *item > 0, qPrintable(error));
        items.push_back(*item);
    }
    struct Outcome {
        QString openError;
        std::vector<bool> won;
        std::vector<QString> errors;
    };
    Outcome outcomes[2];
    std::latch ready(2);
    const auto work = [&](int which) {
        Outcome& outcome = outcomes[which];
        const UserAccount& user = which == 0 ? kSup1 : kSup2;
        std::unique_ptr<Database> database = records.target.open(&outcome.openError);
        ready.arrive_and_wait();
        if (!database)
            return;
        const AuditLog audit(*database, records.clock);
        const ReviewQueue queue(*database, audit, records.clock);
        for (const qint64 item : items) {
            QString why;
            outcome.won.push_back(queue.claim(item, user, &why));
            outcome.errors.push_back(why);
        }
    };
    std::thread first(work, 0);
    std::thread second(work, 1);
    first.join();
    second.join();
    for (const Outcome& outcome : outcomes) {
        QVERIFY2(outcome.openError.isEmpty(), qPrintable(outcome.openError));
        QCOMPARE(outcome.won.size(), items.size());
    }
    for (size_t i = 0; i < items.size(); ++i) {
        QVERIFY2(outcomes[0].won[i] != outcomes[1].won[i],
                 qPrintable(QStringLiteral("item %1: %2 / %3").arg(items[i]).arg(outcomes[0].errors[i], outcomes[1].errors[i])));
        const QString winner = outcomes[0].won[i] ? QStringLiteral("sup1") : QStringLiteral("sup2");
        const QString loserError = outcomes[0].won[i] ? outcomes[1].errors[i] : outcomes[0].errors[i];
        QVERIFY2(loserError.contains(QStringLiteral("claimed by %1").arg(winner)), qPrintable(loserError));
        QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE id = ? AND state = 'claimed' "
                                              "AND claimed_by = ?"),
                               {items[i], winner}),
                 1);
    }
    QCOMPARE(records.events(QStringLiteral("queue.claim")), qint64(items.size()));
    QCOMPARE(records.auditProblem(), QString());
}

void TestReviewQueue::resolveOnlyWhatYouHold()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto item = records.add(kSeeds.front(), &error);
    QVERIFY2(item && *item > 0, qPrintable(error));
    const QString note = QStringLiteral("checked the passport by hand");

    // Not claimed: refused, nothing written.
    QString before = records.snapshot();
    QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, note, kSup1, &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("not claimed")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);

    // Claimed by another: refused, naming the holder.
    records.clock.advanceSeconds(60);
    const QDateTime claimedAt = records.clock.now();
    QVERIFY2(records.queue->claim(*item, kSup1, &error), qPrintable(error));
    before = records.snapshot();
    QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, note, kSup2, &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("claimed by sup1 since %1").arg(iso(claimedAt))), qPrintable(error));
    QCOMPARE(records.snapshot(), before);

    // A note is required.
    for (const QString& empty : {QString(), QStringLiteral("  \n\t ")}) {
        QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, empty, kSup1, &error), std::nullopt);
        QVERIFY2(error.contains(QStringLiteral("needs a note")), qPrintable(error));
        QCOMPARE(records.snapshot(), before);
    }

    // The claimer resolves: the decision, the item resolved, the audit event.
    records.clock.advanceSeconds(120);
    const auto decision = records.queue->resolve(*item, Resolution::SecondaryInspection, QStringLiteral("  ") + note,
                                                 kSup1, &error);
    QVERIFY2(decision, qPrintable(error));
    QVERIFY(decision->id > 0);
    QCOMPARE(decision->queueItemId, *item);
    QCOMPARE(decision->supervisor, QStringLiteral("sup1"));
    QCOMPARE(decision->note, note);
    QCOMPARE(decision->decidedAt, records.clock.now());
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM supervisor_decisions WHERE id = ? AND queue_item_id = ? "
                                          "AND supervisor = 'sup1' AND resolution = 'secondary-inspection' AND note = ? "
                                          "AND decided_at = ?"),
                           {decision->id, *item, note, records.clock.nowMs()}),
             1);
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE id = ? AND state = 'resolved'"), {*item}),
             1);
    const auto event = records.lastEvent(&error);
    QVERIFY2(event, qPrintable(error));
    QCOMPARE(event->action, QStringLiteral("queue.resolve"));
    QCOMPARE(event->actor, kSup1.actor());
    QCOMPARE(event->subject, QStringLiteral("queue:%1").arg(*item));
    QCOMPARE(event->details.value(QStringLiteral("resolution")).toString(), QStringLiteral("secondary-inspection"));
    QCOMPARE(event->details.value(QStringLiteral("note_length")).toInteger(), qint64(note.size()));
    QCOMPARE(event->details.value(QStringLiteral("decision")).toInteger(), decision->id);
    const auto found = records.queue->find(*item, kSup1, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(event->details.value(QStringLiteral("encounter")).toInteger(), found->encounterId);
    QVERIFY2(!QString::fromUtf8(QJsonDocument(event->details).toJson()).contains(note), "the note is in the audit log");

    // Once: resolving, claiming or releasing it again is refused, naming the resolution.
    before = records.snapshot();
    for (const UserAccount& user : {kSup1, kSup2}) {
        QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, note, user, &error), std::nullopt);
        QVERIFY2(error.contains(QStringLiteral("already resolved: secondary-inspection by sup1")), qPrintable(error));
        QVERIFY(!records.queue->claim(*item, user, &error));
        QVERIFY2(error.contains(QStringLiteral("already resolved")), qPrintable(error));
        QVERIFY(!records.queue->release(*item, user, QString(), &error));
        QVERIFY2(error.contains(QStringLiteral("already resolved")), qPrintable(error));
    }
    QCOMPARE(records.snapshot(), before);
    // An unknown item is named.
    QCOMPARE(records.queue->resolve(987654, Resolution::IdentityConfirmed, note, kSup1, &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("no queue item 987654")), qPrintable(error));
    QVERIFY(!records.queue->claim(987654, kSup1, &error));
    QVERIFY2(error.contains(QStringLiteral("no queue item 987654")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);
    QCOMPARE(records.auditProblem(), QString());
}

// A claim older than the expiry can be taken over (audited, naming whom
// from); a younger one cannot.
void TestReviewQueue::staleClaimIsTakenOver()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error, std::chrono::minutes(60)), qPrintable(error));
    const auto item = records.add(kSeeds.front(), &error);
    QVERIFY2(item && *item > 0, qPrintable(error));
    records.clock.advanceSeconds(300);
    const QDateTime claimedAt = records.clock.now();
    QVERIFY2(records.queue->claim(*item, kSup1, &error), qPrintable(error));

    records.clock.advanceSeconds(60 * 60); // exactly the expiry: still held
    QString before = records.snapshot();
    QVERIFY(!records.queue->claim(*item, kSup2, &error));
    QVERIFY2(error.contains(QStringLiteral("claimed by sup1 since %1").arg(iso(claimedAt))), qPrintable(error));
    QCOMPARE(records.snapshot(), before);

    records.clock.advanceSeconds(1); // past it
    QVERIFY2(records.queue->claim(*item, kSup2, &error), qPrintable(error));
    const auto event = records.lastEvent(&error);
    QVERIFY2(event, qPrintable(error));
    QCOMPARE(event->action, QStringLiteral("queue.claim"));
    QCOMPARE(event->actor, kSup2.actor());
    QCOMPARE(event->subject, QStringLiteral("queue:%1").arg(*item));
    QCOMPARE(event->details.value(QStringLiteral("taken_over_from")).toString(), QStringLiteral("sup1"));
    QCOMPARE(event->details.value(QStringLiteral("claimed_since")).toString(), iso(claimedAt));
    const auto found = records.queue->find(*item, kSup1, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->claimedBy, QStringLiteral("sup2"));
    QCOMPARE(found->claimedAt, records.clock.now());

    // sup1 lost it: cannot resolve or release it, nor take it back while fresh.
    before = records.snapshot();
    QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, QStringLiteral("ok"), kSup1, &error),
             std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("claimed by sup2")), qPrintable(error));
    QVERIFY(!records.queue->release(*item, kSup1, QString(), &error));
    QVERIFY2(error.contains(QStringLiteral("claimed by sup2")), qPrintable(error));
    QVERIFY(!records.queue->claim(*item, kSup1, &error));
    QVERIFY2(error.contains(QStringLiteral("claimed by sup2")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);
    QVERIFY2(records.queue->resolve(*item, Resolution::IdentityConfirmed, QStringLiteral("ok"), kSup2, &error),
             qPrintable(error));
    QCOMPARE(records.auditProblem(), QString());
}

void TestReviewQueue::releaseGivesTheItemBack()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto item = records.add(kSeeds.front(), &error);
    QVERIFY2(item && *item > 0, qPrintable(error));

    QString before = records.snapshot();
    QVERIFY(!records.queue->release(*item, kSup1, QString(), &error));
    QVERIFY2(error.contains(QStringLiteral("not claimed")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);

    QVERIFY2(records.queue->claim(*item, kSup1, &error), qPrintable(error));
    before = records.snapshot();
    QVERIFY(!records.queue->release(*item, kSup2, QString(), &error));
    QVERIFY2(error.contains(QStringLiteral("claimed by sup1")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);

    records.clock.advanceSeconds(30);
    QVERIFY2(records.queue->release(*item, kSup1, QStringLiteral(" end of shift "), &error), qPrintable(error));
    QCOMPARE(records.count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE id = ? AND state = 'open' AND "
                                          "claimed_by = '' AND claimed_at IS NULL"),
                           {*item}),
             1);
    const auto event = records.lastEvent(&error);
    QVERIFY2(event, qPrintable(error));
    QCOMPARE(event->action, QStringLiteral("queue.release"));
    QCOMPARE(event->actor, kSup1.actor());
    QCOMPARE(event->subject, QStringLiteral("queue:%1").arg(*item));
    QCOMPARE(event->details.value(QStringLiteral("note")).toString(), QStringLiteral("end of shift"));
    // Back in the queue: anyone may claim it now.
    QVERIFY2(records.queue->claim(*item, kSup2, &error), qPrintable(error));
    QVERIFY(!records.lastEvent(&error)->details.contains(QStringLiteral("taken_over_from")));
    QCOMPARE(records.events(QStringLiteral("queue.claim")), 2);
    QCOMPARE(records.events(QStringLiteral("queue.release")), 1);
    QCOMPARE(records.auditProblem(), QString());
}

// Auditors read and review but change nothing; officers, checkpoint
// officers and admins do not read the queue at all. Refused: nothing written.
void TestReviewQueue::rolesAreEnforced()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    const auto item = records.add(kSeeds.front(), &error);
    QVERIFY2(item && *item > 0, qPrintable(error));
    QVERIFY(ReviewQueue::mayRead(Role::Supervisor) && ReviewQueue::mayWork(Role::Supervisor));
    QVERIFY(ReviewQueue::mayRead(Role::Auditor) && !ReviewQueue::mayWork(Role::Auditor));

    QString before = records.snapshot();
    QVERIFY2(records.queue->search(QueueQuery(), kAuditor, &error), qPrintable(error));
    QVERIFY2(records.queue->count(QueueQuery(), kAuditor, &error), qPrintable(error));
    QVERIFY2(records.queue->find(*item, kAuditor, &error), qPrintable(error));
    QCOMPARE(records.snapshot(), before);
    QVERIFY2(records.queue->review(*item, kAuditor, &error), qPrintable(error));
    const auto viewed = records.lastEvent(&error);
    QVERIFY2(viewed, qPrintable(error));
    QCOMPARE(viewed->action, QStringLiteral("queue.view"));
    QCOMPARE(viewed->actor, kAuditor.actor());

    before = records.snapshot();
    QVERIFY(!records.queue->claim(*item, kAuditor, &error));
    QVERIFY2(error.contains(QStringLiteral("auditor")) && error.contains(QStringLiteral("supervisors only")),
             qPrintable(error));
    QCOMPARE(records.snapshot(), before);
    QVERIFY2(records.queue->claim(*item, kSup1, &error), qPrintable(error));
    before = records.snapshot();
    QVERIFY(!records.queue->release(*item, kAuditor, QString(), &error));
    QVERIFY2(error.contains(QStringLiteral("supervisors only")), qPrintable(error));
    QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, QStringLiteral("ok"), kAuditor, &error),
             std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("supervisors only")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);

    for (const Role role : {Role::Officer, Role::CheckpointOfficer, Role::Admin}) {
        const UserAccount user = account(QStringLiteral("someone"), role);
        QVERIFY(!ReviewQueue::mayRead(role) && !ReviewQueue::mayWork(role));
        QCOMPARE(records.queue->search(QueueQuery(), user, &error), std::nullopt);
        QVERIFY2(error.contains(roleName(role)) && error.contains(QStringLiteral("supervisors and auditors only")),
                 qPrintable(error));
        QCOMPARE(records.queue->count(QueueQuery(), user, &error), std::nullopt);
        QCOMPARE(records.queue->find(*item, user, &error), std::nullopt);
        QCOMPARE(records.queue->review(*item, user, &error), std::nullopt);
        QVERIFY2(error.contains(QStringLiteral("supervisors and auditors only")), qPrintable(error));
        QVERIFY(!records.queue->claim(*item, user, &error));
        QVERIFY(!records.queue->release(*item, user, QString(), &error));
        QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, QStringLiteral("ok"), user, &error),
                 std::nullopt);
        QCOMPARE(records.snapshot(), before);
    }
    // A disabled supervisor account does nothing either.
    UserAccount disabled = kSup1;
    disabled.disabled = true;
    QCOMPARE(records.queue->resolve(*item, Resolution::IdentityConfirmed, QStringLiteral("ok"), disabled, &error),
             std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("disabled")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);
    QCOMPARE(records.auditProblem(), QString());
}

// The review of an item whose capture and reference were purged: the
// deletion records, no photo, and no error.
void TestReviewQueue::reviewShowsPurgedPhotos()
{
    Records records;
    QString error;
    QVERIFY2(records.open(&error), qPrintable(error));
    BiometricSample sample;
    sample.photo = QByteArray(4000, 'c');
    sample.format = QStringLiteral("jpeg");
    sample.faceTemplate = Template(QStringLiteral("test-model"), std::vector<float>(Template::kDimension, 0.125f));
    sample.referencePhoto = QByteArray(4500, 'r');
    sample.referenceFormat = QStringLiteral("png");
    Seed seed = kSeeds.front();
    const auto item = records.add(seed, &error, &sample, QStringLiteral("USA")); // kept 12 hours
    QVERIFY2(item && *item > 0, qPrintable(error));
    // The document the traveler showed, as an alternate procedure or a 1:1 desk records it.
    const auto found = records.queue->find(*item, kSup1, &error);
    QVERIFY2(found, qPrintable(error));
    const qint64 encounterId = found->encounterId;
    const auto documentId = records.database->scalar(
        QStringLiteral("INSERT INTO documents (traveler_id, kind, number, issuing_state, expiry_date, created_at) "
                       "SELECT traveler_id, 'P', 'X1234567', 'USA', '2031-05-01', 0 FROM encounters WHERE id = ? RETURNING id"),
        {encounterId}, QStringLiteral("add a document"), &error);
    QVERIFY2(documentId, qPrintable(error));
    QVERIFY2(records.database->exec(QStringLiteral("UPDATE encounters SET document_id = %1 WHERE id = %2")
                                        .arg(documentId->toLongLong())
                                        .arg(encounterId),
                                    QStringLiteral("link the document"), &error),
             qPrintable(error));
    QVERIFY2(records.database->exec(QStringLiteral("UPDATE travelers SET surname = 'DOE', given_names = 'JANE' WHERE id = "
                                                   "(SELECT traveler_id FROM encounters WHERE id = %1)")
                                        .arg(encounterId),
                                    QStringLiteral("name the traveler"), &error),
             qPrintable(error));

    records.clock.advanceSeconds(600);
    QVERIFY2(records.queue->claim(*item, kSup1, &error), qPrintable(error));
    const auto fresh = records.queue->review(*item, kSup1, &error);
    QVERIFY2(fresh, qPrintable(error));
    QVERIFY(fresh->hasCapturePhoto);
    QVERIFY(fresh->hasReferencePhoto);
    QVERIFY(fresh->deletions.empty());
    QCOMPARE(fresh->item.id, *item);
    QCOMPARE(fresh->item.state, State::Claimed);
    QCOMPARE(fresh->encounter.id, encounterId);
    QCOMPARE(fresh->encounter.citizenship, QStringLiteral("USA"));
    QCOMPARE(fresh->encounter.camera, seed.camera);
    QCOMPARE(fresh->documentKind, QStringLiteral("P"));
    QCOMPARE(fresh->documentNumber, QStringLiteral("X1234567"));
    QCOMPARE(fresh->issuingState, QStringLiteral("USA"));
    QCOMPARE(fresh->documentExpiry, QStringLiteral("2031-05-01"));
    QCOMPARE(fresh->surname, QStringLiteral("DOE"));
    QCOMPARE(fresh->givenNames, QStringLiteral("JANE"));
    QCOMPARE(fresh->citizenship, QStringLiteral("USA"));
    QVERIFY(fresh->decisions.empty());
    const auto viewed = records.lastEvent(&error);
    QVERIFY2(viewed, qPrintable(error));
    QCOMPARE(viewed->action, QStringLiteral("queue.view"));
    QCOMPARE(viewed->actor, kSup1.actor());
    QCOMPARE(viewed->subject, QStringLiteral("queue:%1").arg(*item));
    QCOMPARE(viewed->details.value(QStringLiteral("encounter")).toInteger(), encounterId);

    // Resolved, then purged 13 hours later.
    records.clock.advanceSeconds(60);
    const auto decision = records.queue->resolve(*item, Resolution::IdentityConfirmed, QStringLiteral("same person"),
                                                 kSup1, &error);
    QVERIFY2(decision, qPrintable(error));
    records.clock.set(kStart.addSecs(13 * 3600));
    Purger purger(*records.database, *records.audit, records.clock, records.policy);
    const auto report = purger.purge(&error);
    QVERIFY2(report, qPrintable(error));
    QCOMPARE(report->photosDeleted, 2);
    QCOMPARE(report->templatesDeleted, 1);

    const qint64 views = records.events(QStringLiteral("queue.view"));
    const auto purged = records.queue->review(*item, kAuditor, &error);
    QVERIFY2(purged, qPrintable(error));
    QCOMPARE(records.events(QStringLiteral("queue.view")), views + 1);
    QVERIFY(!purged->hasCapturePhoto);
    QVERIFY(!purged->hasReferencePhoto);
    QCOMPARE(purged->deletions.size(), size_t(3));
    int photos = 0;
    QStringList roles;
    for (const DeletionRecord& deletion : purged->deletions) {
        QCOMPARE(deletion.encounterId, encounterId);
        QCOMPARE(deletion.rule, QStringLiteral("us-citizen-or-exempt-12h"));
        QCOMPARE(deletion.deletedAt, kStart.addSecs(13 * 3600));
        QCOMPARE(deletion.deletedBy, Purger::systemActor());
        QCOMPARE(deletion.verifiedAt, kStart);
        QCOMPARE(deletion.dueAt, kStart.addSecs(12 * 3600));
        QVERIFY(deletion.travelerId > 0);
        QVERIFY(!deletion.recordId.isEmpty());
        photos += deletion.what == QLatin1String("photo");
        roles << deletion.role;
    }
    QCOMPARE(photos, 2);
    // Each photo's deletion says which photo it was; the template's says none.
    roles.sort();
    QCOMPARE(roles, (QStringList{QString(), QStringLiteral("capture"), QStringLiteral("reference")}));
    QCOMPARE(purged->decisions.size(), size_t(1));
    QCOMPARE(purged->decisions.front().id, decision->id);
    QCOMPARE(purged->decisions.front().note, QStringLiteral("same person"));
    QCOMPARE(purged->item.state, State::Resolved);
    QVERIFY(purged->item.resolution);
    QCOMPARE(purged->documentNumber, QStringLiteral("X1234567")); // the record stays; only biometrics go
    // Opening the photo now says purged (the review's photo pane).
    const KeyAccess access{kAuditor.actor(), QStringLiteral("review queue item")};
    bool gone = false;
    QCOMPARE(records.encounters->photo(encounterId, access, &gone, &error, EncounterStore::PhotoRole::Reference), std::nullopt);
    QVERIFY(gone);
    // An unknown item is named, and viewing it writes nothing.
    const QString before = records.snapshot();
    QCOMPARE(records.queue->review(987654, kSup1, &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("no queue item 987654")), qPrintable(error));
    QCOMPARE(records.snapshot(), before);
    QCOMPARE(records.auditProblem(), QString());
}

QTEST_GUILESS_MAIN(TestReviewQueue)
#include "tst_reviewqueue.moc"
