#include "core/service/PurgeAttestation.h"

#include "core/security/OpenSslError.h"

#include <QSslCertificate>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>

namespace fg {

namespace {

struct X509Free {
    void operator()(X509* certificate) const { X509_free(certificate); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* context) const { EVP_MD_CTX_free(context); }
};

// The service's reasons go to its clients in JSON and to its log: English,
// never translated (translations/CMakeLists.txt: core words the officer reads).
QString tr(const char* text)
{
    return QString::fromUtf8(text);
}

} // namespace

QByteArray PurgeAttestation::signedBytes(const QString& submissionId, const QString& deletedAt)
{
    return QByteArrayLiteral("facegate-purge-attestation/v1\n") + submissionId.toUtf8() + '\n' + deletedAt.toUtf8()
        + '\n';
}

bool PurgeAttestation::verify(const QSslCertificate& certificate, const QByteArray& message,
                              const QByteArray& signature, QString* error)
{
    // The key is read from the certificate's own DER (X509_get0_pubkey), not
    // from Qt's re-encoding of it: what the TLS handshake verified.
    const QByteArray der = certificate.toDer();
    const auto* cursor = reinterpret_cast<const unsigned char*>(der.constData());
    const std::unique_ptr<X509, X509Free> x509(der.isEmpty() ? nullptr : d2i_X509(nullptr, &cursor, long(der.size())));
    EVP_PKEY* key = x509 ? X509_get0_pubkey(x509.get()) : nullptr;
    if (!key) {
        *error = openSslError(tr("read the client certificate's public key"));
        return false;
    }
    const std::unique_ptr<EVP_MD_CTX, MdCtxFree> context(EVP_MD_CTX_new());
    if (!context || EVP_DigestVerifyInit(context.get(), nullptr, EVP_sha256(), nullptr, key) != 1) {
        *error = openSslError(tr("prepare the signature check"));
        return false;
    }
    const int verified = EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.constData()),
                                          size_t(signature.size()),
                                          reinterpret_cast<const unsigned char*>(message.constData()),
                                          size_t(message.size()));
    if (verified != 1) {
        openSslError(QString()); // empties OpenSSL's queue: a bad signature is the client's error, not ours
        *error = tr("the signature does not verify with the key of the client certificate (SHA-256 over "
                    "\"facegate-purge-attestation/v1\\n<submission_id>\\n<deleted_at>\\n\")");
        return false;
    }
    return true;
}

} // namespace fg
