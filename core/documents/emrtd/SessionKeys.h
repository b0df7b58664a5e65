#pragma once

#include "core/documents/emrtd/SmCipher.h"
#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// What an access protocol (BAC or PACE) leaves to secure messaging: the
// cipher, the session keys KSenc and KSmac, and the send sequence counter's
// starting value (BAC: the last 4 bytes of RND.IC then of RND.IFD; PACE:
// zero), one block long.
struct SessionKeys {
    SmCipher cipher = SmCipher::TripleDes;
    SecureBuffer encryption;
    SecureBuffer mac;
    QByteArray ssc;

    // KSenc = KDF(secret, 1), KSmac = KDF(secret, 2) (EmrtdKdf).
    static std::optional<SessionKeys> derive(QByteArrayView sharedSecret, SmCipher cipher, QByteArray ssc,
                                             QString* error);
};

} // namespace fg
