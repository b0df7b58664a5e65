#pragma once

#include "core/documents/emrtd/BerTlv.h"

#include <optional>

namespace fg::der {

// The ASN.1 universal tags the chip's structures use (DG14, EF.CardAccess,
// the LDS security object), as BER-TLV tags.
constexpr BerTlv::Tag kInteger = 0x02;
constexpr BerTlv::Tag kOctetString = 0x04;
constexpr BerTlv::Tag kObjectIdentifier = 0x06;
constexpr BerTlv::Tag kSequence = 0x30;
constexpr BerTlv::Tag kSet = 0x31;

// A non-negative DER INTEGER of at most `maxBytes` bytes (versions, key and
// parameter ids, data group numbers), minimally encoded; nullopt otherwise.
inline std::optional<int> smallInteger(const BerTlv& object, int maxBytes = 4)
{
    const QByteArray& value = object.value();
    if (object.tag() != kInteger || value.isEmpty() || value.size() > maxBytes || (value[0] & 0x80) != 0)
        return std::nullopt;
    if (value.size() > 1 && value[0] == 0 && (value[1] & 0x80) == 0)
        return std::nullopt; // not minimal
    int result = 0;
    for (const char byte : value)
        result = result << 8 | static_cast<unsigned char>(byte);
    return result;
}

} // namespace fg::der
