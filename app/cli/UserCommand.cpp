#include "app/cli/UserCommand.h"

#include "app/cli/RecordsSession.h"
#include "core/security/KeyStore.h"
#include "core/security/Role.h"
#include "core/security/SecureBuffer.h"
#include "core/security/UserStore.h"
#include "core/storage/Database.h"

#include <QCommandLineParser>
#include <QJsonObject>

#include <cstdio>
#include <optional>

#include <termios.h>
#include <unistd.h>

namespace fg::cli {
namespace {

const qsizetype kMaxLineBytes = 4096;

const char* const kUsage = "usage: facegate-cli --db URL user add NAME --role ROLE [--display-name TEXT] "
                           "[--key-file PATH] (the password is read from standard input)";

// Turns the terminal's echo off for as long as it lives.
class EchoOff {
public:
    EchoOff()
    {
        if (::tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~EchoOff()
    {
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

enum class LineResult { Line, EndOfInput, TooLong, Failed };

// One line of standard input, without its end (\n or \r\n), read byte by
// byte into a buffer allocated once, so no stray copy of it is left behind;
// the buffer is wiped when the SecureBuffer takes it.
LineResult readSecretLine(std::optional<SecureBuffer>* line)
{
    QByteArray bytes(kMaxLineBytes, '\0');
    qsizetype size = 0;
    bool sawAnything = false;
    LineResult result = LineResult::Line;
    for (;;) {
        char c = 0;
        const ssize_t got = ::read(STDIN_FILENO, &c, 1);
        if (got < 0) {
            result = LineResult::Failed;
            break;
        }
        if (got == 0) {
            if (!sawAnything)
                result = LineResult::EndOfInput;
            break;
        }
        sawAnything = true;
        if (c == '\n')
            break;
        if (size == kMaxLineBytes) {
            result = LineResult::TooLong;
            break;
        }
        bytes[size++] = c;
    }
    if (size > 0 && bytes[size - 1] == '\r')
        --size;
    if (result != LineResult::Line) {
        SecureBuffer wiped = SecureBuffer::fromBytes(std::move(bytes));
        return result;
    }
    bytes.truncate(size);
    *line = SecureBuffer::fromBytes(std::move(bytes));
    return result;
}

// The password: the first line of stdin, or on a terminal asked twice without echo.
std::optional<SecureBuffer> readPassword(const QString& name, const QString& rules, ExitStatus* status, QString* error)
{
    *status = kProcessingError;
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    const auto ask = [&](const QString& prompt, std::optional<SecureBuffer>* line) {
        if (!terminal)
            return readSecretLine(line);
        std::fputs(qPrintable(prompt), stderr);
        std::fflush(stderr);
        const EchoOff echoOff;
        const LineResult result = readSecretLine(line);
        std::fputs("\n", stderr);
        return result;
    };
    std::optional<SecureBuffer> first;
    LineResult result = ask(QStringLiteral("Password for %1 (%2): ").arg(name, rules), &first);
    if (result == LineResult::Line && terminal) {
        std::optional<SecureBuffer> again;
        result = ask(QStringLiteral("The same password again: "), &again);
        if (result == LineResult::Line && first->view() != again->view()) {
            *error = QStringLiteral("the two passwords differ; nothing was changed");
            return std::nullopt;
        }
    }
    switch (result) {
    case LineResult::Line:
        return first;
    case LineResult::EndOfInput:
        *status = kUsageError;
        *error = QStringLiteral("no password: write it as the first line of standard input (it is never taken from "
                                "the command line)");
        return std::nullopt;
    case LineResult::TooLong:
        *error = QStringLiteral("the password line is longer than %1 bytes").arg(kMaxLineBytes);
        return std::nullopt;
    case LineResult::Failed:
        break;
    }
    *error = QStringLiteral("the password could not be read from standard input");
    return std::nullopt;
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
    const std::optional<SecureBuffer> password = readPassword(name, users.passwordPolicy().describe(), &status, &error);
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
