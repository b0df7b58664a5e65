#pragma once

#include "core/config/Settings.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/storage/Clock.h"
#include "core/workflow/Records.h"
#include "core/workflow/RecordsThread.h"
#include "tests/support/TestAuditKey.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace fg::test {

// The settings app/facegate would read: a SQLite database, a key file, the
// tests' audit key file and a checkpoint folder in dir. With a `keyLocation`
// (a PKCS#11 URI), no key file: the key is made in its token on first use.
inline std::optional<Settings> recordsSettings(const QTemporaryDir& dir, QString* error, const QString& keyLocation = {})
{
    std::optional<Settings> settings = Settings::defaults();
    const QString keyFile = keyLocation.isEmpty() ? dir.filePath(QStringLiteral("facegate.kek")) : keyLocation;
    // The tests' audit key (as their in-process AuditLogs), and checkpoints in dir.
    const QString auditKeyFile = dir.filePath(QStringLiteral("audit.key"));
    if ((keyLocation.isEmpty() && !KeyEncryptionKey::createKeyFile(keyFile, error)) || !writeAuditKeyFile(auditKeyFile, error)
        || !settings->set(QStringLiteral("database/url"), QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("f.db")), error)
        || !settings->set(QStringLiteral("security/keyFile"), keyFile, error)
        || !settings->set(QStringLiteral("audit/keyFile"), auditKeyFile, error)
        || !settings->set(QStringLiteral("audit/checkpointFolder"), dir.filePath(QStringLiteral("checkpoints")), error))
        return std::nullopt;
    return settings;
}

// The records (database, audit log, key, stores) as app/facegate opens them
// from those settings; the GUI tests write to these.
inline std::unique_ptr<Records> openRecords(const QTemporaryDir& dir, const Clock& clock, QString* error)
{
    const std::optional<Settings> settings = recordsSettings(dir, error);
    return settings ? Records::open(*settings, clock, QStringLiteral("test:setup"), error) : nullptr;
}

// The records as openRecords() opens them and, beside them, the same records
// on a thread of their own (as app/facegate opens both): where the desk
// stores its encounters.
inline bool openRecordsWithThread(const QTemporaryDir& dir, const Clock& clock, std::unique_ptr<Records>* records,
                                  std::unique_ptr<RecordsThread>* thread, QString* error)
{
    const std::optional<Settings> settings = recordsSettings(dir, error);
    if (!settings)
        return false;
    *records = Records::open(*settings, clock, QStringLiteral("test:setup"), error);
    if (!*records)
        return false;
    *thread = RecordsThread::open(*settings, clock, QStringLiteral("test:records"), error);
    return *thread != nullptr;
}

} // namespace fg::test
