#pragma once

#include "core/service/ClientIdentity.h"

#include <QByteArray>
#include <QList>
#include <QSet>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>

#include <optional>

class QDateTime;

namespace fg {

// The service's side of mutual TLS: its certificate chain and key, the port's
// CA as the ONLY trust anchor for client certificates (not the system's CAs),
// a client certificate required, TLS 1.2 at least (1.3 when both ends have it)
// with AEAD ECDHE suites only, and the certificates revoked by configuration.
class TlsServerConfig {
public:
    struct Files {
        QString certificate; // PEM: the server's certificate, then any intermediates
        QString privateKey;  // PEM, unencrypted: EC or RSA
        QString clientCa;    // PEM: the port's CA certificate(s)
    };

    // Loads and checks the files at instant now (the server's certificate must
    // be valid then). revoked: entries "sha256:<64 hex>" or a bare 64-hex
    // fingerprint (colons allowed), or "serial:<hex>" (colons allowed). An error
    // names the file or entry and what is wrong with it.
    static std::optional<TlsServerConfig> load(const Files& files, const QStringList& revoked,
                                               const QDateTime& now, QString* error);

    const QSslConfiguration& sslConfiguration() const { return m_configuration; }
    QSslCertificate certificate() const { return m_configuration.localCertificate(); }
    QList<QSslCertificate> clientCaCertificates() const { return m_configuration.caCertificates(); }

    // The suites offered: TLS 1.3's, and TLS 1.2's ECDHE with AES-GCM or ChaCha20-Poly1305.
    static QList<QSslCipher> allowedCiphers();

    bool isRevoked(const ClientIdentity& identity) const;
    bool isRevoked(const QSslCertificate& certificate) const;

private:
    static QByteArray normalSerial(QByteArray hex);

    QSslConfiguration m_configuration;
    QSet<QByteArray> m_revokedFingerprints; // lower-case hex
    QSet<QByteArray> m_revokedSerials;      // lower-case hex, no colons, no leading zeros
};

} // namespace fg
