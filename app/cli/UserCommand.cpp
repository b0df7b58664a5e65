#include "app/cli/UserCommand.h"

#include "app/cli/RecordsSession.h"
#include "app/cli/SecretInput.h"
#include "core/security/Authenticator.h"
#include "core/security/KeyStore.h"
#include "core/security/Role.h"
#include "core/security/SecureBuffer.h"
#include "core/security/UserStore.h"
#include "core/storage/Clock.h"
#include "core/storage/Database.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace fg::cli {
namespace {

const char* const kUsage =
    "usage: facegate-cli --db URL user (add NAME --role ROLE [--display-name TEXT] | list | disable NAME | "
    "enable NAME | unlock NAME | reset-totp NAME | set-role NAME --role ROLE) [--admin NAME [--code CODE]] "
    "[--key-file PATH] (passwords and codes are read from standard input; see facegate-cli --help)";

const char* const kNeverOnCommandLine = "(it is never taken from the command line)";

// The subcommands: the words they take after their own, and whether --role
// goes with them. Every one is done by a signed-in administrator (--admin),
// but the `add` of a database's first admin.
struct Action {
    const char* word;
    bool takesName;
    bool takesRole;
};
const Action kActions[] = {
    {"add", true, true},     {"list", false, false},       {"disable", true, false}, {"enable", true, false},
    {"unlock", true, false}, {"reset-totp", true, false}, {"set-role", true, true},
};

// What the command line asks for, checked before anything is read or opened.
struct Request {
    QString action;
    QString name; // the user concerned; empty for list
    std::optional<Role> role;
    QString displayName;
    QString keyFile;
    QString admin;               // --admin; empty for the first admin's add
    std::optional<QString> code; // --code; else read after the admin's password
};

bool isAdd(const Request& request)
{
    return request.action == QLatin1String("add");
}

// An authenticator code as typed: six digits, spaces allowed between them.
bool takeCode(QString typed, QString* code, QString* error)
{
    typed.remove(QLatin1Char(' '));
    bool digits = typed.size() == 6;
    for (const QChar c : typed)
        digits = digits && c >= QLatin1Char('0') && c <= QLatin1Char('9');
    if (!digits) {
        *error = QStringLiteral("the administrator's code must be the 6 digits their authenticator app shows");
        return false;
    }
    *code = typed;
    return true;
}

bool parseRequest(const QStringList& arguments, Request* request, QString* error)
{
    QCommandLineParser parser;
    const QCommandLineOption roleOption(QStringLiteral("role"), QStringLiteral("the user's role"), QStringLiteral("ROLE"));
    const QCommandLineOption displayNameOption(QStringLiteral("display-name"), QStringLiteral("the name shown"),
                                               QStringLiteral("TEXT"));
    const QCommandLineOption keyFileOption(QStringLiteral("key-file"), QStringLiteral("the key-encryption key file"),
                                           QStringLiteral("PATH"));
    const QCommandLineOption adminOption(QStringLiteral("admin"), QStringLiteral("the acting administrator"),
                                         QStringLiteral("NAME"));
    const QCommandLineOption codeOption(QStringLiteral("code"), QStringLiteral("the administrator's TOTP code"),
                                        QStringLiteral("CODE"));
    parser.addOptions({roleOption, displayNameOption, keyFileOption, adminOption, codeOption});
    if (!parser.parse(arguments)) {
        *error = parser.errorText() + QStringLiteral("; ") + QLatin1String(kUsage);
        return false;
    }
    const QStringList words = parser.positionalArguments();
    const Action* action = nullptr;
    for (const Action& candidate : kActions)
        if (!words.isEmpty() && words[0] == QLatin1String(candidate.word))
            action = &candidate;
    if (!action || words.size() != (action->takesName ? 2 : 1)) {
        *error = QLatin1String(kUsage);
        return false;
    }
    request->action = words[0];
    if (action->takesName) {
        request->name = words[1];
        if (!UserStore::isValidName(request->name, error))
            return false;
    }
    if (action->takesRole) {
        if (!parser.isSet(roleOption)) {
            *error = QStringLiteral("--role is required (one of %1)").arg(roleNames().join(QStringLiteral(", ")));
            return false;
        }
        request->role = roleFromName(parser.value(roleOption));
        if (!request->role) {
            *error = QStringLiteral("unknown role \"%1\" (expected one of %2)")
                         .arg(parser.value(roleOption), roleNames().join(QStringLiteral(", ")));
            return false;
        }
    } else if (parser.isSet(roleOption)) {
        *error = QStringLiteral("--role goes with user add and user set-role, not user %1").arg(request->action);
        return false;
    }
    if (parser.isSet(displayNameOption) && !isAdd(*request)) {
        *error = QStringLiteral("--display-name goes with user add, not user %1").arg(request->action);
        return false;
    }
    request->displayName = parser.value(displayNameOption).trimmed();
    request->keyFile = parser.value(keyFileOption);

    request->admin = parser.value(adminOption);
    if (request->admin.isEmpty() && !isAdd(*request)) {
        *error = QStringLiteral("user %1 is done by an administrator: name them with --admin NAME")
                     .arg(request->action);
        return false;
    }
    if (!request->admin.isEmpty() && !UserStore::isValidName(request->admin, error))
        return false;
    if (parser.isSet(codeOption)) {
        if (request->admin.isEmpty()) {
            *error = QStringLiteral("--code is the administrator's authenticator code: it goes with --admin NAME");
            return false;
        }
        QString code;
        if (!takeCode(parser.value(codeOption), &code, error))
            return false;
        request->code = code;
    }
    return true;
}

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

QJsonValue instantOrNull(const QDateTime& instant)
{
    return instant.isValid() ? QJsonValue(instant.toUTC().toString(Qt::ISODate)) : QJsonValue(QJsonValue::Null);
}

// An account as `user list` shows it: never a hash or a secret.
QJsonObject accountJson(const UserAccount& account, const QDateTime& now)
{
    return QJsonObject{
        {QStringLiteral("name"), account.name},
        {QStringLiteral("display_name"), account.displayName},
        {QStringLiteral("role"), roleName(account.role)},
        {QStringLiteral("disabled"), account.disabled},
        {QStringLiteral("locked_until"), instantOrNull(account.locked(now) ? account.lockedUntil : QDateTime())},
        {QStringLiteral("failed_attempts"), account.failedAttempts},
        {QStringLiteral("password_change_required"), account.passwordChangeRequired},
        {QStringLiteral("created_at"), instantOrNull(account.createdAt)},
        {QStringLiteral("created_by"), account.createdBy},
    };
}

QJsonObject addedJson(const UserStore::Added& added, bool firstAdmin)
{
    return QJsonObject{
        {QStringLiteral("id"), added.account.id},
        {QStringLiteral("name"), added.account.name},
        {QStringLiteral("role"), roleName(added.account.role)},
        {QStringLiteral("display_name"), added.account.displayName},
        {QStringLiteral("first_admin"), firstAdmin},
        {QStringLiteral("by"), added.account.createdBy},
        {QStringLiteral("totp_secret"), added.totpSecret},
        {QStringLiteral("totp_uri"), added.totpUri},
    };
}

SecretInput::Line newPasswordLine(const QString& name, const UserStore& users)
{
    return {QStringLiteral("Password for %1 (%2): ").arg(name, users.passwordPolicy().describe()),
            QStringLiteral("password for %1").arg(name), QLatin1String(kNeverOnCommandLine), true};
}

// The first admin of a database without users, added by the operator who has
// the database and its key ("cli:<login>"), as before there were administrators.
int addFirstAdmin(const Request& request, const UserStore& users, RecordsSession& session, CliContext& context)
{
    if (*request.role != Role::Admin)
        return context.fail(kUsageError, QStringLiteral("%1 has no users yet: the first user must be an admin "
                                                        "(--role admin), not %2")
                                             .arg(session.database().url().toDisplayString(), roleName(*request.role)));
    SecretInput input;
    ExitStatus status = kProcessingError;
    QString error;
    const std::optional<SecureBuffer> password =
        input.readNewPassword(newPasswordLine(request.name, users), &status, &error);
    if (!password)
        return context.fail(status, error);
    // The policy before the key: a refused password opens (or creates) nothing.
    if (!users.passwordPolicy().check(request.name, *password, &error))
        return context.fail(kProcessingError, error);
    KeyStore* keys = session.keys(request.keyFile, &error);
    if (!keys)
        return context.fail(kProcessingError, error);
    UserStore::Problem problem = UserStore::Problem::None;
    const std::optional<UserStore::Added> added = users.createFirstAdmin(request.name, request.displayName, *password,
                                                                         *keys, session.actor(), &error, &problem);
    if (!added)
        return context.fail(statusOf(problem), error);
    return context.printJson(addedJson(*added, true));
}

// The administrator of --admin, signed in as at the workstation (audited,
// locked out after failures, a used code refused) and allowed to manage
// users: an enabled admin who has no temporary password to replace. nullopt
// after setting *error, which never says which factor was wrong.
std::optional<UserAccount> signInAdministrator(const QString& name, const SecureBuffer& password, const QString& code,
                                               RecordsSession& session, const KeyStore& keys, QString* error)
{
    const std::optional<LockoutPolicy> lockout = configuredLockoutPolicy(error);
    if (!lockout)
        return std::nullopt;
    const Authenticator authenticator(session.database(), session.audit(), keys, session.clock(), *lockout);
    const Authenticator::Result result = authenticator.signIn(name, password, code);
    if (result.status == Authenticator::Result::Status::Error) {
        *error = result.reason;
        return std::nullopt;
    }
    if (!result.signedIn()) {
        *error = QStringLiteral("administrator %1 is not signed in: %2; nothing was changed").arg(name, result.reason);
        return std::nullopt;
    }
    const UserAccount& account = *result.user;
    if (account.disabled) {
        *error = QStringLiteral("the account %1 is disabled; nothing was changed").arg(account.name);
        return std::nullopt;
    }
    if (account.role != Role::Admin) {
        *error = QStringLiteral("%1 is not an administrator (role %2): only an admin manages users; nothing was "
                                "changed")
                     .arg(account.name, roleName(account.role));
        return std::nullopt;
    }
    if (account.passwordChangeRequired) {
        *error = QStringLiteral("%1 has a temporary password: change your password at the workstation first; nothing "
                                "was changed")
                     .arg(account.name);
        return std::nullopt;
    }
    return account;
}

// The change itself, by the signed-in administrator `actor`.
int administer(const Request& request, const QString& actor, const std::optional<SecureBuffer>& newPassword,
               const UserStore& users, const KeyStore& keys, RecordsSession& session, CliContext& context)
{
    QString error;
    UserStore::Problem problem = UserStore::Problem::Failed;
    QJsonObject result{{QStringLiteral("action"), request.action},
                       {QStringLiteral("name"), request.name},
                       {QStringLiteral("by"), actor}};
    const QString& action = request.action;
    if (action == QLatin1String("list")) {
        const std::optional<std::vector<UserAccount>> accounts = users.list(&error);
        if (!accounts)
            return context.fail(kProcessingError, error);
        QJsonArray rows;
        for (const UserAccount& account : *accounts)
            rows.append(accountJson(account, session.clock().now()));
        return context.printJson(QJsonObject{{QStringLiteral("users"), rows}});
    }
    if (action == QLatin1String("add")) {
        const std::optional<UserStore::Added> added =
            users.add({request.name, *request.role, request.displayName}, *newPassword, keys, actor, &error, &problem);
        if (!added)
            return context.fail(statusOf(problem), error);
        return context.printJson(addedJson(*added, false));
    }
    if (action == QLatin1String("disable") || action == QLatin1String("enable")) {
        const bool disabled = action == QLatin1String("disable");
        if (!users.setDisabled(request.name, disabled, actor, &error, &problem))
            return context.fail(statusOf(problem), error);
        result.insert(QStringLiteral("disabled"), disabled);
    } else if (action == QLatin1String("unlock")) {
        if (!users.unlock(request.name, actor, &error, &problem))
            return context.fail(statusOf(problem), error);
        result.insert(QStringLiteral("failed_attempts"), 0);
        result.insert(QStringLiteral("locked_until"), QJsonValue(QJsonValue::Null));
    } else if (action == QLatin1String("set-role")) {
        std::optional<UserAccount> before;
        if (!users.find(request.name, &before, &error))
            return context.fail(kProcessingError, error);
        if (!users.setRole(request.name, *request.role, actor, &error, &problem))
            return context.fail(statusOf(problem), error);
        result.insert(QStringLiteral("previous_role"), before ? roleName(before->role) : QString());
        result.insert(QStringLiteral("role"), roleName(*request.role));
    } else if (action == QLatin1String("reset-totp")) {
        const std::optional<UserStore::Added> enrolment = users.resetTotp(request.name, keys, actor, &error, &problem);
        if (!enrolment)
            return context.fail(statusOf(problem), error);
        result.insert(QStringLiteral("totp_secret"), enrolment->totpSecret);
        result.insert(QStringLiteral("totp_uri"), enrolment->totpUri);
    }
    return context.printJson(result);
}

} // namespace

int runUserCommand(const QStringList& arguments, RecordsSession& session, CliContext& context)
{
    Request request;
    QString error;
    if (!parseRequest(arguments, &request, &error))
        return context.fail(kUsageError, error);

    UserStore users(session.database(), session.audit());
    const std::optional<bool> hasUsers = users.hasUsers(&error);
    if (!hasUsers)
        return context.fail(kProcessingError, error);
    if (request.admin.isEmpty()) { // an add: parseRequest wants --admin for the rest
        if (*hasUsers)
            return context.fail(kUsageError, QStringLiteral("this database has users: name the administrator who "
                                                            "adds this one (--admin NAME)"));
        return addFirstAdmin(request, users, session, context);
    }
    if (!*hasUsers)
        return context.fail(kUsageError, QStringLiteral("%1 has no users yet, so no administrator: add the first admin "
                                                        "with user add NAME --role admin, without --admin")
                                             .arg(session.database().url().toDisplayString()));

    // Standard input, in order: the administrator's password, their code
    // (unless --code), and for add the new user's password.
    SecretInput input;
    ExitStatus status = kProcessingError;
    const std::optional<SecureBuffer> adminPassword =
        input.read({QStringLiteral("Password of administrator %1: ").arg(request.admin),
                    QStringLiteral("password of administrator %1").arg(request.admin),
                    QLatin1String(kNeverOnCommandLine), true},
                   &status, &error);
    if (!adminPassword)
        return context.fail(status, error);
    QString code;
    if (request.code) {
        code = *request.code;
    } else {
        const std::optional<SecureBuffer> typed =
            input.read({QStringLiteral("Authenticator code of %1: ").arg(request.admin),
                        QStringLiteral("authenticator code of administrator %1").arg(request.admin),
                        QStringLiteral("(or pass --code CODE)"), false},
                       &status, &error);
        if (!typed)
            return context.fail(status, error);
        if (!takeCode(QString::fromUtf8(typed->view()), &code, &error))
            return context.fail(kUsageError, error);
    }
    std::optional<SecureBuffer> newPassword;
    if (isAdd(request)) {
        newPassword = input.readNewPassword(newPasswordLine(request.name, users), &status, &error);
        if (!newPassword)
            return context.fail(status, error);
        // The policy before the sign-in: a refused password spends no code.
        if (!users.passwordPolicy().check(request.name, *newPassword, &error))
            return context.fail(kProcessingError, error);
    }

    KeyStore* keys = session.keys(request.keyFile, &error);
    if (!keys)
        return context.fail(kProcessingError, error);
    const std::optional<UserAccount> admin =
        signInAdministrator(request.admin, *adminPassword, code, session, *keys, &error);
    if (!admin)
        return context.fail(kProcessingError, error);
    // The administrator is the actor of the change; the login that ran the CLI
    // is its details' "via".
    users.setVia(session.actor());
    return administer(request, admin->actor(), newPassword, users, *keys, session, context);
}

} // namespace fg::cli
