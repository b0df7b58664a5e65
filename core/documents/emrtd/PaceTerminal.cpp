#include "core/documents/emrtd/PaceTerminal.h"

#include "core/documents/emrtd/ChipAccessKey.h"
#include "core/documents/emrtd/DynamicAuthenticationData.h"
#include "core/documents/emrtd/PaceAuthToken.h"
#include "core/documents/emrtd/PaceNonce.h"

#include <utility>

namespace fg {
namespace {

constexpr std::uint8_t kInsGeneralAuthenticate = 0x86;
constexpr std::uint8_t kClaChained = 0x10;

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("PACE: ") + why;
    return false;
}

CommandApdu generalAuthenticate(bool last, BerTlv::Tag tag, QByteArrayView value)
{
    return CommandApdu(last ? 0x00 : kClaChained, kInsGeneralAuthenticate, 0x00, 0x00,
                       DynamicAuthenticationData::wrap(tag, value), CommandApdu::kMaxShortNe);
}

} // namespace

PaceTerminal::PaceTerminal(PaceInfo info, int keyReference, SecureBuffer passwordKey, PaceEcdhMapping mapping)
    : m_info(std::move(info))
    , m_keyReference(keyReference)
    , m_passwordKey(std::move(passwordKey))
    , m_mapping(std::move(mapping))
{
}

std::optional<PaceTerminal> PaceTerminal::create(const PaceInfo& info, const ChipAccessKey& key, QString* error)
{
    if (!info.isSupported()) {
        const QString parameters = info.parameterId() ? PaceInfo::domainParameterName(*info.parameterId())
                                                      : QStringLiteral("no domain parameters");
        fail(error, QStringLiteral("%1 with %2 is not implemented (ECDH generic mapping on the standardized curves is)")
                        .arg(info.name(),
                             parameters.isEmpty() ? QStringLiteral("unknown domain parameters") : parameters));
        return std::nullopt;
    }
    auto passwordKey = PaceNonce::passwordKey(key, info.cipher(), error);
    if (!passwordKey)
        return std::nullopt;
    auto mapping = PaceEcdhMapping::forCurve(info.curveNid(), error);
    if (!mapping)
        return std::nullopt;
    return PaceTerminal(info, key.paceKeyReference(), std::move(*passwordKey), std::move(*mapping));
}

void PaceTerminal::useFixedKeys(QByteArray mappingKey, QByteArray agreementKey)
{
    m_fixedMappingKey = std::move(mappingKey);
    m_fixedAgreementKey = std::move(agreementKey);
}

CommandApdu PaceTerminal::setAuthenticationTemplate() const
{
    std::vector<BerTlv> objects = {BerTlv::primitive(0x80, m_info.oid()),
                                   BerTlv::primitive(0x83, QByteArray(1, static_cast<char>(m_keyReference)))};
    if (m_info.parameterId())
        objects.push_back(BerTlv::primitive(0x84, QByteArray(1, static_cast<char>(*m_info.parameterId()))));
    QByteArray data;
    for (const BerTlv& object : objects)
        data += object.encode();
    return CommandApdu(0x00, 0x22, 0xC1, 0xA4, data);
}

bool PaceTerminal::expect(Step step, const ResponseApdu& answer, QString* error)
{
    if (m_step != step)
        return fail(error, QStringLiteral("a step out of order"));
    if (answer.isSuccess())
        return true;
    m_step = Step::Done;
    if (step == Step::SetAtAnswer)
        return fail(error, QStringLiteral("the chip refused %1 (status %2)").arg(m_info.name(), answer.statusText()));
    if (step == Step::TokenAnswer && (answer.status() == 0x6300 || (answer.status() & 0xFFF0) == 0x63C0))
        return fail(error, QStringLiteral("the chip refused the authentication (status %1): the password (MRZ or "
                                          "CAN) does not open this chip")
                               .arg(answer.statusText()));
    return fail(error, QStringLiteral("the chip refused the authentication (status %1)").arg(answer.statusText()));
}

std::optional<CommandApdu> PaceTerminal::requestNonce(const ResponseApdu& setAtAnswer, QString* error)
{
    if (!expect(Step::SetAtAnswer, setAtAnswer, error))
        return std::nullopt;
    m_step = Step::NonceAnswer;
    return generalAuthenticate(false, 0, QByteArrayView());
}

std::optional<CommandApdu> PaceTerminal::mapNonce(const ResponseApdu& answer, QString* error)
{
    if (!expect(Step::NonceAnswer, answer, error))
        return std::nullopt;
    m_step = Step::Done; // until this step succeeds
    const auto encrypted = DynamicAuthenticationData::unwrap(answer.data(), 0x80, error);
    if (!encrypted)
        return std::nullopt;
    auto nonce = PaceNonce::decrypt(m_info.cipher(), m_passwordKey.view(), *encrypted, error);
    if (!nonce)
        return std::nullopt;
    const auto publicKey = m_fixedMappingKey.isEmpty() ? m_mapping.generateMappingKey(error)
                                                       : m_mapping.setMappingKey(m_fixedMappingKey, error);
    if (!publicKey)
        return std::nullopt;
    m_nonce = std::move(*nonce);
    m_step = Step::MappingAnswer;
    return generalAuthenticate(false, 0x81, *publicKey);
}

std::optional<CommandApdu> PaceTerminal::agreeKey(const ResponseApdu& answer, QString* error)
{
    if (!expect(Step::MappingAnswer, answer, error))
        return std::nullopt;
    m_step = Step::Done;
    const auto chipMappingKey = DynamicAuthenticationData::unwrap(answer.data(), 0x82, error);
    if (!chipMappingKey || !m_mapping.mapGenerator(m_nonce.view(), *chipMappingKey, error))
        return std::nullopt;
    m_nonce.clear();
    const auto publicKey = m_fixedAgreementKey.isEmpty() ? m_mapping.generateAgreementKey(error)
                                                         : m_mapping.setAgreementKey(m_fixedAgreementKey, error);
    if (!publicKey)
        return std::nullopt;
    m_ourEphemeralKey = *publicKey;
    m_step = Step::AgreementAnswer;
    return generalAuthenticate(false, 0x83, *publicKey);
}

std::optional<CommandApdu> PaceTerminal::authenticate(const ResponseApdu& answer, QString* error)
{
    if (!expect(Step::AgreementAnswer, answer, error))
        return std::nullopt;
    m_step = Step::Done;
    const auto chipKey = DynamicAuthenticationData::unwrap(answer.data(), 0x84, error);
    if (!chipKey)
        return std::nullopt;
    const auto secret = m_mapping.sharedSecret(*chipKey, error);
    if (!secret)
        return std::nullopt;
    const QByteArray zeroSsc(smCipherBlockBytes(m_info.cipher()), '\0');
    auto keys = SessionKeys::derive(secret->view(), m_info.cipher(), zeroSsc, error);
    if (!keys)
        return std::nullopt;
    const auto token = PaceAuthToken::compute(m_info.cipher(), keys->mac.view(), m_info.oid(), *chipKey, error);
    if (!token)
        return std::nullopt;
    m_chipEphemeralKey = *chipKey;
    m_keys = std::move(*keys);
    m_step = Step::TokenAnswer;
    return generalAuthenticate(true, 0x85, *token);
}

std::optional<SessionKeys> PaceTerminal::finish(const ResponseApdu& answer, QString* error)
{
    if (!expect(Step::TokenAnswer, answer, error))
        return std::nullopt;
    m_step = Step::Done;
    const auto token = DynamicAuthenticationData::unwrap(answer.data(), 0x86, error);
    if (!token)
        return std::nullopt;
    if (!PaceAuthToken::verify(m_info.cipher(), m_keys->mac.view(), m_info.oid(), m_ourEphemeralKey, *token, error))
        return std::nullopt;
    SessionKeys keys = std::move(*m_keys);
    m_keys.reset();
    return keys;
}

} // namespace fg
