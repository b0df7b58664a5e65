#include "core/documents/emrtd/DataGroup1.h"

#include "core/documents/emrtd/BerTlvDecoder.h"

#include <QStringList>

namespace fg {
namespace {

std::optional<DataGroup1> refuse(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("DG1: ") + why;
    return std::nullopt;
}

} // namespace

std::optional<DataGroup1> DataGroup1::parse(QByteArrayView data, QString* error)
{
    QString why;
    const std::optional<BerTlv> dg1 = BerTlvDecoder::decodeFirst(data, &why);
    if (!dg1)
        return refuse(error, why);
    if (dg1->tag() != 0x61)
        return refuse(error, QStringLiteral("tag %1 where DG1's 61 should be").arg(BerTlv::tagName(dg1->tag())));
    const BerTlv* zone = dg1->child(0x5F1F);
    if (!zone)
        return refuse(error, QStringLiteral("no MRZ data object (5F1F)"));
    const QByteArray& text = zone->value();
    DataGroup1 result;
    switch (text.size()) {
    case 90: result.lineLength = 30; result.lineCount = 3; break;
    case 72: result.lineLength = 36; result.lineCount = 2; break;
    case 88: result.lineLength = 44; result.lineCount = 2; break;
    default:
        return refuse(error, QStringLiteral("the MRZ holds %1 characters; a zone has 90 (TD1), 72 (TD2) or 88 (TD3)")
                                 .arg(text.size()));
    }
    for (qsizetype i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x20 || byte > 0x7E)
            return refuse(error, QStringLiteral("byte %1 at position %2 of the MRZ is not a printable character")
                                     .arg(QString::number(byte, 16).toUpper().rightJustified(2, QLatin1Char('0')))
                                     .arg(i + 1));
    }
    QStringList lines;
    for (int line = 0; line < result.lineCount; ++line)
        lines << QString::fromLatin1(text.mid(qsizetype(line) * result.lineLength, result.lineLength));
    result.mrz = lines.join(QLatin1Char('\n'));
    return result;
}

} // namespace fg
