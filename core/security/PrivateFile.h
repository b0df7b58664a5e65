#pragma once

#include "core/security/SecureBuffer.h"

#include <QString>

#include <optional>

namespace fg {

// A small secret file (a key file, a token's PIN file), opened only when it is
// safe to trust: a regular file, owned by the account FaceGate runs as (its
// owner could replace the secret) and readable by that owner only (mode 0600
// or 0400). Opened with O_NONBLOCK so that a FIFO in its place cannot hang
// the start-up. What is read goes straight into wiped memory. Move-only; the
// descriptor is closed with the object.
class PrivateFile {
public:
    // `what` names the file in errors ("key file", "PIN file").
    static std::optional<PrivateFile> open(const QString& path, const QString& what, QString* error);

    PrivateFile(PrivateFile&& other) noexcept;
    PrivateFile& operator=(PrivateFile&&) = delete;
    PrivateFile(const PrivateFile&) = delete;
    PrivateFile& operator=(const PrivateFile&) = delete;
    ~PrivateFile();

    qint64 size() const { return m_size; } // when it was opened
    // The whole file; one that holds more than maxBytes (it grew since it was
    // opened) is refused.
    std::optional<SecureBuffer> read(qsizetype maxBytes, QString* error) const;

private:
    PrivateFile(int fd, qint64 size, QString path, QString what);

    int m_fd = -1;
    qint64 m_size = 0;
    QString m_path;
    QString m_what;
};

} // namespace fg
