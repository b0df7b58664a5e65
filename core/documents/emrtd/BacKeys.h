#pragma once

#include "core/documents/emrtd/SessionKeys.h"
#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

class ChipAccessKey;

// The document basic access keys of BAC (ICAO Doc 9303 part 11, 4.3 and
// 9.7.1): KEnc and KMAC derived from the MRZ's key seed, and what both sides
// of the mutual authentication do with them: encrypt a 32-byte challenge
// block with 3DES-CBC (zero IV) and append its retail MAC (seal), or check
// that MAC and decrypt (open). Used by BacTerminal and BacChip.
class BacKeys {
public:
    static constexpr int kRandomBytes = 8;   // RND.IFD, RND.IC
    static constexpr int kKeyBytes = 16;     // K.IFD, K.IC
    static constexpr int kBlockBytes = 32;   // RND || RND || K
    static constexpr int kSealedBytes = 40;  // E || M

    // Refuses a CAN (BAC needs the MRZ).
    static std::optional<BacKeys> fromAccessKey(const ChipAccessKey& key, QString* error);
    // From Kseed (16 bytes).
    static std::optional<BacKeys> fromKeySeed(QByteArrayView keySeed, QString* error);

    const SecureBuffer& encryptionKey() const { return m_encryption; }
    const SecureBuffer& macKey() const { return m_mac; }

    // E || MAC(E) for the 32-byte block.
    std::optional<QByteArray> seal(QByteArrayView block, QString* error) const;
    // The 32-byte block of a sealed 40 bytes. Refused: another length, a MAC
    // that does not match (the other side has other keys: a wrong MRZ).
    std::optional<SecureBuffer> open(QByteArrayView sealed, QString* error) const;

    // The session keys from K.IFD xor K.IC, and the SSC from the challenges.
    static std::optional<SessionKeys> sessionKeys(QByteArrayView kIfd, QByteArrayView kIc, QByteArrayView rndIc,
                                                  QByteArrayView rndIfd, QString* error);

private:
    BacKeys() = default;

    SecureBuffer m_encryption;
    SecureBuffer m_mac;
};

} // namespace fg
