#pragma once

#include "core/documents/emrtd/BerTlv.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace fg {

// The data of GENERAL AUTHENTICATE in PACE (ICAO Doc 9303 part 11, 4.4.4.2):
// a constructed 7C holding one object per step, 80 (encrypted nonce), 81/82
// (mapping keys), 83/84 (ephemeral keys), 85/86 (authentication tokens).
// unwrap() refuses data that is not exactly one well-formed 7C, or a 7C
// without the expected object; other objects beside it (87/88, the
// certification authority references for terminal authentication) are left
// alone.
class DynamicAuthenticationData {
public:
    static constexpr BerTlv::Tag kTag = 0x7C;

    // 7C 00 for no object (tag 0), else 7C { tag value }.
    static QByteArray wrap(BerTlv::Tag tag, QByteArrayView value);
    static std::optional<QByteArray> unwrap(QByteArrayView data, BerTlv::Tag tag, QString* error);
};

} // namespace fg
