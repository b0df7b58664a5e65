#include "app/cli/StatsCommand.h"

#include "app/cli/EncounterCommand.h"
#include "app/cli/RecordsSession.h"
#include "core/workflow/RecordStatistics.h"

#include <QCommandLineParser>

namespace fg::cli {

int runStatsCommand(const QStringList& arguments, RecordsSession& session, CliContext& context)
{
    QCommandLineParser parser;
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return context.fail(kUsageError, QStringLiteral("usage: facegate-cli --db URL stats (unexpected \"%1\")")
                                             .arg(parser.positionalArguments().join(QLatin1Char(' '))));
    QString error;
    const std::optional<RetentionPolicy> policy = configuredRetentionPolicy(&error);
    if (!policy)
        return context.fail(kUsageError, error);
    const std::optional<QJsonObject> statistics = RecordStatistics(session.database(), *policy).compute(&error);
    if (!statistics)
        return context.fail(kProcessingError, error);
    return context.printJson(*statistics);
}

} // namespace fg::cli
