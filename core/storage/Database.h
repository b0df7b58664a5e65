#pragma once

#include "core/storage/DatabaseUrl.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>
#include <optional>

namespace fg {

class Clock;

struct DatabaseOptions {
    // Migrate an older schema up to this version (0: the latest this build knows).
    int migrateTo = 0;
    // Open without creating or migrating anything (reports, audit verify).
    bool readOnly = false;
    int busyTimeoutMs = 10000;
    const Clock* clock = nullptr; // stamps schema_migrations; nullptr: the system clock
};

// One connection to the records: SQLite (WAL, synchronous=FULL, secure_delete,
// foreign keys) or PostgreSQL through QPSQL. open() refuses, without writing
// a byte, a file that is not a FaceGate database or whose schema is newer
// than this build; it migrates an older or empty one. A Database belongs to
// the thread that opened it.
class Database {
public:
    static std::unique_ptr<Database> open(const DatabaseUrl& url, QString* error, const DatabaseOptions& options = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    const DatabaseUrl& url() const { return m_url; }
    bool isSqlite() const { return m_url.isSqlite(); }
    bool isReadOnly() const { return m_readOnly; }
    int schemaVersion() const { return m_schemaVersion; }
    QSqlDatabase connection() const { return m_connection; }

    // A forward-only query on this connection.
    QSqlQuery query() const;
    // Runs a prepared query; on failure *error = "<what>: <driver message>".
    bool exec(QSqlQuery& query, const QString& what, QString* error) const;
    // Runs one statement without parameters.
    bool exec(const QString& sql, const QString& what, QString* error) const;
    // The first column of the first row, or nullopt with *error set (no row is an error).
    std::optional<QVariant> scalar(const QString& sql, const QVariantList& values, const QString& what,
                                   QString* error) const;

    // " FOR UPDATE" on PostgreSQL (row lock in a write transaction); SQLite's
    // BEGIN IMMEDIATE already serialises writers.
    QString forUpdate() const;
    // INSERT ... RETURNING id with `values` bound in order: the new row's id.
    std::optional<qint64> insertReturningId(const QString& insertSql, const QVariantList& values, const QString& what,
                                            QString* error) const;
    // SQLite: PRAGMA integrity_check must answer "ok". PostgreSQL: always true.
    bool integrityCheck(QString* error) const;
    // SQLite: moves the WAL into the file and truncates it, so deleted pages
    // (zeroed by secure_delete) leave no copy behind. PostgreSQL: VACUUM the table.
    bool reclaim(const QString& table, QString* error) const;
    // Leaves no byte of the table's deleted rows in the database files.
    // SQLite: as reclaim() (secure_delete zeroed them in the file, the WAL is
    // truncated). PostgreSQL: VACUUM FULL, which writes the live rows into a
    // new file and truncates the old one; a plain VACUUM only marks the dead
    // rows' space free and their bytes stay in the page until overwritten.
    // It takes the table's exclusive lock for as long as the copy lasts: for
    // small tables (data_keys) and needs the table's owner. Rows that a
    // transaction older than the deletion may still see (in any database of
    // the server) would be copied too: it waits up to kShredWaitMs for such
    // transactions to end, and returns false (shred again later) when one
    // stayed open.
    static constexpr int kShredWaitMs = 2000;
    bool shred(const QString& table, QString* error) const;

private:
    Database(const DatabaseUrl& url, QSqlDatabase connection, bool readOnly);

    DatabaseUrl m_url;
    QSqlDatabase m_connection;
    bool m_readOnly = false;
    int m_schemaVersion = 0;

    friend class Migrator;
};

} // namespace fg
