#pragma once

#include "core/documents/emrtd/SmCipher.h"
#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// The raw block-cipher operations of the eMRTD protocols, through OpenSSL 3's
// EVP interface, with no padding (the callers pad: Iso9797Padding).
//
// Single DES (needed by the retail MAC) is not in OpenSSL 3's default
// provider, only in its legacy provider. Loading that provider would be a
// process-wide change (and once any provider is loaded explicitly, the default
// one is no longer loaded implicitly), and it may be missing from a minimal
// or FIPS installation. DES is therefore computed as two-key triple DES with
// K1 = K2 (E_K(D_K(E_K(x))) = E_K(x)), which the default provider has: no
// provider is loaded, on a plain Debian 12 (OpenSSL 3.0) or anywhere else.
//
// Refused (nullopt and an error): a key of the wrong size for the cipher
// (3DES 16 bytes, DES 8, AES 16/24/32), data that is not whole blocks, an IV
// that is not one block; OpenSSL failures are reported with its reasons.
class BlockCipher {
public:
    static std::optional<QByteArray> encryptCbc(SmCipher cipher, QByteArrayView key, QByteArrayView iv,
                                                QByteArrayView data, QString* error);
    // Decrypted bytes may be secret (BAC's K.IFD, PACE's nonce): wiped memory.
    static std::optional<SecureBuffer> decryptCbc(SmCipher cipher, QByteArrayView key, QByteArrayView iv,
                                                  QByteArrayView data, QString* error);
    // One block in ECB mode: AES secure messaging's IV is E(KSenc, SSC).
    static std::optional<QByteArray> encryptBlock(SmCipher cipher, QByteArrayView key, QByteArrayView block,
                                                  QString* error);
    // Single DES in ECB mode, whole blocks, key of 8 bytes (parity ignored).
    static std::optional<QByteArray> desEncrypt(QByteArrayView key, QByteArrayView data, QString* error);
    static std::optional<QByteArray> desDecrypt(QByteArrayView key, QByteArrayView data, QString* error);
    // Single DES in CBC mode with a zero IV: the first stage of the retail MAC.
    static std::optional<QByteArray> desEncryptCbc(QByteArrayView key, QByteArrayView data, QString* error);
};

} // namespace fg
