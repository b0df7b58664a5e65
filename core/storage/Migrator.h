#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace fg {

class Clock;
class Database;

// The schema's versions, applied in order at start-up, each in the same
// transaction as its schema_migrations row. SQL lives in
// core/storage/migrations/ (compiled in), written once for both back-ends.
class Migrator {
public:
    struct Migration {
        int version = 0;
        QString description;
        QString commonSql;   // resource path, both back-ends
        QString sqliteSql;   // resource path or empty
        QString postgresSql; // resource path or empty
        // Work SQL cannot do, run after the SQL in the same transaction.
        bool (*step)(const Database& database, const Clock& clock, QString* error) = nullptr;
    };

    static const std::vector<Migration>& migrations();
    static int latestVersion();

    // What a database holds before anything is written to it.
    struct Inspection {
        bool empty = false;        // no tables at all: a new database
        bool faceGate = false;     // has facegate_meta with application = FaceGate
        int version = 0;           // its schema version
        QStringList otherTables;   // a few names, for the error message
    };
    static bool inspect(const Database& database, Inspection* result, QString* error);

    // Brings the schema to targetVersion (one transaction; PostgreSQL takes an
    // advisory lock so two workstations starting together do not both migrate).
    static bool migrate(Database& database, int targetVersion, const Clock& clock, QString* error);

    // Splits a migration file into statements: a ';' at the end of a line ends
    // one, except inside a $$-quoted body or a trigger's BEGIN ... END; block.
    static QStringList statements(const QString& sql);
};

} // namespace fg
