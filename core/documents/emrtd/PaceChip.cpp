#include "core/documents/emrtd/PaceChip.h"

#include "core/documents/emrtd/BerTlvDecoder.h"
#include "core/documents/emrtd/ChipAccessKey.h"
#include "core/documents/emrtd/DynamicAuthenticationData.h"
#include "core/documents/emrtd/PaceAuthToken.h"
#include "core/documents/emrtd/PaceNonce.h"
#include "core/security/CryptoRandom.h"

#include <utility>

namespace fg {
namespace {

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("PACE (chip): ") + why;
    return false;
}

} // namespace

PaceChip::PaceChip(PaceInfo info, int keyReference, SecureBuffer passwordKey, PaceEcdhMapping mapping)
    : m_info(std::move(info))
    , m_keyReference(keyReference)
    , m_passwordKey(std::move(passwordKey))
    , m_mapping(std::move(mapping))
{
}

std::optional<PaceChip> PaceChip::create(const PaceInfo& info, const ChipAccessKey& key, QString* error)
{
    if (!info.isSupported()) {
        fail(error, QStringLiteral("%1 is not implemented").arg(info.name()));
        return std::nullopt;
    }
    auto passwordKey = PaceNonce::passwordKey(key, info.cipher(), error);
    if (!passwordKey)
        return std::nullopt;
    auto mapping = PaceEcdhMapping::forCurve(info.curveNid(), error);
    if (!mapping)
        return std::nullopt;
    return PaceChip(info, key.paceKeyReference(), std::move(*passwordKey), std::move(*mapping));
}

void PaceChip::useFixedValues(QByteArray nonce, QByteArray mappingKey, QByteArray agreementKey)
{
    m_fixedNonce = std::move(nonce);
    m_fixedMappingKey = std::move(mappingKey);
    m_fixedAgreementKey = std::move(agreementKey);
}

bool PaceChip::setAuthenticationTemplate(const CommandApdu& command, QString* error)
{
    m_step = Step::Done;
    if (command.ins() != 0x22 || command.p1() != 0xC1 || command.p2() != 0xA4)
        return fail(error, QStringLiteral("not an MSE:Set AT for PACE (22 C1 A4)"));
    QString why;
    const auto objects = BerTlvDecoder::decode(command.data(), &why);
    if (!objects)
        return fail(error, QStringLiteral("MSE:Set AT is malformed: ") + why);
    const BerTlv* protocol = nullptr;
    const BerTlv* password = nullptr;
    const BerTlv* parameters = nullptr;
    for (const BerTlv& object : *objects) {
        if (object.tag() == 0x80)
            protocol = &object;
        else if (object.tag() == 0x83)
            password = &object;
        else if (object.tag() == 0x84)
            parameters = &object;
    }
    if (!protocol || protocol->value() != m_info.oid())
        return fail(error, QStringLiteral("MSE:Set AT asks for another protocol than %1").arg(m_info.name()));
    if (!password || password->value() != QByteArray(1, static_cast<char>(m_keyReference)))
        return fail(error, QStringLiteral("MSE:Set AT asks for another password than the %1")
                               .arg(m_keyReference == 1 ? QStringLiteral("MRZ") : QStringLiteral("CAN")));
    if (parameters
        && (!m_info.parameterId() || parameters->value() != QByteArray(1, static_cast<char>(*m_info.parameterId()))))
        return fail(error, QStringLiteral("MSE:Set AT asks for other domain parameters"));
    m_step = Step::Nonce;
    return true;
}

// Checks the command of `step` (chained or `last`) and returns the value of
// `tag` in its 7C (empty for tag 0, which expects 7C 00).
std::optional<QByteArray> PaceChip::step(Step expected, const CommandApdu& command, bool last, BerTlv::Tag tag,
                                         QString* error)
{
    const bool inOrder = m_step == expected;
    m_step = Step::Done; // until this step succeeds
    if (!inOrder) {
        fail(error, QStringLiteral("a GENERAL AUTHENTICATE out of order"));
        return std::nullopt;
    }
    if (command.ins() != 0x86 || command.p1() != 0 || command.p2() != 0 || command.cla() != (last ? 0x00 : 0x10)) {
        fail(error, QStringLiteral("not the GENERAL AUTHENTICATE expected (%1)")
                        .arg(last ? QStringLiteral("00 86 00 00") : QStringLiteral("10 86 00 00, chained")));
        return std::nullopt;
    }
    if (tag == 0) {
        if (command.data() != DynamicAuthenticationData::wrap(0, QByteArrayView())) {
            fail(error, QStringLiteral("the nonce is asked for with data other than 7C 00"));
            return std::nullopt;
        }
        return QByteArray();
    }
    QString why;
    auto value = DynamicAuthenticationData::unwrap(command.data(), tag, &why);
    if (!value)
        fail(error, why);
    return value;
}

std::optional<QByteArray> PaceChip::nonce(const CommandApdu& command, QString* error)
{
    if (!step(Step::Nonce, command, false, 0, error))
        return std::nullopt;
    if (m_fixedNonce.isEmpty()) {
        auto drawn = CryptoRandom::secret(PaceNonce::kNonceBytes, error);
        if (!drawn)
            return std::nullopt;
        m_nonce = std::move(*drawn);
    } else {
        m_nonce = SecureBuffer::copyOf(m_fixedNonce);
    }
    const auto encrypted = PaceNonce::encrypt(m_info.cipher(), m_passwordKey.view(), m_nonce.view(), error);
    if (!encrypted)
        return std::nullopt;
    m_step = Step::Map;
    return DynamicAuthenticationData::wrap(0x80, *encrypted);
}

std::optional<QByteArray> PaceChip::map(const CommandApdu& command, QString* error)
{
    const auto terminalKey = step(Step::Map, command, false, 0x81, error);
    if (!terminalKey)
        return std::nullopt;
    const auto publicKey = m_fixedMappingKey.isEmpty() ? m_mapping.generateMappingKey(error)
                                                       : m_mapping.setMappingKey(m_fixedMappingKey, error);
    if (!publicKey || !m_mapping.mapGenerator(m_nonce.view(), *terminalKey, error))
        return std::nullopt;
    m_nonce.clear();
    m_step = Step::Agree;
    return DynamicAuthenticationData::wrap(0x82, *publicKey);
}

std::optional<QByteArray> PaceChip::agree(const CommandApdu& command, QString* error)
{
    const auto terminalKey = step(Step::Agree, command, false, 0x83, error);
    if (!terminalKey)
        return std::nullopt;
    const auto publicKey = m_fixedAgreementKey.isEmpty() ? m_mapping.generateAgreementKey(error)
                                                         : m_mapping.setAgreementKey(m_fixedAgreementKey, error);
    if (!publicKey)
        return std::nullopt;
    const auto secret = m_mapping.sharedSecret(*terminalKey, error);
    if (!secret)
        return std::nullopt;
    const QByteArray zeroSsc(smCipherBlockBytes(m_info.cipher()), '\0');
    auto keys = SessionKeys::derive(secret->view(), m_info.cipher(), zeroSsc, error);
    if (!keys)
        return std::nullopt;
    m_keys = std::move(*keys);
    m_ourEphemeralKey = *publicKey;
    m_terminalEphemeralKey = *terminalKey;
    m_step = Step::Authenticate;
    return DynamicAuthenticationData::wrap(0x84, *publicKey);
}

std::optional<PaceChip::Result> PaceChip::authenticate(const CommandApdu& command, QString* error)
{
    const auto token = step(Step::Authenticate, command, true, 0x85, error);
    if (!token)
        return std::nullopt;
    QString why;
    if (!PaceAuthToken::verify(m_info.cipher(), m_keys->mac.view(), m_info.oid(), m_ourEphemeralKey, *token, &why)) {
        m_keys.reset();
        fail(error, QStringLiteral("the terminal's token does not match: it has another password"));
        return std::nullopt;
    }
    const auto ours = PaceAuthToken::compute(m_info.cipher(), m_keys->mac.view(), m_info.oid(), m_terminalEphemeralKey,
                                             error);
    if (!ours)
        return std::nullopt;
    Result result{DynamicAuthenticationData::wrap(0x86, *ours), std::move(*m_keys)};
    m_keys.reset();
    return result;
}

} // namespace fg
