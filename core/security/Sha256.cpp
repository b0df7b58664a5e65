#include "core/security/Sha256.h"

#include <openssl/evp.h>

namespace fg {

QByteArray Sha256::hash(QByteArrayView data)
{
    QByteArray digest(kBytes, '\0');
    unsigned int length = 0;
    // EVP_Digest only fails when out of memory; an empty result says so.
    if (EVP_Digest(data.data(), static_cast<size_t>(data.size()), reinterpret_cast<unsigned char*>(digest.data()),
                   &length, EVP_sha256(), nullptr)
            != 1
        || length != kBytes)
        return QByteArray();
    return digest;
}

QString Sha256::hex(QByteArrayView data)
{
    return QString::fromLatin1(hash(data).toHex());
}

} // namespace fg
