#pragma once

// The records the EncounterStore tests work on (tst_encounterstore,
// tst_encounterchip, tst_encounterpad): a TestDatabase (SQLite or
// PostgreSQL) with its audit log, key and store, as the application wires
// them, on a manual clock.
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/workflow/EncounterStore.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>

namespace fg::test {

struct StoreRecords {
    TestDatabase target;
    ManualClock clock;
    RetentionPolicy policy;
    std::unique_ptr<Database> database;
    std::unique_ptr<AuditLog> audit;
    std::unique_ptr<KeyStore> keys;
    std::unique_ptr<EncounterStore> store;

    bool open(QString* error)
    {
        if (!target.isReady(error))
            return false;
        const QString keyFile = QDir(target.scratchDir()).filePath(QStringLiteral("test.kek"));
        database = target.open(error);
        if (!database || !KeyEncryptionKey::createKeyFile(keyFile, error))
            return false;
        audit = std::make_unique<AuditLog>(*database, clock, auditKey());
        keys = KeyStore::openWithKeyFile(*database, *audit, keyFile, QStringLiteral("test:setup"), error);
        if (!keys)
            return false;
        store = std::make_unique<EncounterStore>(*database, *keys, *audit, clock, policy);
        return true;
    }

    void close()
    {
        store.reset();
        keys.reset();
        audit.reset();
        database.reset();
    }

    qint64 count(const QString& sql, const QVariantList& values = {}) const
    {
        QString error;
        const std::optional<QVariant> value = database->scalar(sql, values, sql, &error);
        if (!value)
            qWarning("%s", qPrintable(error));
        return value ? value->toLongLong() : -1;
    }

    // The details of the encounter's encounter.add audit event.
    QJsonObject addedDetails(qint64 encounterId) const
    {
        QString error;
        const std::optional<QVariant> details = database->scalar(
            QStringLiteral("SELECT details FROM audit_events WHERE action = 'encounter.add' AND subject = ?"),
            {QStringLiteral("encounter:%1").arg(encounterId)}, QStringLiteral("read the audit event"), &error);
        if (!details)
            qWarning("%s", qPrintable(error));
        return details ? QJsonDocument::fromJson(details->toString().toUtf8()).object() : QJsonObject();
    }
};

} // namespace fg::test
