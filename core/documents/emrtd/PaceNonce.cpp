#include "core/documents/emrtd/PaceNonce.h"

#include "core/documents/emrtd/BlockCipher.h"
#include "core/documents/emrtd/ChipAccessKey.h"
#include "core/documents/emrtd/EmrtdKdf.h"

namespace fg {

std::optional<SecureBuffer> PaceNonce::passwordKey(const ChipAccessKey& key, SmCipher cipher, QString* error)
{
    const auto password = key.pacePassword(error);
    if (!password)
        return std::nullopt;
    return EmrtdKdf::derive(password->view(), EmrtdKdf::kPassword, cipher, error);
}

std::optional<SecureBuffer> PaceNonce::decrypt(SmCipher cipher, QByteArrayView passwordKey, QByteArrayView encrypted,
                                               QString* error)
{
    if (encrypted.isEmpty() || encrypted.size() % smCipherBlockBytes(cipher) != 0) {
        if (error)
            *error = QStringLiteral("PACE: the encrypted nonce is %1 bytes, not whole blocks of %2")
                         .arg(encrypted.size())
                         .arg(smCipherBlockBytes(cipher));
        return std::nullopt;
    }
    return BlockCipher::decryptCbc(cipher, passwordKey, QByteArray(smCipherBlockBytes(cipher), '\0'), encrypted, error);
}

std::optional<QByteArray> PaceNonce::encrypt(SmCipher cipher, QByteArrayView passwordKey, QByteArrayView nonce,
                                             QString* error)
{
    return BlockCipher::encryptCbc(cipher, passwordKey, QByteArray(smCipherBlockBytes(cipher), '\0'), nonce, error);
}

} // namespace fg
