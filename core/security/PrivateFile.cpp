#include "core/security/PrivateFile.h"

#include "core/security/FileDescriptor.h"

#include <QFile>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fg {
PrivateFile::PrivateFile(int fd, qint64 size, QString path, QString what)
    : m_fd(fd)
    , m_size(size)
    , m_path(std::move(path))
    , m_what(std::move(what))
{
}

PrivateFile::PrivateFile(PrivateFile&& other) noexcept
    : m_fd(std::exchange(other.m_fd, -1))
    , m_size(other.m_size)
    , m_path(std::move(other.m_path))
    , m_what(std::move(other.m_what))
{
}

PrivateFile::~PrivateFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

std::optional<PrivateFile> PrivateFile::open(const QString& path, const QString& what, QString* error)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        *error = QStringLiteral("cannot open %1 %2: %3").arg(what, path, systemError());
        return std::nullopt;
    }
    PrivateFile file(fd, 0, path, what);
    struct stat status = {};
    if (::fstat(fd, &status) != 0) {
        *error = QStringLiteral("cannot read the status of %1 %2: %3").arg(what, path, systemError());
        return std::nullopt;
    }
    if (!S_ISREG(status.st_mode)) {
        *error = QStringLiteral("%1 %2 is not a regular file").arg(what, path);
        return std::nullopt;
    }
    // Whoever owns the file can replace the secret: only this account may.
    if (status.st_uid != ::geteuid()) {
        *error = QStringLiteral("%1 %2 belongs to uid %3, not to the account FaceGate runs as (uid %4); its owner "
                                "could replace it: chown it or run FaceGate as its owner")
                     .arg(what, path)
                     .arg(status.st_uid)
                     .arg(::geteuid());
        return std::nullopt;
    }
    if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        const QString mode = QStringLiteral("%1").arg(status.st_mode & 07777, 4, 8, QLatin1Char('0'));
        *error = QStringLiteral("%1 %2 has mode %3; it must be readable by its owner only (chmod 600 %2)")
                     .arg(what, path, mode);
        return std::nullopt;
    }
    file.m_size = status.st_size;
    return file;
}

std::optional<SecureBuffer> PrivateFile::read(qsizetype maxBytes, QString* error) const
{
    // One byte more than allowed, should the file have grown.
    SecureBuffer contents(maxBytes + 1);
    qsizetype size = 0;
    while (size < contents.size()) {
        const ssize_t got = ::read(m_fd, contents.data() + size, static_cast<size_t>(contents.size() - size));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *error = QStringLiteral("cannot read %1 %2: %3").arg(m_what, m_path, systemError());
            return std::nullopt;
        }
        if (got == 0)
            break;
        size += got;
    }
    if (size > maxBytes) {
        *error = QStringLiteral("%1 %2 holds more than %3 bytes").arg(m_what, m_path).arg(maxBytes);
        return std::nullopt;
    }
    return SecureBuffer::copyOf(contents.view().first(size));
}

} // namespace fg
