#pragma once

#include "core/documents/emrtd/LdsFiles.h"
#include "tests/support/emrtd/TestPki.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace fg::test::emrtd {

// The files of an eMRTD's LDS as a chip stores them, for the tests (and a
// benchmark: no QTest): EF.COM, DG1 from an MRZ, DG2 as a real ISO/IEC
// 19794-5 facial record around JPEG (or JPEG 2000) bytes, and EF.SOD: an
// LDS security object with the hashes of the data groups given, CMS-signed
// by a Document Signer whose certificate it carries.
class LdsBuilder {
public:
    enum class ImageType { Jpeg = 0, Jpeg2000 = 1 };

    struct SodOptions {
        QString hashAlgorithm = QStringLiteral("SHA-256"); // the data group hashes and the CMS digest
        bool rsaPss = false;                               // an RSA signer signs with PSS
        bool ldsVersionInfo = false;                       // v1 with ldsVersionInfo "0108", "040000"
    };

    // 60 { 5F01 "0107", 5F36 "040000", 5C the data groups' tags }.
    static QByteArray com(const std::vector<int>& dataGroups);
    // 61 { 5F1F the zone's characters }; line breaks in `mrz` are dropped.
    static QByteArray dg1(const QString& mrz);
    // 75 { 7F61 { 02 01, 7F60 { A1 header, 5F2E record } } } with two
    // feature points (the eye centres).
    static QByteArray dg2(const QByteArray& image, int width, int height, ImageType type = ImageType::Jpeg);
    // The ISO/IEC 19794-5:2005 facial record alone ('FAC\0' ...).
    static QByteArray facialRecord(const QByteArray& image, int width, int height, ImageType type);
    // 77 { ContentInfo } over the hashes of `dataGroups`.
    static std::optional<QByteArray> sod(const std::map<int, QByteArray>& dataGroups, const TestCertificate& signer,
                                         const SodOptions& options, QString* error);

    // A whole passport: EF.COM, DG1, DG2 and their EF.SOD.
    static std::optional<LdsFiles> passport(const QString& mrz, const QByteArray& jpeg, int width, int height,
                                            const TestCertificate& signer, const SodOptions& options, QString* error);

    // A BER-TLV object: tag bytes (1 to 3, as a number), shortest length, value.
    static QByteArray tlv(unsigned tag, const QByteArray& value);
};

} // namespace fg::test::emrtd
