#include "core/security/SecureBuffer.h"

#include <QtGlobal>

#include <openssl/crypto.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <new>
#include <utility>

namespace fg {

SecureBuffer::SecureBuffer(qsizetype size)
{
    if (size <= 0)
        return;
    const auto page = static_cast<qsizetype>(::sysconf(_SC_PAGESIZE));
    const qsizetype capacity = (size + page - 1) / page * page;
    void* memory = ::mmap(nullptr, static_cast<size_t>(capacity), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED)
        throw std::bad_alloc();
    ::madvise(memory, static_cast<size_t>(capacity), MADV_DONTDUMP); // best effort: not in a core dump
    m_locked = ::mlock(memory, static_cast<size_t>(capacity)) == 0;
    if (!m_locked) {
        static std::atomic<bool> said = false;
        if (!said.exchange(true))
            qWarning("facegate: secret memory could not be locked (%s): it may be written to swap; raise "
                     "RLIMIT_MEMLOCK (ulimit -l)",
                     std::strerror(errno));
    }
    m_data = static_cast<char*>(memory); // zero-filled by mmap
    m_size = size;
    m_capacity = capacity;
}

SecureBuffer::~SecureBuffer()
{
    clear();
}

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
    , m_capacity(std::exchange(other.m_capacity, 0))
    , m_locked(std::exchange(other.m_locked, false))
{
}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
        m_capacity = std::exchange(other.m_capacity, 0);
        m_locked = std::exchange(other.m_locked, false);
    }
    return *this;
}

void SecureBuffer::clear()
{
    if (m_data) {
        OPENSSL_cleanse(m_data, static_cast<size_t>(m_capacity));
        if (m_locked)
            ::munlock(m_data, static_cast<size_t>(m_capacity));
        ::munmap(m_data, static_cast<size_t>(m_capacity));
    }
    m_data = nullptr;
    m_size = 0;
    m_capacity = 0;
    m_locked = false;
}

SecureBuffer SecureBuffer::fromBytes(QByteArray&& source)
{
    SecureBuffer result = copyOf(source);
    if (source.isDetached()) {
        // The whole allocation past data(): bytes dropped by an earlier
        // truncate() are wiped too.
        const qsizetype span = source.size() + source.data_ptr().freeSpaceAtEnd();
        OPENSSL_cleanse(source.data(), static_cast<size_t>(span));
    }
    source = QByteArray();
    return result;
}

SecureBuffer SecureBuffer::copyOf(QByteArrayView bytes)
{
    SecureBuffer result(bytes.size());
    if (!bytes.isEmpty())
        std::memcpy(result.m_data, bytes.data(), static_cast<size_t>(bytes.size()));
    return result;
}

} // namespace fg
