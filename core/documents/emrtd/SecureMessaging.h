#pragma once

#include "core/documents/emrtd/CommandApdu.h"
#include "core/documents/emrtd/ResponseApdu.h"
#include "core/documents/emrtd/SecureChannel.h"
#include "core/documents/emrtd/SessionKeys.h"

#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// The terminal's side of eMRTD secure messaging (ICAO Doc 9303 part 11,
// 9.8, with 3DES or AES session keys from BAC or PACE).
//
// protect(): CLA gets the SM bits (0C); the command data goes encrypted into
// DO'87' (DO'85' for an odd INS), Ne into DO'97' (one byte, 00 for 256; two
// bytes, 0000 for 65536); DO'8E' holds the MAC over the padded header and
// those objects; the protected APDU expects 00 (or 0000) bytes back, and is
// written in extended length when its data passes 255 bytes or Ne passes 256.
// Refused without touching the session: a CLA outside the first
// interindustry class or already marked as protected, data that cannot fit.
//
// unprotect(): the response must be [DO'87' or DO'85'] DO'99' DO'8E', in
// that order and nothing else, with an 8-byte MAC over the objects before
// DO'8E' at the incremented SSC, and a DO'99' equal to the status bytes that
// follow. Anything else breaks the session (SecureChannel), with the reason
// in the error: a wrong MAC, a missing or misplaced object, a status word
// alone (the chip answered without secure messaging, e.g. 6987/6988: it has
// dropped the session), undecryptable data.
class SecureMessaging {
public:
    explicit SecureMessaging(SessionKeys keys);

    std::optional<CommandApdu> protect(const CommandApdu& command, QString* error);
    std::optional<ResponseApdu> unprotect(QByteArrayView response, QString* error);

    bool isBroken() const { return m_channel.isBroken(); }
    const QString& brokenReason() const { return m_channel.brokenReason(); }
    const QByteArray& ssc() const { return m_channel.ssc(); }
    SmCipher cipher() const { return m_channel.cipher(); }

private:
    SecureChannel m_channel;
};

} // namespace fg
