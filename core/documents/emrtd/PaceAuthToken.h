#pragma once

#include "core/documents/emrtd/SmCipher.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// PACE's authentication token (ICAO Doc 9303 part 11, 4.4.3.4): the MAC with
// KSmac over the other side's ephemeral public key in a public key data
// object, 7F49 { 06 protocol OID, 86 uncompressed point }. T_IFD is over the
// chip's key, T_IC over the terminal's; each side checks the other's, which
// proves both derived the same keys from the same password. The MAC is the
// first 8 bytes of AES-CMAC over the data as it is, or for 3DES the retail
// MAC over the data padded (ISO/IEC 9797-1 method 2).
class PaceAuthToken {
public:
    static constexpr int kBytes = 8;

    static QByteArray publicKeyData(QByteArrayView oid, QByteArrayView ecPoint);
    static std::optional<QByteArray> compute(SmCipher cipher, QByteArrayView macKey, QByteArrayView oid,
                                             QByteArrayView ecPoint, QString* error);
    // Compares in constant time; false with a reason when it differs.
    static bool verify(SmCipher cipher, QByteArrayView macKey, QByteArrayView oid, QByteArrayView ecPoint,
                       QByteArrayView token, QString* error);
};

} // namespace fg
