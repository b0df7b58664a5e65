#pragma once

#include "core/documents/emrtd/CommandApdu.h"
#include "core/documents/emrtd/ResponseApdu.h"
#include "core/documents/emrtd/SecureChannel.h"
#include "core/documents/emrtd/SessionKeys.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// The chip's side of eMRTD secure messaging (ICAO Doc 9303 part 11, 9.8),
// for the simulated chip of the tests: the mirror of SecureMessaging.
//
// unprotectCommand(): the command must carry the SM bits in CLA and hold
// [DO'87' or DO'85'] [DO'97'] DO'8E', in that order, with an 8-byte MAC over
// the padded header and the objects before DO'8E' at the incremented SSC.
// The plain command has CLA without the SM bits, the decrypted data, and Ne
// from DO'97' (00 is 256; 0000 is 65536). Anything else breaks the session,
// the error saying why; a real chip then answers 6987 (objects missing) or
// 6988 (objects incorrect) without secure messaging and forgets the keys.
//
// protectResponse(): DO'87' (DO'85' when the command's INS was odd) with the
// encrypted data if any, DO'99' with the status, DO'8E' with the MAC at the
// incremented SSC, then the status bytes.
class SecureMessagingChip {
public:
    explicit SecureMessagingChip(SessionKeys keys);

    std::optional<CommandApdu> unprotectCommand(QByteArrayView command, QString* error);
    std::optional<QByteArray> protectResponse(const ResponseApdu& response, QString* error);

    bool isBroken() const { return m_channel.isBroken(); }
    const QString& brokenReason() const { return m_channel.brokenReason(); }
    const QByteArray& ssc() const { return m_channel.ssc(); }

private:
    SecureChannel m_channel;
    bool m_lastInsOdd = false;
};

} // namespace fg
