#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace fg {

// Where the records live, as given to --db:
//   sqlite:///absolute/path/facegate.db   (or sqlite:relative/path.db)
//   postgresql://user[:password]@host[:port]/database[?parameters]
// A PostgreSQL password may also come from PGPASSWORD or ~/.pgpass (libpq).
// The parameters known (issue 18: encryption in transit), each at most once:
//   sslmode      disable | allow | prefer | require | verify-ca | verify-full
//   sslrootcert  the CA (PEM) that signed the server's certificate
//   sslcert      the client certificate (PEM), sslkey its private key (0600)
//   hostaddr     the IP address to connect to; the certificate is then
//                checked against host (a name), not this address
// Any other parameter, an unknown sslmode or a path with ';' (QPSQL cannot
// pass one) is refused with an error naming it. Paths are made absolute.
class DatabaseUrl {
public:
    enum class Backend { Sqlite, PostgreSql };

    static std::optional<DatabaseUrl> parse(const QString& text, QString* error);
    static DatabaseUrl sqliteFile(const QString& path);
    // The sslmode values libpq knows, weakest first.
    static const QStringList& sslModes();
    // The URL parameters known.
    static const QStringList& parameterNames();

    Backend backend() const { return m_backend; }
    bool isSqlite() const { return m_backend == Backend::Sqlite; }
    QString sqlitePath() const { return m_path; }
    QString host() const { return m_host; }
    int port() const { return m_port; }
    QString user() const { return m_user; }
    QString password() const { return m_password; }
    QString databaseName() const { return m_database; }
    QString hostAddress() const { return m_hostAddress; } // hostaddr; empty: host is resolved
    QString sslMode() const { return m_sslMode; }         // as given; empty: not given
    QString sslRootCert() const { return m_sslRootCert; }
    QString sslCert() const { return m_sslCert; }
    QString sslKey() const { return m_sslKey; }

    // 127.0.0.0/8, ::1, localhost, or a Unix socket folder (a host starting with /).
    bool isLoopback() const;
    // The sslmode the connection asks libpq for: the one given; else
    // verify-full for a host that is not loopback, or when a sslrootcert is
    // given; else empty: libpq's own default (prefer, or $PGSSLMODE).
    QString effectiveSslMode() const;
    // For a host that is not loopback with an sslmode given that does not
    // verify the server (disable, allow, prefer, require): what that means,
    // for the log. Empty otherwise.
    QString weakTlsWarning() const;

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
    QString m_hostAddress;
    QString m_sslMode;
    QString m_sslRootCert;
    QString m_sslCert;
    QString m_sslKey;
};

} // namespace fg
