#include "core/documents/emrtd/ChipAuthenticationChip.h"

#include "core/documents/emrtd/BerTlvDecoder.h"
#include "core/documents/emrtd/KeyAgreement.h"

#include <openssl/evp.h>

#include <utility>

namespace fg {
namespace {

constexpr std::uint16_t kWrongData = 0x6A80;
constexpr std::uint16_t kNotFound = 0x6A88;
constexpr std::uint16_t kConditions = 0x6985;

ChipAuthenticationChip::Answer refuse(std::uint16_t status, QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("chip authentication (chip): ") + why;
    return {ResponseApdu(QByteArray(), status), std::nullopt};
}

} // namespace

ChipAuthenticationChip::ChipAuthenticationChip(ChipAuthenticationInfo info, EvpKey key)
    : m_info(std::move(info))
    , m_key(std::move(key))
{
}

std::optional<ChipAuthenticationChip> ChipAuthenticationChip::create(const ChipAuthenticationInfo& info,
                                                                     EvpKey privateKey, QString* error)
{
    const int type = privateKey ? EVP_PKEY_get_base_id(privateKey.get()) : EVP_PKEY_NONE;
    const bool ecdh = info.agreement == ChipAuthenticationInfo::Agreement::Ecdh;
    if ((ecdh && type != EVP_PKEY_EC) || (!ecdh && type != EVP_PKEY_DH && type != EVP_PKEY_DHX)) {
        if (error)
            *error = QStringLiteral("chip authentication (chip): %1 needs an %2 key")
                         .arg(info.name(), ecdh ? QStringLiteral("EC") : QStringLiteral("DH"));
        return std::nullopt;
    }
    ChipAuthenticationInfo chosen = info;
    if (chosen.oid.isEmpty())
        chosen.oid = ChipAuthenticationInfo::oidFor(chosen.agreement, chosen.cipher);
    return ChipAuthenticationChip(std::move(chosen), std::move(privateKey));
}

bool ChipAuthenticationChip::accepts(const CommandApdu& command) const
{
    if (command.ins() == 0x22 && command.p1() == 0x41 && (command.p2() == 0xA6 || command.p2() == 0xA4))
        return true;
    return command.ins() == 0x86 && m_setAtDone;
}

QByteArray ChipAuthenticationChip::dg14(bool explicitParameters, const QByteArray& aaSignatureAlgorithm) const
{
    return SecurityInfos::encodeDg14(m_info, m_key.get(), explicitParameters, aaSignatureAlgorithm);
}

bool ChipAuthenticationChip::keyIdMatches(const BerTlv* keyId) const
{
    if (!keyId)
        return true; // the chip's only key
    if (!m_info.keyId || keyId->value().isEmpty() || keyId->value().size() > 4)
        return false;
    int value = 0;
    for (const char byte : keyId->value())
        value = value << 8 | static_cast<unsigned char>(byte);
    return value == *m_info.keyId;
}

ChipAuthenticationChip::Answer ChipAuthenticationChip::answer(const CommandApdu& command, QString* error)
{
    const bool aes = m_info.cipher != SmCipher::TripleDes;
    QString why;
    if (command.ins() == 0x22 && command.p1() == 0x41) {
        m_setAtDone = false;
        const auto objects = BerTlvDecoder::decode(command.data(), &why);
        if (!objects)
            return refuse(kWrongData, error, QStringLiteral("malformed MSE data: ") + why);
        const BerTlv* keyId = nullptr;
        const BerTlv* main = nullptr;
        const BerTlv::Tag mainTag = command.p2() == 0xA6 ? 0x91 : 0x80;
        for (const BerTlv& object : *objects) {
            if (object.tag() == 0x84 && !keyId)
                keyId = &object;
            else if (object.tag() == mainTag && !main)
                main = &object;
            else
                return refuse(kWrongData, error,
                              QStringLiteral("an unexpected object %1 in MSE").arg(BerTlv::tagName(object.tag())));
        }
        if (!main)
            return refuse(kWrongData, error, QStringLiteral("MSE without its %1 object").arg(BerTlv::tagName(mainTag)));
        if (!keyIdMatches(keyId))
            return refuse(kNotFound, error, QStringLiteral("the terminal asks for a key this chip does not have"));
        if (command.p2() == 0xA6) {
            if (aes)
                return refuse(kConditions, error, QStringLiteral("MSE:Set KAT (3DES) on a chip of %1").arg(m_info.name()));
            return agree(main->value(), error);
        }
        if (main->value() != m_info.oid)
            return refuse(kWrongData, error, QStringLiteral("MSE:Set AT asks for %1, this chip offers %2")
                                                 .arg(QString::fromLatin1(main->value().toHex().toUpper()), m_info.name()));
        if (!aes)
            return refuse(kConditions, error, QStringLiteral("MSE:Set AT for chip authentication with 3DES"));
        m_setAtDone = true;
        return {ResponseApdu(QByteArray(), ResponseApdu::kSuccess), std::nullopt};
    }
    if (command.ins() == 0x86) {
        if (!m_setAtDone)
            return refuse(kConditions, error, QStringLiteral("GENERAL AUTHENTICATE without MSE:Set AT"));
        m_setAtDone = false;
        if (command.cla() & 0x10)
            return refuse(kWrongData, error, QStringLiteral("a chained GENERAL AUTHENTICATE"));
        const auto data = BerTlvDecoder::decodeSingle(command.data(), &why);
        if (!data || data->tag() != 0x7C)
            return refuse(kWrongData, error, QStringLiteral("GENERAL AUTHENTICATE's data is not one 7C"));
        const BerTlv* key = data->child(0x80);
        if (!key)
            return refuse(kWrongData, error, QStringLiteral("GENERAL AUTHENTICATE without the ephemeral key (80)"));
        Answer result = agree(key->value(), error);
        if (result.response.isSuccess())
            result.response = ResponseApdu(QByteArray::fromHex("7C00"), ResponseApdu::kSuccess);
        return result;
    }
    return refuse(kWrongData, error, QStringLiteral("not a chip authentication command"));
}

ChipAuthenticationChip::Answer ChipAuthenticationChip::agree(const QByteArray& terminalKey, QString* error)
{
    QString why;
    const EvpKey peer = KeyAgreement::decodePublic(m_key.get(), terminalKey, &why);
    if (!peer)
        return refuse(kWrongData, error, why);
    const auto secret = KeyAgreement::sharedSecret(m_key.get(), peer.get(), &why);
    if (!secret)
        return refuse(kWrongData, error, why);
    auto keys = SessionKeys::derive(secret->view(), m_info.cipher, QByteArray(smCipherBlockBytes(m_info.cipher), '\0'),
                                    &why);
    if (!keys)
        return refuse(kWrongData, error, why);
    return {ResponseApdu(QByteArray(), ResponseApdu::kSuccess), std::move(*keys)};
}

} // namespace fg
