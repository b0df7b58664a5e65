#include "app/matchd/ServiceConfiguration.h"

#include "core/biometrics/PresentationAttack.h"
#include "core/config/Settings.h"

#include <QDateTime>
#include <QStringList>
#include <QThread>

namespace fg {
bool ServiceConfiguration::parseListen(const QString& text, QHostAddress* address, quint16* port, QString* error)
{
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(QLatin1Char(':'));
    QString host = colon > 0 ? trimmed.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint number = colon > 0 ? trimmed.mid(colon + 1).toUInt(&ok) : 0;
    QHostAddress parsed;
    if (host.isEmpty() || !parsed.setAddress(host) || !ok || number > 65535) {
        *error = QStringLiteral("\"%1\" is not ADDRESS:PORT (an IP address and a port from 0 to 65535, "
                                "[::1]:8443 for IPv6)")
                     .arg(text);
        return false;
    }
    *address = parsed;
    *port = quint16(number);
    return true;
}

std::optional<ServiceConfiguration> ServiceConfiguration::fromSettings(const Settings& settings, const QDateTime& now,
                                                                       QString* error)
{
    const QString source = settings.source().isEmpty() ? QStringLiteral("the built-in defaults") : settings.source();
    ServiceConfiguration configuration;

    QString why;
    if (!parseListen(settings.text(QStringLiteral("service/listen")), &configuration.m_server.address,
                     &configuration.m_server.port, &why)) {
        *error = QStringLiteral("service/listen in %1: %2").arg(source, why);
        return std::nullopt;
    }

    TlsServerConfig::Files files;
    const std::pair<const char*, QString*> required[] = {{"service/certificate", &files.certificate},
                                                         {"service/privateKey", &files.privateKey},
                                                         {"service/clientCa", &files.clientCa}};
    for (const auto& [key, target] : required) {
        *target = settings.text(QString::fromLatin1(key)).trimmed();
        if (target->isEmpty()) {
            *error = QStringLiteral("%1 is not set in %2: facegate-matchd needs a server certificate, its key and "
                                    "the port's CA (PEM files)")
                         .arg(QString::fromLatin1(key), source);
            return std::nullopt;
        }
    }
    std::optional<TlsServerConfig> tls =
        TlsServerConfig::load(files, settings.list(QStringLiteral("service/revoked")), now, &why);
    if (!tls) {
        *error = QStringLiteral("service/certificate, service/privateKey, service/clientCa or service/revoked "
                                "in %1: %2")
                     .arg(source, why);
        return std::nullopt;
    }
    configuration.m_tls = std::move(*tls);

    const QStringList roleEntries = settings.list(QStringLiteral("service/roles"));
    if (roleEntries.isEmpty()) {
        configuration.m_roles = RoleMap::defaults();
    } else {
        std::optional<RoleMap> roles = RoleMap::parse(roleEntries, &why);
        if (!roles) {
            *error = QStringLiteral("service/roles in %1: %2").arg(source, why);
            return std::nullopt;
        }
        configuration.m_roles = std::move(*roles);
    }

    // The numbers were checked against their ranges when the file was read.
    MatchServerOptions& server = configuration.m_server;
    server.limits.maxBodyBytes = settings.value(QStringLiteral("service/maxBodyMegabytes")).toLongLong() * 1024 * 1024;
    server.maxConcurrentRequests = settings.value(QStringLiteral("service/maxConcurrent")).toInt();
    server.maxConcurrentPerClient = settings.value(QStringLiteral("service/maxConcurrentPerClient")).toInt();
    server.requestTimeoutMs = settings.value(QStringLiteral("service/requestTimeoutSeconds")).toInt() * 1000;
    server.maxConnectionsPerClient = settings.value(QStringLiteral("service/connectionsPerClient")).toInt();
    server.maxHandshakesPerAddress = settings.value(QStringLiteral("service/handshakesPerAddress")).toInt();
    server.ratePerSecond = settings.value(QStringLiteral("service/ratePerSecond")).toDouble();
    server.rateBurst = settings.value(QStringLiteral("service/burst")).toInt();
    const int workers = settings.value(QStringLiteral("service/workers")).toInt();
    server.workerThreads = workers > 0 ? workers : QThread::idealThreadCount();

    MatchingApiOptions& api = configuration.m_api;
    api.fmr = settings.fmrTarget();
    api.manifestFolder = settings.text(QStringLiteral("service/manifestFolder"));
    api.maxPixels = settings.value(QStringLiteral("service/maxMegapixels")).toLongLong() * 1'000'000;

    // Every operating point now: without a calibration table for its BPCER
    // the service would decide with a threshold nobody measured.
    const std::optional<PresentationAttackPolicy::Action> action =
        PresentationAttackPolicy::actionFromName(settings.text(QStringLiteral("service/padAction")));
    api.presentationAttack = PresentationAttackPolicy::make(
        action.value_or(PresentationAttackPolicy::Action::Refuse),
        settings.value(QStringLiteral("service/padBpcer")).toDouble(), settings.list(QStringLiteral("service/padPartners")),
        PadFrameScorer::modelId(), &why);
    if (!api.presentationAttack) {
        *error = QStringLiteral("service/padBpcer or service/padPartners in %1: %2").arg(source, why);
        return std::nullopt;
    }
    return configuration;
}

} // namespace fg
