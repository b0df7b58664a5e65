#include "core/documents/emrtd/BerTlv.h"

#include <utility>

namespace fg {

BerTlv BerTlv::primitive(Tag tag, QByteArray value)
{
    BerTlv object;
    object.m_tag = tag;
    object.m_value = std::move(value);
    object.m_headerSize = encodeTag(tag).size() + encodeLength(object.m_value.size()).size();
    return object;
}

BerTlv BerTlv::constructed(Tag tag, std::vector<BerTlv> children)
{
    BerTlv object;
    object.m_tag = tag;
    for (const BerTlv& child : children)
        object.m_value += child.encode();
    object.m_children = std::move(children);
    object.m_headerSize = encodeTag(tag).size() + encodeLength(object.m_value.size()).size();
    return object;
}

const BerTlv* BerTlv::child(Tag tag) const
{
    for (const BerTlv& candidate : m_children) {
        if (candidate.m_tag == tag)
            return &candidate;
    }
    return nullptr;
}

std::vector<const BerTlv*> BerTlv::children(Tag tag) const
{
    std::vector<const BerTlv*> found;
    for (const BerTlv& candidate : m_children) {
        if (candidate.m_tag == tag)
            found.push_back(&candidate);
    }
    return found;
}

const BerTlv* BerTlv::find(std::initializer_list<Tag> path) const
{
    const BerTlv* current = this;
    for (const Tag tag : path) {
        current = current->child(tag);
        if (!current)
            return nullptr;
    }
    return current;
}

QByteArray BerTlv::encode() const
{
    const QByteArray tagBytes = encodeTag(m_tag);
    if (tagBytes.isEmpty())
        return QByteArray();
    QByteArray value;
    if (isConstructed() && !m_children.empty()) {
        for (const BerTlv& child : m_children) {
            const QByteArray encoded = child.encode();
            if (encoded.isEmpty())
                return QByteArray();
            value += encoded;
        }
    } else {
        value = m_value;
    }
    return tagBytes + encodeLength(value.size()) + value;
}

QString BerTlv::tagName(Tag tag)
{
    const QByteArray bytes = encodeTag(tag);
    if (bytes.isEmpty())
        return QStringLiteral("(invalid tag %1)").arg(tag, 0, 16);
    return QString::fromLatin1(bytes.toHex().toUpper());
}

bool BerTlv::isConstructedTag(Tag tag)
{
    // The first byte is the most significant non-zero one.
    Tag first = tag;
    while (first > 0xFF)
        first >>= 8;
    return (first & 0x20) != 0;
}

QByteArray BerTlv::encodeTag(Tag tag)
{
    QByteArray bytes;
    for (Tag rest = tag; rest != 0; rest >>= 8)
        bytes.prepend(static_cast<char>(rest & 0xFF));
    if (bytes.isEmpty() || bytes.size() > 3)
        return QByteArray();
    const auto byteAt = [&bytes](qsizetype i) { return static_cast<unsigned char>(bytes[i]); };
    const bool multiByte = (byteAt(0) & 0x1F) == 0x1F;
    if (multiByte != (bytes.size() > 1))
        return QByteArray();
    if (multiByte) {
        if (byteAt(1) == 0x80)
            return QByteArray(); // a leading zero in the tag number
        for (qsizetype i = 1; i < bytes.size(); ++i) {
            const bool last = i == bytes.size() - 1;
            if (((byteAt(i) & 0x80) == 0) != last)
                return QByteArray();
        }
    }
    return bytes;
}

QByteArray BerTlv::encodeLength(qsizetype length)
{
    if (length < 0x80)
        return QByteArray(1, static_cast<char>(length));
    QByteArray bytes;
    for (qsizetype rest = length; rest != 0; rest >>= 8)
        bytes.prepend(static_cast<char>(rest & 0xFF));
    bytes.prepend(static_cast<char>(0x80 | bytes.size()));
    return bytes;
}

} // namespace fg
