#pragma once

#include "core/documents/emrtd/BerTlv.h"

#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

namespace fg {

// Reads BER-TLV data objects (see BerTlv) from bytes a chip sent, which are
// hostile until proven otherwise. Refused, each with an error that says what
// was wrong and at which offset of the buffer:
//  - a tag longer than kMaxTagBytes, a tag cut off by the end of the data, a
//    tag whose first subsequent byte is 0x80 (a leading zero: X.690 8.1.2.4.2),
//    the byte 0x00 or 0xFF where a tag should start (end-of-contents and
//    padding have no place in the LDS);
//  - the indefinite length (0x80), the reserved length byte 0xFF, a long
//    length of more than kMaxLengthBytes bytes, a length cut off by the end
//    of the data, a length over kMaxLength, a value running past the end of
//    the data (or of the constructed object holding it);
//  - nesting deeper than kMaxDepth, more than kMaxObjects data objects;
//  - trailing bytes after the one object decodeSingle() expects.
// Long lengths that are not minimal (81 05) are accepted, as BER allows and
// some chips write them; encoding writes them minimal.
class BerTlvDecoder {
public:
    static constexpr int kMaxTagBytes = 3;
    static constexpr int kMaxLengthBytes = 4;
    // No elementary file of an eMRTD comes near this (a DG2 photo is 15-100
    // KB, DG3's fingerprints a few hundred): a longer length is a decode bomb.
    static constexpr qsizetype kMaxLength = 4 * 1024 * 1024;
    // DG2 nests 4 deep (75 / 7F61 / 7F60 / 5F2E), EF.CardAccess's ASN.1 about 5.
    static constexpr int kMaxDepth = 16;
    // 4 MB of two-byte objects would be two million of them.
    static constexpr qsizetype kMaxObjects = 100000;

    // The tag and length at the start of `data`, without needing the value:
    // how a reader learns an elementary file's size from its first bytes.
    struct Header {
        BerTlv::Tag tag = 0;
        qsizetype headerSize = 0;
        qsizetype length = 0;
        qsizetype totalSize() const { return headerSize + length; }
    };
    static std::optional<Header> readHeader(QByteArrayView data, QString* error);

    // Every data object in `data`, which they must fill exactly.
    static std::optional<std::vector<BerTlv>> decode(QByteArrayView data, QString* error);
    // Exactly one data object filling `data`.
    static std::optional<BerTlv> decodeSingle(QByteArrayView data, QString* error);
    // The first data object of `data`; bytes after it are left alone (an
    // elementary file read in whole blocks may end in padding).
    static std::optional<BerTlv> decodeFirst(QByteArrayView data, QString* error);

private:
    class Reader; // BerTlvDecoder.cpp
};

} // namespace fg
