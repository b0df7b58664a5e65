#include "core/documents/emrtd/DataGroup2.h"

#include "core/documents/emrtd/BerTlvDecoder.h"

namespace fg {
namespace {

std::nullopt_t refuse(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("DG2: ") + why;
    return std::nullopt;
}

// A data object found while walking DG2 by hand: BerTlvDecoder would read
// 7F2E (constructed by its tag) as data objects, which a facial record is not.
struct Item {
    BerTlv::Tag tag = 0;
    QByteArrayView value;
    qsizetype offset = 0; // of the value, from the start of DG2
};

constexpr int kMaxItems = 64;

// The data object at the start of `data` (`base`: where `data` starts in DG2).
std::optional<Item> readItem(QByteArrayView data, qsizetype base, QString* error)
{
    QString why;
    const std::optional<BerTlvDecoder::Header> header = BerTlvDecoder::readHeader(data, &why);
    if (!header) {
        refuse(error, QStringLiteral("at offset %1: %2").arg(base).arg(why));
        return std::nullopt;
    }
    if (header->length > data.size() - header->headerSize) {
        refuse(error, QStringLiteral("tag %1 at offset %2 claims %3 bytes, but only %4 remain in the object holding it")
                          .arg(BerTlv::tagName(header->tag))
                          .arg(base)
                          .arg(header->length)
                          .arg(data.size() - header->headerSize));
        return std::nullopt;
    }
    return Item{header->tag, data.sliced(header->headerSize, header->length), base + header->headerSize};
}

// The data objects filling `object`'s value, without descending into them.
std::optional<std::vector<Item>> itemsOf(const Item& object, QString* error)
{
    std::vector<Item> items;
    qsizetype position = 0;
    while (position < object.value.size()) {
        if (int(items.size()) >= kMaxItems) {
            refuse(error, QStringLiteral("tag %1 holds more than %2 data objects")
                              .arg(BerTlv::tagName(object.tag))
                              .arg(kMaxItems));
            return std::nullopt;
        }
        const std::optional<Item> item = readItem(object.value.sliced(position), object.offset + position, error);
        if (!item)
            return std::nullopt;
        position = item->offset + item->value.size() - object.offset;
        items.push_back(*item);
    }
    return items;
}

// Big-endian fields of the facial record, each checked against its end.
class RecordReader {
public:
    explicit RecordReader(QByteArrayView data) : m_data(data) {}
    qsizetype position() const { return m_position; }
    qsizetype remaining() const { return m_data.size() - m_position; }
    bool has(qsizetype count) const { return count >= 0 && count <= remaining(); }
    quint32 read(int bytes)
    {
        quint32 value = 0;
        for (int i = 0; i < bytes; ++i)
            value = (value << 8) | static_cast<unsigned char>(m_data[m_position++]);
        return value;
    }
    QByteArrayView take(qsizetype count)
    {
        const QByteArrayView part = m_data.sliced(m_position, count);
        m_position += count;
        return part;
    }
    void skip(qsizetype count) { m_position += count; }

private:
    QByteArrayView m_data;
    qsizetype m_position = 0;
};

constexpr qsizetype kRecordHeaderBytes = 14;
constexpr qsizetype kFacialInformationBytes = 20;
constexpr qsizetype kFeaturePointBytes = 8;
constexpr qsizetype kImageInformationBytes = 12;

} // namespace

std::optional<std::vector<FaceImage>> DataGroup2::parseFacialRecord(QByteArrayView record, QString* error)
{
    RecordReader reader(record);
    if (!reader.has(kRecordHeaderBytes))
        return refuse(error, QStringLiteral("the facial record holds %1 bytes, fewer than its 14-byte header")
                                 .arg(record.size()));
    const QByteArrayView magic = reader.take(4);
    if (magic != QByteArrayView("FAC\0", 4))
        return refuse(error, QStringLiteral("the facial record starts with %1, not 'FAC' and a zero byte (ISO/IEC 19794-5)")
                                 .arg(QString::fromLatin1(magic.toByteArray().toHex())));
    reader.skip(4); // version, "010\0" for the 2005 edition
    const quint32 recordLength = reader.read(4);
    if (recordLength < kRecordHeaderBytes || recordLength > quint32(record.size()))
        return refuse(error, QStringLiteral("the facial record says it is %1 bytes long, but its data object holds %2")
                                 .arg(recordLength)
                                 .arg(record.size()));
    const int images = int(reader.read(2));
    if (images < 1 || images > kMaxImagesPerRecord)
        return refuse(error, QStringLiteral("the facial record counts %1 images (1 to %2 expected)")
                                 .arg(images)
                                 .arg(kMaxImagesPerRecord));
    RecordReader body(record.sliced(kRecordHeaderBytes, qsizetype(recordLength) - kRecordHeaderBytes));
    std::vector<FaceImage> faces;
    for (int index = 0; index < images; ++index) {
        const qsizetype at = kRecordHeaderBytes + body.position();
        if (!body.has(kFacialInformationBytes + kImageInformationBytes))
            return refuse(error, QStringLiteral("image %1 of %2: the facial record ends at offset %3, before its "
                                                "facial information and image information")
                                     .arg(index + 1)
                                     .arg(images)
                                     .arg(at));
        const quint32 blockLength = body.read(4);
        if (blockLength < kFacialInformationBytes + kImageInformationBytes
            || qsizetype(blockLength) - 4 > body.remaining())
            return refuse(error, QStringLiteral("image %1: its facial record data length (%2 bytes, at offset %3) "
                                                "does not fit the %4 bytes left in the record")
                                     .arg(index + 1)
                                     .arg(blockLength)
                                     .arg(at)
                                     .arg(body.remaining() + 4));
        const int points = int(body.read(2));
        const qsizetype fixed = kFacialInformationBytes + qsizetype(points) * kFeaturePointBytes + kImageInformationBytes;
        if (points > kMaxFeaturePoints || fixed >= qsizetype(blockLength))
            return refuse(error, QStringLiteral("image %1: %2 feature points do not fit its %3 bytes with an image")
                                     .arg(index + 1)
                                     .arg(points)
                                     .arg(blockLength));
        body.skip(kFacialInformationBytes - 6 + qsizetype(points) * kFeaturePointBytes);
        FaceImage face;
        face.faceImageType = int(body.read(1));
        const int dataType = int(body.read(1));
        face.width = int(body.read(2));
        face.height = int(body.read(2));
        body.skip(6); // colour space, source type, device type, quality
        if (dataType == 0)
            face.format = QStringLiteral("JPEG");
        else if (dataType == 1)
            face.format = QStringLiteral("JPEG 2000");
        else
            return refuse(error, QStringLiteral("image %1: image data type %2 is neither JPEG (0) nor JPEG 2000 (1)")
                                     .arg(index + 1)
                                     .arg(dataType));
        if (face.width > kMaxDimension || face.height > kMaxDimension)
            return refuse(error, QStringLiteral("image %1: %2 x %3 pixels is beyond %4 on a side")
                                     .arg(index + 1)
                                     .arg(face.width)
                                     .arg(face.height)
                                     .arg(kMaxDimension));
        face.data = body.take(qsizetype(blockLength) - fixed).toByteArray();
        faces.push_back(std::move(face));
    }
    return faces;
}

std::optional<std::vector<FaceImage>> DataGroup2::parse(QByteArrayView data, QString* error)
{
    const std::optional<Item> dg2 = readItem(data, 0, error);
    if (!dg2)
        return std::nullopt;
    if (dg2->tag != 0x75)
        return refuse(error, QStringLiteral("tag %1 where DG2's 75 should be").arg(BerTlv::tagName(dg2->tag)));
    const std::optional<std::vector<Item>> outer = itemsOf(*dg2, error);
    if (!outer)
        return std::nullopt;
    const Item* group = nullptr;
    for (const Item& item : *outer) {
        if (item.tag == 0x7F61)
            group = &item;
    }
    if (!group)
        return refuse(error, QStringLiteral("no biometric information template group (7F61)"));
    const std::optional<std::vector<Item>> members = itemsOf(*group, error);
    if (!members)
        return std::nullopt;
    int count = -1;
    std::vector<const Item*> templates;
    for (const Item& item : *members) {
        if (item.tag == 0x02) {
            if (item.value.size() != 1)
                return refuse(error, QStringLiteral("the template count (02) is %1 bytes long, not 1").arg(item.value.size()));
            count = static_cast<unsigned char>(item.value[0]);
        } else if (item.tag == 0x7F60) {
            templates.push_back(&item);
        }
    }
    if (count < 1 || count > kMaxTemplates)
        return refuse(error, count < 0 ? QStringLiteral("no template count (02) in 7F61")
                                       : QStringLiteral("the template count is %1 (1 to %2 expected)").arg(count).arg(kMaxTemplates));
    if (int(templates.size()) != count)
        return refuse(error, QStringLiteral("the template count says %1, but 7F61 holds %2 templates (7F60)")
                                 .arg(count)
                                 .arg(templates.size()));
    std::vector<FaceImage> faces;
    for (size_t index = 0; index < templates.size(); ++index) {
        const std::optional<std::vector<Item>> parts = itemsOf(*templates[index], error);
        if (!parts)
            return std::nullopt;
        const Item* block = nullptr;
        for (const Item& part : *parts) {
            if (part.tag == 0x5F2E || part.tag == 0x7F2E)
                block = &part;
        }
        if (!block)
            return refuse(error, QStringLiteral("template %1 has no biometric data block (5F2E or 7F2E)").arg(index + 1));
        QString why;
        std::optional<std::vector<FaceImage>> record = parseFacialRecord(block->value, &why);
        if (!record) {
            if (error)
                *error = QStringLiteral("%1 (template %2, data at offset %3)").arg(why).arg(index + 1).arg(block->offset);
            return std::nullopt;
        }
        for (FaceImage& face : *record)
            faces.push_back(std::move(face));
    }
    return faces;
}

} // namespace fg
