#pragma once

#include "core/documents/emrtd/ChipPublicKey.h"
#include "core/documents/emrtd/ChipVerdict.h"
#include "core/documents/emrtd/CommandApdu.h"
#include "core/documents/emrtd/ResponseApdu.h"
#include "core/documents/emrtd/SecurityInfos.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// The terminal's side of active authentication (ICAO Doc 9303 part 11, 6.1):
// the chip signs the terminal's random challenge with the private key of
// DG15, proving it is not a copy of another chip's files.
//  1. command(): INTERNAL AUTHENTICATE (00 88 00 00, 8 random bytes, Le 00),
//     to be sent under the current secure messaging;
//  2. verify(its plain answer): a CloneCheck, Passed or Failed in words.
// RSA keys: ISO/IEC 9796-2 scheme 1 (Iso9796Signature), the hash named by
// the trailer (BC: SHA-1; 33CC, 34CC, 35CC, 36CC, 38CC). EC keys: ECDSA with
// the plain r || s signature of BSI TR-03111, the hash from DG14's
// ActiveAuthenticationInfo; Doc 9303 requires that info for ECDSA, and a
// chip without it is read with SHA-256, the detail saying so (JMRTD's
// verifier defaults to SHA256withECDSA too; its Passport class takes the
// algorithm from DG14 and otherwise fails or skips AA). Refused at create(): a DH key, an ActiveAuthenticationInfo
// naming an algorithm other than ecdsa-plain-SHA1..512.
class ActiveAuthentication {
public:
    static constexpr int kChallengeBytes = 8;

    static std::optional<ActiveAuthentication> create(ChipPublicKey key,
                                                      const std::optional<ActiveAuthenticationInfo>& info,
                                                      QString* error);
    // DG15's bytes and DG14's ActiveAuthenticationInfo (when DG14 was read and has one).
    static std::optional<ActiveAuthentication> fromDg15(QByteArrayView dg15,
                                                        const std::optional<ActiveAuthenticationInfo>& info,
                                                        QString* error);

    // INTERNAL AUTHENTICATE with a fresh challenge (or the one given to
    // useChallenge()); nullopt only when the random generator fails.
    std::optional<CommandApdu> command(QString* error);
    void useChallenge(QByteArray challenge); // the tests' fixed challenge
    const QByteArray& challenge() const { return m_challenge; }

    // The chip's plain answer to command(): Passed when it is a signature of
    // the challenge by DG15's key, else Failed with what was wrong.
    CloneCheck verify(const ResponseApdu& answer) const;

    // "active authentication (RSA 2048, ISO/IEC 9796-2)", "active authentication (ECDSA brainpoolP256r1, SHA-256)".
    QString method() const;

private:
    ActiveAuthentication(ChipPublicKey key, QString ecdsaHash, bool hashAssumed);
    CloneCheck verifyRsa(const QByteArray& signature) const;
    CloneCheck verifyEcdsa(const QByteArray& signature) const;
    CloneCheck failed(const QString& method, const QString& why) const;

    ChipPublicKey m_key;
    QString m_ecdsaHash;
    bool m_hashAssumed = false;
    QByteArray m_fixedChallenge;
    QByteArray m_challenge;
};

} // namespace fg
