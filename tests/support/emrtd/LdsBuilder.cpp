#include "tests/support/emrtd/LdsBuilder.h"

#include "core/documents/emrtd/BerTlv.h"
#include "core/documents/emrtd/LdsCom.h"
#include "core/documents/emrtd/SecurityObject.h"

namespace fg::test::emrtd {
namespace {

QByteArray bigEndian(quint32 value, int bytes)
{
    QByteArray out;
    for (int i = bytes - 1; i >= 0; --i)
        out += char((value >> (8 * i)) & 0xFF);
    return out;
}

QByteArray hashOid(const QString& name)
{
    if (name == QLatin1String("SHA-1"))
        return QByteArray::fromHex("2b0e03021a");
    if (name == QLatin1String("SHA-224"))
        return QByteArray::fromHex("608648016503040204");
    if (name == QLatin1String("SHA-384"))
        return QByteArray::fromHex("608648016503040202");
    if (name == QLatin1String("SHA-512"))
        return QByteArray::fromHex("608648016503040203");
    return QByteArray::fromHex("608648016503040201");
}

} // namespace

QByteArray LdsBuilder::tlv(unsigned tag, const QByteArray& value)
{
    return BerTlv::encodeTag(tag) + BerTlv::encodeLength(value.size()) + value;
}

QByteArray LdsBuilder::com(const std::vector<int>& dataGroups)
{
    QByteArray tags;
    for (const int number : dataGroups)
        tags += char(LdsCom::tagOfDataGroup(number));
    return tlv(0x60, tlv(0x5F01, "0107") + tlv(0x5F36, "040000") + tlv(0x5C, tags));
}

QByteArray LdsBuilder::dg1(const QString& mrz)
{
    QString zone = mrz;
    zone.remove(QLatin1Char('\n'));
    return tlv(0x61, tlv(0x5F1F, zone.toLatin1()));
}

QByteArray LdsBuilder::facialRecord(const QByteArray& image, int width, int height, ImageType type)
{
    QByteArray points;
    const int eyes[2][2] = {{width * 3 / 8, height * 2 / 5}, {width * 5 / 8, height * 2 / 5}};
    for (int i = 0; i < 2; ++i) {
        points += char(0x01);                // feature point type: MPEG4
        points += char(0xC1 + i);            // 12.1 and 12.2: the eye centres
        points += bigEndian(quint32(eyes[i][0]), 2) + bigEndian(quint32(eyes[i][1]), 2) + bigEndian(0, 2);
    }
    QByteArray information;
    information += char(1);                 // gender: male
    information += char(0);                 // eye colour: unspecified
    information += char(0);                 // hair colour: unspecified
    information += bigEndian(0x000001, 3);  // feature mask: features specified
    information += bigEndian(0, 2);         // expression: unspecified
    information += bigEndian(0, 3);         // pose angle
    information += bigEndian(0, 3);         // pose angle uncertainty
    QByteArray imageInformation;
    imageInformation += char(1);            // face image type: full frontal
    imageInformation += char(int(type));    // image data type
    imageInformation += bigEndian(quint32(width), 2) + bigEndian(quint32(height), 2);
    imageInformation += char(1);            // colour space: 24-bit RGB
    imageInformation += char(2);            // source type: digital still camera
    imageInformation += bigEndian(0, 2);    // device type
    imageInformation += bigEndian(0, 2);    // quality
    const QByteArray afterLength = bigEndian(quint32(points.size() / 8), 2) + information + points + imageInformation + image;
    const QByteArray facialData = bigEndian(quint32(afterLength.size() + 4), 4) + afterLength;
    const quint32 recordLength = quint32(14 + facialData.size());
    return QByteArray("FAC\0", 4) + QByteArray("010\0", 4) + bigEndian(recordLength, 4) + bigEndian(1, 2) + facialData;
}

QByteArray LdsBuilder::dg2(const QByteArray& image, int width, int height, ImageType type)
{
    const QByteArray header = tlv(0x80, QByteArray::fromHex("0101")) + tlv(0x87, QByteArray::fromHex("0101"))
        + tlv(0x88, QByteArray::fromHex("0008"));
    const QByteArray biometricTemplate = tlv(0x7F60, tlv(0xA1, header) + tlv(0x5F2E, facialRecord(image, width, height, type)));
    return tlv(0x75, tlv(0x7F61, tlv(0x02, QByteArray(1, '\x01')) + biometricTemplate));
}

std::optional<QByteArray> LdsBuilder::sod(const std::map<int, QByteArray>& dataGroups, const TestCertificate& signer,
                                          const SodOptions& options, QString* error)
{
    QByteArray hashes;
    for (const auto& [number, bytes] : dataGroups) {
        const QByteArray hash = SecurityObject::digest(options.hashAlgorithm, bytes);
        if (hash.isEmpty()) {
            if (error)
                *error = QStringLiteral("LdsBuilder: unknown hash algorithm %1").arg(options.hashAlgorithm);
            return std::nullopt;
        }
        hashes += tlv(0x30, tlv(0x02, QByteArray(1, char(number))) + tlv(0x04, hash));
    }
    QByteArray object = tlv(0x02, QByteArray(1, options.ldsVersionInfo ? '\x01' : '\x00'))
        + tlv(0x30, tlv(0x06, hashOid(options.hashAlgorithm)) + tlv(0x05, {})) + tlv(0x30, hashes);
    if (options.ldsVersionInfo)
        object += tlv(0x30, tlv(0x13, "0108") + tlv(0x13, "040000"));
    const std::optional<QByteArray> signedData =
        TestPki::signCms(signer, tlv(0x30, object), "2.23.136.1.1.1", options.hashAlgorithm, options.rsaPss, error);
    if (!signedData)
        return std::nullopt;
    return tlv(0x77, *signedData);
}

std::optional<LdsFiles> LdsBuilder::passport(const QString& mrz, const QByteArray& jpeg, int width, int height,
                                             const TestCertificate& signer, const SodOptions& options, QString* error)
{
    LdsFiles files;
    files.com = com({1, 2});
    files.dataGroups[1] = dg1(mrz);
    files.dataGroups[2] = dg2(jpeg, width, height);
    const std::optional<QByteArray> signedHashes = sod(files.dataGroups, signer, options, error);
    if (!signedHashes)
        return std::nullopt;
    files.sod = *signedHashes;
    return files;
}

} // namespace fg::test::emrtd
