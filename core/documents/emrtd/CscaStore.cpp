#include "core/documents/emrtd/CscaStore.h"

#include "core/documents/emrtd/BerTlvDecoder.h"
#include "core/documents/emrtd/OpenSslHandles.h"

#include <openssl/err.h>
#include <openssl/pem.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace fg {
namespace {

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

std::optional<QByteArray> readFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    if (file.size() > CscaStore::kMaxFileBytes) {
        fail(error, QStringLiteral("%1 is %2 bytes, more than the %3 a trust list file may have")
                        .arg(path)
                        .arg(file.size())
                        .arg(CscaStore::kMaxFileBytes));
        return std::nullopt;
    }
    return file.readAll();
}

bool isPem(QByteArrayView bytes)
{
    return bytes.indexOf("-----BEGIN ") >= 0;
}

openssl::Bio memoryBio(QByteArrayView bytes)
{
    return openssl::Bio(BIO_new_mem_buf(bytes.data(), int(bytes.size())));
}

const QStringList kCertificateSuffixes{QStringLiteral("pem"), QStringLiteral("crt"), QStringLiteral("cer"),
                                       QStringLiteral("der")};

} // namespace

std::optional<CscaStore> CscaStore::load(const QString& path, QString* error)
{
    CscaStore store;
    store.m_source = path;
    const QFileInfo info(path);
    if (!info.exists()) {
        fail(error, QStringLiteral("the CSCA trust list %1 does not exist").arg(path));
        return std::nullopt;
    }
    if (info.isDir()) {
        const QDir folder(path);
        const QFileInfoList files = folder.entryInfoList(QDir::Files | QDir::Readable | QDir::Hidden, QDir::Name);
        if (folder.entryList(QDir::Files | QDir::Hidden).size() != files.size()) {
            fail(error, QStringLiteral("the CSCA folder %1 holds files that cannot be read").arg(path));
            return std::nullopt;
        }
        for (const QFileInfo& file : files) {
            const QString suffix = file.suffix().toLower();
            bool ok = true;
            if (kCertificateSuffixes.contains(suffix))
                ok = store.addCertificateFile(file.filePath(), error);
            else if (suffix == QLatin1String("crl"))
                ok = store.addCrlFile(file.filePath(), error);
            else if (suffix == QLatin1String("ml"))
                ok = store.addMasterListFile(file.filePath(), error);
            if (!ok)
                return std::nullopt;
        }
        if (store.m_certificates.empty()) {
            fail(error, QStringLiteral("the CSCA folder %1 holds no certificate (*.pem, *.crt, *.cer, *.der or a "
                                       "master list *.ml)")
                            .arg(path));
            return std::nullopt;
        }
        return store;
    }
    const bool ok = kCertificateSuffixes.contains(info.suffix().toLower()) ? store.addCertificateFile(path, error)
                                                                          : store.addMasterListFile(path, error);
    if (!ok)
        return std::nullopt;
    if (store.m_certificates.empty()) {
        fail(error, QStringLiteral("the CSCA trust list %1 holds no certificate").arg(path));
        return std::nullopt;
    }
    return store;
}

bool CscaStore::addCertificateFile(const QString& path, QString* error)
{
    const std::optional<QByteArray> bytes = readFile(path, error);
    return bytes && addCertificates(*bytes, path, error);
}

bool CscaStore::addMasterListFile(const QString& path, QString* error)
{
    const std::optional<QByteArray> bytes = readFile(path, error);
    return bytes && addMasterList(*bytes, path, error);
}

bool CscaStore::addCrlFile(const QString& path, QString* error)
{
    const std::optional<QByteArray> bytes = readFile(path, error);
    return bytes && addCrl(*bytes, path, error);
}

bool CscaStore::addCertificates(QByteArrayView bytes, const QString& origin, QString* error)
{
    ERR_clear_error(); // the reasons given are this call's own
    if (isPem(bytes)) {
        const openssl::Bio bio = memoryBio(bytes);
        int count = 0;
        while (openssl::Certificate certificate{PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)}) {
            if (int(m_certificates.size()) >= kMaxCertificates)
                return fail(error, QStringLiteral("%1: more than %2 certificates").arg(origin).arg(kMaxCertificates));
            m_certificates.push_back(openssl::certificateDer(certificate.get()));
            ++count;
        }
        ERR_clear_error(); // the end of the PEM data
        if (count == 0)
            return fail(error, QStringLiteral("%1 holds no PEM certificate that can be read").arg(origin));
        return true;
    }
    const openssl::Certificate certificate = openssl::certificateFromDer(bytes);
    if (!certificate)
        return fail(error, openssl::lastError(QStringLiteral("%1 is not a certificate (PEM or DER)").arg(origin)));
    if (int(m_certificates.size()) >= kMaxCertificates)
        return fail(error, QStringLiteral("%1: more than %2 certificates").arg(origin).arg(kMaxCertificates));
    m_certificates.push_back(bytes.toByteArray());
    return true;
}

bool CscaStore::addCrl(QByteArrayView bytes, const QString& origin, QString* error)
{
    ERR_clear_error(); // the reasons given are this call's own
    openssl::Crl crl;
    if (isPem(bytes)) {
        const openssl::Bio bio = memoryBio(bytes);
        crl.reset(PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr));
    } else {
        crl = openssl::crlFromDer(bytes);
    }
    if (!crl)
        return fail(error, openssl::lastError(QStringLiteral("%1 is not a CRL (PEM or DER)").arg(origin)));
    unsigned char* der = nullptr;
    const int size = i2d_X509_CRL(crl.get(), &der);
    if (size <= 0)
        return fail(error, QStringLiteral("%1: the CRL cannot be encoded again").arg(origin));
    m_crls.emplace_back(reinterpret_cast<const char*>(der), size);
    OPENSSL_free(der);
    return true;
}

bool CscaStore::addMasterList(QByteArrayView bytes, const QString& origin, QString* error)
{
    ERR_clear_error(); // the reasons given are this call's own
    openssl::Cms cms;
    if (isPem(bytes)) {
        const openssl::Bio bio = memoryBio(bytes);
        cms.reset(PEM_read_bio_CMS(bio.get(), nullptr, nullptr, nullptr));
    } else {
        const auto* start = reinterpret_cast<const unsigned char*>(bytes.data());
        const unsigned char* p = start;
        cms.reset(d2i_CMS_ContentInfo(nullptr, &p, long(bytes.size())));
    }
    if (!cms)
        return fail(error, openssl::lastError(QStringLiteral("%1 is not a master list (CMS SignedData)").arg(origin)));
    char type[80] = {};
    OBJ_obj2txt(type, sizeof type, CMS_get0_eContentType(cms.get()), 1);
    if (QLatin1String(type) != QLatin1String("2.23.136.1.1.2"))
        return fail(error, QStringLiteral("%1 signs content of type %2, not a CSCA master list (2.23.136.1.1.2)")
                               .arg(origin, QLatin1String(type)));
    ASN1_OCTET_STRING** content = CMS_get0_content(cms.get());
    if (!content || !*content)
        return fail(error, QStringLiteral("%1: the master list's content is missing").arg(origin));
    const QByteArrayView list(reinterpret_cast<const char*>(ASN1_STRING_get0_data(*content)), ASN1_STRING_length(*content));

    // SEQUENCE { version INTEGER, certList SET OF Certificate }, walked by
    // headers: the certificates are read by OpenSSL.
    QString why;
    const auto sequence = BerTlvDecoder::readHeader(list, &why);
    if (!sequence || sequence->tag != 0x30 || sequence->totalSize() != list.size())
        return fail(error, QStringLiteral("%1: the master list is not one SEQUENCE %2").arg(origin, why));
    QByteArrayView rest = list.sliced(sequence->headerSize);
    const auto version = BerTlvDecoder::readHeader(rest, &why);
    if (!version || version->tag != 0x02 || version->totalSize() > rest.size())
        return fail(error, QStringLiteral("%1: the master list has no version %2").arg(origin, why));
    rest = rest.sliced(version->totalSize());
    const auto set = BerTlvDecoder::readHeader(rest, &why);
    if (!set || set->tag != 0x31 || set->totalSize() != rest.size())
        return fail(error, QStringLiteral("%1: the master list's certificates are not one SET %2").arg(origin, why));
    const auto* p = reinterpret_cast<const unsigned char*>(rest.data()) + set->headerSize;
    const unsigned char* end = p + set->length;
    int count = 0;
    while (p < end) {
        openssl::Certificate certificate(d2i_X509(nullptr, &p, long(end - p)));
        if (!certificate)
            return fail(error, openssl::lastError(QStringLiteral("%1: certificate %2 of the master list cannot be read")
                                                      .arg(origin)
                                                      .arg(count + 1)));
        if (int(m_certificates.size()) >= kMaxCertificates)
            return fail(error, QStringLiteral("%1: more than %2 certificates").arg(origin).arg(kMaxCertificates));
        m_certificates.push_back(openssl::certificateDer(certificate.get()));
        ++count;
    }

    // Intact, as far as its own signer certificate says; whether that signer
    // is to be trusted is not known here.
    if (CMS_verify(cms.get(), nullptr, nullptr, nullptr, nullptr, CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) != 1)
        return fail(error, openssl::lastError(QStringLiteral("%1: the master list's signature does not verify").arg(origin)));
    // The stack is the caller's, the certificates in it the CMS structure's.
    STACK_OF(X509)* signers = CMS_get0_signers(cms.get());
    QString signer = QStringLiteral("its signer");
    if (signers && sk_X509_num(signers) > 0)
        signer = openssl::nameText(X509_get_subject_name(sk_X509_value(signers, 0)));
    sk_X509_free(signers);
    m_notes << QStringLiteral("the master list %1 (%2 CSCA certificates) is intact as signed by %3, but that signer "
                              "was not checked against a trusted master list signer")
                   .arg(origin)
                   .arg(count)
                   .arg(signer);
    return true;
}

} // namespace fg
