#include "core/storage/Database.h"

#include "core/storage/Migrator.h"
#include "core/storage/PostgresTls.h"
#include "core/storage/SystemClock.h"

#include <QAtomicInt>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QSqlError>
#include <QThread>

namespace fg {
namespace {

QString newConnectionName()
{
    static QAtomicInt counter;
    return QStringLiteral("facegate-db-%1").arg(counter.fetchAndAddRelaxed(1));
}

QString driverMessage(const QSqlError& error)
{
    QString text = error.databaseText().trimmed();
    if (text.isEmpty())
        text = error.text().trimmed();
    return text;
}

QSqlDatabase connectSqlite(const QString& path, bool readOnly, int busyTimeoutMs, QString* error)
{
    QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), newConnectionName());
    connection.setDatabaseName(path);
    QString options = QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(busyTimeoutMs);
    if (readOnly)
        options += QStringLiteral(";QSQLITE_OPEN_READONLY");
    connection.setConnectOptions(options);
    if (!connection.open())
        *error = QStringLiteral("cannot open %1: %2").arg(path, driverMessage(connection.lastError()));
    return connection;
}

// Encrypted as the URL says (PostgresTls); a refusal says why in FaceGate's
// words before libpq's.
QSqlDatabase connectPostgres(const DatabaseUrl& url, QString* error)
{
    QSqlDatabase connection = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), newConnectionName());
    if (!PostgresTls::checkFiles(url, error))
        return connection;
    const QString warning = url.weakTlsWarning();
    if (!warning.isEmpty())
        qWarning("facegate: %s", qPrintable(warning));
    connection.setHostName(url.host());
    connection.setPort(url.port());
    connection.setUserName(url.user());
    if (!url.password().isEmpty())
        connection.setPassword(url.password());
    connection.setDatabaseName(url.databaseName());
    connection.setConnectOptions(PostgresTls::connectOptions(url));
    if (!connection.open())
        *error = QStringLiteral("cannot connect to %1: %2")
                     .arg(url.toDisplayString(),
                          PostgresTls::explainFailure(url, driverMessage(connection.lastError())));
    return connection;
}

void dropConnection(QSqlDatabase& connection)
{
    const QString name = connection.connectionName();
    connection.close();
    connection = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
}

// Looks at what is there, writing nothing; refuses foreign and newer databases.
bool checkIdentity(const Database& database, Migrator::Inspection* state, QString* error)
{
    QString why;
    if (!Migrator::inspect(database, state, &why)) {
        *error = database.isSqlite()
                     ? QStringLiteral("%1 is not a FaceGate database (%2)").arg(database.url().sqlitePath(), why)
                     : why;
        return false;
    }
    const QString where = database.url().toDisplayString();
    if (!state->empty && !state->faceGate) {
        *error = QStringLiteral("%1 is not a FaceGate database (it holds other tables: %2); nothing was changed")
                     .arg(where, state->otherTables.join(QStringLiteral(", ")));
        return false;
    }
    if (state->version > Migrator::latestVersion()) {
        *error = QStringLiteral("%1 has schema version %2, newer than this FaceGate understands (%3); "
                                "upgrade FaceGate; nothing was changed")
                     .arg(where)
                     .arg(state->version)
                     .arg(Migrator::latestVersion());
        return false;
    }
    return true;
}

} // namespace

Database::Database(const DatabaseUrl& url, QSqlDatabase connection, bool readOnly)
    : m_url(url)
    , m_connection(std::move(connection))
    , m_readOnly(readOnly)
{
}

Database::~Database()
{
    dropConnection(m_connection);
}

std::unique_ptr<Database> Database::open(const DatabaseUrl& url, QString* error, const DatabaseOptions& options)
{
    const int target = options.migrateTo > 0 ? options.migrateTo : Migrator::latestVersion();
    Migrator::Inspection state;
    if (url.isSqlite()) {
        const QString path = url.sqlitePath();
        const QFileInfo info(path);
        if (info.exists()) {
            if (!info.isFile()) {
                *error = QStringLiteral("%1 is not a file").arg(path);
                return nullptr;
            }
            if (info.size() == 0) {
                *error = QStringLiteral("%1 is an empty file, not a FaceGate database; "
                                        "name a file that does not exist yet to create one")
                             .arg(path);
                return nullptr;
            }
            // First look, read-only: a foreign or newer file must stay untouched
            // (switching it to WAL would already write to it).
            QString why;
            QSqlDatabase probe = connectSqlite(path, true, options.busyTimeoutMs, &why);
            if (!probe.isOpen()) {
                *error = why;
                dropConnection(probe);
                return nullptr;
            }
            std::unique_ptr<Database> look(new Database(url, probe, true));
            probe = QSqlDatabase(); // the Database holds the only handle: removing it later must not warn
            if (!checkIdentity(*look, &state, error))
                return nullptr;
        } else if (options.readOnly) {
            *error = QStringLiteral("%1 does not exist").arg(path);
            return nullptr;
        } else if (!QDir().mkpath(info.absolutePath())) {
            *error = QStringLiteral("cannot create the folder %1").arg(info.absolutePath());
            return nullptr;
        }
        const bool creating = !info.exists();
        QString why;
        QSqlDatabase connection = connectSqlite(path, options.readOnly, options.busyTimeoutMs, &why);
        if (!connection.isOpen()) {
            *error = why;
            dropConnection(connection);
            return nullptr;
        }
        std::unique_ptr<Database> database(new Database(url, connection, options.readOnly));
        connection = QSqlDatabase();
        if (!options.readOnly) {
            const QString pragmas[] = {
                QStringLiteral("PRAGMA journal_mode = WAL"),
                QStringLiteral("PRAGMA synchronous = FULL"),
                QStringLiteral("PRAGMA secure_delete = ON"),
                QStringLiteral("PRAGMA foreign_keys = ON"),
            };
            for (const QString& pragma : pragmas) {
                if (!database->exec(pragma, QStringLiteral("set up %1 (%2)").arg(path, pragma), error))
                    return nullptr;
            }
            // A new file (and the WAL and shared memory the pragmas made) is for
            // its owner only: travelers' records are in it, sealed or not.
            // SQLite gives later -wal and -shm files the mode of the database.
            if (creating) {
                for (const QString& file : {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")}) {
                    if (QFile::exists(file) && !QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner)) {
                        *error = QStringLiteral("cannot make %1 readable by its owner only").arg(file);
                        return nullptr;
                    }
                }
            }
        }
        if (!checkIdentity(*database, &state, error))
            return nullptr;
        database->m_schemaVersion = state.version;
        if (!options.readOnly && state.version < target) {
            const SystemClock systemClock;
            if (!Migrator::migrate(*database, target, options.clock ? *options.clock : systemClock, error))
                return nullptr;
        }
        return database;
    }

    QString why;
    QSqlDatabase connection = connectPostgres(url, &why);
    if (!connection.isOpen()) {
        *error = why;
        dropConnection(connection);
        return nullptr;
    }
    std::unique_ptr<Database> database(new Database(url, connection, options.readOnly));
    connection = QSqlDatabase();
    if (!checkIdentity(*database, &state, error))
        return nullptr;
    database->m_schemaVersion = state.version;
    if (options.readOnly && !database->exec(QStringLiteral("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"),
                                            QStringLiteral("make the session read-only"), error))
        return nullptr;
    if (!options.readOnly && state.version < target) {
        const SystemClock systemClock;
        if (!Migrator::migrate(*database, target, options.clock ? *options.clock : systemClock, error))
            return nullptr;
    }
    return database;
}

QSqlQuery Database::query() const
{
    QSqlQuery query(m_connection);
    query.setForwardOnly(true);
    return query;
}

bool Database::exec(QSqlQuery& query, const QString& what, QString* error) const
{
    // A failed prepare() leaves its error here; exec() would only say "No query".
    if (query.lastError().isValid()) {
        *error = QStringLiteral("%1: %2").arg(what, driverMessage(query.lastError()));
        return false;
    }
    if (query.exec())
        return true;
    *error = QStringLiteral("%1: %2").arg(what, driverMessage(query.lastError()));
    return false;
}

bool Database::exec(const QString& sql, const QString& what, QString* error) const
{
    QSqlQuery statement = query();
    if (statement.exec(sql))
        return true;
    *error = QStringLiteral("%1: %2").arg(what, driverMessage(statement.lastError()));
    return false;
}

std::optional<QVariant> Database::scalar(const QString& sql, const QVariantList& values, const QString& what,
                                         QString* error) const
{
    QSqlQuery statement = query();
    statement.prepare(sql);
    for (const QVariant& value : values)
        statement.addBindValue(value);
    if (!exec(statement, what, error))
        return std::nullopt;
    if (!statement.next()) {
        *error = QStringLiteral("%1: no row").arg(what);
        return std::nullopt;
    }
    return statement.value(0);
}

std::optional<qint64> Database::insertReturningId(const QString& insertSql, const QVariantList& values,
                                                 const QString& what, QString* error) const
{
    const std::optional<QVariant> id = scalar(insertSql + QStringLiteral(" RETURNING id"), values, what, error);
    return id ? std::optional<qint64>(id->toLongLong()) : std::nullopt;
}

QString Database::forUpdate() const
{
    return isSqlite() ? QString() : QStringLiteral(" FOR UPDATE");
}

bool Database::integrityCheck(QString* error) const
{
    if (!isSqlite())
        return true;
    QSqlQuery check = query();
    if (!check.exec(QStringLiteral("PRAGMA integrity_check"))) {
        *error = QStringLiteral("integrity check of %1: %2").arg(m_url.sqlitePath(), driverMessage(check.lastError()));
        return false;
    }
    QStringList problems;
    while (check.next())
        problems.append(check.value(0).toString());
    if (problems == QStringList{QStringLiteral("ok")})
        return true;
    *error = QStringLiteral("integrity check of %1 failed: %2").arg(m_url.sqlitePath(), problems.join(QStringLiteral("; ")));
    return false;
}

bool Database::reclaim(const QString& table, QString* error) const
{
    if (isSqlite()) {
        QSqlQuery checkpoint = query();
        if (!checkpoint.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) || !checkpoint.next()) {
            *error = QStringLiteral("checkpoint %1: %2").arg(m_url.sqlitePath(), driverMessage(checkpoint.lastError()));
            return false;
        }
        if (checkpoint.value(0).toInt() != 0) {
            *error = QStringLiteral("checkpoint %1: another connection is reading; the WAL still holds old pages")
                         .arg(m_url.sqlitePath());
            return false;
        }
        return true;
    }
    return exec(QStringLiteral("VACUUM %1").arg(table), QStringLiteral("vacuum %1").arg(table), error);
}

bool Database::shred(const QString& table, QString* error) const
{
    if (isSqlite())
        return reclaim(table, error);
    // VACUUM FULL copies the rows deleted after the oldest snapshot any
    // transaction of the server still holds, in any database (seen: another
    // database's DROP DATABASE kept this one's deleted keys). A new
    // transaction id marks "now": the rewrite counts only when no transaction
    // older than the mark was open before it began nor after it ended; it is
    // tried again until kShredWaitMs have passed.
    // PostgreSQL skips a table it may not vacuum with a warning, not an error.
    const std::optional<QVariant> owner = scalar(
        QStringLiteral("SELECT pg_has_role(relowner, 'MEMBER') FROM pg_class WHERE oid = to_regclass(?)"), {table},
        QStringLiteral("look up the owner of %1").arg(table), error);
    if (!owner)
        return false;
    if (!owner->toBool()) {
        *error = QStringLiteral("the role %1 does not own table %2, so it cannot rewrite it (VACUUM FULL): its deleted "
                                "rows stay in the files; make it the owner (installer/postgresql-roles.sql)")
                     .arg(m_url.user(), table);
        return false;
    }
    const std::optional<QVariant> mark =
        scalar(QStringLiteral("SELECT (txid_current() % 4294967296)::text"), {}, QStringLiteral("mark the shred"), error);
    if (!mark)
        return false;
    const QString older = QStringLiteral(
        "SELECT string_agg(coalesce(datname, '-') || ' pid ' || pid::text || ' (' || backend_type || ')', ', ') "
        "FROM pg_stat_activity WHERE pid <> pg_backend_pid() "
        "AND ((backend_xmin IS NOT NULL AND age(backend_xmin) >= age(CAST(? AS xid))) "
        "OR (backend_xid IS NOT NULL AND age(backend_xid) >= age(CAST(? AS xid))))");
    QElapsedTimer waited;
    waited.start();
    QString holders;
    for (;;) {
        const std::optional<QVariant> before =
            scalar(older, {mark->toString(), mark->toString()}, QStringLiteral("look for older transactions"), error);
        if (!before)
            return false;
        holders = before->toString();
        if (holders.isEmpty()) {
            if (!exec(QStringLiteral("VACUUM FULL %1").arg(table),
                      QStringLiteral("rewrite %1 without its deleted rows").arg(table), error))
                return false;
            const std::optional<QVariant> after =
                scalar(older, {mark->toString(), mark->toString()}, QStringLiteral("look for older transactions"), error);
            if (!after)
                return false;
            holders = after->toString();
            if (holders.isEmpty())
                return true;
        }
        if (waited.elapsed() >= kShredWaitMs)
            break;
        QThread::msleep(20);
    }
    *error = QStringLiteral("%1 was not rewritten: transactions older than the deletion were open (%2), and the rows "
                            "they may still see would be copied; shred again later")
                 .arg(table, holders);
    return false;
}

} // namespace fg
