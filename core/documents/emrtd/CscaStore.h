#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace fg {

// The trusted country signing CAs (CSCA) that passive authentication chains
// a Document Signer certificate to, and the CRLs that revoke certificates.
//
// load() takes either a folder or an ICAO master list file:
//  - a folder: every *.pem, *.crt, *.cer, *.der file is one or more
//    certificates (PEM or DER), every *.crl a CRL (PEM or DER), every *.ml a
//    master list; other files are left alone, an unreadable one is an error
//    naming it;
//  - a master list (*.ml, or any file that is not a certificate): CMS
//    SignedData whose content (2.23.136.1.1.2) is CscaMasterList ::=
//    SEQUENCE { version INTEGER, certList SET OF Certificate }. Its signature
//    is checked against the signer certificate it carries, but that signer is
//    NOT checked against a trusted master list signer: notes() says so.
// A store without a certificate is refused, naming the path.
class CscaStore {
public:
    static constexpr int kMaxCertificates = 5000;
    static constexpr qint64 kMaxFileBytes = 16 * 1024 * 1024;

    static std::optional<CscaStore> load(const QString& path, QString* error);

    bool addCertificateFile(const QString& path, QString* error);
    bool addMasterListFile(const QString& path, QString* error);
    bool addCrlFile(const QString& path, QString* error);
    // DER (or PEM) bytes; `origin` names them in errors.
    bool addCertificates(QByteArrayView bytes, const QString& origin, QString* error);
    bool addMasterList(QByteArrayView bytes, const QString& origin, QString* error);
    bool addCrl(QByteArrayView bytes, const QString& origin, QString* error);

    const std::vector<QByteArray>& certificates() const { return m_certificates; } // DER
    const std::vector<QByteArray>& crls() const { return m_crls; }                 // DER
    // What the officer should know about where the trust comes from.
    const QStringList& notes() const { return m_notes; }
    QString source() const { return m_source; }

private:
    std::vector<QByteArray> m_certificates;
    std::vector<QByteArray> m_crls;
    QStringList m_notes;
    QString m_source;
};

} // namespace fg
