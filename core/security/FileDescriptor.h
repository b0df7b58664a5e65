#pragma once

// POSIX file helpers shared by the code that writes and destroys secret files
// (KeyEncryptionKey's key files, FileShredder): a descriptor closed with its
// scope, a write that finishes (or says it could not), errno in words.
// Header-only.
#include <QString>

#include <cerrno>
#include <unistd.h>

namespace fg {

// Closes the descriptor when leaving scope.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() { close(); }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }
    bool close()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd < 0 || ::close(fd) == 0;
    }

private:
    int m_fd;
};

// Writes all of `data`, retrying after a signal; false on an error (errno says which).
inline bool writeAll(int fd, const char* data, qsizetype size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, static_cast<size_t>(size));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        size -= written;
    }
    return true;
}

inline QString systemError()
{
    return qt_error_string(errno);
}

} // namespace fg
