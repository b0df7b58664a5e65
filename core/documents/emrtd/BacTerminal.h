#pragma once

#include "core/documents/emrtd/BacKeys.h"
#include "core/documents/emrtd/CommandApdu.h"
#include "core/documents/emrtd/ResponseApdu.h"
#include "core/documents/emrtd/SessionKeys.h"
#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// The terminal's (inspection system's) side of Basic Access Control, ICAO Doc
// 9303 part 11, 4.3.3 and appendix D.3, without the card reader:
//  1. send getChallenge(); the chip answers RND.IC (8 bytes);
//  2. externalAuthenticate(RND.IC): RND.IFD and K.IFD drawn at random
//     (or given, for the known-answer tests), S = RND.IFD || RND.IC || K.IFD
//     encrypted and MACed with KEnc/KMAC into EXTERNAL AUTHENTICATE;
//  3. finish(response): the chip's E_IC || M_IC checked and decrypted, its
//     RND.IFD and RND.IC checked, the session keys derived from K.IFD xor
//     K.IC and the SSC from the challenges.
// Refused, with the reason: a challenge that is not 8 bytes, a response that
// is not 9000 with 40 bytes (a chip refusing EXTERNAL AUTHENTICATE answers
// 6300 or 6982 when the MRZ is wrong), a MAC that does not match, a chip
// that does not return our RND.IFD or its own RND.IC; finish() before
// externalAuthenticate().
class BacTerminal {
public:
    explicit BacTerminal(BacKeys keys);

    static CommandApdu getChallenge();
    std::optional<CommandApdu> externalAuthenticate(QByteArrayView rndIc, QString* error);
    std::optional<CommandApdu> externalAuthenticate(QByteArrayView rndIc, QByteArrayView rndIfd, QByteArrayView kIfd,
                                                    QString* error);
    std::optional<SessionKeys> finish(const ResponseApdu& response, QString* error);

private:
    BacKeys m_keys;
    QByteArray m_rndIc;
    QByteArray m_rndIfd;
    SecureBuffer m_kIfd;
};

} // namespace fg
