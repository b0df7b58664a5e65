#pragma once

#include <QByteArray>
#include <QString>

class QSslCertificate;

namespace fg {

// Who is on the other end of a connection, read from the client certificate
// that the TLS handshake verified against the port's CA. The subject names the
// partner camera or workstation; the fingerprint names this very certificate
// (for rate limiting, revocation and the records); role is bound by
// configuration (RoleMap), never taken from the request.
struct ClientIdentity {
    QString commonName;          // CN: "ua-camera-7", "gate-b12"
    QString organization;        // O: "United Airlines"
    QString organizationalUnit;  // OU: "partner", "workstation"
    QByteArray fingerprintSha256; // 64 lower-case hex digits, of the DER certificate
    QByteArray serialNumber;     // as Qt prints it: "10:02"
    QString role;                // from RoleMap; empty: none bound

    static ClientIdentity fromCertificate(const QSslCertificate& certificate);
    // The SHA-256 fingerprint of a certificate in the form above.
    static QByteArray fingerprintOf(const QSslCertificate& certificate);

    bool isNull() const { return fingerprintSha256.isEmpty(); }
    // "CN=ua-camera-7,O=United Airlines,OU=partner": for logs and the records.
    QString subject() const;
};

} // namespace fg
