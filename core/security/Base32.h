#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringView>

#include <optional>

namespace fg {

// Base32 (RFC 4648, section 6), the text form of TOTP secrets.
class Base32 {
public:
    // Upper case, without '=' padding.
    static QString encode(QByteArrayView bytes);
    // Accepts lower case, spaces and '=' padding (then to a multiple of 8
    // characters). Refuses other characters, impossible lengths, and unused
    // trailing bits that are not zero, so only one text decodes to given bytes.
    static std::optional<QByteArray> decode(QStringView text);
};

} // namespace fg
