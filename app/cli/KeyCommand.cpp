#include "app/cli/KeyCommand.h"

#include "app/cli/RecordsSession.h"
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QJsonObject>

#include <cstdio>

namespace fg::cli {
namespace {

const char* const kUsage =
    "usage: facegate-cli --db URL key rotate --new-key-file PATH|URI [--key-file PATH|URI] [--batch N]\n"
    "(a key is a key file's path or a PKCS#11 URI, pkcs11:..., naming a key in a token)";

// The key file (or token URI) the session's key comes from, as
// RecordsSession::keys() picks it; empty for a passphrase.
QString keyFileInUse(const QString& option)
{
    if (!option.isEmpty())
        return option;
    const QString fromEnvironment = qEnvironmentVariable("FACEGATE_KEY_FILE");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return qEnvironmentVariableIsSet("FACEGATE_PASSPHRASE") ? QString() : KeyStore::defaultKeyFile();
}

bool sameLocation(const QString& a, const QString& b)
{
    if (KeyEncryptionKey::isTokenLocation(a) || KeyEncryptionKey::isTokenLocation(b))
        return KeyEncryptionKey::displayLocation(a) == KeyEncryptionKey::displayLocation(b);
    return QFileInfo(a).absoluteFilePath() == QFileInfo(b).absoluteFilePath();
}

} // namespace

int runKeyCommand(const QStringList& arguments, RecordsSession& session, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("rotate"), QStringLiteral("move every data key to a new key"));
    parser.addOption({QStringLiteral("new-key-file"), QStringLiteral("the new key (made when missing)"), QStringLiteral("PATH|URI")});
    parser.addOption({QStringLiteral("key-file"), QStringLiteral("the key in use"), QStringLiteral("PATH|URI")});
    parser.addOption({QStringLiteral("batch"), QStringLiteral("data keys per transaction (default 1000)"), QStringLiteral("N")});
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    if (parser.positionalArguments() != QStringList{QStringLiteral("rotate")} || !parser.isSet(QStringLiteral("new-key-file")))
        return context.fail(kUsageError, QString::fromLatin1(kUsage));
    bool numeric = true;
    const int batch = parser.isSet(QStringLiteral("batch")) ? parser.value(QStringLiteral("batch")).toInt(&numeric) : 1000;
    if (!numeric || batch < 1 || batch > 100000)
        return context.fail(kUsageError, QStringLiteral("--batch must be a number from 1 to 100000, not \"%1\"")
                                             .arg(parser.value(QStringLiteral("batch"))));

    QString error;
    const QString newKeyFile = parser.value(QStringLiteral("new-key-file"));
    const QString oldKeyFile = keyFileInUse(parser.value(QStringLiteral("key-file")));
    if (!oldKeyFile.isEmpty() && sameLocation(oldKeyFile, newKeyFile))
        return context.fail(kUsageError, QStringLiteral("the new key is the key in use (%1)")
                                             .arg(KeyEncryptionKey::displayLocation(newKeyFile)));
    const std::optional<bool> newExists = KeyEncryptionKey::exists(newKeyFile, &error);
    if (!newExists || (!*newExists && !KeyEncryptionKey::create(newKeyFile, &error)))
        return context.fail(kProcessingError, error);
    std::optional<KeyEncryptionKey> next = KeyEncryptionKey::open(newKeyFile, &error);
    if (!next)
        return context.fail(kProcessingError, error);

    QJsonObject result{{QStringLiteral("old_key_file"),
                        oldKeyFile.isEmpty() ? QJsonValue() : QJsonValue(KeyEncryptionKey::displayLocation(oldKeyFile))}};
    // A run that retired the old key but stopped before destroying it has nothing left to rewrap.
    bool retiredBefore = false;
    const std::optional<bool> oldExists =
        oldKeyFile.isEmpty() ? std::optional<bool>(false) : KeyEncryptionKey::exists(oldKeyFile, &error);
    if (!oldExists)
        return context.fail(kProcessingError, error);
    if (*oldExists) {
        const std::optional<KeyEncryptionKey> old = KeyEncryptionKey::open(oldKeyFile, &error);
        if (!old)
            return context.fail(kProcessingError, error);
        const std::optional<QDateTime> retired = KeyStore::retiredAt(session.database(), old->id(), &error);
        if (!retired)
            return context.fail(kProcessingError, error);
        retiredBefore = retired->isValid();
        result.insert(QStringLiteral("from"), old->id());
        result.insert(QStringLiteral("to"), next->id());
    }
    if (!retiredBefore) {
        KeyStore* keys = session.keys(parser.value(QStringLiteral("key-file")), &error);
        if (!keys)
            return context.fail(kProcessingError, error);
        const auto progress = [](const KeyStore::RotationProgress& done) {
            std::fprintf(stderr, "rewrapped %lld, %lld left\n", static_cast<long long>(done.rewrapped),
                         static_cast<long long>(done.remaining));
            std::fflush(stderr);
        };
        const std::optional<KeyStore::RotationReport> report =
            keys->rotate(std::move(*next), session.actor(), batch, progress, &error);
        if (!report)
            return context.fail(kProcessingError,
                                QStringLiteral("the rotation stopped (run the same command again to resume): %1").arg(error));
        result.insert(QStringLiteral("from"), report->from);
        result.insert(QStringLiteral("to"), report->to);
        result.insert(QStringLiteral("rewrapped"), report->rewrapped);
        result.insert(QStringLiteral("rewrapped_before"), report->before);
        result.insert(QStringLiteral("batches"), report->batches);
        result.insert(QStringLiteral("seconds"), report->seconds);
    } else {
        result.insert(QStringLiteral("rewrapped"), 0);
        result.insert(QStringLiteral("batches"), 0);
    }

    bool destroyed = false;
    if (!oldKeyFile.isEmpty()) {
        if (!KeyEncryptionKey::destroy(oldKeyFile, &error)) {
            context.printJson(result);
            return context.fail(kProcessingError, QStringLiteral("the key was rotated, but the old key remains: %1").arg(error));
        }
        destroyed = true;
        const bool inToken = KeyEncryptionKey::isTokenLocation(oldKeyFile);
        if (!session.audit().record(session.actor(), QStringLiteral("key.destroy"),
                                    QStringLiteral("kek:") + result.value(QStringLiteral("from")).toString(),
                                    QJsonObject{{inToken ? QStringLiteral("token") : QStringLiteral("file"),
                                                 KeyEncryptionKey::displayLocation(oldKeyFile)}},
                                    &error))
            return context.fail(kProcessingError, QStringLiteral("the old key was destroyed, but not audited: %1").arg(error));
    }
    result.insert(QStringLiteral("destroyed"), destroyed);
    return context.printJson(result);
}

} // namespace fg::cli
