#pragma once

#include "core/service/HttpLimits.h"

#include <QHostAddress>

namespace fg {

// Where facegate-matchd listens and how much it takes: every limit and
// deadline of docs/api.md ("Limits"), with its default.
struct MatchServerOptions {
    QHostAddress address = QHostAddress::LocalHost; // loopback unless configured otherwise
    quint16 port = 8443;                            // 0: any free port (tests)
    HttpLimits limits;

    // Before and during the TLS handshake (no certificate seen yet).
    int handshakeTimeoutMs = 5000;   // a connection not through its handshake by then is closed
    int maxHandshakes = 128;         // connections in handshake at once; more are closed at once
    int maxHandshakesPerAddress = 8; // of them, from one IP address

    // After it.
    int maxConnections = 256;         // over it, a new connection gets 503 and is closed
    int maxConnectionsPerClient = 32; // open connections of one client certificate; over it: 503
    int idleTimeoutMs = 30000;        // no byte for this long: a begun request gets 408, an idle one is closed
    int headerTimeoutMs = 10000;      // a request's head must be whole this long after its first byte (408)
    int bodyTimeoutMs = 60000;        // ... and its body this long after its first byte (408)
    qint64 maxBodyBytesHeld = 256LL * 1024 * 1024; // bodies being received, all clients together; over it: 503
    qint64 maxUnsentBytes = 1024 * 1024; // answers a client has not read yet; over it, it is not read further

    // Requests answered on the workers (matching): the queue is bounded.
    int workerThreads = 0;            // threads for handlers' work (HandlerReply::later); 0: one per core
    int maxConcurrentRequests = 32;   // work running or waiting for a worker; over it: 503 + Retry-After
    int maxConcurrentPerClient = 4;   // of it, for one client certificate
    int requestTimeoutMs = 30000;     // work not done by then: 503, and the work is told to stop
    double ratePerSecond = 20.0;      // requests per client certificate; <= 0: no limit
    int rateBurst = 40;

    int logLinesPerKind = 10; // refusals logged per kind in 10 s; the rest counted and summed up
};

} // namespace fg
