#pragma once

#include "core/service/HttpConnection.h"
#include "core/service/MatchServerOptions.h"
#include "core/service/Metrics.h"
#include "core/service/RateLimiter.h"
#include "core/service/RoleMap.h"
#include "core/service/Route.h"
#include "core/service/ServiceLog.h"
#include "core/service/TlsServerConfig.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QSet>
#include <QSslCertificate>
#include <QSslError>
#include <QThreadPool>

#include <map>
#include <memory>
#include <optional>
#include <utility>

class QSslSocket;

namespace fg {

class Clock;
class TcpListener;

// facegate-matchd's HTTPS front: mutual TLS (the port's CA only, a client
// certificate required, revocation by configuration), HTTP/1.1 with bounded
// requests, routes by (method, path) and JSON errors that say what was wrong.
// Built in: GET /v1/health (any client) and GET /v1/metrics (role operator).
//
// It accepts TCP itself and runs each TLS handshake with a deadline, a bound
// on handshakes in progress in all and per IP address (a flood of silent
// connections closes only its own), and accepting that never pauses. After the
// handshake: connections capped in all and per certificate, a rate per
// certificate (steady clock), the deadlines and budgets of HttpConnection.
// Handlers run on the server's thread and answer at once or hand their work to
// the server's workers (HandlerReply::later): that work is capped in all and
// per certificate (503 + Retry-After beyond, never a growing queue), has a
// deadline (503 then, and it is told to stop), and is told to stop when its
// client leaves; work still waiting for a worker then never runs. Health and
// metrics are answered at once, never behind the cap. Every refusal is counted
// in metrics() and logged with its reason (category fg.service), at most
// logLinesPerKind lines per kind in 10 s, client text escaped.
class MatchServer : public QObject {
    Q_OBJECT

public:
    MatchServer(TlsServerConfig tls, RoleMap roles, MatchServerOptions options, const Clock& clock,
                QObject* parent = nullptr);
    // Stops the work in progress and waits for it (its results are dropped).
    ~MatchServer() override;

    // Registers a route; a second one for the same method and path replaces it.
    void addRoute(Route route);
    void addRoute(const QByteArray& method, const QByteArray& path, Route::Handler handler, bool jsonBody = false,
                  const QStringList& roles = {});

    bool listen(QString* error);
    // Stops accepting, tells all work to stop and drops the work not started.
    void close();
    bool isListening() const;
    QHostAddress serverAddress() const;
    quint16 serverPort() const;

    int workerThreads() const { return m_workers.maxThreadCount(); }
    // Blocks until no work runs or waits for a worker (its finishing steps
    // may still be queued on the server's thread).
    void waitForWork() { m_workers.waitForDone(); }

    const Metrics& metrics() const { return m_metrics; }
    Metrics& metrics() { return m_metrics; }
    int openConnections() const { return static_cast<int>(m_connections.size()); }
    int handshakesInProgress() const { return static_cast<int>(m_handshakes.size()); }
    // Complete requests handed to a route and not answered yet.
    int requestsInProgress() const;
    // Work handed to the workers and not ended (running or waiting).
    int workInProgress() const { return m_workInProgress; }
    // The client certificate of the request whose handler is running (the
    // TLS layer verified it); a null certificate outside a handler.
    const QSslCertificate& peerCertificate() const { return m_peerCertificate; }

Q_SIGNALS:
    // A connection refused before, in or right after the handshake: reason is
    // the metrics label ("no_certificate", "untrusted", "expired", "revoked",
    // "too_many_handshakes", "handshake_timeout", "too_many_connections",
    // "handshake"), detail the words of the error.
    void tlsRefused(const QString& reason, const QString& detail);
    // A request answered: route label ("POST /v1/echo" or "unmatched") and status.
    void requestAnswered(const QString& route, int status);

private:
    struct Work;

    void onIncoming(qintptr descriptor);
    void onEncrypted(QSslSocket* socket);
    void onHandshakeError(QSslSocket* socket, QAbstractSocket::SocketError error);
    void endHandshake(QSslSocket* socket);
    void refuseTls(QSslSocket* socket, const QString& reason, const QString& detail);
    void onRequest(HttpConnection* connection);
    void onRequestFailed(HttpConnection* connection, int status, const QString& reason);
    void onConnectionFinished(HttpConnection* connection);
    HandlerReply answer(HttpConnection* connection, QString* routeLabel, bool* keepAlive);
    // nullopt when the work may start; else the 503 that refuses it.
    std::optional<HttpResponse> refuseWork(const ClientIdentity& client) const;
    void startWork(HttpConnection* connection, HandlerReply::Work work, const QString& routeLabel, bool keepAlive);
    void endWork(const std::shared_ptr<Work>& work);
    void finish(HttpConnection* connection, const QString& routeLabel, const HttpResponse& response, bool keepAlive,
                double seconds);
    void log(QtMsgType type, const QString& kind, const QString& line);
    void addBuiltInRoutes();

    static QString reasonFor(const QSslError& error);

    TlsServerConfig m_tls;
    RoleMap m_roles;
    MatchServerOptions m_options;
    const Clock& m_clock;
    std::unique_ptr<TcpListener> m_listener;
    RateLimiter m_rateLimiter;
    Metrics m_metrics;
    LogThrottle m_logThrottle;
    BodyBudget m_bodyBudget;
    std::map<std::pair<QByteArray, QByteArray>, Route> m_routes;
    QHash<QSslSocket*, QString> m_handshakes; // socket in handshake -> its peer's address
    QHash<QString, int> m_handshakesFrom;     // address -> sockets of it in handshake
    QSet<HttpConnection*> m_connections;
    QHash<QByteArray, int> m_connectionsOf;   // certificate fingerprint -> open connections
    QHash<const HttpConnection*, QSslCertificate> m_peerCertificates;
    QHash<const HttpConnection*, std::shared_ptr<Work>> m_workOf; // a connection's work not ended
    QHash<QByteArray, int> m_workPerClient;   // certificate fingerprint -> work not ended
    int m_workInProgress = 0;
    QSslCertificate m_peerCertificate;
    QThreadPool m_workers; // last member: destroyed (and waited for) first
};

} // namespace fg
