#include "core/storage/DatabaseUrl.h"

#include <QDir>
#include <QUrl>

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

} // namespace

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
    return result;
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
