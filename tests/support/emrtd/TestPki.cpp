#include "tests/support/emrtd/TestPki.h"

#include "core/documents/emrtd/OpenSslHandles.h"

#include <openssl/err.h>
#include <openssl/rsa.h>
#include <openssl/x509v3.h>

namespace fg::test::emrtd {
namespace {

std::nullopt_t refuse(QString* error, const QString& why)
{
    if (error)
        *error = openssl::lastError(QStringLiteral("test PKI: ") + why);
    return std::nullopt;
}

std::shared_ptr<EVP_PKEY> generateKey(TestPki::KeyType type)
{
    EVP_PKEY* key = type == TestPki::KeyType::Rsa2048 ? EVP_RSA_gen(2048) : EVP_EC_gen("P-256");
    return std::shared_ptr<EVP_PKEY>(key, EVP_PKEY_free);
}

const EVP_MD* digestNamed(const QString& name)
{
    if (name == QLatin1String("SHA-1"))
        return EVP_sha1();
    if (name == QLatin1String("SHA-224"))
        return EVP_sha224();
    if (name == QLatin1String("SHA-384"))
        return EVP_sha384();
    if (name == QLatin1String("SHA-512"))
        return EVP_sha512();
    return EVP_sha256();
}

bool addEntry(X509_NAME* name, const char* field, const QString& value)
{
    const QByteArray bytes = value.toUtf8();
    return value.isEmpty()
        || X509_NAME_add_entry_by_txt(name, field, MBSTRING_UTF8, reinterpret_cast<const unsigned char*>(bytes.constData()),
                                      int(bytes.size()), -1, 0)
               == 1;
}

bool addExtension(X509* certificate, X509* issuer, int nid, const char* value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}


std::optional<TestCertificate> makeCertificate(const TestCertificate* issuer, const TestPki::Options& options,
                                               bool ca, QString* error)
{
    TestCertificate made;
    made.key = generateKey(options.keyType);
    if (!made.key)
        return refuse(error, QStringLiteral("key generation failed"));
    made.certificate = std::shared_ptr<X509>(X509_new(), X509_free);
    X509* certificate = made.certificate.get();
    const QDateTime from = options.notBefore.isValid() ? options.notBefore : QDateTime(QDate(2020, 1, 1), QTime(0, 0), Qt::UTC);
    const QDateTime until = options.notAfter.isValid() ? options.notAfter : QDateTime(QDate(2040, 1, 1), QTime(0, 0), Qt::UTC);
    const QString commonName = !options.commonName.isEmpty()
        ? options.commonName
        : options.organisation + (ca ? QStringLiteral(" CSCA") : QStringLiteral(" Document Signer"));
    X509_NAME* subject = X509_get_subject_name(certificate);
    const bool ok = X509_set_version(certificate, X509_VERSION_3) == 1
        && ASN1_INTEGER_set(X509_get_serialNumber(certificate), options.serial ? options.serial : (ca ? 1 : 2)) == 1
        && ASN1_TIME_set(X509_getm_notBefore(certificate), time_t(from.toSecsSinceEpoch()))
        && ASN1_TIME_set(X509_getm_notAfter(certificate), time_t(until.toSecsSinceEpoch()))
        && addEntry(subject, "C", options.country) && addEntry(subject, "O", options.organisation)
        && addEntry(subject, "CN", commonName)
        && X509_set_issuer_name(certificate, issuer ? X509_get_subject_name(issuer->certificate.get()) : subject) == 1
        && X509_set_pubkey(certificate, made.key.get()) == 1;
    if (!ok)
        return refuse(error, QStringLiteral("the certificate fields cannot be set"));
    X509* issuerCertificate = issuer ? issuer->certificate.get() : certificate;
    const bool extended = (ca ? addExtension(certificate, issuerCertificate, NID_basic_constraints, "critical,CA:TRUE,pathlen:0")
                                    && addExtension(certificate, issuerCertificate, NID_key_usage, "critical,keyCertSign,cRLSign")
                              : addExtension(certificate, issuerCertificate, NID_key_usage, "critical,digitalSignature"))
        && addExtension(certificate, issuerCertificate, NID_subject_key_identifier, "hash")
        && addExtension(certificate, issuerCertificate, NID_authority_key_identifier, "keyid:always");
    if (!extended)
        return refuse(error, QStringLiteral("the certificate extensions cannot be set"));
    EVP_PKEY* signingKey = issuer ? issuer->key.get() : made.key.get();
    if (X509_sign(certificate, signingKey, EVP_sha256()) <= 0)
        return refuse(error, QStringLiteral("the certificate cannot be signed"));
    return made;
}

QByteArray tlv(unsigned char tag, const QByteArray& value)
{
    QByteArray out(1, char(tag));
    const qsizetype length = value.size();
    if (length < 0x80) {
        out += char(length);
    } else {
        QByteArray digits;
        for (qsizetype rest = length; rest > 0; rest >>= 8)
            digits.prepend(char(rest & 0xFF));
        out += char(0x80 | digits.size());
        out += digits;
    }
    return out + value;
}

} // namespace

QByteArray TestCertificate::der() const
{
    return openssl::certificateDer(certificate.get());
}

QByteArray TestCertificate::pem() const
{
    const openssl::Bio bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), certificate.get()) != 1)
        return {};
    char* data = nullptr;
    const long size = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, size);
}

QString TestCertificate::subject() const
{
    return openssl::nameText(X509_get_subject_name(certificate.get()));
}

std::optional<TestCertificate> TestPki::makeCsca(const Options& options, QString* error)
{
    return makeCertificate(nullptr, options, true, error);
}

std::optional<TestCertificate> TestPki::makeDocumentSigner(const TestCertificate& csca, const Options& options,
                                                           QString* error)
{
    return makeCertificate(&csca, options, false, error);
}

std::optional<QByteArray> TestPki::makeCrl(const TestCertificate& csca, const std::vector<TestCertificate>& revoked,
                                           const QDateTime& thisUpdate, const QDateTime& nextUpdate, QString* error)
{
    const std::unique_ptr<X509_CRL, decltype(&X509_CRL_free)> crl(X509_CRL_new(), X509_CRL_free);
    const std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> last(ASN1_TIME_set(nullptr, time_t(thisUpdate.toSecsSinceEpoch())),
                                                                      ASN1_TIME_free);
    const std::unique_ptr<ASN1_TIME, decltype(&ASN1_TIME_free)> next(ASN1_TIME_set(nullptr, time_t(nextUpdate.toSecsSinceEpoch())),
                                                                      ASN1_TIME_free);
    if (!crl || !last || !next || X509_CRL_set_version(crl.get(), X509_CRL_VERSION_2) != 1
        || X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(csca.certificate.get())) != 1
        || X509_CRL_set1_lastUpdate(crl.get(), last.get()) != 1 || X509_CRL_set1_nextUpdate(crl.get(), next.get()) != 1)
        return refuse(error, QStringLiteral("the CRL's fields cannot be set"));
    for (const TestCertificate& certificate : revoked) {
        X509_REVOKED* entry = X509_REVOKED_new();
        if (!entry || X509_REVOKED_set_serialNumber(entry, X509_get_serialNumber(certificate.certificate.get())) != 1
            || X509_REVOKED_set_revocationDate(entry, last.get()) != 1 || X509_CRL_add0_revoked(crl.get(), entry) != 1) {
            X509_REVOKED_free(entry);
            return refuse(error, QStringLiteral("a revoked certificate cannot be listed"));
        }
    }
    X509_CRL_sort(crl.get());
    if (X509_CRL_sign(crl.get(), csca.key.get(), EVP_sha256()) <= 0)
        return refuse(error, QStringLiteral("the CRL cannot be signed"));
    unsigned char* der = nullptr;
    const int size = i2d_X509_CRL(crl.get(), &der);
    if (size <= 0)
        return refuse(error, QStringLiteral("the CRL cannot be encoded"));
    QByteArray bytes(reinterpret_cast<const char*>(der), size);
    OPENSSL_free(der);
    return bytes;
}

std::optional<QByteArray> TestPki::makeMasterList(const TestCertificate& signer, const std::vector<TestCertificate>& cscas,
                                                  QString* error)
{
    QByteArray certificates;
    for (const TestCertificate& csca : cscas)
        certificates += csca.der();
    const QByteArray list = tlv(0x30, tlv(0x02, QByteArray(1, '\0')) + tlv(0x31, certificates));
    return signCms(signer, list, "2.23.136.1.1.2", QStringLiteral("SHA-256"), false, error);
}

std::optional<QByteArray> TestPki::signCms(const TestCertificate& signer, const QByteArray& content,
                                           const char* contentType, const QString& digest, bool rsaPss, QString* error)
{
    const unsigned flags = CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
    const openssl::Cms cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, flags));
    std::unique_ptr<ASN1_OBJECT, decltype(&ASN1_OBJECT_free)> type(OBJ_txt2obj(contentType, 1), ASN1_OBJECT_free);
    if (!cms || !type || CMS_set1_eContentType(cms.get(), type.get()) != 1)
        return refuse(error, QStringLiteral("the SignedData cannot be made"));
    CMS_SignerInfo* info = CMS_add1_signer(cms.get(), signer.certificate.get(), signer.key.get(), digestNamed(digest),
                                           flags | (rsaPss ? CMS_KEY_PARAM : 0u));
    if (!info)
        return refuse(error, QStringLiteral("the signer cannot be added"));
    if (rsaPss) {
        EVP_PKEY_CTX* context = CMS_SignerInfo_get0_pkey_ctx(info);
        if (!context || EVP_PKEY_CTX_set_rsa_padding(context, RSA_PKCS1_PSS_PADDING) <= 0
            || EVP_PKEY_CTX_set_rsa_pss_saltlen(context, RSA_PSS_SALTLEN_DIGEST) <= 0)
            return refuse(error, QStringLiteral("RSA-PSS cannot be set (is the signer's key RSA?)"));
    }
    const openssl::Bio data(BIO_new_mem_buf(content.constData(), int(content.size())));
    if (!data || CMS_final(cms.get(), data.get(), nullptr, flags) != 1)
        return refuse(error, QStringLiteral("the SignedData cannot be signed"));
    unsigned char* der = nullptr;
    const int size = i2d_CMS_ContentInfo(cms.get(), &der);
    if (size <= 0)
        return refuse(error, QStringLiteral("the SignedData cannot be encoded"));
    QByteArray bytes(reinterpret_cast<const char*>(der), size);
    OPENSSL_free(der);
    return bytes;
}

} // namespace fg::test::emrtd
