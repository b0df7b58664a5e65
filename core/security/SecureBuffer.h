#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace fg {

// Secret bytes (key material, passwords, TOTP secrets) in memory of their own,
// wiped with OPENSSL_cleanse when destroyed, cleared, assigned over or moved
// from. That memory is whole pages of their own, locked (mlock: never written
// to swap) and left out of core dumps (MADV_DONTDUMP); where the lock limit
// (RLIMIT_MEMLOCK) is reached the bytes stay unlocked, said once in the log. Move-only: a secret is never copied by accident. Reading it through
// view() hands out no copy either.
class SecureBuffer {
public:
    SecureBuffer() = default;
    explicit SecureBuffer(qsizetype size); // zero-filled, to be written through data()
    ~SecureBuffer();
    SecureBuffer(SecureBuffer&& other) noexcept;
    SecureBuffer& operator=(SecureBuffer&& other) noexcept;
    SecureBuffer(const SecureBuffer&) = delete;
    SecureBuffer& operator=(const SecureBuffer&) = delete;

    // Takes the bytes of `source`, then wipes its buffer and empties it. A
    // buffer shared with other QByteArrays (implicit sharing, raw data) is not
    // written to: only this reference to it is dropped.
    static SecureBuffer fromBytes(QByteArray&& source);
    // A copy of bytes the caller cannot hand over (the caller wipes them).
    static SecureBuffer copyOf(QByteArrayView bytes);

    qsizetype size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }
    char* data() { return m_data; }
    const char* data() const { return m_data; }
    QByteArrayView view() const { return QByteArrayView(m_data, m_size); }
    void clear(); // wipes and frees
    // Locked in memory (mlock succeeded); false for an empty buffer.
    bool isLocked() const { return m_locked; }

private:
    char* m_data = nullptr;
    qsizetype m_size = 0;
    qsizetype m_capacity = 0; // whole pages
    bool m_locked = false;
};

} // namespace fg
