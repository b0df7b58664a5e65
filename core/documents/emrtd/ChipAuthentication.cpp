#include "core/documents/emrtd/ChipAuthentication.h"

#include "core/documents/emrtd/BerTlv.h"
#include "core/documents/emrtd/BerTlvDecoder.h"
#include "core/documents/emrtd/KeyAgreement.h"

#include <utility>

namespace fg {
namespace {

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("chip authentication: ") + why;
    return false;
}

bool sameKeyId(const std::optional<int>& a, const std::optional<int>& b)
{
    return a == b;
}

} // namespace

ChipAuthentication::ChipAuthentication(ChipAuthenticationInfo info, ChipPublicKey key, EvpKey ephemeral,
                                       QByteArray ephemeralPublic)
    : m_info(std::move(info))
    , m_chipKey(std::move(key))
    , m_ephemeral(std::move(ephemeral))
    , m_ephemeralPublic(std::move(ephemeralPublic))
    , m_step(m_info.cipher == SmCipher::TripleDes ? Step::SetKat : Step::SetAt)
{
}

std::optional<ChipAuthentication> ChipAuthentication::create(const SecurityInfos& dg14, QString* error)
{
    if (dg14.chipAuthenticationKeys.empty()) {
        fail(error, QStringLiteral("DG14 holds no chip authentication public key"));
        return std::nullopt;
    }
    // An info and the key it names: same agreement, same keyId (or the only key of that agreement).
    for (const ChipAuthenticationInfo& info : dg14.chipAuthentication) {
        std::vector<const ChipAuthenticationPublicKeyInfo*> candidates;
        for (const ChipAuthenticationPublicKeyInfo& key : dg14.chipAuthenticationKeys)
            if (key.agreement == info.agreement && (!info.keyId || sameKeyId(info.keyId, key.keyId)))
                candidates.push_back(&key);
        if (candidates.size() == 1)
            return create(info, *candidates.front(), error);
    }
    if (dg14.chipAuthentication.empty() && dg14.chipAuthenticationKeys.size() == 1) {
        const ChipAuthenticationPublicKeyInfo& key = dg14.chipAuthenticationKeys.front();
        ChipAuthenticationInfo info;
        info.agreement = key.agreement;
        info.cipher = SmCipher::TripleDes;
        info.oid = ChipAuthenticationInfo::oidFor(info.agreement, info.cipher);
        info.keyId = key.keyId;
        return create(info, key, error);
    }
    fail(error, dg14.chipAuthentication.empty()
                    ? QStringLiteral("DG14 holds %1 public keys and no ChipAuthenticationInfo saying which to use")
                          .arg(dg14.chipAuthenticationKeys.size())
                    : QStringLiteral("no ChipAuthenticationInfo of DG14 names exactly one of its public keys "
                                     "(agreement and keyId)"));
    return std::nullopt;
}

std::optional<ChipAuthentication> ChipAuthentication::create(const ChipAuthenticationInfo& info,
                                                             const ChipAuthenticationPublicKeyInfo& keyInfo,
                                                             QString* error)
{
    QString why;
    auto key = ChipPublicKey::fromSubjectPublicKeyInfo(keyInfo.subjectPublicKeyInfo, &why);
    if (!key) {
        fail(error, QStringLiteral("DG14's public key: ") + why);
        return std::nullopt;
    }
    const bool ecdh = info.agreement == ChipAuthenticationInfo::Agreement::Ecdh;
    if ((ecdh && key->type() != ChipPublicKey::Type::Ec) || (!ecdh && key->type() != ChipPublicKey::Type::Dh)) {
        fail(error, QStringLiteral("%1 with a %2 key").arg(info.name(), key->description()));
        return std::nullopt;
    }
    if (info.version != 1) {
        fail(error, QStringLiteral("version %1 (only 1 is implemented)").arg(info.version));
        return std::nullopt;
    }
    EvpKey ephemeral = KeyAgreement::ephemeral(key->key().get(), &why);
    if (!ephemeral) {
        fail(error, why);
        return std::nullopt;
    }
    QByteArray ephemeralPublic = KeyAgreement::encodePublic(ephemeral.get());
    if (ephemeralPublic.isEmpty()) {
        fail(error, QStringLiteral("the ephemeral public key could not be encoded"));
        return std::nullopt;
    }
    ChipAuthenticationInfo chosen = info;
    if (chosen.oid.isEmpty())
        chosen.oid = ChipAuthenticationInfo::oidFor(chosen.agreement, chosen.cipher);
    if (!chosen.keyId)
        chosen.keyId = keyInfo.keyId;
    return ChipAuthentication(std::move(chosen), std::move(*key), std::move(ephemeral), std::move(ephemeralPublic));
}

QByteArray ChipAuthentication::keyIdObject() const
{
    if (!m_info.keyId)
        return QByteArray();
    QByteArray id;
    int value = *m_info.keyId;
    do {
        id.prepend(static_cast<char>(value & 0xFF));
        value >>= 8;
    } while (value > 0);
    return BerTlv::primitive(0x84, id).encode();
}

std::optional<CommandApdu> ChipAuthentication::nextCommand() const
{
    switch (m_step) {
    case Step::SetKat:
        return CommandApdu(0x00, 0x22, 0x41, 0xA6, BerTlv::primitive(0x91, m_ephemeralPublic).encode() + keyIdObject());
    case Step::SetAt:
        return CommandApdu(0x00, 0x22, 0x41, 0xA4, BerTlv::primitive(0x80, m_info.oid).encode() + keyIdObject());
    case Step::GeneralAuthenticate:
        return CommandApdu(0x00, 0x86, 0x00, 0x00,
                           BerTlv::constructed(0x7C, {BerTlv::primitive(0x80, m_ephemeralPublic)}).encode(),
                           CommandApdu::kMaxShortNe);
    case Step::Done:
    case Step::Failed:
        break;
    }
    return std::nullopt;
}

bool ChipAuthentication::handleAnswer(const ResponseApdu& answer, QString* error)
{
    const Step step = m_step;
    if (step == Step::Done || step == Step::Failed)
        return fail(error, QStringLiteral("an answer after the exchange was over"));
    m_step = Step::Failed;
    const char* command = step == Step::SetKat ? "MSE:Set KAT" : step == Step::SetAt ? "MSE:Set AT" : "GENERAL AUTHENTICATE";
    if (!answer.isSuccess())
        return fail(error, QStringLiteral("the chip refused %1 (%2)").arg(QLatin1String(command), answer.statusText()));
    switch (step) {
    case Step::SetKat:
        if (!answer.data().isEmpty())
            return fail(error, QStringLiteral("MSE:Set KAT answered with data"));
        if (!deriveKeys(error))
            return false;
        m_step = Step::Done;
        return true;
    case Step::SetAt:
        if (!answer.data().isEmpty())
            return fail(error, QStringLiteral("MSE:Set AT answered with data"));
        m_step = Step::GeneralAuthenticate;
        return true;
    case Step::GeneralAuthenticate: {
        // Doc 9303: the response's 7C is empty; accept it absent too.
        if (!answer.data().isEmpty()) {
            QString why;
            const auto data = BerTlvDecoder::decodeSingle(answer.data(), &why);
            if (!data || data->tag() != 0x7C)
                return fail(error, QStringLiteral("GENERAL AUTHENTICATE answered with something else than a 7C"));
        }
        if (!deriveKeys(error))
            return false;
        m_step = Step::Done;
        return true;
    }
    case Step::Done:
    case Step::Failed:
        break;
    }
    return false;
}

bool ChipAuthentication::deriveKeys(QString* error)
{
    QString why;
    const auto secret = KeyAgreement::sharedSecret(m_ephemeral.get(), m_chipKey.key().get(), &why);
    if (!secret)
        return fail(error, why);
    auto keys = SessionKeys::derive(secret->view(), m_info.cipher, QByteArray(smCipherBlockBytes(m_info.cipher), '\0'),
                                    &why);
    if (!keys)
        return fail(error, why);
    m_keys = std::move(*keys);
    m_ephemeral.reset(); // the ephemeral private key has done its work
    return true;
}

std::optional<SessionKeys> ChipAuthentication::takeSessionKeys()
{
    if (m_step != Step::Done || !m_keys)
        return std::nullopt;
    std::optional<SessionKeys> keys = std::move(m_keys);
    m_keys.reset();
    return keys;
}

QString ChipAuthentication::method() const
{
    const QString agreement = m_info.agreement == ChipAuthenticationInfo::Agreement::Ecdh
        ? QStringLiteral("ECDH %1").arg(m_chipKey.curveName())
        : QStringLiteral("DH %1").arg(m_chipKey.bits());
    return QStringLiteral("chip authentication (%1, %2)").arg(agreement, smCipherName(m_info.cipher));
}

CloneCheck ChipAuthentication::passed() const
{
    CloneCheck check;
    check.result = CloneCheck::Result::Passed;
    check.method = method();
    check.detail = QStringLiteral("the chip derived the new session keys, so it holds DG14's private key");
    return check;
}

CloneCheck ChipAuthentication::failed(const QString& why) const
{
    CloneCheck check;
    check.result = CloneCheck::Result::Failed;
    check.method = method();
    check.detail = QStringLiteral("the chip did not prove it holds DG14's private key: ") + why;
    return check;
}

} // namespace fg
