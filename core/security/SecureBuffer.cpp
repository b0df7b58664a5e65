#include "core/security/SecureBuffer.h"

#include <openssl/crypto.h>

#include <cstring>
#include <utility>

namespace fg {

SecureBuffer::SecureBuffer(qsizetype size)
{
    if (size <= 0)
        return;
    m_data = new char[static_cast<size_t>(size)]();
    m_size = size;
}

SecureBuffer::~SecureBuffer()
{
    clear();
}

SecureBuffer::SecureBuffer(SecureBuffer&& other) noexcept
    : m_data(std::exchange(other.m_data, nullptr))
    , m_size(std::exchange(other.m_size, 0))
{
}

SecureBuffer& SecureBuffer::operator=(SecureBuffer&& other) noexcept
{
    if (this != &other) {
        clear();
        m_data = std::exchange(other.m_data, nullptr);
        m_size = std::exchange(other.m_size, 0);
    }
    return *this;
}

void SecureBuffer::clear()
{
    if (m_data) {
        OPENSSL_cleanse(m_data, static_cast<size_t>(m_size));
        delete[] m_data;
    }
    m_data = nullptr;
    m_size = 0;
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
