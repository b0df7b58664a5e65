#include "core/documents/emrtd/SecureChannel.h"

#include "core/documents/emrtd/AesCmac.h"
#include "core/documents/emrtd/BlockCipher.h"
#include "core/documents/emrtd/Iso9797Padding.h"
#include "core/documents/emrtd/RetailMac.h"

#include <openssl/crypto.h>

#include <utility>

namespace fg {
namespace {

constexpr BerTlv::Tag kPaddedEncryptedData = 0x87;
constexpr BerTlv::Tag kEncryptedData = 0x85;
constexpr char kPaddingContentIndicator = 0x01;

} // namespace

SecureChannel::SecureChannel(SessionKeys keys)
    : m_keys(std::move(keys))
{
}

void SecureChannel::incrementSsc()
{
    for (qsizetype i = m_keys.ssc.size() - 1; i >= 0; --i) {
        m_keys.ssc[i] = static_cast<char>(static_cast<unsigned char>(m_keys.ssc[i]) + 1);
        if (m_keys.ssc[i] != '\0')
            break;
    }
}

bool SecureChannel::breakWith(const QString& reason, QString* error)
{
    if (m_brokenReason.isEmpty())
        m_brokenReason = reason;
    if (error)
        *error = QStringLiteral("secure messaging: ") + reason + QStringLiteral(" (the session is closed)");
    return false;
}

bool SecureChannel::checkUsable(QString* error) const
{
    if (!isBroken())
        return true;
    if (error)
        *error = QStringLiteral("secure messaging: the session was closed earlier (%1): authenticate again")
                     .arg(m_brokenReason);
    return false;
}

std::optional<QByteArray> SecureChannel::iv(QString* error) const
{
    if (m_keys.cipher == SmCipher::TripleDes)
        return QByteArray(8, '\0');
    return BlockCipher::encryptBlock(m_keys.cipher, m_keys.encryption.view(), m_keys.ssc, error);
}

std::optional<BerTlv> SecureChannel::encryptedDataObject(std::uint8_t ins, QByteArrayView data, QString* error) const
{
    const auto vector = iv(error);
    if (!vector)
        return std::nullopt;
    const auto encrypted = BlockCipher::encryptCbc(m_keys.cipher, m_keys.encryption.view(), *vector,
                                                   Iso9797Padding::pad(data, blockBytes()), error);
    if (!encrypted)
        return std::nullopt;
    if (ins % 2 == 1)
        return BerTlv::primitive(kEncryptedData, *encrypted);
    return BerTlv::primitive(kPaddedEncryptedData, kPaddingContentIndicator + *encrypted);
}

std::optional<QByteArray> SecureChannel::decryptDataObject(const BerTlv& object, QString* error) const
{
    QByteArrayView encrypted = object.value();
    if (object.tag() == kPaddedEncryptedData) {
        if (encrypted.isEmpty() || encrypted.front() != kPaddingContentIndicator) {
            if (error)
                *error = QStringLiteral("DO'87' without the padding content indicator 01");
            return std::nullopt;
        }
        encrypted = encrypted.sliced(1);
    } else if (object.tag() != kEncryptedData) {
        if (error)
            *error = QStringLiteral("DO'%1' holds no encrypted data").arg(BerTlv::tagName(object.tag()));
        return std::nullopt;
    }
    if (encrypted.isEmpty() || encrypted.size() % blockBytes() != 0) {
        if (error)
            *error = QStringLiteral("DO'%1' holds %2 bytes of ciphertext, not whole blocks of %3")
                         .arg(BerTlv::tagName(object.tag()))
                         .arg(encrypted.size())
                         .arg(blockBytes());
        return std::nullopt;
    }
    const auto vector = iv(error);
    if (!vector)
        return std::nullopt;
    const auto padded = BlockCipher::decryptCbc(m_keys.cipher, m_keys.encryption.view(), *vector, encrypted, error);
    if (!padded)
        return std::nullopt;
    return Iso9797Padding::unpad(padded->view(), blockBytes(), error);
}

std::optional<QByteArray> SecureChannel::mac(QByteArrayView data, QString* error) const
{
    const QByteArray input = Iso9797Padding::pad(m_keys.ssc + data.toByteArray(), blockBytes());
    if (m_keys.cipher == SmCipher::TripleDes)
        return RetailMac::compute(m_keys.mac.view(), input, error);
    const auto full = AesCmac::compute(m_keys.mac.view(), input, error);
    if (!full)
        return std::nullopt;
    return full->left(kMacBytes);
}

bool SecureChannel::macMatches(QByteArrayView data, QByteArrayView received, QString* error) const
{
    const auto expected = mac(data, error);
    if (!expected)
        return false;
    if (received.size() != kMacBytes || CRYPTO_memcmp(expected->constData(), received.data(), kMacBytes) != 0) {
        if (error)
            *error = QStringLiteral("the MAC does not match");
        return false;
    }
    return true;
}

} // namespace fg
