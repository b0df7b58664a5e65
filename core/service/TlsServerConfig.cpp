#include "core/service/TlsServerConfig.h"

#include <QDateTime>
#include <QFile>
#include <QSslKey>

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>

namespace fg {

namespace {

// Does the PEM private key belong to the certificate? Qt compares only the
// algorithm; a key of another certificate would start the server and fail
// at every handshake. OpenSSL's X509_check_private_key compares the keys.
bool keyMatchesCertificate(const QByteArray& keyPem, const QSslCertificate& certificate)
{
    const QByteArray der = certificate.toDer();
    const auto* derBytes = reinterpret_cast<const unsigned char*>(der.constData());
    std::unique_ptr<X509, decltype(&X509_free)> x509(d2i_X509(nullptr, &derBytes, der.size()), &X509_free);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(keyPem.constData(), int(keyPem.size())), &BIO_free);
    if (!x509 || !bio)
        return false;
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr),
                                                           &EVP_PKEY_free);
    const bool matches = key && X509_check_private_key(x509.get(), key.get()) == 1;
    ERR_clear_error(); // a mismatch leaves an error on OpenSSL's queue: not ours to keep
    return matches;
}

// The service's reasons go to its clients in JSON and to its log: English,
// never translated (translations/CMakeLists.txt: core words the officer reads).
QString tr(const char* text)
{
    return QString::fromUtf8(text);
}

bool fail(QString* error, const QString& what)
{
    if (error)
        *error = what;
    return false;
}

bool readFile(const QString& path, const QString& role, QByteArray* bytes, QString* error)
{
    if (path.isEmpty())
        return fail(error, tr("no %1 file is configured").arg(role));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(error, tr("%1 file %2: cannot be read: %3").arg(role, path, file.errorString()));
    *bytes = file.readAll();
    return true;
}

bool isHex(const QByteArray& text)
{
    for (const char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return !text.isEmpty();
}

} // namespace

std::optional<TlsServerConfig> TlsServerConfig::load(const Files& files, const QStringList& revoked,
                                                     const QDateTime& now, QString* error)
{
    QByteArray bytes;
    if (!readFile(files.certificate, tr("certificate"), &bytes, error))
        return std::nullopt;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(bytes, QSsl::Pem);
    if (chain.isEmpty() || chain.front().isNull()) {
        fail(error, tr("certificate file %1: holds no PEM certificate").arg(files.certificate));
        return std::nullopt;
    }
    const QSslCertificate& own = chain.front();
    if (now < own.effectiveDate() || now > own.expiryDate()) {
        fail(error, tr("certificate file %1: not valid now (valid from %2 to %3)")
                        .arg(files.certificate, own.effectiveDate().toString(Qt::ISODate),
                             own.expiryDate().toString(Qt::ISODate)));
        return std::nullopt;
    }

    if (!readFile(files.privateKey, tr("private key"), &bytes, error))
        return std::nullopt;
    QSslKey key(bytes, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        key = QSslKey(bytes, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull()) {
        fail(error, tr("private key file %1: holds no unencrypted PEM EC or RSA private key").arg(files.privateKey));
        return std::nullopt;
    }
    if (key.algorithm() != own.publicKey().algorithm() || !keyMatchesCertificate(bytes, own)) {
        fail(error, tr("private key file %1: does not belong to the certificate in %2")
                        .arg(files.privateKey, files.certificate));
        return std::nullopt;
    }

    if (!readFile(files.clientCa, tr("client CA"), &bytes, error))
        return std::nullopt;
    const QList<QSslCertificate> authorities = QSslCertificate::fromData(bytes, QSsl::Pem);
    if (authorities.isEmpty()) {
        fail(error, tr("client CA file %1: holds no PEM certificate").arg(files.clientCa));
        return std::nullopt;
    }

    TlsServerConfig config;
    for (const QString& entry : revoked) {
        QByteArray text = entry.trimmed().toLatin1().toLower();
        const bool serial = text.startsWith("serial:");
        if (serial)
            text = text.mid(7);
        else if (text.startsWith("sha256:"))
            text = text.mid(7);
        text.replace(':', QByteArray());
        if (!isHex(text) || (!serial && text.size() != 64)) {
            fail(error, tr("revoked certificate \"%1\" is neither a SHA-256 fingerprint (64 hex digits) "
                           "nor serial:<hex>")
                            .arg(entry));
            return std::nullopt;
        }
        if (serial)
            config.m_revokedSerials.insert(normalSerial(text));
        else
            config.m_revokedFingerprints.insert(text);
    }

    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificateChain(chain);
    ssl.setPrivateKey(key);
    // Only the port's CA: setCaCertificates also stops Qt from loading the
    // system's roots on demand.
    ssl.setCaCertificates(authorities);
    ssl.setPeerVerifyMode(QSslSocket::VerifyPeer);
    ssl.setProtocol(QSsl::TlsV1_2OrLater);
    ssl.setCiphers(allowedCiphers());
    // Refuse in the handshake itself, with an alert that tells the client why,
    // rather than after it.
    ssl.setHandshakeMustInterruptOnError(true);
    ssl.setMissingCertificateIsFatal(true);
    ssl.setSslOption(QSsl::SslOptionDisableCompression, true);
    ssl.setSslOption(QSsl::SslOptionDisableLegacyRenegotiation, true);
    config.m_configuration = ssl;
    return config;
}

QList<QSslCipher> TlsServerConfig::allowedCiphers()
{
    // TLS 1.3's suites are all AEAD with ephemeral keys. Of TLS 1.2's, only
    // ECDHE (forward secrecy) with AES-GCM or ChaCha20-Poly1305: no CBC (Lucky
    // 13, padding oracles), no SHA-1 MACs, no static RSA key exchange.
    QList<QSslCipher> allowed;
    for (const QSslCipher& cipher : QSslConfiguration::supportedCiphers()) {
        const QString name = cipher.name();
        const bool tls13 = cipher.protocol() == QSsl::TlsV1_3 || name.startsWith(QLatin1String("TLS_"));
        const bool aeadEcdhe = name.startsWith(QLatin1String("ECDHE-"))
            && (name.contains(QLatin1String("-GCM-")) || name.contains(QLatin1String("CHACHA20-POLY1305")));
        if (tls13 || aeadEcdhe)
            allowed.append(cipher);
    }
    return allowed;
}

bool TlsServerConfig::isRevoked(const ClientIdentity& identity) const
{
    return m_revokedFingerprints.contains(identity.fingerprintSha256)
        || m_revokedSerials.contains(normalSerial(identity.serialNumber));
}

bool TlsServerConfig::isRevoked(const QSslCertificate& certificate) const
{
    return isRevoked(ClientIdentity::fromCertificate(certificate));
}

QByteArray TlsServerConfig::normalSerial(QByteArray hex)
{
    hex = hex.toLower();
    hex.replace(':', QByteArray());
    while (hex.size() > 1 && hex.startsWith('0'))
        hex.remove(0, 1);
    return hex;
}

} // namespace fg
