#pragma once

#include "core/service/HttpLimits.h"

#include <QHostAddress>

namespace fg {

// Where facegate-matchd listens and how much it takes.
struct MatchServerOptions {
    QHostAddress address = QHostAddress::LocalHost; // loopback unless configured otherwise
    quint16 port = 8443;                            // 0: any free port (tests)
    HttpLimits limits;
    int maxConnections = 256;       // over it, a new connection gets 503 and is closed
    int maxConcurrentRequests = 32; // requests begun and not answered; over it: 503
    double ratePerSecond = 20.0;    // per client certificate; <= 0: no limit
    int rateBurst = 40;
    int idleTimeoutMs = 30000;      // a stalled request gets 408; an idle keep-alive is closed
    int handshakeTimeoutMs = 5000;
    int workerThreads = 0;          // threads for handlers' work (HandlerReply::later); 0: one per core
};

} // namespace fg
