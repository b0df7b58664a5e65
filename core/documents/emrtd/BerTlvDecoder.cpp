#include "core/documents/emrtd/BerTlvDecoder.h"

#include <utility>

namespace fg {
namespace {

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("BER-TLV: ") + why;
    return false;
}

unsigned byteAt(QByteArrayView data, qsizetype index)
{
    return static_cast<unsigned char>(data[index]);
}

QString bytes(qsizetype count)
{
    return count == 1 ? QStringLiteral("1 byte") : QStringLiteral("%1 bytes").arg(count);
}

QString hexByte(unsigned byte)
{
    return QString::number(byte, 16).toUpper().rightJustified(2, QLatin1Char('0'));
}

// Reads the header at `position` of `data` (offsets in errors count from the
// start of `data`, which ends where the object holding this one ends).
bool readHeaderAt(QByteArrayView data, qsizetype position, BerTlvDecoder::Header* header, QString* error)
{
    const qsizetype start = position;
    const auto at = [](qsizetype p) { return QString::number(p); };
    if (position >= data.size())
        return fail(error, QStringLiteral("a tag expected at offset %1, but the data ends there").arg(at(position)));

    const unsigned first = byteAt(data, position);
    if (first == 0x00 || first == 0xFF)
        return fail(error, QStringLiteral("byte %1 at offset %2 where a tag should start (padding or end-of-contents)")
                               .arg(hexByte(first), at(position)));
    BerTlv::Tag tag = first;
    ++position;
    if ((first & 0x1F) == 0x1F) {
        int tagBytes = 1;
        for (;;) {
            if (position >= data.size())
                return fail(error, QStringLiteral("the tag starting at offset %1 is cut off by the end of the data")
                                       .arg(at(start)));
            const unsigned next = byteAt(data, position);
            if (tagBytes == 1 && next == 0x80)
                return fail(error, QStringLiteral("the tag at offset %1 has a leading zero in its number (byte 80 at "
                                                  "offset %2)")
                                       .arg(at(start), at(position)));
            ++tagBytes;
            if (tagBytes > BerTlvDecoder::kMaxTagBytes)
                return fail(error, QStringLiteral("the tag at offset %1 is longer than %2 bytes")
                                       .arg(at(start))
                                       .arg(BerTlvDecoder::kMaxTagBytes));
            tag = (tag << 8) | next;
            ++position;
            if ((next & 0x80) == 0)
                break;
        }
    }

    const QString tagText = BerTlv::tagName(tag);
    if (position >= data.size())
        return fail(error, QStringLiteral("the length of tag %1 (offset %2) is missing: the data ends at offset %3")
                               .arg(tagText, at(start), at(position)));
    const qsizetype lengthAt = position;
    const unsigned lengthByte = byteAt(data, position);
    ++position;
    qsizetype length = 0;
    if (lengthByte < 0x80) {
        length = lengthByte;
    } else if (lengthByte == 0x80) {
        return fail(error, QStringLiteral("indefinite length (80) of tag %1 at offset %2 refused")
                               .arg(tagText, at(lengthAt)));
    } else if (lengthByte == 0xFF) {
        return fail(error, QStringLiteral("reserved length byte FF of tag %1 at offset %2").arg(tagText, at(lengthAt)));
    } else {
        const int lengthBytes = static_cast<int>(lengthByte & 0x7F);
        if (lengthBytes > BerTlvDecoder::kMaxLengthBytes)
            return fail(error, QStringLiteral("the length of tag %1 at offset %2 takes %3 bytes, more than %4")
                                   .arg(tagText, at(lengthAt))
                                   .arg(lengthBytes)
                                   .arg(BerTlvDecoder::kMaxLengthBytes));
        if (data.size() - position < lengthBytes)
            return fail(error, QStringLiteral("the %1-byte length of tag %2 at offset %3 is cut off by the end of the "
                                              "data")
                                   .arg(lengthBytes)
                                   .arg(tagText, at(lengthAt)));
        quint64 value = 0;
        for (int i = 0; i < lengthBytes; ++i)
            value = (value << 8) | byteAt(data, position + i);
        position += lengthBytes;
        if (value > static_cast<quint64>(BerTlvDecoder::kMaxLength))
            return fail(error, QStringLiteral("length %1 of tag %2 at offset %3 is over the limit of %4 bytes")
                                   .arg(value)
                                   .arg(tagText, at(lengthAt))
                                   .arg(BerTlvDecoder::kMaxLength));
        length = static_cast<qsizetype>(value);
    }
    header->tag = tag;
    header->headerSize = position - start;
    header->length = length;
    return true;
}

} // namespace

class BerTlvDecoder::Reader {
public:
    Reader(QByteArrayView data, QString* error)
        : m_data(data)
        , m_error(error)
    {
    }

    // Reads the objects of data[begin, end) into `out`, at nesting `depth`;
    // stops after the first when `firstOnly`.
    bool readObjects(qsizetype begin, qsizetype end, int depth, bool firstOnly, std::vector<BerTlv>* out)
    {
        qsizetype position = begin;
        while (position < end) {
            BerTlv object;
            if (!readObject(position, end, depth, &object))
                return false;
            position += object.encodedSize();
            out->push_back(std::move(object));
            if (firstOnly)
                break;
        }
        return true;
    }

private:
    bool readObject(qsizetype position, qsizetype end, int depth, BerTlv* object)
    {
        if (depth >= BerTlvDecoder::kMaxDepth)
            return fail(m_error, QStringLiteral("data objects nested deeper than %1 levels at offset %2")
                                     .arg(BerTlvDecoder::kMaxDepth)
                                     .arg(position));
        if (++m_objects > BerTlvDecoder::kMaxObjects)
            return fail(m_error, QStringLiteral("more than %1 data objects (offset %2)")
                                     .arg(BerTlvDecoder::kMaxObjects)
                                     .arg(position));
        BerTlvDecoder::Header header;
        if (!readHeaderAt(m_data.first(end), position, &header, m_error))
            return false;
        const qsizetype valueAt = position + header.headerSize;
        if (header.length > end - valueAt) {
            const bool inParent = end < m_data.size();
            return fail(m_error, QStringLiteral("the value of tag %1 at offset %2 is %3 long, but only %4 %5 left %6")
                                     .arg(BerTlv::tagName(header.tag))
                                     .arg(position)
                                     .arg(bytes(header.length), bytes(end - valueAt),
                                          end - valueAt == 1 ? QStringLiteral("is") : QStringLiteral("are"),
                                          inParent ? QStringLiteral("in the object holding it")
                                                   : QStringLiteral("in the data")));
        }
        object->m_tag = header.tag;
        object->m_offset = position;
        object->m_headerSize = header.headerSize;
        object->m_value = m_data.sliced(valueAt, header.length).toByteArray();
        if (BerTlv::isConstructedTag(header.tag))
            return readObjects(valueAt, valueAt + header.length, depth + 1, false, &object->m_children);
        return true;
    }

    QByteArrayView m_data;
    QString* m_error;
    qsizetype m_objects = 0;
};

std::optional<BerTlvDecoder::Header> BerTlvDecoder::readHeader(QByteArrayView data, QString* error)
{
    Header header;
    if (!readHeaderAt(data, 0, &header, error))
        return std::nullopt;
    return header;
}

std::optional<std::vector<BerTlv>> BerTlvDecoder::decode(QByteArrayView data, QString* error)
{
    std::vector<BerTlv> objects;
    Reader reader(data, error);
    if (!reader.readObjects(0, data.size(), 0, false, &objects))
        return std::nullopt;
    return objects;
}

std::optional<BerTlv> BerTlvDecoder::decodeSingle(QByteArrayView data, QString* error)
{
    const auto first = decodeFirst(data, error);
    if (!first)
        return std::nullopt;
    if (first->encodedSize() != data.size()) {
        fail(error, QStringLiteral("%1 after the data object of tag %2, from offset %3")
                        .arg(bytes(data.size() - first->encodedSize()))
                        .arg(BerTlv::tagName(first->tag()))
                        .arg(first->encodedSize()));
        return std::nullopt;
    }
    return first;
}

std::optional<BerTlv> BerTlvDecoder::decodeFirst(QByteArrayView data, QString* error)
{
    std::vector<BerTlv> objects;
    Reader reader(data, error);
    if (!reader.readObjects(0, data.size(), 0, true, &objects))
        return std::nullopt;
    if (objects.empty()) {
        fail(error, QStringLiteral("no data object: the data is empty"));
        return std::nullopt;
    }
    return std::move(objects.front());
}

} // namespace fg
