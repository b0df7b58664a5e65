#include "app/cli/RecordsSession.h"

#include "app/cli/AuditCommand.h"
#include "app/cli/EncounterCommand.h"
#include "app/cli/KeyCommand.h"
#include "app/cli/PurgeCommand.h"
#include "app/cli/StatsCommand.h"
#include "app/cli/UserCommand.h"
#include "core/storage/SystemClock.h"

#include <functional>
#include <map>

namespace fg::cli {

int runRecordsCommand(const QStringList& arguments, CliContext& context)
{
    // arguments: facegate-cli --db URL SUBCOMMAND [...]
    if (arguments.size() < 4)
        return context.fail(kUsageError, QStringLiteral("usage: facegate-cli --db URL (purge | audit verify | stats | "
                                                        "encounter add ... | user (add | list | disable | enable | "
                                                        "unlock | reset-totp | set-role) ... | key rotate ...)"));
    struct Command {
        bool readOnly;
        std::function<int(const QStringList&, RecordsSession&, CliContext&)> run;
    };
    // Each subcommand gets its words from SUBCOMMAND on, after the program name.
    const std::map<QString, Command> commands = {
        {QStringLiteral("purge"), {false, runPurgeCommand}},
        {QStringLiteral("audit"), {true, runAuditCommand}},
        {QStringLiteral("stats"), {true, runStatsCommand}},
        {QStringLiteral("encounter"), {false, runEncounterCommand}},
        {QStringLiteral("user"), {false, runUserCommand}},
        {QStringLiteral("key"), {false, runKeyCommand}},
    };
    const QString name = arguments[3];
    const auto command = commands.find(name);
    if (command == commands.end())
        return context.fail(kUsageError, QStringLiteral("unknown records subcommand \"%1\" (expected purge, audit, "
                                                        "stats, encounter, user or key)")
                                             .arg(name));
    ExitStatus status = kSuccess;
    QString error;
    // `--now ISO8601` is a purge drill's and nothing else's: every other
    // subcommand writes audit events, and those carry the real time.
    std::optional<QDateTime> fixedNow;
    if (!sessionInstant(arguments.mid(4), &fixedNow, &error))
        return context.fail(kUsageError, error);
    if (fixedNow && name != QLatin1String("purge"))
        return context.fail(kUsageError, QStringLiteral("--now is only for purge drills (facegate-cli --db URL purge "
                                                        "--now ISO8601): %1 records on the real clock")
                                             .arg(name));
    const SystemClock clock;
    std::unique_ptr<RecordsSession> session =
        RecordsSession::open(arguments[2], command->second.readOnly, clock, &status, &error);
    if (!session)
        return context.fail(status, error);
    QStringList rest = arguments.mid(3);
    rest[0] = arguments[0] + QStringLiteral(" --db URL ") + name;
    return command->second.run(rest, *session, context);
}

} // namespace fg::cli
