#pragma once

#include <QString>

namespace fg {

// The block ciphers of eMRTD secure messaging (ICAO Doc 9303 part 11, 9.8):
// two-key triple DES in CBC mode with the ISO/IEC 9797-1 retail MAC (BAC,
// and PACE with 3DES), or AES in CBC mode with CMAC (PACE, keys of 128, 192
// or 256 bits).
enum class SmCipher { TripleDes, Aes128, Aes192, Aes256 };

int smCipherKeyBytes(SmCipher cipher);   // 16, 16, 24, 32
int smCipherBlockBytes(SmCipher cipher); // 8 for 3DES, 16 for AES
QString smCipherName(SmCipher cipher);   // "3DES", "AES-128", ...

} // namespace fg
