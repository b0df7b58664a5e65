#include "core/documents/emrtd/SecurityObject.h"

#include "core/documents/emrtd/Der.h"

#include "core/documents/emrtd/BerTlvDecoder.h"
#include "core/documents/emrtd/OpenSslHandles.h"

#include <openssl/err.h>
#include <openssl/objects.h>

#include <array>

namespace fg {
namespace {

std::nullopt_t refuse(QString* error, const QString& why)
{
    if (error)
        *error = QStringLiteral("EF.SOD: ") + why;
    return std::nullopt;
}

struct HashAlgorithm {
    const char* oid; // DER value bytes of the OBJECT IDENTIFIER, hex
    const char* name;
    const char* openSslName;
    int size;
};

constexpr std::array<HashAlgorithm, 5> kHashes{{
    {"2b0e03021a", "SHA-1", "SHA1", 20},
    {"608648016503040204", "SHA-224", "SHA2-224", 28},
    {"608648016503040201", "SHA-256", "SHA2-256", 32},
    {"608648016503040202", "SHA-384", "SHA2-384", 48},
    {"608648016503040203", "SHA-512", "SHA2-512", 64},
}};

const HashAlgorithm* hashNamed(const QString& name)
{
    for (const HashAlgorithm& hash : kHashes) {
        if (name == QLatin1String(hash.name))
            return &hash;
    }
    return nullptr;
}

QString printable(const BerTlv* text)
{
    if (!text || text->isConstructed() || text->value().size() > 64)
        return {};
    return QString::fromLatin1(text->value());
}

} // namespace

int SecurityObject::digestSize(const QString& hashAlgorithm)
{
    const HashAlgorithm* hash = hashNamed(hashAlgorithm);
    return hash ? hash->size : 0;
}

QByteArray SecurityObject::digest(const QString& hashAlgorithm, QByteArrayView data)
{
    const HashAlgorithm* hash = hashNamed(hashAlgorithm);
    if (!hash)
        return {};
    QByteArray out(hash->size, Qt::Uninitialized);
    size_t written = 0;
    if (EVP_Q_digest(nullptr, hash->openSslName, nullptr, data.data(), size_t(data.size()),
                     reinterpret_cast<unsigned char*>(out.data()), &written)
            != 1
        || written != size_t(hash->size))
        return {};
    return out;
}

std::optional<SecurityObject> SecurityObject::parseContent(QByteArrayView der, QString* error)
{
    QString why;
    const std::optional<BerTlv> root = BerTlvDecoder::decodeSingle(der, &why);
    if (!root)
        return refuse(error, QStringLiteral("the LDS security object: ") + why);
    const auto& fields = root->children();
    if (root->tag() != 0x30 || fields.size() < 3 || fields.size() > 4)
        return refuse(error, QStringLiteral("the LDS security object is not a SEQUENCE of 3 or 4 fields"));
    SecurityObject result;
    const std::optional<int> version = der::smallInteger(fields[0]);
    if (!version || *version > 1)
        return refuse(error, QStringLiteral("the LDS security object's version is not 0 or 1"));
    result.version = *version;

    const BerTlv& algorithm = fields[1];
    if (algorithm.tag() != 0x30 || algorithm.children().empty() || algorithm.children()[0].tag() != 0x06)
        return refuse(error, QStringLiteral("the hash algorithm is not an AlgorithmIdentifier"));
    const QByteArray oid = algorithm.children()[0].value().toHex();
    for (const HashAlgorithm& hash : kHashes) {
        if (oid == hash.oid)
            result.hashAlgorithm = QLatin1String(hash.name);
    }
    if (result.hashAlgorithm.isEmpty())
        return refuse(error, QStringLiteral("hash algorithm %1 is none of SHA-1, SHA-224, SHA-256, SHA-384, SHA-512")
                                 .arg(QString::fromLatin1(oid)));
    const int size = digestSize(result.hashAlgorithm);

    const BerTlv& values = fields[2];
    if (values.tag() != 0x30 || values.children().empty())
        return refuse(error, QStringLiteral("the data group hash values are not a SEQUENCE of at least one hash"));
    if (values.children().size() > kMaxDataGroups)
        return refuse(error, QStringLiteral("%1 data group hashes, more than the LDS's %2 data groups")
                                 .arg(values.children().size())
                                 .arg(kMaxDataGroups));
    for (const BerTlv& entry : values.children()) {
        const auto& pair = entry.children();
        const std::optional<int> number = pair.size() == 2 ? der::smallInteger(pair[0]) : std::nullopt;
        if (entry.tag() != 0x30 || !number || pair[1].tag() != 0x04)
            return refuse(error, QStringLiteral("a data group hash is not a SEQUENCE of a number and an OCTET STRING"));
        if (*number < 1 || *number > kMaxDataGroups)
            return refuse(error, QStringLiteral("a hash for data group %1 (1 to 16 exist)").arg(*number));
        if (result.hashes.count(*number))
            return refuse(error, QStringLiteral("two hashes for DG%1").arg(*number));
        if (pair[1].value().size() != size)
            return refuse(error, QStringLiteral("the hash of DG%1 is %2 bytes, not the %3 of %4")
                                     .arg(*number)
                                     .arg(pair[1].value().size())
                                     .arg(size)
                                     .arg(result.hashAlgorithm));
        result.hashes[*number] = pair[1].value();
    }
    if (fields.size() == 4) {
        const BerTlv& info = fields[3];
        if (info.tag() != 0x30 || info.children().size() != 2)
            return refuse(error, QStringLiteral("the LDS version info is not a SEQUENCE of two strings"));
        result.ldsVersion = printable(&info.children()[0]);
        result.unicodeVersion = printable(&info.children()[1]);
    }
    return result;
}

std::optional<SecurityObject> SecurityObject::parse(QByteArrayView data, QString* error)
{
    QString why;
    const std::optional<BerTlvDecoder::Header> header = BerTlvDecoder::readHeader(data, &why);
    if (!header)
        return refuse(error, why);
    if (header->tag != 0x77)
        return refuse(error, QStringLiteral("tag %1 where EF.SOD's 77 should be").arg(BerTlv::tagName(header->tag)));
    if (header->length > data.size() - header->headerSize)
        return refuse(error, QStringLiteral("tag 77 claims %1 bytes, but the file holds %2 after its header")
                                 .arg(header->length)
                                 .arg(data.size() - header->headerSize));
    const QByteArrayView der = data.sliced(header->headerSize, header->length);

    ERR_clear_error(); // the reasons given are this call's own
    const auto* start = reinterpret_cast<const unsigned char*>(der.data());
    const unsigned char* end = start;
    const openssl::Cms cms(d2i_CMS_ContentInfo(nullptr, &end, long(der.size())));
    if (!cms)
        return refuse(error, openssl::lastError(QStringLiteral("the CMS structure cannot be read")));
    if (end != start + der.size())
        return refuse(error, QStringLiteral("%1 bytes after the CMS structure inside tag 77").arg(start + der.size() - end));
    if (OBJ_obj2nid(CMS_get0_type(cms.get())) != NID_pkcs7_signed)
        return refuse(error, QStringLiteral("the CMS structure is not SignedData"));
    char type[80] = {};
    OBJ_obj2txt(type, sizeof type, CMS_get0_eContentType(cms.get()), 1);
    if (QLatin1String(type) != QLatin1String("2.23.136.1.1.1"))
        return refuse(error, QStringLiteral("the signed content is of type %1, not the LDS security object "
                                            "(2.23.136.1.1.1)")
                                 .arg(QLatin1String(type)));
    ASN1_OCTET_STRING** content = CMS_get0_content(cms.get());
    if (!content || !*content)
        return refuse(error, QStringLiteral("the signed content (the LDS security object) is missing"));
    std::optional<SecurityObject> result = parseContent(
        QByteArrayView(reinterpret_cast<const char*>(ASN1_STRING_get0_data(*content)), ASN1_STRING_length(*content)),
        error);
    if (!result)
        return std::nullopt;
    result->contentInfo = der.toByteArray();
    // The Document Signer: the certificate carried that the (first) signer info names.
    const openssl::Certificates certificates(CMS_get1_certs(cms.get()));
    STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms.get());
    if (!signers || sk_CMS_SignerInfo_num(signers) != 1)
        return refuse(error, QStringLiteral("the SignedData has %1 signer infos, not one")
                                 .arg(signers ? sk_CMS_SignerInfo_num(signers) : 0));
    CMS_SignerInfo* signer = sk_CMS_SignerInfo_value(signers, 0);
    for (int i = 0; certificates && i < sk_X509_num(certificates.get()); ++i) {
        if (CMS_SignerInfo_cert_cmp(signer, sk_X509_value(certificates.get(), i)) == 0) {
            result->documentSigner = openssl::certificateDer(sk_X509_value(certificates.get(), i));
            break;
        }
    }
    return result;
}

} // namespace fg
