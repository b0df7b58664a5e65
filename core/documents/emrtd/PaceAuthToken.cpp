#include "core/documents/emrtd/PaceAuthToken.h"

#include "core/documents/emrtd/AesCmac.h"
#include "core/documents/emrtd/BerTlv.h"
#include "core/documents/emrtd/Iso9797Padding.h"
#include "core/documents/emrtd/RetailMac.h"

#include <openssl/crypto.h>

namespace fg {

QByteArray PaceAuthToken::publicKeyData(QByteArrayView oid, QByteArrayView ecPoint)
{
    return BerTlv::constructed(0x7F49, {BerTlv::primitive(0x06, oid.toByteArray()),
                                        BerTlv::primitive(0x86, ecPoint.toByteArray())})
        .encode();
}

std::optional<QByteArray> PaceAuthToken::compute(SmCipher cipher, QByteArrayView macKey, QByteArrayView oid,
                                                 QByteArrayView ecPoint, QString* error)
{
    const QByteArray data = publicKeyData(oid, ecPoint);
    if (cipher == SmCipher::TripleDes)
        return RetailMac::compute(macKey, Iso9797Padding::pad(data, 8), error);
    const auto mac = AesCmac::compute(macKey, data, error);
    if (!mac)
        return std::nullopt;
    return mac->left(kBytes);
}

bool PaceAuthToken::verify(SmCipher cipher, QByteArrayView macKey, QByteArrayView oid, QByteArrayView ecPoint,
                           QByteArrayView token, QString* error)
{
    const auto expected = compute(cipher, macKey, oid, ecPoint, error);
    if (!expected)
        return false;
    if (token.size() != kBytes || CRYPTO_memcmp(expected->constData(), token.data(), kBytes) != 0) {
        if (error)
            *error = QStringLiteral("PACE: the authentication token does not match: the password (MRZ or CAN) "
                                    "differs from the chip's");
        return false;
    }
    return true;
}

} // namespace fg
