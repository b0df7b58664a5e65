#include "core/documents/emrtd/SessionKeys.h"

#include "core/documents/emrtd/EmrtdKdf.h"

#include <utility>

namespace fg {

std::optional<SessionKeys> SessionKeys::derive(QByteArrayView sharedSecret, SmCipher cipher, QByteArray ssc,
                                               QString* error)
{
    if (ssc.size() != smCipherBlockBytes(cipher)) {
        if (error)
            *error = QStringLiteral("a send sequence counter of %1 bytes for %2, which needs %3")
                         .arg(ssc.size())
                         .arg(smCipherName(cipher))
                         .arg(smCipherBlockBytes(cipher));
        return std::nullopt;
    }
    auto encryption = EmrtdKdf::derive(sharedSecret, EmrtdKdf::kEncryption, cipher, error);
    if (!encryption)
        return std::nullopt;
    auto mac = EmrtdKdf::derive(sharedSecret, EmrtdKdf::kMac, cipher, error);
    if (!mac)
        return std::nullopt;
    SessionKeys keys;
    keys.cipher = cipher;
    keys.encryption = std::move(*encryption);
    keys.mac = std::move(*mac);
    keys.ssc = std::move(ssc);
    return keys;
}

} // namespace fg
