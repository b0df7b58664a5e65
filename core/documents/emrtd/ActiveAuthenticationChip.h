#pragma once

#include "core/documents/emrtd/ChipPublicKey.h"
#include "core/documents/emrtd/CommandApdu.h"
#include "core/documents/emrtd/ResponseApdu.h"

#include <QString>

#include <optional>

namespace fg {

// The chip's side of active authentication (ICAO Doc 9303 part 11, 6.1),
// for the simulated chip of the tests: INTERNAL AUTHENTICATE's challenge
// signed with the private key whose public half is in DG15.
//  RSA: ISO/IEC 9796-2 scheme 1, SHA-1 with the implicit trailer BC, or
//       SHA-224/256/384/512 with the explicit trailer (34CC for SHA-256);
//  EC:  ECDSA over the challenge, the plain r || s signature of BSI TR-03111
//       (the hash to name in DG14's ActiveAuthenticationInfo).
// answer() refuses (6A80 or 6700, the reason in the error) a command that is
// not INTERNAL AUTHENTICATE 00 88 00 00 with an 8-byte challenge.
class ActiveAuthenticationChip {
public:
    // hashName: OpenSSL's "SHA1", "SHA256"...
    static std::optional<ActiveAuthenticationChip> create(EvpKey privateKey, const QString& hashName, QString* error);

    static bool isInternalAuthenticate(const CommandApdu& command) { return command.ins() == 0x88; }
    ResponseApdu answer(const CommandApdu& command, QString* error) const;

    // The file that goes with this chip: DG15 (6F { SubjectPublicKeyInfo }).
    QByteArray dg15() const;

private:
    ActiveAuthenticationChip(EvpKey key, QString hashName, bool rsa);

    EvpKey m_key;
    QString m_hashName;
    bool m_rsa = true;
};

} // namespace fg
