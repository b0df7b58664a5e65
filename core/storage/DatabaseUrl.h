#pragma once

#include <QString>

#include <optional>

namespace fg {

// Where the records live, as given to --db:
//   sqlite:///absolute/path/facegate.db   (or sqlite:relative/path.db)
//   postgresql://user[:password]@host[:port]/database
// A PostgreSQL password may also come from PGPASSWORD or ~/.pgpass (libpq).
class DatabaseUrl {
public:
    enum class Backend { Sqlite, PostgreSql };

    static std::optional<DatabaseUrl> parse(const QString& text, QString* error);
    static DatabaseUrl sqliteFile(const QString& path);

    Backend backend() const { return m_backend; }
    bool isSqlite() const { return m_backend == Backend::Sqlite; }
    QString sqlitePath() const { return m_path; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString databaseName() const { return m_database; }

    // The URL without its password, for messages and logs.
    QString toDisplayString() const;

private:
    Backend m_backend = Backend::Sqlite;
    QString m_path;
    QString m_host;
    int m_port = 5432;
    QString m_user;
    QString m_password;
    QString m_database;
};

} // namespace fg
