#include "core/documents/emrtd/AesCmac.h"

#include "core/security/OpenSslError.h"

#include <openssl/evp.h>

namespace fg {

std::optional<QByteArray> AesCmac::compute(QByteArrayView key, QByteArrayView data, QString* error)
{
    const char* cipher = key.size() == 16 ? "AES-128-CBC"
        : key.size() == 24                ? "AES-192-CBC"
        : key.size() == 32                ? "AES-256-CBC"
                                          : nullptr;
    if (!cipher) {
        if (error)
            *error = QStringLiteral("AES-CMAC needs a key of 16, 24 or 32 bytes, not %1").arg(key.size());
        return std::nullopt;
    }
    static const unsigned char kNoBytes[1] = {0};
    const auto* bytes = data.isEmpty() ? kNoBytes : reinterpret_cast<const unsigned char*>(data.data());
    QByteArray mac(kBytes, '\0');
    size_t length = 0;
    if (!EVP_Q_mac(nullptr, "CMAC", nullptr, cipher, nullptr, key.data(), static_cast<size_t>(key.size()), bytes,
                   static_cast<size_t>(data.size()), reinterpret_cast<unsigned char*>(mac.data()),
                   static_cast<size_t>(mac.size()), &length)
        || length != static_cast<size_t>(kBytes)) {
        if (error)
            *error = openSslError(QStringLiteral("AES-CMAC failed"));
        return std::nullopt;
    }
    return mac;
}

} // namespace fg
