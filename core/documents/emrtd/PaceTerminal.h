#pragma once

#include "core/documents/emrtd/CommandApdu.h"
#include "core/documents/emrtd/PaceEcdhMapping.h"
#include "core/documents/emrtd/PaceInfo.h"
#include "core/documents/emrtd/ResponseApdu.h"
#include "core/documents/emrtd/SessionKeys.h"
#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace fg {

class ChipAccessKey;

// The terminal's side of PACE with ECDH generic mapping (ICAO Doc 9303 part
// 11, 4.4 and appendix G.1), without the card reader, one APDU at a time:
//  1. setAuthenticationTemplate(): MSE:Set AT with the protocol, the
//     password (1 MRZ, 2 CAN) and the domain parameters' id when known;
//  2. requestNonce(its answer): GENERAL AUTHENTICATE (chained) asking for
//     the encrypted nonce;
//  3. mapNonce(answer): nonce decrypted with K_pi, our mapping key sent;
//  4. agreeKey(answer): generator mapped, our ephemeral key on it sent;
//  5. authenticate(answer): shared secret, session keys, our token T_IFD;
//  6. finish(answer): the chip's token T_IC checked; the session keys and
//     a zero SSC for secure messaging.
// Refused, with the reason: a protocol other than ECDH-GM on a standardized
// curve (isSupported()), an answer that is not 9000 (MSE:Set AT refused, or
// 6300 at the last step: the password does not open this chip), malformed
// authentication data, a point off the curve, a token that does not match
// (a wrong MRZ or CAN), a step out of order.
class PaceTerminal {
public:
    static std::optional<PaceTerminal> create(const PaceInfo& info, const ChipAccessKey& key, QString* error);

    CommandApdu setAuthenticationTemplate() const;
    std::optional<CommandApdu> requestNonce(const ResponseApdu& setAtAnswer, QString* error);
    std::optional<CommandApdu> mapNonce(const ResponseApdu& answer, QString* error);
    std::optional<CommandApdu> agreeKey(const ResponseApdu& answer, QString* error);
    std::optional<CommandApdu> authenticate(const ResponseApdu& answer, QString* error);
    std::optional<SessionKeys> finish(const ResponseApdu& answer, QString* error);

    // The known-answer tests' fixed private keys, instead of random ones.
    void useFixedKeys(QByteArray mappingKey, QByteArray agreementKey);
    // What the last steps computed, for the known-answer tests.
    const PaceEcdhMapping& mapping() const { return m_mapping; }

private:
    // The answer each step waits for.
    enum class Step { SetAtAnswer, NonceAnswer, MappingAnswer, AgreementAnswer, TokenAnswer, Done };

    PaceTerminal(PaceInfo info, int keyReference, SecureBuffer passwordKey, PaceEcdhMapping mapping);
    bool expect(Step step, const ResponseApdu& answer, QString* error);

    PaceInfo m_info;
    int m_keyReference = 1;
    SecureBuffer m_passwordKey;
    PaceEcdhMapping m_mapping;
    Step m_step = Step::SetAtAnswer;
    SecureBuffer m_nonce;
    QByteArray m_fixedMappingKey;
    QByteArray m_fixedAgreementKey;
    QByteArray m_ourEphemeralKey;
    QByteArray m_chipEphemeralKey;
    std::optional<SessionKeys> m_keys;
};

} // namespace fg
