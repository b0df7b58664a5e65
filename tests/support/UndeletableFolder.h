#pragma once

// A folder whose files cannot be unlinked while this object lives (a reader
// folder mounted read-only, a folder of another account): chmod 0555 for an
// ordinary account; for root, whom modes do not stop, the folder's
// immutable attribute (FS_IMMUTABLE_FL, chattr +i: needs CAP_LINUX_IMMUTABLE
// and a file system that has it, such as ext4). The files in it stay
// writable, so a file can be overwritten but not removed. Undone by the
// destructor, so that QTemporaryDir can remove the folder.
#include <QFile>
#include <QString>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fg::test {

class UndeletableFolder {
public:
    explicit UndeletableFolder(const QString& folder)
        : m_native(QFile::encodeName(folder))
    {
        if (::geteuid() != 0) {
            m_chmodded = ::chmod(m_native.constData(), 0555) == 0;
            if (!m_chmodded)
                m_why = QStringLiteral("chmod 0555 %1: %2").arg(folder, QString::fromLocal8Bit(std::strerror(errno)));
            return;
        }
        m_immutable = setImmutable(true);
        if (!m_immutable)
            m_why = QStringLiteral("running as root, and the immutable attribute cannot be set on %1: %2")
                        .arg(folder, QString::fromLocal8Bit(std::strerror(errno)));
    }
    ~UndeletableFolder() { undo(); }
    UndeletableFolder(const UndeletableFolder&) = delete;
    UndeletableFolder& operator=(const UndeletableFolder&) = delete;

    bool engaged() const { return m_chmodded || m_immutable; }
    // Why it could not be engaged.
    QString why() const { return m_why; }

    void undo()
    {
        if (m_chmodded)
            m_chmodded = ::chmod(m_native.constData(), 0700) != 0;
        if (m_immutable)
            m_immutable = !setImmutable(false);
    }

private:
    bool setImmutable(bool on) const
    {
        const int fd = ::open(m_native.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0)
            return false;
        int flags = 0;
        bool done = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
        if (done) {
            flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
            done = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
        }
        const int saved = errno;
        ::close(fd);
        errno = saved;
        return done;
    }

    QByteArray m_native;
    bool m_chmodded = false;
    bool m_immutable = false;
    QString m_why;
};

} // namespace fg::test
