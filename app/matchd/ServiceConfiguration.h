#pragma once

#include "core/service/MatchServerOptions.h"
#include "core/service/MatchingApi.h"
#include "core/service/RoleMap.h"
#include "core/service/TlsServerConfig.h"

#include <QHostAddress>
#include <QString>

#include <optional>

class QDateTime;

namespace fg {

class Settings;

// facegate-matchd's settings (service/*, matching/fmr) turned into what the
// server and the matching routes take. Every error names the key (and the
// file, for certificates and keys) so an administrator knows what to fix.
class ServiceConfiguration {
public:
    // now: the instant the server's certificate must be valid at.
    static std::optional<ServiceConfiguration> fromSettings(const Settings& settings, const QDateTime& now,
                                                            QString* error);

    // "127.0.0.1:8443", "[::1]:8443", "0.0.0.0:8443"; false with *error saying what is wrong.
    static bool parseListen(const QString& text, QHostAddress* address, quint16* port, QString* error);

    const TlsServerConfig& tls() const { return m_tls; }
    const RoleMap& roles() const { return m_roles; }
    const MatchServerOptions& serverOptions() const { return m_server; }
    const MatchingApiOptions& apiOptions() const { return m_api; }

private:
    TlsServerConfig m_tls;
    RoleMap m_roles;
    MatchServerOptions m_server;
    MatchingApiOptions m_api;
};

} // namespace fg
