#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <map>
#include <optional>

namespace fg {

// EF.SOD (ICAO Doc 9303 part 10, 4.6.2): tag 77 wrapping a CMS ContentInfo
// (RFC 5652 SignedData) whose encapsulated content, of type
// id-icao-mrtd-security-ldsSecurityObject (2.23.136.1.1.1), is
//   LDSSecurityObject ::= SEQUENCE {
//     version INTEGER, hashAlgorithm AlgorithmIdentifier,
//     dataGroupHashValues SEQUENCE OF SEQUENCE { dataGroupNumber INTEGER,
//                                                dataGroupHashValue OCTET STRING },
//     ldsVersionInfo SEQUENCE { ldsVersion, unicodeVersion } OPTIONAL }
// Parsing reads the structure only; the signature is checked by
// PassiveAuthentication. Refused, with a reason: another outer tag, a CMS
// structure OpenSSL cannot read or of another type, a security object that
// is not the above, a hash algorithm other than SHA-1/224/256/384/512, a
// data group number outside 1..16 or given twice, a hash of the wrong size.
struct SecurityObject {
    static constexpr int kMaxDataGroups = 16;

    int version = 0;
    QString hashAlgorithm;             // "SHA-256"
    std::map<int, QByteArray> hashes;  // data group number -> its hash
    QString ldsVersion;                // from ldsVersionInfo (v1), else empty
    QString unicodeVersion;
    QByteArray contentInfo;            // the CMS ContentInfo (DER) inside 77
    QByteArray documentSigner;         // the certificate it carries that its signer info names (DER); empty: none

    static std::optional<SecurityObject> parse(QByteArrayView data, QString* error);
    // The LDSSecurityObject alone (the CMS content).
    static std::optional<SecurityObject> parseContent(QByteArrayView der, QString* error);

    // "SHA-256" -> the OpenSSL digest name "SHA2-256"..., its size in bytes (0: unknown).
    static int digestSize(const QString& hashAlgorithm);
    // The hash of `data` with `hashAlgorithm`; empty when it is unknown.
    static QByteArray digest(const QString& hashAlgorithm, QByteArrayView data);
};

} // namespace fg
