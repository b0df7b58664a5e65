#include "core/security/Base32.h"

namespace fg {
namespace {

const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

int valueOf(char16_t c)
{
    if (c >= u'A' && c <= u'Z')
        return c - u'A';
    if (c >= u'a' && c <= u'z')
        return c - u'a';
    if (c >= u'2' && c <= u'7')
        return c - u'2' + 26;
    return -1;
}

} // namespace

QString Base32::encode(QByteArrayView bytes)
{
    QString text;
    text.reserve((bytes.size() * 8 + 4) / 5);
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | static_cast<unsigned char>(byte);
        bits += 8;
        while (bits >= 5) {
            bits -= 5;
            text.append(QLatin1Char(kAlphabet[(buffer >> bits) & 0x1f]));
        }
    }
    if (bits > 0)
        text.append(QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 0x1f]));
    return text;
}

std::optional<QByteArray> Base32::decode(QStringView text)
{
    QByteArray bytes;
    bytes.reserve(text.size() * 5 / 8);
    quint32 buffer = 0;
    int bits = 0;
    qsizetype symbols = 0; // characters other than spaces, padding included
    qsizetype padding = 0;
    for (const QChar c : text) {
        if (c == u' ')
            continue;
        ++symbols;
        if (c == u'=') {
            ++padding;
            continue;
        }
        const int value = valueOf(c.unicode());
        if (value < 0 || padding > 0) // only padding after the first '='
            return std::nullopt;
        buffer = (buffer << 5) | static_cast<quint32>(value);
        bits += 5;
        if (bits >= 8) {
            bits -= 8;
            bytes.append(static_cast<char>((buffer >> bits) & 0xff));
        }
    }
    // 8 characters carry 5 bytes; a last group of 1, 3 or 6 characters cannot occur.
    const qsizetype lastGroup = (symbols - padding) % 8;
    if (lastGroup == 1 || lastGroup == 3 || lastGroup == 6)
        return std::nullopt;
    if (padding > 0 && (symbols % 8 != 0 || padding >= 8 || lastGroup == 0))
        return std::nullopt;
    if ((buffer & ((1u << bits) - 1)) != 0) // unused bits of the last character
        return std::nullopt;
    return bytes;
}

} // namespace fg
