#pragma once

#include "core/documents/emrtd/SmCipher.h"
#include "core/security/SecureBuffer.h"

#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <optional>

namespace fg {

// The key derivation function of ICAO Doc 9303 part 11, 9.7.1:
// keydata = H(K || c), c a 32-bit big-endian counter (1: encryption key,
// 2: MAC key, 3: PACE's password key K_pi). The hash and the key taken from
// it follow the cipher:
//   3DES      SHA-1,   bytes 1..16 as Ka || Kb, DES parity bits adjusted
//   AES-128   SHA-1,   bytes 1..16
//   AES-192   SHA-256, bytes 1..24
//   AES-256   SHA-256, bytes 1..32
// K is the BAC key seed, the shared secret of BAC (K.IFD xor K.IC) or of
// PACE, or PACE's password f(pi).
class EmrtdKdf {
public:
    static constexpr std::uint32_t kEncryption = 1;
    static constexpr std::uint32_t kMac = 2;
    static constexpr std::uint32_t kPassword = 3;

    static std::optional<SecureBuffer> derive(QByteArrayView secret, std::uint32_t counter, SmCipher cipher,
                                              QString* error);
    // Sets each byte's lowest bit so that the byte has an odd number of ones.
    static void adjustDesParity(char* key, qsizetype size);
};

} // namespace fg
