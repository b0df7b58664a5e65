#include "core/documents/emrtd/BacKeys.h"

#include "core/documents/emrtd/BlockCipher.h"
#include "core/documents/emrtd/ChipAccessKey.h"
#include "core/documents/emrtd/EmrtdKdf.h"
#include "core/documents/emrtd/Iso9797Padding.h"
#include "core/documents/emrtd/RetailMac.h"

#include <openssl/crypto.h>

#include <utility>

namespace fg {
namespace {

const QByteArray kZeroIv(8, '\0');

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("BAC: ") + why;
    return false;
}

} // namespace

std::optional<BacKeys> BacKeys::fromAccessKey(const ChipAccessKey& key, QString* error)
{
    const auto seed = key.bacKeySeed(error);
    if (!seed)
        return std::nullopt;
    return fromKeySeed(seed->view(), error);
}

std::optional<BacKeys> BacKeys::fromKeySeed(QByteArrayView keySeed, QString* error)
{
    if (keySeed.size() != 16) {
        fail(error, QStringLiteral("a key seed of %1 bytes, not 16").arg(keySeed.size()));
        return std::nullopt;
    }
    auto encryption = EmrtdKdf::derive(keySeed, EmrtdKdf::kEncryption, SmCipher::TripleDes, error);
    auto mac = EmrtdKdf::derive(keySeed, EmrtdKdf::kMac, SmCipher::TripleDes, error);
    if (!encryption || !mac)
        return std::nullopt;
    BacKeys keys;
    keys.m_encryption = std::move(*encryption);
    keys.m_mac = std::move(*mac);
    return keys;
}

std::optional<QByteArray> BacKeys::seal(QByteArrayView block, QString* error) const
{
    if (block.size() != kBlockBytes) {
        fail(error, QStringLiteral("a challenge block of %1 bytes, not %2").arg(block.size()).arg(kBlockBytes));
        return std::nullopt;
    }
    const auto encrypted = BlockCipher::encryptCbc(SmCipher::TripleDes, m_encryption.view(), kZeroIv, block, error);
    if (!encrypted)
        return std::nullopt;
    const auto mac = RetailMac::compute(m_mac.view(), Iso9797Padding::pad(*encrypted, 8), error);
    if (!mac)
        return std::nullopt;
    return *encrypted + *mac;
}

std::optional<SecureBuffer> BacKeys::open(QByteArrayView sealed, QString* error) const
{
    if (sealed.size() != kSealedBytes) {
        fail(error, QStringLiteral("the authentication data is %1 bytes, not %2").arg(sealed.size()).arg(kSealedBytes));
        return std::nullopt;
    }
    const QByteArrayView encrypted = sealed.first(kBlockBytes);
    const auto mac = RetailMac::compute(m_mac.view(), Iso9797Padding::pad(encrypted, 8), error);
    if (!mac)
        return std::nullopt;
    if (CRYPTO_memcmp(mac->constData(), sealed.data() + kBlockBytes, RetailMac::kBytes) != 0) {
        fail(error, QStringLiteral("the MAC of the authentication data does not match: the other side has other keys "
                                   "(a wrong MRZ?)"));
        return std::nullopt;
    }
    return BlockCipher::decryptCbc(SmCipher::TripleDes, m_encryption.view(), kZeroIv, encrypted, error);
}

std::optional<SessionKeys> BacKeys::sessionKeys(QByteArrayView kIfd, QByteArrayView kIc, QByteArrayView rndIc,
                                                QByteArrayView rndIfd, QString* error)
{
    if (kIfd.size() != kKeyBytes || kIc.size() != kKeyBytes || rndIc.size() != kRandomBytes
        || rndIfd.size() != kRandomBytes) {
        fail(error, QStringLiteral("key halves of %1 and %2 bytes and challenges of %3 and %4 bytes (16, 16, 8, 8 "
                                   "expected)")
                        .arg(kIfd.size())
                        .arg(kIc.size())
                        .arg(rndIc.size())
                        .arg(rndIfd.size()));
        return std::nullopt;
    }
    SecureBuffer seed(kKeyBytes);
    for (int i = 0; i < kKeyBytes; ++i)
        seed.data()[i] = static_cast<char>(kIfd[i] ^ kIc[i]);
    const QByteArray ssc = rndIc.last(4).toByteArray() + rndIfd.last(4).toByteArray();
    return SessionKeys::derive(seed.view(), SmCipher::TripleDes, ssc, error);
}

} // namespace fg
