#include "app/bench/PurgeBench.h"

#include "app/bench/ExpiredPhotos.h"

#include "app/cli/EmptyRecords.h"

#include "core/security/AuditLog.h"
#include "core/storage/Database.h"
#include "core/storage/FixedClock.h"
#include "core/storage/SystemClock.h"
#include "core/workflow/Purger.h"
#include "core/workflow/RetentionPolicy.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

namespace fg::cli {
namespace {

const QString kBenchKek = QStringLiteral("bench-purge");

// The key row and the travelers and encounters the photos refer to.
std::optional<ExpiredPhotoOwners> prepare(const Database& database, qint64 nowMs, QString* error)
{
    if (!requireEmptyTables(database, {QStringLiteral("photos"), QStringLiteral("encounters"), QStringLiteral("keks")},
                            QStringLiteral("bench purge writes and deletes its own records"), error))
        return std::nullopt;
    if (!database.scalar(QStringLiteral("INSERT INTO keks (id, kind, check_value, created_at) VALUES (?, 'file', ?, ?) "
                                        "RETURNING id"),
                         {kBenchKek, QByteArray(32, '\0'), nowMs}, QStringLiteral("register the benchmark key"), error))
        return std::nullopt;
    return addExpiredPhotoOwners(database, nowMs, error);
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
    const std::optional<ExpiredPhotoOwners> owners = prepare(*database, clock.nowMs(), &error);
    if (!owners)
        return context.fail(kProcessingError, error);
    QElapsedTimer timer;
    timer.start();
    if (!addExpiredPhotos(*database, *owners, kBenchKek, count, int(blobBytes), clock.nowMs(), &error))
        return context.fail(kProcessingError, error);
    const double fillSeconds = double(timer.nsecsElapsed()) / 1e9;
    QString reclaimError;
    database->reclaim(QStringLiteral("photos"), &reclaimError); // start from a checkpointed file
    const QString path = database->isSqlite() ? url->sqlitePath() : QString();
    const qint64 sizeBefore = database->isSqlite() ? fileSize(path) : 0;

    const std::shared_ptr<const AuditKey> auditKey = benchAuditKey(&error);
    if (!auditKey)
        return context.fail(kProcessingError, error);
    const AuditLog audit(*database, clock, auditKey);
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
