#include "core/storage/PostgresTls.h"

#include <QFileInfo>
#include <QStringList>

namespace fg {
namespace {

// A libpq connection-string value: in single quotes, \ and ' escaped.
QString quoted(QString value)
{
    value.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    value.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

// "host:port", with the address connected to when it is not the host.
QString server(const DatabaseUrl& url)
{
    QString text = QStringLiteral("%1:%2").arg(url.host()).arg(url.port());
    if (!url.hostAddress().isEmpty())
        text += QStringLiteral(" (address %1)").arg(url.hostAddress());
    return text;
}

// "sslmode=verify-full", saying when it is the default.
QString modeText(const DatabaseUrl& url)
{
    const QString mode = url.effectiveSslMode();
    if (mode.isEmpty())
        return QStringLiteral("the sslmode in $PGSSLMODE (the URL gives none)");
    if (url.sslMode().isEmpty())
        return QStringLiteral("sslmode=%1 (the default %2)")
            .arg(mode, url.isLoopback() ? QStringLiteral("when sslrootcert is given")
                                        : QStringLiteral("for a host that is not loopback"));
    return QStringLiteral("sslmode=%1").arg(mode);
}

QString rootCertText(const DatabaseUrl& url)
{
    return url.sslRootCert().isEmpty()
               ? QStringLiteral("~/.postgresql/root.crt (libpq's default: no sslrootcert is given)")
               : QStringLiteral("%1 (sslrootcert)").arg(url.sslRootCert());
}

// Why the connection failed, in FaceGate's words; empty when libpq's text is
// not about TLS.
QString reason(const DatabaseUrl& url, const QString& text)
{
    const QString at = server(url);
    if (text.contains(QLatin1String("certificate verify failed")))
        return QStringLiteral("the server at %1 presented a certificate that does not check out against the CA in "
                              "%2 (not signed by that CA, or outside its validity dates); %3 refuses it")
            .arg(at, rootCertText(url), modeText(url));
    if (text.contains(QLatin1String("does not match host name")))
        return QStringLiteral("the server at %1 presented a certificate that does not name the host %2; %3 refuses "
                              "it: connect with a name the certificate holds")
            .arg(at, url.host(), modeText(url));
    if (text.contains(QLatin1String("root certificate file")))
        return QStringLiteral("no CA to check the certificate of the server at %1 against: %2 cannot be read; %3 "
                              "needs the CA that signed it: set sslrootcert in the URL or database/sslrootcert")
            .arg(at, rootCertText(url), modeText(url));
    if (text.contains(QLatin1String("private key file")))
        return QStringLiteral("the client key %1 (sslkey) cannot be used for %2").arg(url.sslKey(), at);
    if (text.contains(QLatin1String("certificate file")) || text.contains(QLatin1String("client certificate"))
        || text.contains(QLatin1String("alert unknown ca")) || text.contains(QLatin1String("alert bad certificate"))
        || text.contains(QLatin1String("alert certificate"))) {
        if (url.sslCert().isEmpty())
            return QStringLiteral("the server at %1 requires a client certificate: set sslcert and sslkey (in the URL "
                                  "or database/sslcert and database/sslkey)")
                .arg(at);
        return QStringLiteral("the server at %1 did not accept the client certificate %2 (sslcert) with the key %3 "
                              "(sslkey)")
            .arg(at, url.sslCert(), url.sslKey());
    }
    if (text.contains(QLatin1String("server does not support SSL")))
        return QStringLiteral("the server at %1 does not offer TLS, which %2 requires").arg(at, modeText(url));
    if (text.contains(QLatin1String("no encryption")))
        return QStringLiteral("the server at %1 refuses an unencrypted connection for this role; %2")
            .arg(at, modeText(url));
    return {};
}

} // namespace

QString PostgresTls::connectOptions(const DatabaseUrl& url)
{
    QStringList options = {QStringLiteral("connect_timeout=10"), QStringLiteral("application_name=facegate")};
    const std::pair<const char*, QString> values[] = {
        {"hostaddr", url.hostAddress()},     {"sslmode", url.effectiveSslMode()}, {"sslrootcert", url.sslRootCert()},
        {"sslcert", url.sslCert()},          {"sslkey", url.sslKey()},
    };
    for (const auto& [keyword, value] : values) {
        if (!value.isEmpty())
            options.append(QString::fromLatin1(keyword) + QLatin1Char('=') + quoted(value));
    }
    return options.join(QLatin1Char(';'));
}

bool PostgresTls::checkFiles(const DatabaseUrl& url, QString* error)
{
    if (url.isSqlite() || url.effectiveSslMode() == QLatin1String("disable"))
        return true;
    if (url.sslCert().isEmpty() != url.sslKey().isEmpty()) {
        *error = QStringLiteral("%1: a client certificate needs both sslcert and sslkey; only %2 is given")
                     .arg(url.toDisplayString(),
                          url.sslCert().isEmpty() ? QStringLiteral("sslkey") : QStringLiteral("sslcert"));
        return false;
    }
    const std::pair<const char*, QString> files[] = {
        {"sslrootcert", url.sslRootCert()}, {"sslcert", url.sslCert()}, {"sslkey", url.sslKey()}};
    for (const auto& [parameter, path] : files) {
        if (path.isEmpty())
            continue;
        const QFileInfo info(path);
        QString problem;
        if (!info.exists())
            problem = QStringLiteral("does not exist");
        else if (!info.isFile())
            problem = QStringLiteral("is not a file");
        else if (!info.isReadable())
            problem = QStringLiteral("cannot be read by this account");
        if (!problem.isEmpty()) {
            const QString what = QLatin1String(parameter) == QLatin1String("sslrootcert")
                                     ? QStringLiteral("the CA certificate")
                                     : QLatin1String(parameter) == QLatin1String("sslcert")
                                           ? QStringLiteral("the client certificate")
                                           : QStringLiteral("the client key");
            *error = QStringLiteral("cannot connect to %1: %2 %3 (%4) %5")
                         .arg(url.toDisplayString(), what, path, QLatin1String(parameter), problem);
            return false;
        }
    }
    return true;
}

QString PostgresTls::explainFailure(const DatabaseUrl& url, const QString& libpqText)
{
    const QString why = reason(url, libpqText);
    return why.isEmpty() ? libpqText : why + QStringLiteral(": ") + libpqText;
}

} // namespace fg
