#include "core/storage/DatabaseUrl.h"

#include <QDir>
#include <QUrl>
#include <QUrlQuery>

namespace fg {
namespace {

// The URL as it may be quoted in an error: its password (between the user
// name's ':' and the last '@', whatever it holds) replaced by ***.
QString withoutPassword(const QString& text)
{
    const qsizetype scheme = text.indexOf(QLatin1String("://"));
    if (scheme < 0)
        return text;
    const qsizetype start = scheme + 3;
    const qsizetype at = text.lastIndexOf(QLatin1Char('@'));
    if (at < start)
        return text;
    const qsizetype colon = text.indexOf(QLatin1Char(':'), start);
    if (colon < 0 || colon > at)
        return text;
    return text.left(colon + 1) + QLatin1String("***") + text.mid(at);
}

// An IPv4 address in 127.0.0.0/8.
bool isLoopbackIpv4(const QString& host)
{
    const QStringList parts = host.split(QLatin1Char('.'));
    if (parts.size() != 4)
        return false;
    for (const QString& part : parts) {
        bool ok = false;
        const uint number = part.toUInt(&ok);
        if (!ok || number > 255)
            return false;
    }
    return parts.first().toUInt() == 127;
}

// What a parameter's value must be, or empty when it is fine.
QString parameterProblem(const QString& name, const QString& value)
{
    if (value.isEmpty())
        return QStringLiteral("%1 is empty").arg(name);
    if (name == QLatin1String("sslmode")) {
        if (!DatabaseUrl::sslModes().contains(value))
            return QStringLiteral("sslmode=%1 is not one of %2")
                .arg(value, DatabaseUrl::sslModes().join(QStringLiteral(", ")));
        return {};
    }
    if (name == QLatin1String("hostaddr")) {
        for (const QChar c : value) {
            if (!c.isDigit() && !(c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f'))
                && c != QLatin1Char('.') && c != QLatin1Char(':'))
                return QStringLiteral("hostaddr=%1 is not an IP address").arg(value);
        }
        return {};
    }
    // QPSQL turns every ';' of its options into a space, even inside quotes.
    if (value.contains(QLatin1Char(';')))
        return QStringLiteral("%1=%2 holds a ';', which cannot be passed to PostgreSQL's driver; rename the file")
            .arg(name, value);
    return {};
}

QString absolutePath(const QString& path)
{
    return QDir::cleanPath(QDir::current().absoluteFilePath(path));
}

} // namespace

const QStringList& DatabaseUrl::sslModes()
{
    static const QStringList modes = {QStringLiteral("disable"), QStringLiteral("allow"),
                                      QStringLiteral("prefer"),  QStringLiteral("require"),
                                      QStringLiteral("verify-ca"), QStringLiteral("verify-full")};
    return modes;
}

const QStringList& DatabaseUrl::parameterNames()
{
    static const QStringList names = {QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),
                                      QStringLiteral("sslcert"), QStringLiteral("sslkey"),
                                      QStringLiteral("hostaddr")};
    return names;
}

std::optional<DatabaseUrl> DatabaseUrl::parse(const QString& text, QString* error)
{
    // Errors quote the URL without its password: they go to logs and dialogs.
    const QString shown = withoutPassword(text);
    const QString sqlitePrefix = QStringLiteral("sqlite:");
    if (text.startsWith(sqlitePrefix)) {
        QString path = text.mid(sqlitePrefix.size());
        if (path.startsWith(QLatin1String("//")))
            path = path.mid(2); // sqlite:///abs/path -> /abs/path
        if (path.isEmpty()) {
            *error = QStringLiteral("database URL \"%1\" names no file (expected sqlite:///path/facegate.db)").arg(text);
            return std::nullopt;
        }
        return sqliteFile(path);
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (scheme != QLatin1String("postgresql") && scheme != QLatin1String("postgres")) {
        *error = QStringLiteral("database URL \"%1\" is neither sqlite:///PATH nor postgresql://USER@HOST:PORT/DB")
                     .arg(shown);
        return std::nullopt;
    }
    if (!url.isValid() || url.host().isEmpty()) {
        *error = QStringLiteral("database URL \"%1\" has no host (expected postgresql://USER@HOST:PORT/DB)").arg(shown);
        return std::nullopt;
    }
    const QString database = url.path().mid(1);
    if (database.isEmpty() || database.contains(QLatin1Char('/'))) {
        *error = QStringLiteral("database URL \"%1\" names no database (expected postgresql://USER@HOST:PORT/DB)")
                     .arg(shown);
        return std::nullopt;
    }
    DatabaseUrl result;
    result.m_backend = Backend::PostgreSql;
    result.m_host = url.host();
    result.m_port = url.port(5432);
    result.m_user = url.userName();
    result.m_password = url.password();
    result.m_database = database;

    // The query is not quoted whole (a "password" parameter would be): only
    // the names of unknown parameters, and a known one's wrong value.
    const QString shownHere = withoutPassword(url.toString(QUrl::RemoveQuery));
    const QUrlQuery query(url);
    QStringList unknown;
    QStringList seen;
    const auto items = query.queryItems(QUrl::FullyDecoded);
    for (const auto& [name, value] : items) {
        if (!parameterNames().contains(name)) {
            if (!unknown.contains(name))
                unknown.append(name);
            continue;
        }
        if (seen.contains(name)) {
            *error = QStringLiteral("database URL \"%1\" gives %2 twice").arg(shownHere, name);
            return std::nullopt;
        }
        seen.append(name);
        const QString problem = parameterProblem(name, value);
        if (!problem.isEmpty()) {
            *error = QStringLiteral("database URL \"%1\": %2").arg(shownHere, problem);
            return std::nullopt;
        }
        if (name == QLatin1String("sslmode"))
            result.m_sslMode = value;
        else if (name == QLatin1String("hostaddr"))
            result.m_hostAddress = value;
        else if (name == QLatin1String("sslrootcert"))
            result.m_sslRootCert = absolutePath(value);
        else if (name == QLatin1String("sslcert"))
            result.m_sslCert = absolutePath(value);
        else
            result.m_sslKey = absolutePath(value);
    }
    if (!unknown.isEmpty()) {
        *error = QStringLiteral("database URL \"%1\" has unknown parameter%2 %3 (known: %4)")
                     .arg(shownHere, unknown.size() > 1 ? QStringLiteral("s") : QString(),
                          unknown.join(QStringLiteral(", ")), parameterNames().join(QStringLiteral(", ")));
        return std::nullopt;
    }
    return result;
}

bool DatabaseUrl::isLoopback() const
{
    if (m_backend == Backend::Sqlite)
        return true;
    const QString host = m_host.toLower();
    return host == QLatin1String("localhost") || host == QLatin1String("::1") || host.startsWith(QLatin1Char('/'))
           || isLoopbackIpv4(host);
}

QString DatabaseUrl::effectiveSslMode() const
{
    if (!m_sslMode.isEmpty())
        return m_sslMode;
    if (!isLoopback() || !m_sslRootCert.isEmpty())
        return QStringLiteral("verify-full");
    return {};
}

QString DatabaseUrl::weakTlsWarning() const
{
    if (m_backend == Backend::Sqlite || isLoopback() || m_sslMode.isEmpty()
        || sslModes().indexOf(m_sslMode) >= sslModes().indexOf(QStringLiteral("verify-ca")))
        return {};
    const bool mayBePlain = m_sslMode != QLatin1String("require");
    return QStringLiteral("%1: sslmode=%2 for a host that is not loopback: %3the server's certificate is not verified, "
                          "so whoever can reach the network path can pose as the server; use sslmode=verify-full "
                          "with sslrootcert")
        .arg(toDisplayString(), m_sslMode,
             mayBePlain ? QStringLiteral("the connection may not even be encrypted, and ") : QString());
}

DatabaseUrl DatabaseUrl::sqliteFile(const QString& path)
{
    DatabaseUrl result;
    result.m_backend = Backend::Sqlite;
    result.m_path = QDir::cleanPath(QDir::current().absoluteFilePath(path));
    return result;
}

QString DatabaseUrl::toDisplayString() const
{
    if (m_backend == Backend::Sqlite)
        return QStringLiteral("sqlite://") + m_path;
    const QString user = m_user.isEmpty() ? QString() : m_user + QLatin1Char('@');
    return QStringLiteral("postgresql://%1%2:%3/%4").arg(user, m_host).arg(m_port).arg(m_database);
}

} // namespace fg
