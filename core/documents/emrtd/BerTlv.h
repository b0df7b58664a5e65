#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <vector>

namespace fg {

// One BER-TLV data object as the eMRTD's files and APDUs use them (ISO/IEC
// 7816-4 5.2, the subset of X.690 that ICAO Doc 9303 part 10 relies on): a
// tag of one to three bytes, a definite length, and either a primitive value
// (bytes) or a constructed one (the data objects it holds, in order).
//
// Objects come from BerTlvDecoder (which refuses what a hostile chip could
// send to hurt the reader) or are built here for encoding. encode() always
// writes the shortest length form; a decoded object keeps where it was found
// (offset, header size) so that a MAC can be computed over the bytes as
// received.
class BerTlv {
public:
    // The tag as its bytes read big-endian: 0x61, 0x5F1F, 0x7F61, 0x5F8001.
    using Tag = std::uint32_t;

    BerTlv() = default;
    static BerTlv primitive(Tag tag, QByteArray value);
    static BerTlv constructed(Tag tag, std::vector<BerTlv> children);

    Tag tag() const { return m_tag; }
    // Bit 6 of the tag's first byte: the value is made of data objects.
    bool isConstructed() const { return isConstructedTag(m_tag); }
    // The value's bytes: as read, or (for a constructed object built here)
    // the children's encoding.
    const QByteArray& value() const { return m_value; }
    const std::vector<BerTlv>& children() const { return m_children; }

    // The first direct child with this tag, or nullptr.
    const BerTlv* child(Tag tag) const;
    // Every direct child with this tag, in order.
    std::vector<const BerTlv*> children(Tag tag) const;
    // Follows a path of tags from this object's children down: find({0x7F61,
    // 0x7F60, 0x5F2E}) on DG2's 0x75. nullptr when a step is missing.
    const BerTlv* find(std::initializer_list<Tag> path) const;

    // Where the object started in the decoded buffer (0 for one built here),
    // and its tag + length bytes as read.
    qsizetype offset() const { return m_offset; }
    qsizetype headerSize() const { return m_headerSize; }
    // Header and value as read (or as encode() would write them).
    qsizetype encodedSize() const { return m_headerSize + m_value.size(); }

    // Empty when a tag (this or a child's) is not a well-formed BER tag.
    QByteArray encode() const;

    // "5F1F", "61": for error texts and logs.
    static QString tagName(Tag tag);
    static bool isConstructedTag(Tag tag);
    // The tag's bytes; empty for 0 or a tag that is not a well-formed BER tag
    // of at most three bytes.
    static QByteArray encodeTag(Tag tag);
    // Shortest form: 0..127 in one byte, then 81 xx, 82 xx xx, 83 .., 84 ...
    static QByteArray encodeLength(qsizetype length);

private:
    friend class BerTlvDecoder;

    Tag m_tag = 0;
    QByteArray m_value;
    std::vector<BerTlv> m_children;
    qsizetype m_offset = 0;
    qsizetype m_headerSize = 0;
};

} // namespace fg
