#include "tests/support/TestDatabase.h"

#include "core/storage/PostgresTls.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>

namespace fg::test {
namespace {

// Runs one statement on the server's maintenance connection (not in a transaction:
// CREATE/DROP DATABASE refuse one).
bool adminExec(const DatabaseUrl& url, const QString& sql, QString* error)
{
    static QAtomicInt counter;
    const QString name = QStringLiteral("facegate-test-admin-%1").arg(counter.fetchAndAddRelaxed(1));
    bool ok = false;
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        admin.setHostName(url.host());
        admin.setPort(url.port());
        admin.setUserName(url.user());
        admin.setPassword(url.password());
        admin.setDatabaseName(url.databaseName());
        admin.setConnectOptions(PostgresTls::connectOptions(url)); // encrypted as the URL says
        if (!admin.open()) {
            *error = QStringLiteral("cannot connect to %1: %2")
                         .arg(url.toDisplayString(), PostgresTls::explainFailure(url, admin.lastError().text()));
        } else {
            QSqlQuery query(admin);
            ok = query.exec(sql);
            if (!ok)
                *error = QStringLiteral("%1: %2").arg(sql, query.lastError().text());
        }
        admin.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

QString TestDatabase::backendName()
{
    const QString backend = qEnvironmentVariable("FACEGATE_TEST_BACKEND");
    return backend.isEmpty() ? QStringLiteral("sqlite") : backend;
}

TestDatabase::TestDatabase()
{
    if (backendName() == QLatin1String("sqlite")) {
        m_url = DatabaseUrl::sqliteFile(m_scratch.filePath(QStringLiteral("facegate.db")));
        m_urlText = QStringLiteral("sqlite://") + m_url.sqlitePath();
        return;
    }
    if (backendName() != QLatin1String("postgresql")) {
        m_error = QStringLiteral("FACEGATE_TEST_BACKEND is \"%1\"; expected sqlite or postgresql").arg(backendName());
        return;
    }
    m_adminUrlText = qEnvironmentVariable("FACEGATE_TEST_POSTGRESQL_URL");
    if (m_adminUrlText.isEmpty()) {
        m_error = QStringLiteral("FACEGATE_TEST_POSTGRESQL_URL is not set: run `bash installer/setup.sh test`, which "
                                 "starts a throw-away PostgreSQL server, or point it at one "
                                 "(postgresql://USER@127.0.0.1:PORT/DB, a role that may CREATE DATABASE)");
        return;
    }
    const std::optional<DatabaseUrl> admin = DatabaseUrl::parse(m_adminUrlText, &m_error);
    if (!admin)
        return;
    static QAtomicInt counter;
    m_databaseName = QStringLiteral("facegate_t%1_%2").arg(QCoreApplication::applicationPid()).arg(counter.fetchAndAddRelaxed(1));
    if (!adminExec(*admin, QStringLiteral("CREATE DATABASE %1").arg(m_databaseName), &m_error)) {
        m_databaseName.clear();
        return;
    }
    // The server's URL with the new database: its TLS parameters are kept.
    QUrl perTest(m_adminUrlText, QUrl::StrictMode);
    perTest.setPath(QLatin1Char('/') + m_databaseName);
    m_urlText = perTest.toString(QUrl::FullyEncoded);
    m_url = *DatabaseUrl::parse(m_urlText, &m_error);
}

TestDatabase::~TestDatabase()
{
    if (m_databaseName.isEmpty())
        return;
    QString ignored;
    if (const std::optional<DatabaseUrl> admin = DatabaseUrl::parse(m_adminUrlText, &ignored))
        adminExec(*admin, QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_databaseName), &ignored);
}

std::unique_ptr<Database> TestDatabase::openAsSuperuser(QString* error) const
{
    if (m_url.isSqlite()) {
        *error = QStringLiteral("an SQLite file has no superuser");
        return nullptr;
    }
    QUrl url(m_urlText);
    const QString superuser = qEnvironmentVariable("FACEGATE_TEST_POSTGRESQL_SUPERUSER", QStringLiteral("postgres"));
    url.setUserName(superuser);
    url.setPassword(QString());
    const std::optional<DatabaseUrl> parsed = DatabaseUrl::parse(url.toString(), error);
    if (!parsed)
        return nullptr;
    DatabaseOptions options;
    options.readOnly = true;
    return Database::open(*parsed, error, options);
}

bool TestDatabase::isReady(QString* why) const
{
    if (!m_scratch.isValid())
        *why = QStringLiteral("cannot create a temporary folder");
    else if (!m_error.isEmpty())
        *why = m_error;
    else
        return true;
    return false;
}

std::unique_ptr<Database> TestDatabase::open(QString* error, const DatabaseOptions& options) const
{
    if (!isReady(error))
        return nullptr;
    return Database::open(m_url, error, options);
}

} // namespace fg::test
