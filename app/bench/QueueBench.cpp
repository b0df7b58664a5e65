#include "app/bench/QueueBench.h"

#include "app/cli/EmptyRecords.h"

#include "core/security/AuditLog.h"
#include "core/storage/Database.h"
#include "core/storage/FixedClock.h"
#include "core/storage/SqlValue.h"
#include "core/storage/SystemClock.h"
#include "core/storage/Transaction.h"
#include "core/workflow/ReviewQueue.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QMap>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <algorithm>
#include <optional>
#include <vector>

namespace fg::cli {
namespace {

using sql::nullLong;
using sql::text;

constexpr qint64 kMinuteMs = 60 * 1000;
constexpr qint64 kHourMs = 60 * kMinuteMs;
constexpr qint64 kDayMs = 24 * kHourMs;
constexpr int kDays = 14;
constexpr int kWorkstations = 3;
constexpr int kCamerasPerWorkstation = 4;
constexpr int kFlights = 60;
constexpr int kOfficers = 18;
constexpr int kPageSize = 100; // QueuePanel's page
constexpr double kGoalMs = 500; // issue 5: the queue opens and filters in under half a second
constexpr double kThreshold = 0.42;
constexpr double kFmrTarget = 0.001;
const char* const kAirlines[] = {"AA", "AF", "BA", "DL", "EK", "IB", "KL", "LH", "QR", "UA"};
const char* const kSupervisors[] = {"sup.alvarez", "sup.bennett", "sup.chen", "sup.dubois"};
const char* const kNotes[] = {"document photo is twelve years old; features agree",
                              "glasses and beard since the passport photo; identity confirmed on questions",
                              "camera glare on the left side; recaptured at the desk",
                              "referred: the traveler could not answer about the itinerary"};

// Sixty flight codes, each flying every day: "AA101", "AF138", ...
QString flightCode(int index)
{
    return QStringLiteral("%1%2").arg(QLatin1String(kAirlines[index % 10])).arg(101 + (index * 37) % 900);
}

QString workstationName(int workstation)
{
    return QStringLiteral("gate-ws%1").arg(workstation + 1);
}

QString cameraName(int workstation, int camera)
{
    return QStringLiteral("gate-ws%1-cam%2").arg(workstation + 1).arg(camera + 1);
}

// Each officer works at one workstation (officer % kWorkstations).
QString officerName(int officer)
{
    return QStringLiteral("officer%1").arg(officer + 1, 2, 10, QLatin1Char('0'));
}

// What the seed wrote, by kind, for the report and for the last page's offset.
struct Seeded {
    QMap<QString, qint64> encountersByDecision;
    QMap<QString, qint64> itemsByReason;
    QMap<QString, qint64> itemsByState;
    qint64 supervisorDecisions = 0;

    qint64 items() const
    {
        qint64 total = 0;
        for (const qint64 value : itemsByReason)
            total += value;
        return total;
    }
};

QJsonObject toJson(const QMap<QString, qint64>& counts)
{
    QJsonObject json;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

// The three INSERTs of the seed, prepared once and bound again for every row.
struct Statements {
    QSqlQuery encounter;
    QSqlQuery item;
    QSqlQuery decision;
};

// Runs a prepared INSERT ... RETURNING id with the values bound in order.
std::optional<qint64> insert(const Database& database, QSqlQuery& statement, const QVariantList& values,
                             const QString& what, QString* error)
{
    for (int i = 0; i < values.size(); ++i)
        statement.bindValue(i, values[i]);
    if (!database.exec(statement, what, error))
        return std::nullopt;
    if (!statement.next()) {
        *error = QStringLiteral("%1: no id came back").arg(what);
        return std::nullopt;
    }
    const qint64 id = statement.value(0).toLongLong();
    statement.finish(); // SQLite cannot commit while a statement is still stepping
    return id;
}

// One queue item's life so far: open, claimed, or resolved with a decision.
// About half are resolved (minutes to hours after they were queued), a tenth
// of the rest claimed; an item queued in the last quarter of an hour is open.
bool addItem(const Database& database, Statements& statements, QRandomGenerator& random, qint64 encounterId,
             const QString& reason, qint64 queuedAt, qint64 nowMs, Seeded* seeded, QString* error)
{
    const double u = random.generateDouble();
    const QString supervisor = QLatin1String(kSupervisors[random.bounded(int(std::size(kSupervisors)))]);
    QString state = QStringLiteral("open");
    QVariant claimedBy = text(QString());
    QVariant claimedAt = nullLong();
    qint64 decidedAt = 0;
    if (u < 0.5 && queuedAt < nowMs - 15 * kMinuteMs) {
        state = QStringLiteral("resolved");
        decidedAt = std::min(queuedAt + 5 * kMinuteMs + qint64(random.generateDouble() * double(8 * kHourMs)),
                             nowMs - kMinuteMs);
        claimedBy = supervisor;
        claimedAt = std::max(queuedAt, decidedAt - 2 * kMinuteMs - qint64(random.bounded(13 * int(kMinuteMs))));
    } else if (u < 0.55) {
        state = QStringLiteral("claimed");
        claimedBy = supervisor;
        claimedAt = queuedAt + qint64(random.generateDouble() * double(nowMs - queuedAt));
    }
    const std::optional<qint64> itemId = insert(database, statements.item,
                                                {encounterId, reason, state, claimedBy, claimedAt, queuedAt},
                                                QStringLiteral("queue encounter %1").arg(encounterId), error);
    if (!itemId)
        return false;
    ++seeded->itemsByReason[reason];
    ++seeded->itemsByState[state];
    if (decidedAt == 0)
        return true;
    // Mostly false non-matches; capture problems for poor quality; overrides often referred.
    const double r = random.generateDouble();
    QString resolution = QStringLiteral("identity-confirmed");
    if (reason == QLatin1String("poor-quality") ? r < 0.6 : r < 0.07)
        resolution = QStringLiteral("capture-problem");
    else if (reason == QLatin1String("override") ? r < 0.6 : r < 0.2)
        resolution = QStringLiteral("secondary-inspection");
    else if (r > 0.97)
        resolution = QStringLiteral("suspected-impostor");
    const QString note = QLatin1String(kNotes[random.bounded(int(std::size(kNotes)))]);
    if (!insert(database, statements.decision, {*itemId, supervisor, resolution, note, decidedAt},
                QStringLiteral("decide queue item %1").arg(*itemId), error))
        return false;
    ++seeded->supervisorDecisions;
    return true;
}

// count encounters spread evenly over the 14 days before now, with their
// queue items and decisions, in one transaction.
bool seed(const Database& database, qint64 count, qint64 nowMs, Seeded* seeded, QString* error)
{
    if (!requireEmptyTables(database, {QStringLiteral("encounters"), QStringLiteral("queue_items")},
                            QStringLiteral("bench queue writes its own encounters"), error))
        return false;
    Transaction transaction(database);
    if (!transaction.begin(error))
        return false;
    Statements statements{database.query(), database.query(), database.query()};
    statements.encounter.prepare(QStringLiteral(
        "INSERT INTO encounters (kind, mode, flight, decision, score, threshold, fmr_target, officer, workstation, "
        "camera, officer_action, override_reason, captured_at, verified_at, decided_at, created_at) "
        "VALUES (?, 'biometric', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    statements.item.prepare(QStringLiteral("INSERT INTO queue_items (encounter_id, reason, state, claimed_by, claimed_at, "
                                           "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id"));
    statements.decision.prepare(QStringLiteral("INSERT INTO supervisor_decisions (queue_item_id, supervisor, resolution, "
                                               "note, decided_at) VALUES (?, ?, ?, ?, ?) RETURNING id"));

    QRandomGenerator random(20261205);
    const qint64 startMs = nowMs - kDays * kDayMs;
    const qint64 spanMs = kDays * kDayMs - 5 * kMinuteMs;
    const QVariant noScore{QMetaType(QMetaType::Double)};
    for (qint64 i = 0; i < count; ++i) {
        const qint64 verifiedAt = startMs + i * spanMs / count;
        const double k = random.generateDouble();
        const QString kind = k < 0.6 ? QStringLiteral("exit") : k < 0.9 ? QStringLiteral("entry") : QStringLiteral("checkpoint");
        const int officer = random.bounded(kOfficers);
        const int workstation = officer % kWorkstations;
        const int camera = random.bounded(kCamerasPerWorkstation);
        const double d = random.generateDouble();
        const double u = random.generateDouble();
        QString decision;
        QVariant score = noScore;
        QString queueReason;
        if (d < 0.88) {
            decision = QStringLiteral("match");
            score = kThreshold + 0.03 + 0.5 * u;
        } else if (d < 0.96) {
            decision = QStringLiteral("no-match");
            score = 0.05 + (kThreshold - 0.06) * u;
            queueReason = QStringLiteral("no-match");
        } else if (d < 0.99) {
            decision = QStringLiteral("poor-quality");
            if (u < 0.3) // a template was made, but the quality check failed
                score = 0.1 + 0.3 * u;
            queueReason = QStringLiteral("poor-quality");
        } else {
            decision = QStringLiteral("no-face");
        }
        ++seeded->encountersByDecision[decision];
        // The officer confirms a match, overrides about 1 in 90 of them, and
        // sends about 1 in 90 of the no-face travelers to secondary: ~1% of all.
        QString action;
        QString overrideReason;
        QVariant decidedAt = nullLong();
        qint64 queuedAt = verifiedAt + 200;
        const double a = random.generateDouble();
        const qint64 decided = verifiedAt + 3000 + qint64(random.bounded(40000));
        if (decision == QLatin1String("match") || decision == QLatin1String("no-face")) {
            if (a < 0.011) {
                action = decision == QLatin1String("match") ? QStringLiteral("override") : QStringLiteral("send-to-secondary");
                overrideReason = QStringLiteral("the traveler does not look like the document photo");
                queueReason = QStringLiteral("override");
                queuedAt = decided;
            } else if (decision == QLatin1String("match")) {
                action = QStringLiteral("confirm");
            }
        } else if (a < 0.3) {
            action = QStringLiteral("send-to-secondary");
        }
        if (!action.isEmpty())
            decidedAt = decided;
        const std::optional<qint64> encounterId =
            insert(database, statements.encounter,
                   {kind, flightCode(random.bounded(kFlights)), decision, score, kThreshold, kFmrTarget,
                    officerName(officer), workstationName(workstation), cameraName(workstation, camera), text(action),
                    text(overrideReason), verifiedAt - 1500 - random.bounded(2000), verifiedAt, decidedAt,
                    verifiedAt + 200},
                   QStringLiteral("add encounter %1 of %2").arg(i + 1).arg(count), error);
        if (!encounterId)
            return false;
        if (!queueReason.isEmpty()
            && !addItem(database, statements, random, *encounterId, queueReason, queuedAt, nowMs, seeded, error))
            return false;
    }
    return transaction.commit(error);
}

// One thing the supervisor does in the queue's table: what QueuePanel::refresh
// runs for it (count, then the page), timed once per run.
struct Operation {
    QString name;
    QString what; // for the report
    QueueQuery query;
    std::vector<double> ms;
    qsizetype rows = 0;
    qint64 count = 0;
};

// The table's default (waiting items, oldest first, the first page), then
// each filter or sort the supervisor sets on it, one at a time.
std::vector<Operation> operations(const Seeded& seeded, const QDateTime& now)
{
    QueueQuery waiting;
    waiting.states = {QueueItem::State::Open, QueueItem::State::Claimed};
    waiting.limit = kPageSize;
    const auto with = [&waiting](auto change) {
        QueueQuery query = waiting;
        change(query);
        return query;
    };
    const qint64 waitingItems = seeded.itemsByState.value(QStringLiteral("open"))
                                + seeded.itemsByState.value(QStringLiteral("claimed"));
    const QString flight = flightCode(7);
    const QString camera = cameraName(1, 2);
    const QString officer = officerName(6);
    return {
        {QStringLiteral("open"), QStringLiteral("open + claimed, oldest first, first page"), waiting, {}, 0, 0},
        {QStringLiteral("filter_flight"), QStringLiteral("flight %1").arg(flight),
         with([&](QueueQuery& q) { q.flight = flight; }), {}, 0, 0},
        {QStringLiteral("filter_camera"), QStringLiteral("camera %1").arg(camera),
         with([&](QueueQuery& q) { q.camera = camera; }), {}, 0, 0},
        {QStringLiteral("filter_officer"), QStringLiteral("officer %1").arg(officer),
         with([&](QueueQuery& q) { q.officer = officer; }), {}, 0, 0},
        {QStringLiteral("filter_reason_no_match"), QStringLiteral("reason no-match"),
         with([](QueueQuery& q) { q.reason = QueueItem::Reason::NoMatch; }), {}, 0, 0},
        {QStringLiteral("filter_state_resolved"), QStringLiteral("state resolved (instead of open + claimed)"),
         with([](QueueQuery& q) { q.states = {QueueItem::State::Resolved}; }), {}, 0, 0},
        {QStringLiteral("filter_last_24_hours"), QStringLiteral("queued in the last 24 hours"),
         with([&now](QueueQuery& q) { q.from = now.addSecs(-24 * 3600); }), {}, 0, 0},
        {QStringLiteral("sort_score_descending"), QStringLiteral("sorted by match score, highest first"),
         with([](QueueQuery& q) {
             q.sortBy = QueueQuery::SortColumn::MatchScore;
             q.order = Qt::DescendingOrder;
         }),
         {}, 0, 0},
        {QStringLiteral("sort_flight"), QStringLiteral("sorted by flight"),
         with([](QueueQuery& q) { q.sortBy = QueueQuery::SortColumn::Flight; }), {}, 0, 0},
        {QStringLiteral("last_page"), QStringLiteral("open + claimed, oldest first, last page"),
         with([waitingItems](QueueQuery& q) { q.offset = int(std::max<qint64>(0, waitingItems - 1) / kPageSize * kPageSize); }),
         {}, 0, 0},
    };
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2.0;
}

} // namespace

int runQueueBench(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("queue"), QStringLiteral("the no-match queue benchmark"));
    parser.addOption({QStringLiteral("db"), QStringLiteral("an empty records database (default: a temporary SQLite file)"),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("encounters"), QStringLiteral("encounters in the database"), QStringLiteral("N"),
                      QStringLiteral("100000")});
    parser.addOption({QStringLiteral("runs"), QStringLiteral("times each operation is timed"), QStringLiteral("R"),
                      QStringLiteral("5")});
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    if (parser.positionalArguments() != QStringList{QStringLiteral("queue")})
        return context.fail(kUsageError, QStringLiteral("usage: facegate-cli bench queue [--db URL] [--encounters N] [--runs R]"));
    const auto number = [&](const QString& option, qint64 low, qint64 high, qint64* value) {
        bool ok = false;
        *value = parser.value(option).toLongLong(&ok);
        if (ok && *value >= low && *value <= high)
            return true;
        context.fail(kUsageError, QStringLiteral("--%1 \"%2\" is invalid: a whole number from %3 to %4 is expected")
                                      .arg(option, parser.value(option))
                                      .arg(low)
                                      .arg(high));
        return false;
    };
    qint64 encounters = 0;
    qint64 runs = 0;
    if (!number(QStringLiteral("encounters"), 1, 10'000'000, &encounters) || !number(QStringLiteral("runs"), 1, 1000, &runs))
        return kUsageError;

    QString error;
    QTemporaryDir scratch;
    int status = kSuccess;
    const std::optional<DatabaseUrl> url =
        benchDatabaseUrl(parser, scratch, QStringLiteral("bench-queue.db"), context, &status);
    if (!url)
        return status;
    const SystemClock systemClock;
    const FixedClock clock(systemClock.now());
    DatabaseOptions options;
    options.clock = &clock;
    Seeded seeded;
    double seedSeconds = 0;
    {
        const std::unique_ptr<Database> database = Database::open(*url, &error, options);
        if (!database)
            return context.fail(kProcessingError, error);
        QElapsedTimer timer;
        timer.start();
        if (!seed(*database, encounters, clock.nowMs(), &seeded, &error))
            return context.fail(kProcessingError, error);
        seedSeconds = double(timer.nsecsElapsed()) / 1e9;
        // SQLite: the rows into the file, as the WAL's automatic checkpoints
        // leave a workstation's database. PostgreSQL: the statistics
        // autovacuum gathers after a bulk load.
        if (database->isSqlite() ? !database->reclaim(QStringLiteral("queue_items"), &error)
                                 : !database->exec(QStringLiteral("ANALYZE encounters, queue_items, supervisor_decisions"),
                                                   QStringLiteral("analyze the queue's tables"), &error))
            return context.fail(kProcessingError, error);
    }

    // A fresh connection with a cold page cache, as the supervisor's workstation opens the queue.
    const std::unique_ptr<Database> database = Database::open(*url, &error, options);
    if (!database)
        return context.fail(kProcessingError, error);
    const std::shared_ptr<const AuditKey> auditKey = benchAuditKey(&error);
    if (!auditKey)
        return context.fail(kProcessingError, error);
    const AuditLog audit(*database, clock, auditKey);
    const ReviewQueue queue(*database, audit, clock);
    UserAccount supervisor;
    supervisor.name = QLatin1String(kSupervisors[0]);
    supervisor.role = Role::Supervisor;
    std::vector<Operation> work = operations(seeded, clock.now());
    // Round by round, as a supervisor goes from one filter to the next.
    for (qint64 run = 0; run < runs; ++run) {
        for (Operation& operation : work) {
            QElapsedTimer timer;
            timer.start();
            const std::optional<qint64> count = queue.count(operation.query, supervisor, &error);
            const std::optional<std::vector<QueueItem>> page =
                count ? queue.search(operation.query, supervisor, &error) : std::nullopt;
            if (!page)
                return context.fail(kProcessingError, QStringLiteral("%1: %2").arg(operation.name, error));
            operation.ms.push_back(double(timer.nsecsElapsed()) / 1e6);
            operation.count = *count;
            operation.rows = qsizetype(page->size());
        }
    }

    QJsonObject timings;
    QStringList over;
    for (const Operation& operation : work) {
        const double largest = *std::max_element(operation.ms.begin(), operation.ms.end());
        if (!(largest < kGoalMs))
            over << QStringLiteral("%1 (%2 ms)").arg(operation.name).arg(largest, 0, 'f', 1);
        timings.insert(operation.name, QJsonObject{{QStringLiteral("query"), operation.what},
                                                   {QStringLiteral("median_ms"), median(operation.ms)},
                                                   {QStringLiteral("max_ms"), largest},
                                                   {QStringLiteral("rows"), operation.rows},
                                                   {QStringLiteral("count"), operation.count}});
    }
    context.printJson(QJsonObject{
        {QStringLiteral("benchmark"), QStringLiteral("queue")},
        {QStringLiteral("backend"), database->isSqlite() ? QStringLiteral("sqlite") : QStringLiteral("postgresql")},
        {QStringLiteral("database"), url->toDisplayString()},
        {QStringLiteral("encounters"), encounters},
        {QStringLiteral("encounters_by_decision"), toJson(seeded.encountersByDecision)},
        {QStringLiteral("queue_items"), seeded.items()},
        {QStringLiteral("queue_items_by_reason"), toJson(seeded.itemsByReason)},
        {QStringLiteral("queue_items_by_state"), toJson(seeded.itemsByState)},
        {QStringLiteral("supervisor_decisions"), seeded.supervisorDecisions},
        {QStringLiteral("seed_seconds"), seedSeconds},
        {QStringLiteral("runs"), runs},
        {QStringLiteral("page_size"), kPageSize},
        {QStringLiteral("each_operation"), QStringLiteral("ReviewQueue::count + ReviewQueue::search, as the supervisor's "
                                                          "table refreshes; a fresh connection")},
        {QStringLiteral("goal_ms"), kGoalMs},
        {QStringLiteral("operations"), timings},
        {QStringLiteral("within_goal"), over.isEmpty()},
    });
    if (!over.isEmpty())
        context.fail(kSuccess, QStringLiteral("bench queue: over the %1 ms goal: %2").arg(kGoalMs).arg(over.join(QStringLiteral(", "))));
    return kSuccess;
}

} // namespace fg::cli
