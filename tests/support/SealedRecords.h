#pragma once

// The records a workflow storage test starts from, wired as the application
// wires them: a database of the back-end under test (TestDatabase, SQLite or
// PostgreSQL), a manual clock, the audit log, a key store over a fresh key
// file, and the encounters under the built-in retention rules. Header-only:
// the tests that include it link the security and workflow libraries.
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/RetentionPolicy.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QSqlQuery>
#include <QVariantList>

#include <memory>

namespace fg::test {

struct SealedRecords {
    SealedRecords() = default;
    explicit SealedRecords(const QDateTime& start)
        : clock(start)
    {
    }
    virtual ~SealedRecords() = default;
    SealedRecords(const SealedRecords&) = delete;
    SealedRecords& operator=(const SealedRecords&) = delete;

    TestDatabase target;
    ManualClock clock;
    RetentionPolicy policy;
    std::unique_ptr<Database> database;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<KeyStore> keys;
    std::unique_ptr<EncounterStore> encounters;

    // False with *error when the back-end is not there (FG_REQUIRE_DATABASE
    // skips then) or anything cannot be opened.
    bool open(QString* error)
    {
        if (!target.isReady(error))
            return false;
        DatabaseOptions options;
        options.clock = &clock;
        database = target.open(error, options);
        if (!database)
            return false;
        audit = std::make_unique<AuditLog>(*database, clock, fg::test::auditKey());
        const QString keyFile = QDir(target.scratchDir()).filePath(QStringLiteral("records.kek"));
        if (!KeyEncryptionKey::createKeyFile(keyFile, error))
            return false;
        keys = KeyStore::openWithKeyFile(*database, *audit, keyFile, QStringLiteral("test:setup"), error);
        if (!keys)
            return false;
        encounters = std::make_unique<EncounterStore>(*database, *keys, *audit, clock, policy);
        return true;
    }

    // One statement with its values bound in order, as a test writes rows
    // the stores have no call for (an attestation, a decision made elsewhere).
    bool exec(const QString& sql, const QVariantList& values, QString* error)
    {
        QSqlQuery statement = database->query();
        statement.prepare(sql);
        for (const QVariant& value : values)
            statement.addBindValue(value);
        return database->exec(statement, sql, error);
    }
};

} // namespace fg::test
