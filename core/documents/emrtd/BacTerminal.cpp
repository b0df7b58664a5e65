#include "core/documents/emrtd/BacTerminal.h"

#include "core/security/CryptoRandom.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <utility>

namespace fg {
namespace {

constexpr std::uint8_t kInsGetChallenge = 0x84;
constexpr std::uint8_t kInsExternalAuthenticate = 0x82;

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("BAC: ") + why;
    return false;
}

} // namespace

BacTerminal::BacTerminal(BacKeys keys)
    : m_keys(std::move(keys))
{
}

CommandApdu BacTerminal::getChallenge()
{
    return CommandApdu(0x00, kInsGetChallenge, 0x00, 0x00, QByteArray(), BacKeys::kRandomBytes);
}

std::optional<CommandApdu> BacTerminal::externalAuthenticate(QByteArrayView rndIc, QString* error)
{
    const auto rndIfd = CryptoRandom::bytes(BacKeys::kRandomBytes, error);
    if (!rndIfd)
        return std::nullopt;
    const auto kIfd = CryptoRandom::secret(BacKeys::kKeyBytes, error);
    if (!kIfd)
        return std::nullopt;
    return externalAuthenticate(rndIc, *rndIfd, kIfd->view(), error);
}

std::optional<CommandApdu> BacTerminal::externalAuthenticate(QByteArrayView rndIc, QByteArrayView rndIfd,
                                                             QByteArrayView kIfd, QString* error)
{
    if (rndIc.size() != BacKeys::kRandomBytes) {
        fail(error, QStringLiteral("the chip's challenge is %1 bytes, not %2")
                        .arg(rndIc.size())
                        .arg(BacKeys::kRandomBytes));
        return std::nullopt;
    }
    if (rndIfd.size() != BacKeys::kRandomBytes || kIfd.size() != BacKeys::kKeyBytes) {
        fail(error, QStringLiteral("RND.IFD of %1 bytes and K.IFD of %2 (8 and 16 expected)")
                        .arg(rndIfd.size())
                        .arg(kIfd.size()));
        return std::nullopt;
    }
    SecureBuffer block(BacKeys::kBlockBytes);
    std::copy(rndIfd.begin(), rndIfd.end(), block.data());
    std::copy(rndIc.begin(), rndIc.end(), block.data() + 8);
    std::copy(kIfd.begin(), kIfd.end(), block.data() + 16);
    const auto sealed = m_keys.seal(block.view(), error);
    if (!sealed)
        return std::nullopt;
    m_rndIc = rndIc.toByteArray();
    m_rndIfd = rndIfd.toByteArray();
    m_kIfd = SecureBuffer::copyOf(kIfd);
    return CommandApdu(0x00, kInsExternalAuthenticate, 0x00, 0x00, *sealed, BacKeys::kSealedBytes);
}

std::optional<SessionKeys> BacTerminal::finish(const ResponseApdu& response, QString* error)
{
    if (m_kIfd.isEmpty()) {
        fail(error, QStringLiteral("no EXTERNAL AUTHENTICATE was sent"));
        return std::nullopt;
    }
    if (!response.isSuccess()) {
        // 6300 (authentication failed) or 6982 (security status not
        // satisfied) is what chips answer to a cryptogram from other keys.
        const bool wrongKeys = response.status() == 0x6300 || response.status() == 0x6982;
        fail(error, QStringLiteral("the chip refused the authentication (status %1)%2")
                        .arg(response.statusText(),
                             wrongKeys ? QStringLiteral(": the MRZ does not open this chip") : QString()));
        return std::nullopt;
    }
    const auto block = m_keys.open(response.data(), error);
    if (!block)
        return std::nullopt;
    const QByteArrayView r = block->view();
    if (CRYPTO_memcmp(r.data(), m_rndIc.constData(), 8) != 0) {
        fail(error, QStringLiteral("the chip's answer does not hold its own challenge RND.IC"));
        return std::nullopt;
    }
    if (CRYPTO_memcmp(r.data() + 8, m_rndIfd.constData(), 8) != 0) {
        fail(error, QStringLiteral("the chip's answer does not hold the terminal's challenge RND.IFD"));
        return std::nullopt;
    }
    auto keys = BacKeys::sessionKeys(m_kIfd.view(), r.sliced(16, 16), m_rndIc, m_rndIfd, error);
    m_kIfd.clear(); // one authentication per exchange
    return keys;
}

} // namespace fg
