#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// ISO/IEC 9797-1 padding method 2, as eMRTD secure messaging pads its data
// and MAC input: one byte 80, then 00 up to a whole block (a whole block of
// padding when the data already fills its blocks).
class Iso9797Padding {
public:
    static QByteArray pad(QByteArrayView data, int blockSize);
    // The data before the padding. Refused: no 80 byte after the trailing
    // zeros, padding longer than one block, data not of whole blocks.
    static std::optional<QByteArray> unpad(QByteArrayView data, int blockSize, QString* error);
};

} // namespace fg
