#include "core/documents/emrtd/DynamicAuthenticationData.h"

#include "core/documents/emrtd/BerTlvDecoder.h"

namespace fg {

QByteArray DynamicAuthenticationData::wrap(BerTlv::Tag tag, QByteArrayView value)
{
    if (tag == 0)
        return BerTlv::constructed(kTag, {}).encode();
    return BerTlv::constructed(kTag, {BerTlv::primitive(tag, value.toByteArray())}).encode();
}

std::optional<QByteArray> DynamicAuthenticationData::unwrap(QByteArrayView data, BerTlv::Tag tag, QString* error)
{
    QString why;
    const auto object = BerTlvDecoder::decodeSingle(data, &why);
    if (!object) {
        if (error)
            *error = QStringLiteral("PACE: the authentication data is malformed: ") + why;
        return std::nullopt;
    }
    const BerTlv* inner = object->tag() == kTag ? object->child(tag) : nullptr;
    if (!inner) {
        if (error)
            *error = QStringLiteral("PACE: the authentication data holds no object %1 in a 7C")
                         .arg(BerTlv::tagName(tag));
        return std::nullopt;
    }
    return inner->value();
}

} // namespace fg
