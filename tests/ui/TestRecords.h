#pragma once

#include "core/config/Settings.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/storage/Clock.h"
#include "core/workflow/Records.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace fg::test {

// The settings app/facegate would read: a SQLite database and a key file in dir.
inline std::optional<Settings> recordsSettings(const QTemporaryDir& dir, QString* error)
{
    std::optional<Settings> settings = Settings::defaults();
    const QString keyFile = dir.filePath(QStringLiteral("facegate.kek"));
    if (!KeyEncryptionKey::createKeyFile(keyFile, error)
        || !settings->set(QStringLiteral("database/url"), QStringLiteral("sqlite://") + dir.filePath(QStringLiteral("f.db")), error)
        || !settings->set(QStringLiteral("security/keyFile"), keyFile, error))
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

} // namespace fg::test
