#pragma once

#include "core/documents/emrtd/BerTlv.h"
#include "core/documents/emrtd/SessionKeys.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// The state both ends of eMRTD secure messaging keep (ICAO Doc 9303 part 11,
// 9.8): the session keys, the send sequence counter (SSC, incremented
// before each command and each response is protected or checked), and
// whether the channel is broken. Used by SecureMessaging (the terminal) and
// SecureMessagingChip.
//
// Encryption is CBC over the data padded by ISO/IEC 9797-1 method 2, with a
// zero IV for 3DES and IV = E(KSenc, SSC) for AES (9.8.6.1, 9.8.7.1). The
// MAC is over the padded SSC || data: the retail MAC for 3DES, AES-CMAC
// truncated to 8 bytes for AES (9.8.6.2, 9.8.7.2).
//
// A channel is broken for good by the first MAC that does not match, the
// first malformed protected APDU, or any failure after the SSC moved: the
// counters of the two ends may then differ, and nothing the other end sends
// can be trusted any more. Doc 9303 has the chip close the session then; the
// terminal must start over with BAC or PACE.
class SecureChannel {
public:
    static constexpr int kMacBytes = 8;

    explicit SecureChannel(SessionKeys keys);

    SmCipher cipher() const { return m_keys.cipher; }
    int blockBytes() const { return smCipherBlockBytes(m_keys.cipher); }
    const QByteArray& ssc() const { return m_keys.ssc; }
    void incrementSsc();

    bool isBroken() const { return !m_brokenReason.isEmpty(); }
    const QString& brokenReason() const { return m_brokenReason; }
    // Breaks the channel with `reason`, puts the reason in *error; returns false.
    bool breakWith(const QString& reason, QString* error);
    // False with an error naming why, once the channel is broken.
    bool checkUsable(QString* error) const;

    // DO'87' (01 || encrypted data) for an even INS, DO'85' (encrypted data)
    // for an odd one (9.8.4).
    std::optional<BerTlv> encryptedDataObject(std::uint8_t ins, QByteArrayView data, QString* error) const;
    // The plain data of a DO'87' or DO'85'. Refused: a DO'87' whose padding
    // content indicator is not 01, ciphertext that is not whole blocks,
    // padding that is not method 2.
    std::optional<QByteArray> decryptDataObject(const BerTlv& object, QString* error) const;

    // The 8-byte MAC over pad(SSC || data), at the current SSC.
    std::optional<QByteArray> mac(QByteArrayView data, QString* error) const;
    // Compares in constant time; false when the MAC differs or cannot be made.
    bool macMatches(QByteArrayView data, QByteArrayView received, QString* error) const;

private:
    std::optional<QByteArray> iv(QString* error) const;

    SessionKeys m_keys;
    QString m_brokenReason;
};

} // namespace fg
