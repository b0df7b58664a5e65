#pragma once

#include "core/documents/emrtd/BerTlv.h"
#include "core/documents/emrtd/CommandApdu.h"
#include "core/documents/emrtd/PaceEcdhMapping.h"
#include "core/documents/emrtd/PaceInfo.h"
#include "core/documents/emrtd/SessionKeys.h"
#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace fg {

class ChipAccessKey;

// The chip's side of PACE with ECDH generic mapping (ICAO Doc 9303 part 11,
// 4.4 and appendix G.1), for the simulated chip of the tests: the mirror of
// PaceTerminal, one command at a time, each answer being the response data
// (a 7C) of a 9000:
//  1. setAuthenticationTemplate(MSE:Set AT): our protocol and password;
//  2. nonce(GENERAL AUTHENTICATE 7C00): s drawn, z = E(K_pi, s) in 80;
//  3. map(81 PK_map,IFD): our mapping key in 82, the generator mapped;
//  4. agree(83 PK_DH,IFD): our ephemeral key in 84, the shared secret and
//     the session keys;
//  5. authenticate(85 T_IFD): the terminal's token checked, ours in 86, the
//     session keys for secure messaging (zero SSC).
// Refused, with the reason (a real chip answers 6A80 or 6300): another
// protocol, password or domain parameters in MSE:Set AT, a command out of
// order or with the wrong class (the first three are chained, CLA 10),
// malformed data, a point off the curve, a token that does not match (the
// terminal has another password: 6300).
class PaceChip {
public:
    static std::optional<PaceChip> create(const PaceInfo& info, const ChipAccessKey& key, QString* error);

    bool setAuthenticationTemplate(const CommandApdu& command, QString* error);
    std::optional<QByteArray> nonce(const CommandApdu& command, QString* error);
    std::optional<QByteArray> map(const CommandApdu& command, QString* error);
    std::optional<QByteArray> agree(const CommandApdu& command, QString* error);
    struct Result {
        QByteArray responseData;
        SessionKeys keys;
    };
    std::optional<Result> authenticate(const CommandApdu& command, QString* error);

    // The known-answer tests' fixed nonce and private keys.
    void useFixedValues(QByteArray nonce, QByteArray mappingKey, QByteArray agreementKey);

private:
    enum class Step { SetAt, Nonce, Map, Agree, Authenticate, Done };

    PaceChip(PaceInfo info, int keyReference, SecureBuffer passwordKey, PaceEcdhMapping mapping);
    std::optional<QByteArray> step(Step expected, const CommandApdu& command, bool last, BerTlv::Tag tag,
                                   QString* error);

    PaceInfo m_info;
    int m_keyReference = 1;
    SecureBuffer m_passwordKey;
    PaceEcdhMapping m_mapping;
    Step m_step = Step::SetAt;
    SecureBuffer m_nonce;
    QByteArray m_fixedNonce;
    QByteArray m_fixedMappingKey;
    QByteArray m_fixedAgreementKey;
    QByteArray m_ourEphemeralKey;
    QByteArray m_terminalEphemeralKey;
    std::optional<SessionKeys> m_keys;
};

} // namespace fg
