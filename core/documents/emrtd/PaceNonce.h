#pragma once

#include "core/documents/emrtd/SmCipher.h"
#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

class ChipAccessKey;

// PACE's password key and nonce (ICAO Doc 9303 part 11, 4.4.3.3 and 9.7.3):
// K_pi = KDF(f(pi), 3) for the protocol's cipher, where f(pi) is SHA-1 of the
// MRZ information or the CAN itself; the chip sends z = E(K_pi, s), the
// encrypted nonce, in CBC mode with a zero IV, and the terminal decrypts it.
// Refused: ciphertext that is empty or not whole blocks.
class PaceNonce {
public:
    static constexpr int kNonceBytes = 16; // what the chip's side draws

    static std::optional<SecureBuffer> passwordKey(const ChipAccessKey& key, SmCipher cipher, QString* error);
    static std::optional<SecureBuffer> decrypt(SmCipher cipher, QByteArrayView passwordKey, QByteArrayView encrypted,
                                               QString* error);
    static std::optional<QByteArray> encrypt(SmCipher cipher, QByteArrayView passwordKey, QByteArrayView nonce,
                                             QString* error);
};

} // namespace fg
