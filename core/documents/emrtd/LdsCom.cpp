#include "core/documents/emrtd/LdsCom.h"

#include "core/documents/emrtd/BerTlvDecoder.h"

#include <QStringList>

#include <algorithm>

namespace fg {
namespace {

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("EF.COM: ") + why;
    return false;
}

// "0107" -> "1.7", "040000" -> "4.0.0": pairs of decimal digits.
std::optional<QString> version(const QByteArray& digits, qsizetype pairs)
{
    if (digits.size() != pairs * 2)
        return std::nullopt;
    QStringList parts;
    for (qsizetype i = 0; i < digits.size(); i += 2) {
        const char a = digits[i];
        const char b = digits[i + 1];
        if (a < '0' || a > '9' || b < '0' || b > '9')
            return std::nullopt;
        parts << QString::number((a - '0') * 10 + (b - '0'));
    }
    return parts.join(QLatin1Char('.'));
}

} // namespace

int LdsCom::dataGroupOfTag(unsigned tag)
{
    switch (tag) {
    case 0x61: return 1;
    case 0x75: return 2;
    case 0x63: return 3;
    case 0x76: return 4;
    case 0x70: return 16;
    default: break;
    }
    if (tag >= 0x65 && tag <= 0x6F)
        return int(tag - 0x65) + 5;
    return 0;
}

unsigned LdsCom::tagOfDataGroup(int number)
{
    for (unsigned tag = 0x61; tag <= 0x76; ++tag) {
        if (dataGroupOfTag(tag) == number && number != 0)
            return tag;
    }
    return 0;
}

std::optional<LdsCom> LdsCom::parse(QByteArrayView data, QString* error)
{
    QString why;
    const std::optional<BerTlv> com = BerTlvDecoder::decodeFirst(data, &why);
    if (!com) {
        fail(error, why);
        return std::nullopt;
    }
    if (com->tag() != 0x60) {
        fail(error, QStringLiteral("tag %1 where EF.COM's 60 should be").arg(BerTlv::tagName(com->tag())));
        return std::nullopt;
    }
    const BerTlv* lds = com->child(0x5F01);
    const BerTlv* unicode = com->child(0x5F36);
    const BerTlv* list = com->child(0x5C);
    if (!lds || !unicode || !list) {
        fail(error, QStringLiteral("the %1 is missing")
                        .arg(!lds ? QStringLiteral("LDS version (5F01)")
                                  : !unicode ? QStringLiteral("Unicode version (5F36)") : QStringLiteral("tag list (5C)")));
        return std::nullopt;
    }
    LdsCom result;
    const std::optional<QString> ldsVersion = version(lds->value(), 2);
    const std::optional<QString> unicodeVersion = version(unicode->value(), 3);
    if (!ldsVersion || !unicodeVersion) {
        fail(error, QStringLiteral("the %1 version is not %2 decimal digits: %3")
                        .arg(!ldsVersion ? QStringLiteral("LDS") : QStringLiteral("Unicode"),
                             !ldsVersion ? QStringLiteral("4") : QStringLiteral("6"),
                             QString::fromLatin1((!ldsVersion ? lds : unicode)->value().left(16).toHex())));
        return std::nullopt;
    }
    result.ldsVersion = *ldsVersion;
    result.unicodeVersion = *unicodeVersion;
    const QByteArray& tags = list->value();
    if (tags.size() > 32) {
        fail(error, QStringLiteral("the tag list holds %1 bytes, more than the 17 files of the LDS").arg(tags.size()));
        return std::nullopt;
    }
    for (qsizetype i = 0; i < tags.size(); ++i) {
        const unsigned tag = static_cast<unsigned char>(tags[i]);
        if (tag == 0x77)
            continue;
        const int number = dataGroupOfTag(tag);
        if (number == 0) {
            fail(error, QStringLiteral("the tag list names tag %1 (position %2), which is no data group")
                            .arg(BerTlv::tagName(tag))
                            .arg(i + 1));
            return std::nullopt;
        }
        if (std::find(result.dataGroups.begin(), result.dataGroups.end(), number) != result.dataGroups.end()) {
            fail(error, QStringLiteral("the tag list names DG%1 twice").arg(number));
            return std::nullopt;
        }
        result.dataGroups.push_back(number);
    }
    return result;
}

} // namespace fg
