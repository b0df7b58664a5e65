#include "app/cli/UserCommand.h"

#include "app/cli/RecordsSession.h"
#include "app/cli/SecretInput.h"
#include "core/security/KeyStore.h"
#include "core/security/Role.h"
#include "core/security/SecureBuffer.h"
#include "core/security/UserStore.h"
#include "core/storage/Database.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <optional>

namespace fg::cli {
namespace {

const char* const kUsage = "usage: facegate-cli --db URL user add NAME --role ROLE [--display-name TEXT] "
                           "[--key-file PATH] (the password is read from standard input)";

ExitStatus statusOf(UserStore::Problem problem)
{
    switch (problem) {
    case UserStore::Problem::InvalidName:
    case UserStore::Problem::FirstMustBeAdmin:
        return kUsageError;
    case UserStore::Problem::None:
    case UserStore::Problem::WeakPassword:
    case UserStore::Problem::NameTaken:
    case UserStore::Problem::NotFirstUser:
    case UserStore::Problem::NoSuchUser:
    case UserStore::Problem::LastAdmin:
    case UserStore::Problem::SamePassword:
    case UserStore::Problem::Failed:
        break;
    }
    return kProcessingError;
}

} // namespace

int runUserCommand(const QStringList& arguments, RecordsSession& session, CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption roleOption(QStringLiteral("role"), QStringLiteral("the user's role"), QStringLiteral("ROLE"));
    const QCommandLineOption displayNameOption(QStringLiteral("display-name"), QStringLiteral("the name shown"),
                                               QStringLiteral("TEXT"));
    const QCommandLineOption keyFileOption(QStringLiteral("key-file"), QStringLiteral("the key-encryption key file"),
                                           QStringLiteral("PATH"));
    const QCommandLineOption nowOption(QStringLiteral("now"), QStringLiteral("the session's clock (ISO 8601)"),
                                       QStringLiteral("ISO8601"));
    parser.addOptions({roleOption, displayNameOption, keyFileOption, nowOption});
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText() + QStringLiteral("; ") + QLatin1String(kUsage));
    const QStringList words = parser.positionalArguments();
    if (words.size() != 2 || words[0] != QLatin1String("add"))
        return context.fail(kUsageError, QLatin1String(kUsage));
    const QString name = words[1];
    if (!parser.isSet(roleOption))
        return context.fail(kUsageError, QStringLiteral("--role is required (one of %1)")
                                             .arg(roleNames().join(QStringLiteral(", "))));
    const std::optional<Role> role = roleFromName(parser.value(roleOption));
    if (!role)
        return context.fail(kUsageError, QStringLiteral("unknown role \"%1\" (expected one of %2)")
                                             .arg(parser.value(roleOption), roleNames().join(QStringLiteral(", "))));
    QString error;
    if (!UserStore::isValidName(name, &error))
        return context.fail(kUsageError, error);

    const UserStore users(session.database(), session.audit());
    const std::optional<bool> hasUsers = users.hasUsers(&error);
    if (!hasUsers)
        return context.fail(kProcessingError, error);
    if (!*hasUsers && *role != Role::Admin)
        return context.fail(kUsageError, QStringLiteral("%1 has no users yet: the first user must be an admin "
                                                        "(--role admin), not %2")
                                             .arg(session.database().url().toDisplayString(), roleName(*role)));

    ExitStatus status = kProcessingError;
    SecretInput input;
    const std::optional<SecureBuffer> password =
        input.readNewPassword({QStringLiteral("Password for %1 (%2): ").arg(name, users.passwordPolicy().describe()),
                               QStringLiteral("password for %1").arg(name),
                               QStringLiteral("(it is never taken from the command line)"), true},
                              &status, &error);
    if (!password)
        return context.fail(status, error);
    // The policy before the key: a refused password opens (or creates) nothing.
    if (!users.passwordPolicy().check(name, *password, &error))
        return context.fail(kProcessingError, error);
    KeyStore* keys = session.keys(parser.value(keyFileOption), &error);
    if (!keys)
        return context.fail(kProcessingError, error);

    UserStore::Problem problem = UserStore::Problem::None;
    const QString displayName = parser.value(displayNameOption).trimmed();
    const std::optional<UserStore::Added> added =
        *hasUsers ? users.add({name, *role, displayName}, *password, *keys, session.actor(), &error, &problem)
                  : users.createFirstAdmin(name, displayName, *password, *keys, session.actor(), &error, &problem);
    if (!added)
        return context.fail(statusOf(problem), error);
    return context.printJson(QJsonObject{
        {QStringLiteral("id"), added->account.id},
        {QStringLiteral("name"), added->account.name},
        {QStringLiteral("role"), roleName(added->account.role)},
        {QStringLiteral("display_name"), added->account.displayName},
        {QStringLiteral("first_admin"), !*hasUsers},
        {QStringLiteral("totp_secret"), added->totpSecret},
        {QStringLiteral("totp_uri"), added->totpUri},
    });
}

} // namespace fg::cli
