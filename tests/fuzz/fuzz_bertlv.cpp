// libFuzzer target for the BER-TLV decoder of the eMRTD chip (build with
// -DFACEGATE_FUZZ=ON and Clang; see CMakeLists.txt). The bytes are what a
// hostile chip could send; beyond "does not crash, leak or overflow" (ASan,
// UBSan) the result is held to invariants:
//  - a refusal says "BER-TLV: " and names an offset inside the data (or says
//    the data is empty);
//  - the objects read tile the data: each starts where the previous ended,
//    a primitive's value is the bytes after its header, a constructed one's
//    children tile its value; no object is nested past the depth limit;
//  - encoding what was read and reading it again gives the same tree, and
//    encoding that again the same bytes (the shortest lengths);
//  - decodeFirst, decodeSingle and readHeader agree with decode.
#include "core/documents/emrtd/BerTlv.h"
#include "core/documents/emrtd/BerTlvDecoder.h"

#include <QByteArray>
#include <QRegularExpression>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char* what, const QByteArray& data, const QString& detail = QString())
{
    if (condition)
        return;
    std::fprintf(stderr, "invariant broken: %s\ninput: %s\n%s\n", what, data.toHex().constData(),
                 detail.toUtf8().constData());
    std::abort();
}

void checkRefusal(const QString& error, const QByteArray& data)
{
    require(error.startsWith(QStringLiteral("BER-TLV: ")), "a refusal without its prefix", data, error);
    static const QRegularExpression offset(QStringLiteral("offset (\\d+)"));
    const QRegularExpressionMatch match = offset.match(error);
    if (!match.hasMatch()) {
        require(error.contains(QStringLiteral("the data is empty")), "a refusal that names no offset", data, error);
        return;
    }
    require(match.captured(1).toLongLong() <= data.size(), "a refusal at an offset past the data", data, error);
}

// The object and its children tile `data` from `object.offset()`.
void checkTiling(const fg::BerTlv& object, const QByteArray& data, int depth)
{
    require(depth < fg::BerTlvDecoder::kMaxDepth, "an object nested past the depth limit", data);
    require(object.offset() >= 0 && object.offset() + object.encodedSize() <= data.size(),
            "an object outside the data", data);
    require(data.mid(object.offset() + object.headerSize(), object.value().size()) == object.value(),
            "a value that is not the bytes after its header", data);
    require(object.isConstructed() || object.children().empty(), "a primitive object with children", data);
    qsizetype next = object.offset() + object.headerSize();
    for (const fg::BerTlv& child : object.children()) {
        require(child.offset() == next, "a child that does not start where the previous one ended", data);
        checkTiling(child, data, depth + 1);
        next += child.encodedSize();
    }
    if (object.isConstructed())
        require(next == object.offset() + object.encodedSize(), "children that do not fill their parent", data);
}

bool sameTree(const fg::BerTlv& a, const fg::BerTlv& b)
{
    if (a.tag() != b.tag() || a.children().size() != b.children().size())
        return false;
    if (a.children().empty())
        return a.value() == b.value();
    for (size_t i = 0; i < a.children().size(); ++i) {
        if (!sameTree(a.children()[i], b.children()[i]))
            return false;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    QString error;
    const auto objects = fg::BerTlvDecoder::decode(bytes, &error);

    QString firstError;
    const auto first = fg::BerTlvDecoder::decodeFirst(bytes, &firstError);
    QString singleError;
    const auto single = fg::BerTlvDecoder::decodeSingle(bytes, &singleError);
    QString headerError;
    const auto header = fg::BerTlvDecoder::readHeader(bytes, &headerError);
    if (!first)
        checkRefusal(firstError, bytes);
    if (!single)
        checkRefusal(singleError, bytes);
    if (!header)
        checkRefusal(headerError, bytes);
    if (first) {
        require(header.has_value(), "an object read whose header is refused", bytes, headerError);
        require(header->tag == first->tag() && header->headerSize == first->headerSize()
                    && header->length == first->value().size(),
                "readHeader and decodeFirst disagree", bytes);
    }

    if (!objects) {
        checkRefusal(error, bytes);
        require(!single, "decodeSingle reads what decode refuses", bytes);
        return 0;
    }
    require(objects->empty() == bytes.isEmpty(), "no objects read from data, or some from none", bytes);
    require(single.has_value() == (objects->size() == 1), "decodeSingle disagrees with decode", bytes, singleError);
    require(first.has_value() == !objects->empty(), "decodeFirst disagrees with decode", bytes, firstError);
    if (first)
        require(sameTree(*first, objects->front()), "decodeFirst reads another first object", bytes);

    qsizetype next = 0;
    QByteArray encoded;
    for (const fg::BerTlv& object : *objects) {
        require(object.offset() == next, "an object that does not start where the previous one ended", bytes);
        checkTiling(object, bytes, 0);
        next += object.encodedSize();
        const QByteArray one = object.encode();
        require(!one.isEmpty(), "an object read that cannot be encoded", bytes);
        encoded += one;
    }
    require(next == bytes.size(), "objects that do not fill the data", bytes);

    QString again;
    const auto reread = fg::BerTlvDecoder::decode(encoded, &again);
    require(reread.has_value(), "encoded objects that cannot be read again", bytes, again);
    require(reread->size() == objects->size(), "encoded objects read back as another count", bytes);
    QByteArray encodedAgain;
    for (size_t i = 0; i < objects->size(); ++i) {
        require(sameTree((*objects)[i], (*reread)[i]), "an object read back differently", bytes);
        encodedAgain += (*reread)[i].encode();
    }
    require(encodedAgain == encoded, "encoding is not stable", bytes);
    require(encoded.size() <= bytes.size(), "encoding made the data longer", bytes);
    return 0;
}
