#pragma once

// The audit key of the tests (core/security/AuditKey): fixed bytes, so that a
// test's in-process AuditLog and the facegate-cli it runs (FACEGATE_AUDIT_KEY_FILE
// = writeAuditKeyFile()) key one chain. Header-only: the tests that include it
// link the security library.
#include "core/security/AuditKey.h"
#include "core/security/SecureBuffer.h"

#include <QFile>
#include <QString>

#include <memory>

namespace fg::test {

inline constexpr char kAuditKeyHex[] = "a1d17ca1a1d17ca1a1d17ca1a1d17ca1a1d17ca1a1d17ca1a1d17ca1a1d17ca1";

inline std::shared_ptr<const AuditKey> auditKey()
{
    static const std::shared_ptr<const AuditKey> key = [] {
        QString error;
        std::unique_ptr<AuditKey> made =
            AuditKey::fromKey(SecureBuffer::fromBytes(QByteArray::fromHex(kAuditKeyHex)), &error);
        return std::shared_ptr<const AuditKey>(std::move(made));
    }();
    return key;
}

// The same key as a key file (0600) at `path`.
inline bool writeAuditKeyFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)
        || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)
        || file.write(QByteArray(kAuditKeyHex) + '\n') < 0 || !file.flush()) {
        *error = QStringLiteral("cannot write the test audit key file %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace fg::test
