#include "app/cli/AuditCommand.h"

#include "app/cli/RecordsSession.h"
#include "core/security/AuditLog.h"
#include "core/storage/Database.h"

#include <QCommandLineParser>

namespace fg::cli {

int runAuditCommand(const QStringList& arguments, RecordsSession& session, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("verify"), QStringLiteral("check the audit log's hash chain"));
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    if (parser.positionalArguments() != QStringList{QStringLiteral("verify")})
        return context.fail(kUsageError, QStringLiteral("usage: facegate-cli --db URL audit verify"));
    QString error;
    const std::optional<AuditLog::Verification> result = session.audit().verify(&error);
    if (!result)
        return context.fail(kProcessingError, error);
    if (result->intact) {
        return context.printJson(QJsonObject{{QStringLiteral("intact"), true},
                                             {QStringLiteral("events"), result->events},
                                             {QStringLiteral("head"), result->headHash}});
    }
    context.printJson(QJsonObject{{QStringLiteral("intact"), false},
                                  {QStringLiteral("events"), result->events},
                                  {QStringLiteral("first_bad_event"), result->firstBadSeq},
                                  {QStringLiteral("problem"), result->problem}});
    return context.fail(kProcessingError, QStringLiteral("the audit log of %1 is broken at event %2: %3")
                                              .arg(session.database().url().toDisplayString())
                                              .arg(result->firstBadSeq)
                                              .arg(result->problem));
}

} // namespace fg::cli
