#include "app/cli/PurgeCommand.h"

#include "app/cli/RecordsSession.h"
#include "core/config/Settings.h"
#include "core/storage/Clock.h"
#include "core/storage/FixedClock.h"
#include "core/workflow/Purger.h"
#include "core/workflow/RetentionPolicy.h"

#include <QCommandLineParser>

namespace fg::cli {

std::optional<QDateTime> parseInstant(const QString& text, const QString& option, QString* error)
{
    const QDateTime instant = QDateTime::fromString(text.trimmed(), Qt::ISODateWithMs);
    if (!instant.isValid() || !text.contains(QLatin1Char('T'))) {
        *error = QStringLiteral("%1 \"%2\" is not an ISO 8601 date and time (expected e.g. 2026-11-26T09:00:00Z)")
                     .arg(option, text);
        return std::nullopt;
    }
    if (instant.timeSpec() == Qt::LocalTime) {
        *error = QStringLiteral("%1 \"%2\" has no time zone: add Z or an offset such as +02:00").arg(option, text);
        return std::nullopt;
    }
    return instant.toUTC();
}

bool sessionInstant(const QStringList& words, std::optional<QDateTime>* now, QString* error)
{
    now->reset();
    for (qsizetype i = 0; i < words.size(); ++i) {
        QString value;
        if (words[i] == QLatin1String("--now")) {
            if (i + 1 >= words.size()) {
                *error = QStringLiteral("--now needs a value (ISO 8601 with a zone)");
                return false;
            }
            value = words[i + 1];
        } else if (words[i].startsWith(QLatin1String("--now="))) {
            value = words[i].mid(6);
        } else {
            continue;
        }
        *now = parseInstant(value, QStringLiteral("--now"), error);
        return now->has_value();
    }
    return true;
}

int runPurgeCommand(const QStringList& arguments, RecordsSession& session, CliContext& context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("now"), QStringLiteral("a drill: purge as of this instant (ISO 8601 with a zone); recorded at the real time"),
                      QStringLiteral("ISO8601")});
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    if (!parser.positionalArguments().isEmpty())
        return context.fail(kUsageError, QStringLiteral("usage: facegate-cli --db URL purge [--now ISO8601] "
                                                        "(unexpected \"%1\")")
                                             .arg(parser.positionalArguments().join(QLatin1Char(' '))));
    QString error;
    // A drill: purged as of --now, recorded at the real time (Purger::setDrill).
    std::optional<FixedClock> drillClock;
    if (parser.isSet(QStringLiteral("now"))) {
        const std::optional<QDateTime> now = parseInstant(parser.value(QStringLiteral("now")), QStringLiteral("--now"), &error);
        if (!now)
            return context.fail(kUsageError, error);
        drillClock.emplace(*now);
    }
    const std::optional<RetentionPolicy> policy = configuredRetentionPolicy(&error);
    if (!policy)
        return context.fail(kUsageError, error);

    Purger purger(session.database(), session.audit(),
                  drillClock ? static_cast<const Clock&>(*drillClock) : session.clock(), *policy, session.actor());
    purger.setDrill(drillClock.has_value());
    const std::optional<PurgeReport> report = purger.purge(&error);
    if (!report)
        return context.fail(kProcessingError, error);
    QJsonObject json = report->toJson();
    QJsonObject keep;
    for (const RetentionPolicy::Rule rule : RetentionPolicy::kRules)
        keep.insert(RetentionPolicy::ruleName(rule), policy->keepSeconds(rule));
    json.insert(QStringLiteral("keep_seconds"), keep);
    context.printJson(json);
    if (!report->reclaimed)
        return context.fail(kProcessingError, QStringLiteral("the deleted records' pages were not reclaimed: %1")
                                                  .arg(report->reclaimError));
    if (!report->checkpointError.isEmpty())
        return context.fail(kProcessingError, QStringLiteral("the audit log's checkpoint was not written: %1")
                                                  .arg(report->checkpointError));
    return kSuccess;
}

} // namespace fg::cli
