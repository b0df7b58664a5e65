#pragma once

#include <QByteArray>
#include <QString>

class QSslCertificate;

namespace fg {

// A partner's signed statement that it deleted the photo it submitted
// (docs/api.md, POST /v1/submissions/{id}/purge-attestation). The signature
// is made with the private key of the client certificate the submission came
// from, so only that client can attest for it; it is checked here with the
// certificate's public key (ECDSA or RSA PKCS#1 v1.5, SHA-256).
class PurgeAttestation {
public:
    // The exact bytes signed: "facegate-purge-attestation/v1\n<submission id>\n<deleted_at>\n", UTF-8.
    static QByteArray signedBytes(const QString& submissionId, const QString& deletedAt);

    // Whether `signature` is a SHA-256 signature of `message` by the key of
    // `certificate`. False with *error saying why: a bad signature, or a
    // certificate whose key OpenSSL cannot read.
    static bool verify(const QSslCertificate& certificate, const QByteArray& message, const QByteArray& signature,
                       QString* error);
};

} // namespace fg
