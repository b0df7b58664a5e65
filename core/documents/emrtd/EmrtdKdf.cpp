#include "core/documents/emrtd/EmrtdKdf.h"

#include "core/documents/emrtd/SecretDigest.h"

#include <algorithm>
#include <bit>

namespace fg {

std::optional<SecureBuffer> EmrtdKdf::derive(QByteArrayView secret, std::uint32_t counter, SmCipher cipher,
                                             QString* error)
{
    SecureBuffer input(secret.size() + 4);
    std::copy(secret.begin(), secret.end(), input.data());
    for (int i = 0; i < 4; ++i)
        input.data()[secret.size() + i] = static_cast<char>(counter >> (24 - 8 * i));
    const bool sha1 = cipher == SmCipher::TripleDes || cipher == SmCipher::Aes128;
    const auto hash = sha1 ? SecretDigest::sha1(input.view(), error) : SecretDigest::sha256(input.view(), error);
    if (!hash)
        return std::nullopt;
    SecureBuffer key = SecureBuffer::copyOf(hash->view().first(smCipherKeyBytes(cipher)));
    if (cipher == SmCipher::TripleDes)
        adjustDesParity(key.data(), key.size());
    return key;
}

void EmrtdKdf::adjustDesParity(char* key, qsizetype size)
{
    for (qsizetype i = 0; i < size; ++i) {
        const auto byte = static_cast<unsigned char>(key[i]);
        const int ones = std::popcount(static_cast<unsigned>(byte >> 1));
        key[i] = static_cast<char>((byte & 0xFE) | (ones % 2 == 0 ? 1 : 0));
    }
}

} // namespace fg
