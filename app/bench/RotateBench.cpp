#include "app/bench/RotateBench.h"

#include "app/cli/EmptyRecords.h"

#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/storage/SystemClock.h"
#include "core/storage/Transaction.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <vector>

namespace fg::cli {

int runRotateBench(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("rotate"), QStringLiteral("the key rotation benchmark"));
    parser.addOption({QStringLiteral("db"), QStringLiteral("a records database without keys (default: a temporary SQLite file)"),
                      QStringLiteral("URL")});
    parser.addOption({QStringLiteral("count"), QStringLiteral("sealed records"), QStringLiteral("N"), QStringLiteral("100000")});
    parser.addOption({QStringLiteral("batch-size"), QStringLiteral("data keys per transaction"), QStringLiteral("N"),
                      QStringLiteral("1000")});
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    if (parser.positionalArguments() != QStringList{QStringLiteral("rotate")})
        return context.fail(kUsageError,
                            QStringLiteral("usage: facegate-cli bench rotate [--db URL] [--count N] [--batch-size N]"));
    bool countOk = false;
    bool batchOk = false;
    const qint64 count = parser.value(QStringLiteral("count")).toLongLong(&countOk);
    const int batchSize = parser.value(QStringLiteral("batch-size")).toInt(&batchOk);
    if (!countOk || count < 1 || count > 10'000'000 || !batchOk || batchSize < 1 || batchSize > 100'000)
        return context.fail(kUsageError, QStringLiteral("--count (1 to 10,000,000) and --batch-size (1 to 100,000) must be "
                                                        "whole numbers"));

    QString error;
    QTemporaryDir scratch;
    int status = kSuccess;
    const std::optional<DatabaseUrl> url = benchDatabaseUrl(parser, scratch, QStringLiteral("bench-rotate.db"), context, &status);
    if (!url)
        return status;
    const std::unique_ptr<Database> database = Database::open(*url, &error);
    if (!database)
        return context.fail(kProcessingError, error);
    if (!requireEmptyTables(*database, {QStringLiteral("keks"), QStringLiteral("data_keys")},
                            QStringLiteral("bench rotate registers keys of its own"), &error))
        return context.fail(kProcessingError, error);
    const QString oldKey = scratch.filePath(QStringLiteral("old.kek"));
    const QString newKey = scratch.filePath(QStringLiteral("new.kek"));
    if (!KeyEncryptionKey::createKeyFile(oldKey, &error) || !KeyEncryptionKey::createKeyFile(newKey, &error))
        return context.fail(kProcessingError, error);
    const SystemClock clock;
    const std::shared_ptr<const AuditKey> auditKey = benchAuditKey(&error);
    if (!auditKey)
        return context.fail(kProcessingError, error);
    const AuditLog audit(*database, clock, auditKey);
    const std::unique_ptr<KeyStore> keys =
        KeyStore::openWithKeyFile(*database, audit, oldKey, QStringLiteral("bench:rotate"), &error);
    if (!keys)
        return context.fail(kProcessingError, error);

    // The records, sealed and kept a thousand to a transaction; a sample of their data parts kept here.
    QElapsedTimer timer;
    timer.start();
    const QByteArray plaintext(2048, '\x5a');
    const qint64 sampleEvery = std::max<qint64>(1, count / 100);
    std::vector<std::pair<QString, QByteArray>> sample;
    for (qint64 from = 0; from < count; from += 1000) {
        Transaction transaction(*database);
        if (!transaction.begin(&error))
            return context.fail(kProcessingError, error);
        for (qint64 i = from; i < std::min(count, from + 1000); ++i) {
            const QString binding = QStringLiteral("template:bench-%1").arg(i, 8, 10, QLatin1Char('0'));
            const std::optional<KeyStore::SealedRecord> sealed = keys->seal(plaintext, binding, &error);
            if (!sealed || !keys->keep(*sealed, &error))
                return context.fail(kProcessingError, error);
            if (i % sampleEvery == 0)
                sample.emplace_back(binding, sealed->data);
        }
        if (!transaction.commit(&error))
            return context.fail(kProcessingError, error);
    }
    const double sealSeconds = double(timer.nsecsElapsed()) / 1e9;

    std::optional<KeyEncryptionKey> next = KeyEncryptionKey::fromKeyFile(newKey, &error);
    if (!next)
        return context.fail(kProcessingError, error);
    const std::optional<KeyStore::RotationReport> report =
        keys->rotate(std::move(*next), QStringLiteral("bench:rotate"), batchSize, nullptr, &error);
    if (!report)
        return context.fail(kProcessingError, error);

    int opened = 0;
    for (const auto& [binding, data] : sample) {
        const std::optional<QByteArray> bytes =
            keys->unseal(data, binding, KeyAccess{QStringLiteral("bench:rotate"), QStringLiteral("check the rotation")}, &error);
        if (!bytes || *bytes != plaintext)
            return context.fail(kProcessingError, QStringLiteral("%1 does not open after the rotation: %2").arg(binding, error));
        ++opened;
    }
    return context.printJson(QJsonObject{
        {QStringLiteral("benchmark"), QStringLiteral("rotate")},
        {QStringLiteral("backend"), database->isSqlite() ? QStringLiteral("sqlite") : QStringLiteral("postgresql")},
        {QStringLiteral("database"), url->toDisplayString()},
        {QStringLiteral("records"), count},
        {QStringLiteral("batch_size"), batchSize},
        {QStringLiteral("seal_seconds"), sealSeconds},
        {QStringLiteral("rewrapped"), report->rewrapped},
        {QStringLiteral("batches"), report->batches},
        {QStringLiteral("rotate_seconds"), report->seconds},
        {QStringLiteral("keys_rewrapped_per_second"), double(report->rewrapped) / report->seconds},
        {QStringLiteral("sample_opened"), opened}});
}

} // namespace fg::cli
