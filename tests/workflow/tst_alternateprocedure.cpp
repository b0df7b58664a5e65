// AlternateProcedureStore and AlternateProcedureCsv: a traveler's opt-out and
// the officer's check of the document by hand, logged in one transaction with
// no photo or template (DOMAIN.md, the encounter, step 5); the log's search
// (filters, order, pages) the same on both back-ends; its CSV export, quoted
// per RFC 4180 and defused against formula injection.
#include "core/security/AuditLog.h"
#include "core/storage/Database.h"
#include "core/workflow/AlternateProcedureCsv.h"
#include "core/workflow/AlternateProcedureStore.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <map>
#include <memory>

using namespace fg;

namespace {

using Outcome = AlternateProcedure::Outcome;
using Result = AlternateProcedure::CheckResult;

// A database with its audit log and the store, as the application wires them.
struct Log {
    test::TestDatabase target;
    test::ManualClock clock;
    std::unique_ptr<Database> database;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<AlternateProcedureStore> store;

    bool open(QString* error)
    {
        if (!target.isReady(error))
            return false;
        database = target.open(error);
        if (!database)
            return false;
        audit = std::make_unique<AuditLog>(*database, clock, fg::test::auditKey());
        store = std::make_unique<AlternateProcedureStore>(*database, *audit, clock);
        return true;
    }

    qint64 count(const QString& sql, const QVariantList& values = {}) const
    {
        QString error;
        const std::optional<QVariant> value = database->scalar(sql, values, sql, &error);
        if (!value)
            qWarning("%s", qPrintable(error));
        return value ? value->toLongLong() : -1;
    }

    std::map<QString, qint64> rowCounts() const
    {
        std::map<QString, qint64> counts;
        for (const char* table : {"travelers", "documents", "encounters", "alternate_procedures", "photos", "templates",
                                  "queue_items", "audit_events"})
            counts[QString::fromLatin1(table)] = count(QStringLiteral("SELECT COUNT(*) FROM %1").arg(QLatin1String(table)));
        return counts;
    }

    QString auditProblem() const
    {
        QString error;
        const auto verification = audit->verify(&error);
        if (!verification)
            return error;
        return verification->intact ? QString() : verification->problem;
    }
};

AlternateProcedure procedure(const QString& officer, const QString& flight, Outcome outcome, const QString& number,
                             const QString& surname, const QString& givenNames)
{
    AlternateProcedure result;
    result.officer = officer;
    result.workstation = QStringLiteral("ws-7");
    result.camera = QStringLiteral("lane 3");
    result.kind = Encounter::Kind::Exit;
    result.flight = flight;
    result.citizenship = QStringLiteral("USA");
    result.surname = surname;
    result.givenNames = givenNames;
    result.document = {QStringLiteral("passport"), number, QStringLiteral("USA"), QDate(2031, 5, 1), QString()};
    result.checks = {{QStringLiteral("laminate-intact"), Result::Passed},
                     {QStringLiteral("photo-matches-holder"), Result::Passed},
                     {QStringLiteral("uv-features"), Result::NotApplicable}};
    result.outcome = outcome;
    if (outcome != Outcome::Verified)
        result.reason = QStringLiteral("holder does not resemble the photo");
    return result;
}

// The log the search tests run on: five procedures, one an hour from 09:00.
struct Seeded {
    std::vector<qint64> ids; // in the order logged
    QDateTime first;
};

bool seed(Log& log, Seeded* seeded, QString* error)
{
    const std::vector<AlternateProcedure> rows{
        procedure("alice", "LH400", Outcome::Verified, "L898902C3", "ERIKSSON", "ANNA MARIA"),
        procedure("Bob", "AF1", Outcome::NotVerified, "X1234567", "Schmidt", "Anna"),
        procedure("carol", "", Outcome::ReferredToSecondary, "C00000001", "O'BRIEN", "SEAN"),
        procedure("alice", "ua 9", Outcome::Verified, "AB_12%34", "Lee", "Kim"),
        procedure("Bob", "lh400", Outcome::Verified, "Z9", "Smith", "John"),
    };
    seeded->first = log.clock.now();
    for (const AlternateProcedure& row : rows) {
        const auto stored = log.store->record(row, QStringLiteral("officer:") + row.officer, error);
        if (!stored)
            return false;
        seeded->ids.push_back(stored->id);
        log.clock.advanceSeconds(3600);
    }
    return true;
}

std::vector<qint64> idsOf(const std::vector<AlternateProcedure>& rows)
{
    std::vector<qint64> ids;
    for (const AlternateProcedure& row : rows)
        ids.push_back(row.id);
    return ids;
}

std::vector<qint64> pick(const Seeded& seeded, std::initializer_list<int> indexes)
{
    std::vector<qint64> ids;
    for (const int index : indexes)
        ids.push_back(seeded.ids.at(size_t(index)));
    return ids;
}

QString describe(const std::vector<qint64>& ids)
{
    QStringList parts;
    for (const qint64 id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

} // namespace

Q_DECLARE_METATYPE(fg::AlternateProcedure)

class TestAlternateProcedure : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { qInfo("back-end: %s", qPrintable(test::TestDatabase::backendName())); }
    void recordAndReadBack();
    void refusesWhatCannotBeLogged_data();
    void refusesWhatCannotBeLogged();
    void officerFallsBackToTheActor();
    void failedRecordLeavesNothing();
    void searchFilters();
    void searchSorts_data();
    void searchSorts();
    void searchPages();
    void csvField_data();
    void csvField();
    void csvFile();
    void csvFromTheLog();
};

void TestAlternateProcedure::recordAndReadBack()
{
    Log log;
    QString error;
    QVERIFY2(log.open(&error), qPrintable(error));
    AlternateProcedure input;
    input.officer = QStringLiteral("jdoe");
    input.workstation = QStringLiteral("ws-12");
    input.camera = QStringLiteral("lane 4");
    input.kind = Encounter::Kind::Entry;
    input.flight = QStringLiteral(" lh 400 ");
    input.citizenship = QStringLiteral("USA");
    input.surname = QStringLiteral("ERIKSSON");
    input.givenNames = QStringLiteral("ANNA MARIA");
    input.document = {QStringLiteral("passport"), QStringLiteral("L898902C3"), QStringLiteral("UTO"), QDate(2030, 4, 15),
                      QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                     "L898902C36UTO7408122F1204159ZE184226B<<<<<10")};
    input.checks = {{QStringLiteral("laminate-intact"), Result::Passed},
                    {QStringLiteral("photo-matches-holder"), Result::Passed},
                    {QStringLiteral("uv-features"), Result::Failed},
                    {QStringLiteral("visa-present"), Result::NotApplicable}};
    input.outcome = Outcome::Verified;
    const auto before = log.rowCounts();

    const std::optional<StoredAlternateProcedure> stored = log.store->record(input, QStringLiteral("officer:jdoe"), &error);
    QVERIFY2(stored, qPrintable(error));
    QVERIFY(stored->id > 0 && stored->encounterId > 0 && stored->travelerId > 0 && stored->documentId > 0);
    QCOMPARE(stored->createdAt, log.clock.now());

    const std::optional<AlternateProcedure> found = log.store->find(stored->id, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->id, stored->id);
    QCOMPARE(found->encounterId, stored->encounterId);
    QCOMPARE(found->travelerId, stored->travelerId);
    QCOMPARE(found->documentId, stored->documentId);
    QCOMPARE(found->createdAt, log.clock.now());
    QCOMPARE(found->officer, QStringLiteral("jdoe"));
    QCOMPARE(found->workstation, QStringLiteral("ws-12"));
    QCOMPARE(found->camera, QStringLiteral("lane 4"));
    QCOMPARE(found->kind, Encounter::Kind::Entry);
    QCOMPARE(found->flight, QStringLiteral("LH400"));
    QCOMPARE(found->citizenship, QStringLiteral("USA"));
    QCOMPARE(found->surname, input.surname);
    QCOMPARE(found->givenNames, input.givenNames);
    QVERIFY(found->document == input.document); // the MRZ as typed, its line break kept
    QVERIFY(found->checks == input.checks);
    QCOMPARE(found->outcome, Outcome::Verified);
    QCOMPARE(found->reason, QString());

    // One row each; the encounter is "alternate", with no decision and nothing captured.
    const auto after = log.rowCounts();
    for (const char* table : {"travelers", "documents", "encounters", "alternate_procedures", "audit_events"})
        QCOMPARE(after.at(QLatin1String(table)), before.at(QLatin1String(table)) + 1);
    for (const char* table : {"photos", "templates", "queue_items"})
        QCOMPARE(after.at(QLatin1String(table)), 0);
    QCOMPARE(log.count(QStringLiteral("SELECT COUNT(*) FROM encounters WHERE id = ? AND mode = 'alternate' AND kind = "
                                      "'entry' AND decision IS NULL AND score IS NULL AND threshold IS NULL AND "
                                      "captured_at IS NULL AND quality = '' AND candidates = '' AND officer = 'jdoe' "
                                      "AND traveler_id = ? AND document_id = ? AND verified_at = ?"),
                       {stored->encounterId, stored->travelerId, stored->documentId, log.clock.nowMs()}),
             1);
    for (const char* table : {"photos", "templates"})
        QCOMPARE(log.count(QStringLiteral("SELECT COUNT(*) FROM %1 WHERE encounter_id = ? OR traveler_id = ?")
                               .arg(QLatin1String(table)),
                           {stored->encounterId, stored->travelerId}),
                 0);

    // The audit event names ids, kind and outcome: no document number, no name, no MRZ.
    const auto events = log.audit->events(1, 100, &error);
    QVERIFY2(events, qPrintable(error));
    const auto recorded = std::find_if(events->begin(), events->end(), [](const AuditEvent& event) {
        return event.action == QLatin1String("alternate.record");
    });
    QVERIFY(recorded != events->end());
    QCOMPARE(recorded->actor, QStringLiteral("officer:jdoe"));
    QCOMPARE(recorded->subject, QStringLiteral("alternate:%1").arg(stored->id));
    QCOMPARE(recorded->details.value(QStringLiteral("encounter")).toInteger(), stored->encounterId);
    QCOMPARE(recorded->details.value(QStringLiteral("outcome")).toString(), QStringLiteral("verified"));
    QCOMPARE(recorded->details.value(QStringLiteral("mode")).toString(), QStringLiteral("alternate"));
    QCOMPARE(recorded->details.value(QStringLiteral("checks_failed")).toInteger(), 1);
    const QByteArray details = QJsonDocument(recorded->details).toJson(QJsonDocument::Compact);
    for (const char* secret : {"L898902C3", "ERIKSSON", "ANNA", "P<UTO"})
        QVERIFY2(!details.contains(secret), details.constData());
    QCOMPARE(log.auditProblem(), QString());

    QCOMPARE(log.store->find(stored->id + 100, &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("no alternate procedure %1").arg(stored->id + 100)), qPrintable(error));
}

void TestAlternateProcedure::refusesWhatCannotBeLogged_data()
{
    QTest::addColumn<AlternateProcedure>("input");
    QTest::addColumn<QString>("problem");
    const AlternateProcedure good = procedure("jdoe", "LH400", Outcome::Verified, "L898902C3", "ERIKSSON", "ANNA");

    AlternateProcedure row = good;
    row.outcome = Outcome::NotVerified;
    QTest::newRow("not verified, no reason") << row << "\"not-verified\" needs a reason";
    row.reason = QStringLiteral("  \n ");
    QTest::newRow("not verified, blank reason") << row << "\"not-verified\" needs a reason";
    row = good;
    row.outcome = Outcome::ReferredToSecondary;
    QTest::newRow("referred, no reason") << row << "\"referred-to-secondary\" needs a reason";
    row = good;
    row.checks.clear();
    QTest::newRow("verified, nothing checked") << row << "at least one visual check";
    row.checks = {{QStringLiteral("uv-features"), Result::NotApplicable}};
    QTest::newRow("verified, nothing applicable") << row << "at least one visual check";
    row = good;
    row.citizenship = QStringLiteral(" ");
    QTest::newRow("no citizenship") << row << "citizenship is not given";
    row = good;
    row.document.number.clear();
    QTest::newRow("no document number") << row << "document's number is not given";
    row = good;
    row.document.kind.clear();
    QTest::newRow("no document kind") << row << "document's kind is not given";
    row = good;
    row.document.issuingState.clear();
    QTest::newRow("no issuing state") << row << "issuing state is not given";
    row = good;
    row.checks.push_back({QStringLiteral(" laminate-intact "), Result::Failed});
    QTest::newRow("check listed twice") << row << "check \"laminate-intact\" is listed twice";
    row = good;
    row.checks.push_back({QString(), Result::Passed});
    QTest::newRow("check without id") << row << "has no id";
}

void TestAlternateProcedure::refusesWhatCannotBeLogged()
{
    QFETCH(AlternateProcedure, input);
    QFETCH(QString, problem);
    Log log;
    QString error;
    QVERIFY2(log.open(&error), qPrintable(error));
    QCOMPARE(input.problem().isEmpty(), false);
    const auto before = log.rowCounts();
    QCOMPARE(log.store->record(input, QStringLiteral("officer:jdoe"), &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("cannot be logged")) && error.contains(problem), qPrintable(error));
    QVERIFY(log.rowCounts() == before);
    // With the reason (or check) it lacked, the same procedure is logged.
    if (input.outcome != Outcome::Verified && input.reason.trimmed().isEmpty()) {
        input.reason = QStringLiteral("document number does not match the MRZ");
        QVERIFY2(log.store->record(input, QStringLiteral("officer:jdoe"), &error), qPrintable(error));
    }
}

void TestAlternateProcedure::officerFallsBackToTheActor()
{
    Log log;
    QString error;
    QVERIFY2(log.open(&error), qPrintable(error));
    AlternateProcedure input = procedure("", "", Outcome::Verified, "L898902C3", "ERIKSSON", "ANNA");
    const auto stored = log.store->record(input, QStringLiteral("officer:kim"), &error);
    QVERIFY2(stored, qPrintable(error));
    const auto found = log.store->find(stored->id, &error);
    QVERIFY2(found, qPrintable(error));
    QCOMPARE(found->officer, QStringLiteral("officer:kim"));
    QCOMPARE(found->flight, QString());
    const auto before = log.rowCounts();
    QCOMPARE(log.store->record(input, QString(), &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("officer is not given")), qPrintable(error));
    QVERIFY(log.rowCounts() == before);
}

void TestAlternateProcedure::failedRecordLeavesNothing()
{
    Log log;
    QString error;
    QVERIFY2(log.open(&error), qPrintable(error));
    const AlternateProcedure input = procedure("jdoe", "LH400", Outcome::Verified, "L898902C3", "ERIKSSON", "ANNA");
    QVERIFY2(log.store->record(input, QStringLiteral("officer:jdoe"), &error), qPrintable(error));
    const auto before = log.rowCounts();

    // The last insert before the audit event fails: the traveler, document and
    // encounter rows written before it must go with it.
    const QStringList install =
        log.target.isSqlite()
            ? QStringList{QStringLiteral("CREATE TRIGGER test_refuse BEFORE INSERT ON alternate_procedures BEGIN "
                                         "SELECT RAISE(ABORT, 'refused by the test'); END")}
            : QStringList{QStringLiteral("CREATE FUNCTION test_refuse() RETURNS trigger AS $$ BEGIN "
                                         "RAISE EXCEPTION 'refused by the test'; END; $$ LANGUAGE plpgsql"),
                          QStringLiteral("CREATE TRIGGER test_refuse BEFORE INSERT ON alternate_procedures "
                                         "FOR EACH ROW EXECUTE FUNCTION test_refuse()")};
    for (const QString& sql : install)
        QVERIFY2(log.database->exec(sql, QStringLiteral("install the failing trigger"), &error), qPrintable(error));
    QCOMPARE(log.store->record(input, QStringLiteral("officer:jdoe"), &error), std::nullopt);
    QVERIFY2(error.contains(QStringLiteral("log the alternate procedure")) && error.contains(QStringLiteral("refused by the test")),
             qPrintable(error));
    QVERIFY(log.rowCounts() == before);

    // The connection is usable afterwards: no transaction was left open.
    QVERIFY2(log.database->exec(log.target.isSqlite() ? QStringLiteral("DROP TRIGGER test_refuse")
                                                      : QStringLiteral("DROP TRIGGER test_refuse ON alternate_procedures"),
                                QStringLiteral("drop the failing trigger"), &error),
             qPrintable(error));
    QVERIFY2(log.store->record(input, QStringLiteral("officer:jdoe"), &error), qPrintable(error));
    QCOMPARE(log.count(QStringLiteral("SELECT COUNT(*) FROM alternate_procedures")), before.at(QStringLiteral("alternate_procedures")) + 1);
    QCOMPARE(log.auditProblem(), QString());
}

void TestAlternateProcedure::searchFilters()
{
    Log log;
    QString error;
    QVERIFY2(log.open(&error), qPrintable(error));
    Seeded seeded;
    QVERIFY2(seed(log, &seeded, &error), qPrintable(error));
    const QDateTime t0 = seeded.first;

    struct Case {
        const char* name;
        AlternateProcedureQuery query;
        std::vector<qint64> expected; // newest first (the default order)
    };
    const auto query = [](auto&& set) {
        AlternateProcedureQuery q;
        set(q);
        return q;
    };
    const std::vector<Case> cases{
        {"everything", {}, pick(seeded, {4, 3, 2, 1, 0})},
        // from is inclusive, until exclusive
        {"from 10:00 until 12:00", query([&](auto& q) { q.from = t0.addSecs(3600); q.until = t0.addSecs(3 * 3600); }),
         pick(seeded, {2, 1})},
        {"from 10:00", query([&](auto& q) { q.from = t0.addSecs(3600); }), pick(seeded, {4, 3, 2, 1})},
        {"from a millisecond after 10:00", query([&](auto& q) { q.from = t0.addMSecs(3600 * 1000 + 1); }),
         pick(seeded, {4, 3, 2})},
        {"until 10:00", query([&](auto& q) { q.until = t0.addSecs(3600); }), pick(seeded, {0})},
        {"until a millisecond after 10:00", query([&](auto& q) { q.until = t0.addMSecs(3600 * 1000 + 1); }),
         pick(seeded, {1, 0})},
        {"from = until", query([&](auto& q) { q.from = t0.addSecs(3600); q.until = t0.addSecs(3600); }), {}},
        {"officer, any case", query([](auto& q) { q.officer = QStringLiteral("ALICE"); }), pick(seeded, {3, 0})},
        {"officer Bob as bob", query([](auto& q) { q.officer = QStringLiteral("bob"); }), pick(seeded, {4, 1})},
        {"officer, whole name only", query([](auto& q) { q.officer = QStringLiteral("ali"); }), {}},
        {"flight, as typed", query([](auto& q) { q.flight = QStringLiteral("lh 400"); }), pick(seeded, {4, 0})},
        {"flight UA9", query([](auto& q) { q.flight = QStringLiteral("UA9"); }), pick(seeded, {3})},
        {"outcome verified", query([](auto& q) { q.outcome = Outcome::Verified; }), pick(seeded, {4, 3, 0})},
        {"outcome referred", query([](auto& q) { q.outcome = Outcome::ReferredToSecondary; }), pick(seeded, {2})},
        {"text: part of a number, lower case", query([](auto& q) { q.text = QStringLiteral("l8989"); }),
         pick(seeded, {0})},
        {"text: given names", query([](auto& q) { q.text = QStringLiteral("anna"); }), pick(seeded, {1, 0})},
        {"text: given names and surname", query([](auto& q) { q.text = QStringLiteral("Anna SCHMIDT"); }),
         pick(seeded, {1})},
        {"text: surname", query([](auto& q) { q.text = QStringLiteral("o'brien"); }), pick(seeded, {2})},
        {"text: _ is not a wildcard", query([](auto& q) { q.text = QStringLiteral("_"); }), pick(seeded, {3})},
        {"text: % is not a wildcard", query([](auto& q) { q.text = QStringLiteral("2%3"); }), pick(seeded, {3})},
        {"text: no match", query([](auto& q) { q.text = QStringLiteral("nobody"); }), {}},
        {"officer and outcome", query([](auto& q) { q.officer = QStringLiteral("bob"); q.outcome = Outcome::Verified; }),
         pick(seeded, {4})},
        {"flight and date", query([&](auto& q) { q.flight = QStringLiteral("LH400"); q.from = t0.addSecs(60); }),
         pick(seeded, {4})},
    };
    for (const Case& c : cases) {
        const auto rows = log.store->search(c.query, &error);
        QVERIFY2(rows, qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(c.name), error)));
        QVERIFY2(idsOf(*rows) == c.expected,
                 qPrintable(QStringLiteral("%1: got %2, expected %3")
                                .arg(QLatin1String(c.name), describe(idsOf(*rows)), describe(c.expected))));
        const auto total = log.store->count(c.query, &error);
        QVERIFY2(total, qPrintable(error));
        QVERIFY2(*total == qint64(c.expected.size()), c.name);
    }

    // A row carries what the table shows.
    AlternateProcedureQuery one;
    one.text = QStringLiteral("X1234567");
    const auto rows = log.store->search(one, &error);
    QVERIFY2(rows && rows->size() == 1, qPrintable(error));
    const AlternateProcedure& row = rows->front();
    QCOMPARE(row.officer, QStringLiteral("Bob"));
    QCOMPARE(row.flight, QStringLiteral("AF1"));
    QCOMPARE(row.outcome, Outcome::NotVerified);
    QCOMPARE(row.reason, QStringLiteral("holder does not resemble the photo"));
    QCOMPARE(row.createdAt, t0.addSecs(3600));
    QCOMPARE(row.surname, QStringLiteral("Schmidt"));
    QCOMPARE(row.document.number, QStringLiteral("X1234567"));
    QCOMPARE(row.document.expiry, QDate(2031, 5, 1));
    QCOMPARE(row.workstation, QStringLiteral("ws-7"));
    QCOMPARE(row.camera, QStringLiteral("lane 3"));
    QCOMPARE(row.kind, Encounter::Kind::Exit);
    QCOMPARE(row.checks.size(), size_t(3));
}

void TestAlternateProcedure::searchSorts_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("ascending");
    QTest::addColumn<QList<int>>("expected"); // indexes into the seeded rows
    using Column = AlternateProcedureQuery::SortColumn;
    QTest::newRow("date asc") << int(Column::Date) << true << QList<int>{0, 1, 2, 3, 4};
    QTest::newRow("date desc") << int(Column::Date) << false << QList<int>{4, 3, 2, 1, 0};
    // By name whatever its case (Bob after alice on both back-ends); ties newest first.
    QTest::newRow("officer asc") << int(Column::Officer) << true << QList<int>{3, 0, 4, 1, 2};
    QTest::newRow("officer desc") << int(Column::Officer) << false << QList<int>{2, 4, 1, 3, 0};
    QTest::newRow("flight asc") << int(Column::Flight) << true << QList<int>{2, 1, 4, 0, 3};
    QTest::newRow("flight desc") << int(Column::Flight) << false << QList<int>{3, 4, 0, 1, 2};
    QTest::newRow("outcome asc") << int(Column::Outcome) << true << QList<int>{1, 2, 4, 3, 0};
    QTest::newRow("outcome desc") << int(Column::Outcome) << false << QList<int>{4, 3, 0, 2, 1};
    QTest::newRow("document asc") << int(Column::Document) << true << QList<int>{3, 2, 0, 1, 4};
    QTest::newRow("document desc") << int(Column::Document) << false << QList<int>{4, 1, 0, 2, 3};
}

void TestAlternateProcedure::searchSorts()
{
    QFETCH(int, column);
    QFETCH(bool, ascending);
    QFETCH(QList<int>, expected);
    Log log;
    QString error;
    QVERIFY2(log.open(&error), qPrintable(error));
    Seeded seeded;
    QVERIFY2(seed(log, &seeded, &error), qPrintable(error));
    AlternateProcedureQuery query;
    query.sortBy = AlternateProcedureQuery::SortColumn(column);
    query.order = ascending ? Qt::AscendingOrder : Qt::DescendingOrder;
    const auto rows = log.store->search(query, &error);
    QVERIFY2(rows, qPrintable(error));
    std::vector<qint64> want;
    for (const int index : expected)
        want.push_back(seeded.ids.at(size_t(index)));
    QVERIFY2(idsOf(*rows) == want, qPrintable(QStringLiteral("got %1, expected %2").arg(describe(idsOf(*rows)), describe(want))));
}

void TestAlternateProcedure::searchPages()
{
    Log log;
    QString error;
    QVERIFY2(log.open(&error), qPrintable(error));
    Seeded seeded;
    QVERIFY2(seed(log, &seeded, &error), qPrintable(error));
    AlternateProcedureQuery query;
    query.order = Qt::AscendingOrder;
    query.limit = 2;
    std::vector<qint64> all;
    const std::vector<std::vector<qint64>> pages{pick(seeded, {0, 1}), pick(seeded, {2, 3}), pick(seeded, {4}), {}};
    for (size_t page = 0; page < pages.size(); ++page) {
        query.offset = int(page) * 2;
        const auto rows = log.store->search(query, &error);
        QVERIFY2(rows, qPrintable(error));
        QVERIFY2(idsOf(*rows) == pages[page], qPrintable(describe(idsOf(*rows))));
        QCOMPARE(log.store->count(query, &error), std::optional<qint64>(5)); // limit and offset ignored
    }
    // A filtered page.
    query.offset = 1;
    query.limit = 1;
    query.officer = QStringLiteral("alice");
    const auto filtered = log.store->search(query, &error);
    QVERIFY2(filtered, qPrintable(error));
    QVERIFY(idsOf(*filtered) == pick(seeded, {3}));

    for (const auto& [limit, offset] : {std::pair(0, 0), std::pair(10001, 0), std::pair(10, -1)}) {
        query.limit = limit;
        query.offset = offset;
        QCOMPARE(log.store->search(query, &error), std::nullopt);
        QVERIFY2(error.contains(QStringLiteral("limit %1 and offset %2").arg(limit).arg(offset)), qPrintable(error));
    }
}

void TestAlternateProcedure::csvField_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("written");
    QTest::newRow("plain") << "LH400" << "LH400";
    QTest::newRow("empty") << "" << "";
    QTest::newRow("comma") << "a,b" << "\"a,b\"";
    QTest::newRow("quote") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
    QTest::newRow("LF") << "line 1\nline 2" << "\"line 1\nline 2\"";
    QTest::newRow("CRLF") << "line 1\r\nline 2" << "\"line 1\r\nline 2\"";
    QTest::newRow("non-ASCII") << QStringLiteral("M\u00dcLLER, J\u00f6rg") << QStringLiteral("\"M\u00dcLLER, J\u00f6rg\"");
    QTest::newRow("apostrophe inside") << "O'BRIEN" << "O'BRIEN";
    // Formula injection: a leading =, +, -, @, tab or CR is defused with an apostrophe.
    QTest::newRow("=") << "=1+2" << "'=1+2";
    QTest::newRow("+") << "+1 555 0100" << "'+1 555 0100";
    QTest::newRow("-") << "-2+3" << "'-2+3";
    QTest::newRow("@") << "@SUM(A1)" << "'@SUM(A1)";
    QTest::newRow("tab") << "\t=1" << "'\t=1";
    QTest::newRow("CR") << "\r=1" << "\"'\r=1\"";
    QTest::newRow("= with comma and quotes") << "=HYPERLINK(\"http://x\",\"y\")" << "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"";
    QTest::newRow("= not first") << "a=b" << "a=b";
    QTest::newRow("space then =") << " =1" << " =1";
}

void TestAlternateProcedure::csvField()
{
    QFETCH(QString, value);
    QFETCH(QString, written);
    QCOMPARE(AlternateProcedureCsv::field(value), written);
}

void TestAlternateProcedure::csvFile()
{
    AlternateProcedure first;
    first.id = 7;
    first.encounterId = 31;
    first.createdAt = QDateTime(QDate(2026, 11, 26), QTime(9, 5, 7, 250), Qt::UTC);
    first.officer = QStringLiteral("jdoe");
    first.workstation = QStringLiteral("ws-1");
    first.camera = QStringLiteral("lane 3");
    first.kind = Encounter::Kind::Exit;
    first.flight = QStringLiteral("LH400");
    first.citizenship = QStringLiteral("DEU");
    first.surname = QStringLiteral("M\u00dcLLER");
    first.givenNames = QStringLiteral("ANNA, MARIA");
    first.document = {QStringLiteral("passport"), QStringLiteral("C01X00T47"), QStringLiteral("D"), QDate(2030, 4, 15),
                      QStringLiteral("P<D<<MUSTERMANN<<ERIKA\nC01X00T478D<<6408125F2702283<<<<<<<4")};
    first.checks = {{QStringLiteral("laminate-intact"), Result::Passed}, {QStringLiteral("uv-features"), Result::Failed}};
    first.outcome = Outcome::NotVerified;
    first.reason = QStringLiteral("Photo page \"looks\" altered,\nsee note\r\n=call supervisor");

    AlternateProcedure second;
    second.id = 8;
    second.encounterId = 32;
    second.createdAt = QDateTime(QDate(2026, 12, 1), QTime(23, 59, 59), Qt::UTC);
    second.officer = QStringLiteral("@admin");
    second.kind = Encounter::Kind::Checkpoint;
    second.citizenship = QStringLiteral("USA");
    second.surname = QStringLiteral("-Smith");
    second.document = {QStringLiteral("id-card"), QStringLiteral("+123"), QStringLiteral("USA"), QDate(), QString()};
    second.outcome = Outcome::ReferredToSecondary;
    second.reason = QStringLiteral("=HYPERLINK(\"http://evil.example\",\"open\")");

    const QByteArray expected = QByteArray(
        "id,logged_at_utc,officer,workstation,camera_or_lane,encounter_kind,flight,citizenship,surname,given_names,"
        "document_kind,document_number,issuing_state,document_expiry,mrz,checks,outcome,reason,encounter_id\r\n"
        "7,2026-11-26T09:05:07Z,jdoe,ws-1,lane 3,exit,LH400,DEU,M\xc3\x9cLLER,\"ANNA, MARIA\",passport,C01X00T47,D,"
        "2030-04-15,\"P<D<<MUSTERMANN<<ERIKA\nC01X00T478D<<6408125F2702283<<<<<<<4\","
        "laminate-intact=passed; uv-features=failed,not-verified,"
        "\"Photo page \"\"looks\"\" altered,\nsee note\r\n=call supervisor\",31\r\n"
        "8,2026-12-01T23:59:59Z,'@admin,,,checkpoint,,USA,'-Smith,,id-card,'+123,USA,,,,referred-to-secondary,"
        "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\",32\r\n");
    QCOMPARE(AlternateProcedureCsv::toCsv({first, second}), expected);

    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    QString error;
    QVERIFY2(AlternateProcedureCsv::write({first, second}, buffer, &error), qPrintable(error));
    QCOMPARE(buffer.data(), expected);
    // No rows: the header alone.
    QCOMPARE(AlternateProcedureCsv::toCsv({}), expected.left(expected.indexOf("\r\n") + 2));

    QBuffer closed;
    QVERIFY(!AlternateProcedureCsv::write({first}, closed, &error));
    QVERIFY2(error.contains(QStringLiteral("not open for writing")), qPrintable(error));
}

void TestAlternateProcedure::csvFromTheLog()
{
    Log log;
    QString error;
    QVERIFY2(log.open(&error), qPrintable(error));
    AlternateProcedure input = procedure("jdoe", "lh 400", Outcome::NotVerified, "L898902C3", "=cmd|' /C calc'!A0", "ANNA");
    input.reason = QStringLiteral("MRZ check digit wrong, \"2\" expected");
    const auto stored = log.store->record(input, QStringLiteral("officer:jdoe"), &error);
    QVERIFY2(stored, qPrintable(error));
    const auto rows = log.store->search({}, &error);
    QVERIFY2(rows, qPrintable(error));
    const QByteArray csv = AlternateProcedureCsv::toCsv(*rows);
    const QByteArray expectedRow = QStringLiteral("%1,2026-11-26T09:00:00Z,jdoe,ws-7,lane 3,exit,LH400,USA,"
                                                  "'=cmd|' /C calc'!A0,ANNA,passport,L898902C3,USA,2031-05-01,,"
                                                  "laminate-intact=passed; photo-matches-holder=passed; "
                                                  "uv-features=not-applicable,not-verified,"
                                                  "\"MRZ check digit wrong, \"\"2\"\" expected\",%2\r\n")
                                       .arg(stored->id)
                                       .arg(stored->encounterId)
                                       .toUtf8();
    QVERIFY2(csv.endsWith(expectedRow), csv.constData());
    QCOMPARE(csv.count("\r\n"), 2);
}

QTEST_GUILESS_MAIN(TestAlternateProcedure)
#include "tst_alternateprocedure.moc"
