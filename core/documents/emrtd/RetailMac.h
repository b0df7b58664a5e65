#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// The MAC of BAC and 3DES secure messaging (ICAO Doc 9303 part 11, 9.8.6.2):
// ISO/IEC 9797-1 MAC algorithm 3 with DES, the "retail MAC". With the key
// Ka || Kb (16 bytes): single-DES CBC with Ka and a zero IV over all blocks,
// then the last result decrypted with Kb and encrypted with Ka; 8 bytes.
// The data must already be padded to whole blocks of 8 (Iso9797Padding) and
// at least one block; anything else is refused.
class RetailMac {
public:
    static constexpr int kBytes = 8;

    static std::optional<QByteArray> compute(QByteArrayView key, QByteArrayView paddedData, QString* error);
};

} // namespace fg
