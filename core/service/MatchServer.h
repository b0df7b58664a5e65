#pragma once

#include "core/service/HttpConnection.h"
#include "core/service/MatchServerOptions.h"
#include "core/service/Metrics.h"
#include "core/service/RateLimiter.h"
#include "core/service/RoleMap.h"
#include "core/service/Route.h"
#include "core/service/TlsServerConfig.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QSslCertificate>
#include <QSslError>
#include <QSslServer>
#include <QThreadPool>

#include <map>
#include <utility>

class QSslSocket;

namespace fg {

class Clock;

// facegate-matchd's HTTPS front: mutual TLS on QSslServer (the port's CA only,
// a client certificate required, revocation by configuration), HTTP/1.1 with
// bounded requests, a concurrency cap, a rate limit per client certificate,
// routes by (method, path) and JSON errors that say what was wrong. Built in:
// GET /v1/health and GET /v1/metrics. Handlers run on the server's thread and
// answer at once or hand their work to the server's worker threads
// (HandlerReply::later), so TLS handshakes, health checks and refusals are not kept
// waiting behind a match. Every refusal, in the handshake or of a request, is
// logged with its reason (category fg.service) and counted in metrics().
class MatchServer : public QObject {
    Q_OBJECT

public:
    MatchServer(TlsServerConfig tls, RoleMap roles, MatchServerOptions options, const Clock& clock,
                QObject* parent = nullptr);
    // Waits for the work in progress (its results are dropped).
    ~MatchServer() override;

    // Registers a route; a second one for the same method and path replaces it.
    void addRoute(Route route);
    void addRoute(const QByteArray& method, const QByteArray& path, Route::Handler handler, bool jsonBody = false,
                  const QStringList& roles = {});

    bool listen(QString* error);
    void close();
    bool isListening() const { return m_server.isListening(); }
    QHostAddress serverAddress() const { return m_server.serverAddress(); }
    quint16 serverPort() const { return m_server.serverPort(); }

    int workerThreads() const { return m_workers.maxThreadCount(); }
    // Blocks until no work runs or waits for a worker (its finishing steps
    // may still be queued on the server's thread).
    void waitForWork() { m_workers.waitForDone(); }

    const Metrics& metrics() const { return m_metrics; }
    Metrics& metrics() { return m_metrics; }
    int openConnections() const { return static_cast<int>(m_connections.size()); }
    // Requests begun (some bytes read) and not answered yet.
    int requestsInProgress() const { return requestsInProgressBesides(nullptr); }
    // The client certificate of the request whose handler is running (the
    // TLS layer verified it); a null certificate outside a handler.
    const QSslCertificate& peerCertificate() const { return m_peerCertificate; }

Q_SIGNALS:
    // A connection refused in or right after the handshake: reason is the
    // metrics label ("no_certificate", "untrusted", "expired", "revoked",
    // "too_many_connections", "handshake"), detail the words of the error.
    void tlsRefused(const QString& reason, const QString& detail);
    // A request answered: route label ("POST /v1/echo" or "unmatched") and status.
    void requestAnswered(const QString& route, int status);

private:
    void onPendingConnection();
    void onHandshakeInterrupted(QSslSocket* socket, const QSslError& error);
    void onSocketError(QSslSocket* socket, QAbstractSocket::SocketError error);
    void refuseTls(QSslSocket* socket, const QString& reason, const QString& detail);
    void onRequest(HttpConnection* connection);
    void onRequestFailed(HttpConnection* connection, int status, const QString& reason);
    HandlerReply answer(HttpConnection* connection, QString* routeLabel, bool* keepAlive);
    void startWork(HttpConnection* connection, HandlerReply::Work work, const QString& routeLabel, bool keepAlive);
    void finish(HttpConnection* connection, const QString& routeLabel, const HttpResponse& response, bool keepAlive,
                double seconds);
    int requestsInProgressBesides(const HttpConnection* connection) const;
    void addBuiltInRoutes();

    static QString reasonFor(const QSslError& error);

    TlsServerConfig m_tls;
    RoleMap m_roles;
    MatchServerOptions m_options;
    const Clock& m_clock;
    QSslServer m_server;
    RateLimiter m_rateLimiter;
    Metrics m_metrics;
    std::map<std::pair<QByteArray, QByteArray>, Route> m_routes;
    QSet<HttpConnection*> m_connections;
    QHash<const HttpConnection*, QSslCertificate> m_peerCertificates;
    QSslCertificate m_peerCertificate;
    QThreadPool m_workers; // last member: destroyed (and waited for) first
};

} // namespace fg
