#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <openssl/types.h>

#include <memory>
#include <optional>
#include <vector>

namespace fg::test::emrtd {

// A key and its certificate, made by TestPki.
struct TestCertificate {
    std::shared_ptr<EVP_PKEY> key;
    std::shared_ptr<X509> certificate;

    QByteArray der() const;
    QByteArray pem() const;
    QString subject() const; // RFC 2253: "CN=Utopia CSCA,O=Utopia,C=UT"
};

// A country's passport PKI for the tests, with OpenSSL 3's EVP interface:
// a CSCA (self-signed, CA, keyCertSign and cRLSign), Document Signers it
// certifies (validity chosen by the test: an expired one is a few dates),
// CRLs revoking them, ICAO master lists of CSCAs, and CMS SignedData as
// EF.SOD and master lists use it. Keys are EC P-256 unless RSA is asked for.
// No QTest: a benchmark can use it too. In fg::test::emrtd: tests/service has
// a TestPki of its own (TLS), fg::test::TestPki.
class TestPki {
public:
    enum class KeyType { EcP256, Rsa2048 };

    struct Options {
        QString country = QStringLiteral("UT");
        QString organisation = QStringLiteral("Utopia");
        QString commonName;          // default: "Utopia CSCA" / "Utopia Document Signer"
        KeyType keyType = KeyType::EcP256;
        QDateTime notBefore;         // default: 2020-01-01
        QDateTime notAfter;          // default: 2040-01-01
        long serial = 0;             // default: 1 for a CSCA, 2 for a DS
    };

    static std::optional<TestCertificate> makeCsca(const Options& options, QString* error);
    static std::optional<TestCertificate> makeDocumentSigner(const TestCertificate& csca, const Options& options,
                                                             QString* error);
    // A CRL of `csca` (DER) revoking `revoked` (certificates it issued).
    static std::optional<QByteArray> makeCrl(const TestCertificate& csca, const std::vector<TestCertificate>& revoked,
                                             const QDateTime& thisUpdate, const QDateTime& nextUpdate, QString* error);
    // An ICAO master list (DER CMS) of `cscas`, signed by `signer`.
    static std::optional<QByteArray> makeMasterList(const TestCertificate& signer,
                                                    const std::vector<TestCertificate>& cscas, QString* error);

    // CMS SignedData (DER ContentInfo) of `content` with the content type
    // `contentType` (dotted OID), signed by `signer` with `digest` ("SHA-256",
    // "SHA-512"...), RSA-PSS when `rsaPss` (an RSA signer), the signer's
    // certificate included.
    static std::optional<QByteArray> signCms(const TestCertificate& signer, const QByteArray& content,
                                             const char* contentType, const QString& digest, bool rsaPss,
                                             QString* error);
};

} // namespace fg::test::emrtd
