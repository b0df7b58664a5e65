#pragma once

#include <QString>
#include <QtGlobal>

namespace fg {

// scrypt cost parameters (RFC 7914): N (CPU/memory cost, a power of two), r
// (block size) and p (parallelism). Memory used is about 128 * r * (N + p) bytes.
struct ScryptParams {
    quint64 n = quint64(1) << 17;
    quint32 r = 8;
    quint32 p = 1;

    static constexpr quint64 kMaxMemoryBytes = quint64(1) << 30; // 1 GiB
    static constexpr quint32 kMaxR = 32;
    static constexpr quint32 kMaxP = 16;

    // Key-encryption keys from a passphrase: N = 2^15, r = 8, p = 1 (32 MiB).
    static ScryptParams forKeys() { return {quint64(1) << 15, 8, 1}; }
    // Officer passwords (OWASP): N = 2^17, r = 8, p = 1 (128 MiB).
    static ScryptParams forPasswords() { return {quint64(1) << 17, 8, 1}; }

    // N a power of two from 2 to 2^(16 r) (RFC 7914), r from 1 to 32, p from 1
    // to 16, and at most kMaxMemoryBytes of memory. The error names the value.
    bool isValid(QString* error) const;
    int log2N() const;           // N = 2^log2N (meaningful when N is a power of two)
    quint64 memoryBytes() const; // what OpenSSL allocates: 128 r (N + 2 + p)
    QString toString() const;    // "N=2^17, r=8, p=1"

    friend bool operator==(const ScryptParams&, const ScryptParams&) = default;
};

} // namespace fg
