#include "app/bench/PurgeBench.h"

#include "app/cli/EmptyRecords.h"

#include "core/security/AuditLog.h"
#include "core/storage/Database.h"
#include "core/storage/FixedClock.h"
#include "core/storage/SystemClock.h"
#include "core/storage/Transaction.h"
#include "core/workflow/Purger.h"
#include "core/workflow/RetentionPolicy.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUuid>

#include <vector>

namespace fg::cli {
namespace {

constexpr int kRowsPerTransaction = 1000;
constexpr int kRowsPerStatement = 25; // QSQLITE looks up every bound value's name: keep statements short
const QString kBenchKek = QStringLiteral("bench-purge");

struct Fill {
    qint64 encounterUs = 0;
    qint64 encounterOther = 0;
    qint64 travelerUs = 0;
    qint64 travelerOther = 0;
};

std::optional<qint64> insertReturningId(const Database& database, const QString& sql, const QVariantList& values,
                                        const QString& what, QString* error)
{
    const std::optional<QVariant> id = database.scalar(sql + QStringLiteral(" RETURNING id"), values, what, error);
    return id ? std::optional(id->toLongLong()) : std::nullopt;
}

// The travelers, encounters and key row the photos refer to.
bool prepare(const Database& database, qint64 nowMs, Fill* fill, QString* error)
{
    if (!requireEmptyTables(database, {QStringLiteral("photos"), QStringLiteral("encounters"), QStringLiteral("keks")},
                            QStringLiteral("bench purge writes and deletes its own records"), error))
        return false;
    Transaction transaction(database);
    if (!transaction.begin(error))
        return false;
    if (!database.scalar(QStringLiteral("INSERT INTO keks (id, kind, check_value, created_at) VALUES (?, 'file', ?, ?) "
                                        "RETURNING id"),
                         {kBenchKek, QByteArray(32, '\0'), nowMs}, QStringLiteral("register the benchmark key"), error))
        return false;
    const QString traveler = QStringLiteral("INSERT INTO travelers (citizenship, biometric_exempt, created_at) VALUES (?, 0, ?)");
    const QString encounter = QStringLiteral("INSERT INTO encounters (kind, mode, traveler_id, officer, verified_at, created_at) "
                                             "VALUES ('entry', 'biometric', ?, 'bench', ?, ?)");
    const auto us = insertReturningId(database, traveler, {QStringLiteral("USA"), nowMs}, QStringLiteral("add a traveler"), error);
    const auto other = us ? insertReturningId(database, traveler, {QStringLiteral("FRA"), nowMs}, QStringLiteral("add a traveler"), error)
                          : std::nullopt;
    if (!us || !other)
        return false;
    const auto usEncounter = insertReturningId(database, encounter, {*us, nowMs, nowMs}, QStringLiteral("add an encounter"), error);
    const auto otherEncounter = usEncounter ? insertReturningId(database, encounter, {*other, nowMs, nowMs},
                                                                QStringLiteral("add an encounter"), error)
                                            : std::nullopt;
    if (!usEncounter || !otherEncounter)
        return false;
    *fill = {*usEncounter, *otherEncounter, *us, *other};
    return transaction.commit(error);
}

// count expired photos, verified between 15 and 16 days before now, one transaction per 1,000 rows.
bool fillPhotos(const Database& database, const Fill& fill, qint64 count, int blobBytes, qint64 nowMs, QString* error)
{
    std::vector<QByteArray> blobs(64);
    for (QByteArray& blob : blobs) {
        blob.resize(blobBytes);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(blob.data()), blobBytes / 4);
    }
    const QString row = QStringLiteral("(?, ?, ?, 'capture', 'jpeg', ?, ?, ?, ?, ?)");
    const qint64 oldest = nowMs - 16LL * 24 * 3600 * 1000;
    const QString usRule = RetentionPolicy::ruleName(RetentionPolicy::Rule::UsCitizenOrExempt);
    const QString otherRule = RetentionPolicy::ruleName(RetentionPolicy::Rule::InScope);
    for (qint64 first = 0; first < count; first += kRowsPerTransaction) {
        Transaction transaction(database);
        if (!transaction.begin(error))
            return false;
        const qint64 end = std::min(count, first + kRowsPerTransaction);
        for (qint64 chunk = first; chunk < end; chunk += kRowsPerStatement) {
            const qint64 rows = std::min<qint64>(kRowsPerStatement, end - chunk);
            QStringList values;
            for (qint64 i = 0; i < rows; ++i)
                values.append(row);
            QSqlQuery insert = database.query();
            insert.prepare(QStringLiteral("INSERT INTO photos (id, encounter_id, traveler_id, role, format, kek_id, sealed, "
                                          "retention_rule, verified_at, created_at) VALUES ")
                           + values.join(QLatin1Char(',')));
            for (qint64 i = chunk; i < chunk + rows; ++i) {
                const bool us = i % 2 == 0;
                const qint64 verifiedAt = oldest + (i * 1000) % (24LL * 3600 * 1000);
                insert.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
                insert.addBindValue(us ? fill.encounterUs : fill.encounterOther);
                insert.addBindValue(us ? fill.travelerUs : fill.travelerOther);
                insert.addBindValue(kBenchKek);
                insert.addBindValue(blobs[size_t(i) % blobs.size()]);
                insert.addBindValue(us ? usRule : otherRule);
                insert.addBindValue(verifiedAt);
                insert.addBindValue(verifiedAt);
            }
            if (!database.exec(insert, QStringLiteral("add %1 photos").arg(rows), error))
                return false;
        }
        if (!transaction.commit(error))
            return false;
    }
    return true;
}

qint64 fileSize(const QString& path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

} // namespace

int runPurgeBench(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("purge"), QStringLiteral("the purge benchmark"));
    parser.addOption({QStringLiteral("db"), QStringLiteral("an empty records database (default: a temporary SQLite file)"),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("expired photos to purge"), QStringLiteral("N"),
                      QStringLiteral("100000")});
    parser.addOption({QStringLiteral("blob-bytes"), QStringLiteral("size of each sealed photo"), QStringLiteral("BYTES"),
                      QStringLiteral("8192")});
    parser.addOption({QStringLiteral("batch-size"), QStringLiteral("rows deleted per transaction"), QStringLiteral("N"),
                      QString::number(Purger::kDefaultBatchSize)});
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    if (parser.positionalArguments() != QStringList{QStringLiteral("purge")})
        return context.fail(kUsageError, QStringLiteral("usage: facegate-cli bench purge [--db URL] [--count N] "
                                                        "[--blob-bytes BYTES] [--batch-size N]"));
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
    qint64 count = 0;
    qint64 blobBytes = 0;
    qint64 batchSize = 0;
    if (!number(QStringLiteral("count"), 1, 10'000'000, &count) || !number(QStringLiteral("blob-bytes"), 64, 1 << 20, &blobBytes)
        || !number(QStringLiteral("batch-size"), 1, 10'000, &batchSize))
        return kUsageError;
    blobBytes -= blobBytes % 4;

    QString error;
    QTemporaryDir scratch;
    int status = kSuccess;
    const std::optional<DatabaseUrl> url =
        benchDatabaseUrl(parser, scratch, QStringLiteral("bench-purge.db"), context, &status);
    if (!url)
        return status;
    const SystemClock systemClock;
    const FixedClock clock(systemClock.now());
    DatabaseOptions options;
    options.clock = &clock;
    const std::unique_ptr<Database> database = Database::open(*url, &error, options);
    if (!database)
        return context.fail(kProcessingError, error);
    Fill fill;
    if (!prepare(*database, clock.nowMs(), &fill, &error))
        return context.fail(kProcessingError, error);
    QElapsedTimer timer;
    timer.start();
    if (!fillPhotos(*database, fill, count, int(blobBytes), clock.nowMs(), &error))
        return context.fail(kProcessingError, error);
    const double fillSeconds = double(timer.nsecsElapsed()) / 1e9;
    QString reclaimError;
    database->reclaim(QStringLiteral("photos"), &reclaimError); // start from a checkpointed file
    const QString path = database->isSqlite() ? url->sqlitePath() : QString();
    const qint64 sizeBefore = database->isSqlite() ? fileSize(path) : 0;

    const AuditLog audit(*database, clock);
    const RetentionPolicy policy;
    Purger purger(*database, audit, clock, policy);
    purger.setBatchSize(int(batchSize));
    const std::optional<PurgeReport> report = purger.purge(&error);
    if (!report)
        return context.fail(kProcessingError, error);
    const std::optional<QVariant> left =
        database->scalar(QStringLiteral("SELECT COUNT(*) FROM photos"), {}, QStringLiteral("count the photos left"), &error);
    const std::optional<QVariant> records = left ? database->scalar(QStringLiteral("SELECT COUNT(*) FROM deletions"), {},
                                                                    QStringLiteral("count the deletion records"), &error)
                                                 : std::nullopt;
    if (!records)
        return context.fail(kProcessingError, error);
    timer.restart();
    const std::optional<AuditLog::Verification> verification = audit.verify(&error);
    if (!verification)
        return context.fail(kProcessingError, error);
    const double verifySeconds = double(timer.nsecsElapsed()) / 1e9;

    QJsonObject json{{QStringLiteral("benchmark"), QStringLiteral("purge")},
                     {QStringLiteral("backend"), database->isSqlite() ? QStringLiteral("sqlite") : QStringLiteral("postgresql")},
                     {QStringLiteral("database"), url->toDisplayString()},
                     {QStringLiteral("photos"), count},
                     {QStringLiteral("blob_bytes"), blobBytes},
                     {QStringLiteral("batch_size"), batchSize},
                     {QStringLiteral("fill_seconds"), fillSeconds},
                     {QStringLiteral("fill_photos_per_second"), double(count) / fillSeconds},
                     {QStringLiteral("purge"), report->toJson()},
                     {QStringLiteral("photos_purged_per_second"), double(report->photosDeleted) / report->seconds},
                     {QStringLiteral("photos_left"), left->toLongLong()},
                     {QStringLiteral("deletion_records"), records->toLongLong()},
                     {QStringLiteral("audit_events"), verification->events},
                     {QStringLiteral("audit_intact"), verification->intact},
                     {QStringLiteral("audit_verify_seconds"), verifySeconds}};
    if (database->isSqlite()) {
        json.insert(QStringLiteral("db_bytes_before_purge"), sizeBefore);
        json.insert(QStringLiteral("db_bytes_after_purge"), fileSize(path));
        json.insert(QStringLiteral("wal_bytes_after_purge"), fileSize(path + QStringLiteral("-wal")));
    }
    context.printJson(json);
    if (report->photosDeleted != count || left->toLongLong() != 0 || !verification->intact)
        return context.fail(kProcessingError, QStringLiteral("the purge did not delete every expired photo, or the audit "
                                                             "chain does not verify"));
    return kSuccess;
}

} // namespace fg::cli
