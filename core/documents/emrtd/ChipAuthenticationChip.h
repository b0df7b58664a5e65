#pragma once

#include "core/documents/emrtd/BerTlv.h"
#include "core/documents/emrtd/ChipPublicKey.h"
#include "core/documents/emrtd/CommandApdu.h"
#include "core/documents/emrtd/ResponseApdu.h"
#include "core/documents/emrtd/SecurityInfos.h"
#include "core/documents/emrtd/SessionKeys.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace fg {

// The chip's side of chip authentication (ICAO Doc 9303 part 11, 6.2), for
// the simulated chip of the tests: the mirror of ChipAuthentication, holding
// the static private key whose public half is in DG14. The commands arrive
// plain (after SecureMessagingChip::unprotectCommand); answer() gives the
// response to protect with the CURRENT (old) keys, and, when the agreement
// is complete (MSE:Set KAT for 3DES, GENERAL AUTHENTICATE for AES), the new
// session keys (SSC zero) to swap in right after that response is sent.
//
// Refused, the reason in the error and a status in the response (a real
// chip's): a protocol other than this info's in MSE:Set AT (6A80), a keyId
// that is not ours (6A88), GENERAL AUTHENTICATE without MSE:Set AT (6985),
// a 3DES MSE:Set KAT for an AES chip or the reverse (6985), malformed data or
// an ephemeral key off the curve (6A80).
class ChipAuthenticationChip {
public:
    static std::optional<ChipAuthenticationChip> create(const ChipAuthenticationInfo& info, EvpKey privateKey,
                                                        QString* error);

    // MSE:Set KAT or MSE:Set AT for chip authentication (P1 41), or GENERAL
    // AUTHENTICATE after this chip's MSE:Set AT: the commands answer() takes.
    bool accepts(const CommandApdu& command) const;

    struct Answer {
        ResponseApdu response;
        std::optional<SessionKeys> newKeys;
    };
    Answer answer(const CommandApdu& command, QString* error);

    const ChipAuthenticationInfo& info() const { return m_info; }
    // The file that goes with this chip: DG14 with this info and public key,
    // and an ActiveAuthenticationInfo when `aaSignatureAlgorithm` is given.
    QByteArray dg14(bool explicitParameters = false, const QByteArray& aaSignatureAlgorithm = QByteArray()) const;

private:
    ChipAuthenticationChip(ChipAuthenticationInfo info, EvpKey key);
    Answer agree(const QByteArray& terminalKey, QString* error);
    bool keyIdMatches(const BerTlv* keyId) const;

    ChipAuthenticationInfo m_info;
    EvpKey m_key;
    bool m_setAtDone = false;
};

} // namespace fg
