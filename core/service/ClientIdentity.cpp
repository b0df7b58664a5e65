#include "core/service/ClientIdentity.h"

#include <QCryptographicHash>
#include <QSslCertificate>
#include <QStringList>

namespace fg {

namespace {

// A certificate may hold several values of one attribute; they are joined so
// that nothing in the subject is silently dropped.
QString joined(const QSslCertificate& certificate, QSslCertificate::SubjectInfo info)
{
    return certificate.subjectInfo(info).join(QLatin1Char('+'));
}

} // namespace

ClientIdentity ClientIdentity::fromCertificate(const QSslCertificate& certificate)
{
    ClientIdentity identity;
    if (certificate.isNull())
        return identity;
    identity.commonName = joined(certificate, QSslCertificate::CommonName);
    identity.organization = joined(certificate, QSslCertificate::Organization);
    identity.organizationalUnit = joined(certificate, QSslCertificate::OrganizationalUnitName);
    identity.fingerprintSha256 = fingerprintOf(certificate);
    identity.serialNumber = certificate.serialNumber();
    return identity;
}

QByteArray ClientIdentity::fingerprintOf(const QSslCertificate& certificate)
{
    if (certificate.isNull())
        return {};
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

QString ClientIdentity::subject() const
{
    QStringList parts;
    if (!commonName.isEmpty())
        parts << QStringLiteral("CN=") + commonName;
    if (!organization.isEmpty())
        parts << QStringLiteral("O=") + organization;
    if (!organizationalUnit.isEmpty())
        parts << QStringLiteral("OU=") + organizationalUnit;
    return parts.join(QLatin1Char(','));
}

} // namespace fg
