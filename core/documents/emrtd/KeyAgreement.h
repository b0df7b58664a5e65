#pragma once

#include "core/documents/emrtd/ChipPublicKey.h"
#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// The static-ephemeral key agreement of chip authentication (ICAO Doc 9303
// part 11, 6.2; BSI TR-03110 part 3, A.2.2 and TR-03111), on the domain
// parameters of the chip's key, through OpenSSL's EVP (ECDH, on named or
// explicit curves, and X9.42 DH):
//  - ephemeral(): a key pair on the same domain parameters as `domain`;
//  - encodePublic(): ECDH, the uncompressed point 04 || x || y; DH, the
//    public value as an unsigned big-endian number as long as p;
//  - decodePublic(): the other side's public key on our parameters; refused:
//    not a point of the curve (or not in the DH group), the point at infinity;
//  - sharedSecret(): ECDH, the x-coordinate as long as the field; DH, the
//    secret as long as p.
class KeyAgreement {
public:
    static EvpKey ephemeral(EVP_PKEY* domain, QString* error);
    static QByteArray encodePublic(EVP_PKEY* key);
    static EvpKey decodePublic(EVP_PKEY* domain, QByteArrayView publicKey, QString* error);
    static std::optional<SecureBuffer> sharedSecret(EVP_PKEY* ours, EVP_PKEY* theirs, QString* error);
};

} // namespace fg
