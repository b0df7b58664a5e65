#include "app/cli/AuditCommand.h"

#include "app/cli/RecordsSession.h"
#include "core/security/AuditKey.h"
#include "core/security/AuditLog.h"
#include "core/storage/Database.h"

#include <QCommandLineParser>

namespace fg::cli {

int runAuditCommand(const QStringList& arguments, RecordsSession& session, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("verify"), QStringLiteral("check the audit log's keyed hash chain"));
    parser.addOption({QStringLiteral("checkpoints"),
                      QStringLiteral("also check the log against the signed checkpoints in this folder"),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("audit-key"), QStringLiteral("the audit key file"), QStringLiteral("FILE")});
    const QString usage = QStringLiteral("usage: facegate-cli --db URL audit (verify [--checkpoints DIR] | public-key) "
                                         "[--audit-key FILE]");
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText() + QStringLiteral("; ") + usage);
    const QStringList words = parser.positionalArguments();
    const bool publicKey = words == QStringList{QStringLiteral("public-key")};
    if (words != QStringList{QStringLiteral("verify")} && !publicKey)
        return context.fail(kUsageError, usage);
    if (publicKey && parser.isSet(QStringLiteral("checkpoints")))
        return context.fail(kUsageError, usage);
    QString error;
    if (parser.isSet(QStringLiteral("audit-key"))
        && !session.useAuditKeyFile(parser.value(QStringLiteral("audit-key")), &error))
        return context.fail(kProcessingError, error);
    if (!session.audit().key()) {
        return context.fail(kProcessingError,
                            QStringLiteral("cannot verify the audit log of %1 without its audit key: %2 (pass "
                                           "--audit-key FILE, or set FACEGATE_AUDIT_KEY_FILE or audit/keyFile)")
                                .arg(session.database().url().toDisplayString(), session.auditKeyProblem()));
    }
    if (publicKey) {
        return context.printJson(
            QJsonObject{{QStringLiteral("audit_key"), session.audit().key()->id()},
                        {QStringLiteral("ed25519_public_key"),
                         QString::fromLatin1(session.audit().key()->publicKey().toHex())}});
    }
    const bool withCheckpoints = parser.isSet(QStringLiteral("checkpoints"));
    const std::optional<AuditLog::Verification> result =
        withCheckpoints ? session.audit().verifyWithCheckpoints(parser.value(QStringLiteral("checkpoints")), &error)
                        : session.audit().verify(&error);
    if (!result)
        return context.fail(kProcessingError, error);
    QJsonObject json{{QStringLiteral("intact"), result->intact},
                     {QStringLiteral("events"), result->events},
                     {QStringLiteral("audit_key"), session.audit().key()->id()},
                     {QStringLiteral("keyed_from"), result->keyedFromSeq > 0 ? QJsonValue(result->keyedFromSeq)
                                                                             : QJsonValue(QJsonValue::Null)}};
    if (withCheckpoints)
        json.insert(QStringLiteral("checkpoints"), result->checkpoints);
    if (result->intact) {
        json.insert(QStringLiteral("head"), result->headHash);
        return context.printJson(json);
    }
    json.insert(QStringLiteral("first_bad_event"), result->firstBadSeq);
    json.insert(QStringLiteral("problem"), result->problem);
    context.printJson(json);
    return context.fail(kProcessingError, QStringLiteral("the audit log of %1 is broken at event %2: %3")
                                              .arg(session.database().url().toDisplayString())
                                              .arg(result->firstBadSeq)
                                              .arg(result->problem));
}

} // namespace fg::cli
