#include "core/documents/emrtd/BacChip.h"

#include "core/security/CryptoRandom.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <utility>

namespace fg {
namespace {

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("BAC (chip): ") + why;
    return false;
}

} // namespace

BacChip::BacChip(BacKeys keys)
    : m_keys(std::move(keys))
{
}

std::optional<QByteArray> BacChip::challenge(QString* error)
{
    auto rndIc = CryptoRandom::bytes(BacKeys::kRandomBytes, error);
    if (rndIc)
        m_rndIc = *rndIc;
    return rndIc;
}

void BacChip::setChallenge(QByteArrayView rndIc)
{
    m_rndIc = rndIc.toByteArray();
}

std::optional<BacChip::Answer> BacChip::authenticate(QByteArrayView commandData, QString* error)
{
    const auto kIc = CryptoRandom::secret(BacKeys::kKeyBytes, error);
    if (!kIc)
        return std::nullopt;
    return authenticate(commandData, kIc->view(), error);
}

std::optional<BacChip::Answer> BacChip::authenticate(QByteArrayView commandData, QByteArrayView kIc, QString* error)
{
    if (m_rndIc.size() != BacKeys::kRandomBytes) {
        fail(error, QStringLiteral("EXTERNAL AUTHENTICATE without a GET CHALLENGE before it"));
        return std::nullopt;
    }
    const QByteArray rndIc = std::exchange(m_rndIc, QByteArray()); // a challenge answers once
    if (kIc.size() != BacKeys::kKeyBytes) {
        fail(error, QStringLiteral("K.IC of %1 bytes, not 16").arg(kIc.size()));
        return std::nullopt;
    }
    const auto block = m_keys.open(commandData, error);
    if (!block)
        return std::nullopt;
    const QByteArrayView s = block->view();
    if (CRYPTO_memcmp(s.data() + 8, rndIc.constData(), 8) != 0) {
        fail(error, QStringLiteral("the terminal's data does not hold the chip's challenge RND.IC"));
        return std::nullopt;
    }
    const QByteArrayView rndIfd = s.first(8);
    SecureBuffer r(BacKeys::kBlockBytes);
    std::copy(rndIc.begin(), rndIc.end(), r.data());
    std::copy(rndIfd.begin(), rndIfd.end(), r.data() + 8);
    std::copy(kIc.begin(), kIc.end(), r.data() + 16);
    auto sealed = m_keys.seal(r.view(), error);
    if (!sealed)
        return std::nullopt;
    auto keys = BacKeys::sessionKeys(s.sliced(16, 16), kIc, rndIc, rndIfd, error);
    if (!keys)
        return std::nullopt;
    return Answer{std::move(*sealed), std::move(*keys)};
}

} // namespace fg
