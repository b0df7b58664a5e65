#include "core/security/CryptoRandom.h"

#include "core/security/OpenSslError.h"

#include <QUuid>

#include <openssl/rand.h>

#include <algorithm>
#include <climits>

namespace fg {

bool CryptoRandom::fill(void* buffer, size_t size, QString* error)
{
    auto* out = static_cast<unsigned char*>(buffer);
    while (size > 0) {
        const size_t chunk = std::min(size, static_cast<size_t>(INT_MAX));
        if (RAND_bytes(out, static_cast<int>(chunk)) != 1) {
            *error = openSslError(QStringLiteral("the random generator failed"));
            return false;
        }
        out += chunk;
        size -= chunk;
    }
    return true;
}

std::optional<QByteArray> CryptoRandom::bytes(int count, QString* error)
{
    if (count < 0) {
        *error = QStringLiteral("cannot draw %1 random bytes").arg(count);
        return std::nullopt;
    }
    QByteArray result(count, '\0');
    if (!fill(result.data(), static_cast<size_t>(count), error))
        return std::nullopt;
    return result;
}

std::optional<SecureBuffer> CryptoRandom::secret(int count, QString* error)
{
    if (count < 0) {
        *error = QStringLiteral("cannot draw a secret of %1 bytes").arg(count);
        return std::nullopt;
    }
    SecureBuffer result(count);
    if (!fill(result.data(), static_cast<size_t>(count), error))
        return std::nullopt;
    return result;
}

QString CryptoRandom::uuid()
{
    QByteArray raw(16, '\0');
    QString ignored;
    if (!fill(raw.data(), 16, &ignored))
        return QUuid::createUuid().toString(QUuid::WithoutBraces); // also from the system CSPRNG
    raw[6] = static_cast<char>((raw[6] & 0x0f) | 0x40); // version 4
    raw[8] = static_cast<char>((raw[8] & 0x3f) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(raw).toString(QUuid::WithoutBraces);
}

} // namespace fg
