#include "core/documents/emrtd/RetailMac.h"

#include "core/documents/emrtd/BlockCipher.h"

namespace fg {

std::optional<QByteArray> RetailMac::compute(QByteArrayView key, QByteArrayView paddedData, QString* error)
{
    if (key.size() != 16 || paddedData.isEmpty() || paddedData.size() % kBytes != 0) {
        if (error)
            *error = QStringLiteral("retail MAC: needs a 16-byte key and whole blocks of 8 bytes, not %1 and %2 bytes")
                         .arg(key.size())
                         .arg(paddedData.size());
        return std::nullopt;
    }
    const QByteArrayView ka = key.first(8);
    const QByteArrayView kb = key.sliced(8);
    const auto chained = BlockCipher::desEncryptCbc(ka, paddedData, error);
    if (!chained)
        return std::nullopt;
    const auto decrypted = BlockCipher::desDecrypt(kb, QByteArrayView(*chained).last(kBytes), error);
    if (!decrypted)
        return std::nullopt;
    return BlockCipher::desEncrypt(ka, *decrypted, error);
}

} // namespace fg
