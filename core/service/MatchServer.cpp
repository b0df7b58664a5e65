#include "core/service/MatchServer.h"

#include "core/storage/Clock.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QScopeGuard>
#include <QSslSocket>
#include <QTcpServer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <exception>
#include <stop_token>

#include <unistd.h>

namespace fg {

// Accepts TCP and hands each socket to the server at once: no queue of
// pending connections, so accepting is never paused (Qt 6.4's QSslServer
// paused it with 30 handshakes pending and, when they died, never resumed).
class TcpListener : public QTcpServer {
public:
    explicit TcpListener(std::function<void(qintptr)> accepted)
        : m_accepted(std::move(accepted))
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override { m_accepted(descriptor); }

private:
    std::function<void(qintptr)> m_accepted;
};

// Work handed to the workers: its stop source, its client and whether the
// client has had its answer (from the work, or the deadline's 503).
struct MatchServer::Work {
    std::stop_source stop;
    QPointer<HttpConnection> client;
    const HttpConnection* connection = nullptr; // the key in m_workOf
    QByteArray fingerprint;
    bool answered = false;
};

namespace {

// Marks a socket whose refusal is already counted: OpenSSL's verify callback,
// sslErrors and errorOccurred may all report the same refused handshake.
constexpr const char* kRefusedProperty = "fg.refused";
constexpr qint64 kLogWindowMs = 10'000;

QString peerName(const QAbstractSocket* socket)
{
    return socket->peerAddress().toString() + QLatin1Char(':') + QString::number(socket->peerPort());
}

} // namespace

MatchServer::MatchServer(TlsServerConfig tls, RoleMap roles, MatchServerOptions options, const Clock& clock,
                         QObject* parent)
    : QObject(parent)
    , m_tls(std::move(tls))
    , m_roles(std::move(roles))
    , m_options(std::move(options))
    , m_clock(clock)
    , m_listener(std::make_unique<TcpListener>([this](qintptr descriptor) { onIncoming(descriptor); }))
    , m_rateLimiter(clock, m_options.ratePerSecond, m_options.rateBurst)
    , m_logThrottle(std::max(1, m_options.logLinesPerKind), kLogWindowMs)
    , m_bodyBudget(m_options.maxBodyBytesHeld)
{
    m_workers.setMaxThreadCount(m_options.workerThreads > 0 ? m_options.workerThreads : QThread::idealThreadCount());
    addBuiltInRoutes();
}

MatchServer::~MatchServer()
{
    // Work still running holds the routes' objects: told to stop, and waited
    // for; its finishing steps, queued to this object, go with it.
    close();
    m_workers.waitForDone();
    // Connections are children of this object; they must not report back
    // into a half-destroyed server, and they give their body reservations
    // back to m_bodyBudget, so they go now, while it is alive.
    const QSet<HttpConnection*> connections = std::exchange(m_connections, {});
    for (HttpConnection* connection : connections) {
        disconnect(connection, nullptr, this, nullptr);
        delete connection;
    }
    for (QSslSocket* socket : m_handshakes.keys())
        disconnect(socket, nullptr, this, nullptr);
}

void MatchServer::addRoute(Route route)
{
    const auto key = std::make_pair(route.method, route.path);
    m_routes[key] = std::move(route);
}

void MatchServer::addRoute(const QByteArray& method, const QByteArray& path, Route::Handler handler, bool jsonBody,
                           const QStringList& roles)
{
    addRoute(Route{method, path, std::move(handler), jsonBody, roles});
}

void MatchServer::addBuiltInRoutes()
{
    addRoute("GET", "/v1/health", [](const HttpRequest&, const ClientIdentity&) {
        return HttpResponse::json(200, QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
    });
    // What the service refuses, and to whom (counts per reason), is the
    // operators' business, not a partner's.
    addRoute("GET", "/v1/metrics",
             [this](const HttpRequest&, const ClientIdentity&) {
                 return HttpResponse::text(200, "text/plain; version=0.0.4; charset=utf-8", m_metrics.prometheusText());
             },
             false, {QStringLiteral("operator")});
}

bool MatchServer::listen(QString* error)
{
    if (!QSslSocket::supportsSsl()) {
        if (error)
            *error = tr("no TLS backend is available (Qt's OpenSSL plugin, libqopensslbackend.so, is missing "
                        "or cannot load OpenSSL 3)");
        return false;
    }
    if (!m_listener->listen(m_options.address, m_options.port)) {
        if (error)
            *error = tr("cannot listen on %1 port %2: %3")
                         .arg(m_options.address.toString())
                         .arg(m_options.port)
                         .arg(m_listener->errorString());
        return false;
    }
    return true;
}

void MatchServer::close()
{
    m_listener->close();
    for (const std::shared_ptr<Work>& work : std::as_const(m_workOf))
        work->stop.request_stop();
    m_workers.clear(); // work not started never starts
}

bool MatchServer::isListening() const
{
    return m_listener->isListening();
}

QHostAddress MatchServer::serverAddress() const
{
    return m_listener->serverAddress();
}

quint16 MatchServer::serverPort() const
{
    return m_listener->serverPort();
}

int MatchServer::requestsInProgress() const
{
    return static_cast<int>(std::count_if(m_connections.cbegin(), m_connections.cend(),
                                          [](const HttpConnection* c) { return c->isBeingAnswered(); }));
}

QString MatchServer::reasonFor(const QSslError& error)
{
    switch (error.error()) {
    case QSslError::NoPeerCertificate:
        return QStringLiteral("no_certificate");
    case QSslError::CertificateExpired:
        return QStringLiteral("expired");
    case QSslError::CertificateNotYetValid:
        return QStringLiteral("not_yet_valid");
    case QSslError::CertificateRevoked:
        return QStringLiteral("revoked");
    case QSslError::InvalidPurpose:
        return QStringLiteral("invalid_purpose");
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::CertificateUntrusted:
    case QSslError::CertificateRejected:
    case QSslError::CertificateSignatureFailed:
        return QStringLiteral("untrusted");
    default:
        return QStringLiteral("certificate");
    }
}

void MatchServer::log(QtMsgType type, const QString& kind, const QString& line)
{
    qint64 suppressed = 0;
    QStringList summaries;
    const bool allowed = m_logThrottle.allow(kind, m_clock.steadyMs(), &suppressed, &summaries);
    for (const QString& summary : std::as_const(summaries))
        qCWarning(lcService, "%s", qPrintable(summary));
    if (!allowed)
        return;
    const QString text = suppressed > 0
        ? line + tr(" (%1 similar lines suppressed before this one)").arg(suppressed)
        : line;
    if (type == QtWarningMsg)
        qCWarning(lcService, "%s", qPrintable(text));
    else
        qCInfo(lcService, "%s", qPrintable(text));
}

void MatchServer::refuseTls(QSslSocket* socket, const QString& reason, const QString& detail)
{
    if (socket && socket->property(kRefusedProperty).toBool())
        return;
    if (socket)
        socket->setProperty(kRefusedProperty, true);
    const QString peer = socket ? peerName(socket) : QString();
    log(QtWarningMsg, QStringLiteral("tls:") + reason,
        tr("TLS connection from %1 refused (%2): %3").arg(peer, reason, logSafe(detail)));
    m_metrics.recordTlsRefusal(reason);
    Q_EMIT tlsRefused(reason, detail);
}

void MatchServer::onIncoming(qintptr descriptor)
{
    auto* socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        log(QtWarningMsg, QStringLiteral("tls:socket"), tr("an accepted connection could not be used: %1")
                                                            .arg(socket->errorString()));
        ::close(int(descriptor));
        delete socket;
        return;
    }
    const QString address = socket->peerAddress().toString();
    const int fromAddress = m_handshakesFrom.value(address);
    if (m_handshakes.size() >= m_options.maxHandshakes || fromAddress >= m_options.maxHandshakesPerAddress) {
        refuseTls(socket, QStringLiteral("too_many_handshakes"),
                  fromAddress >= m_options.maxHandshakesPerAddress
                      ? tr("%1 connections from %2 are in their TLS handshake already").arg(fromAddress).arg(address)
                      : tr("%1 connections are in their TLS handshake already").arg(m_handshakes.size()));
        socket->abort();
        socket->deleteLater();
        return;
    }
    m_handshakes.insert(socket, address);
    ++m_handshakesFrom[address];

    socket->setSslConfiguration(m_tls.sslConfiguration());
    connect(socket, &QSslSocket::encrypted, this, [this, socket] { onEncrypted(socket); });
    connect(socket, &QSslSocket::sslErrors, this, [this, socket](const QList<QSslError>& errors) {
        if (!errors.isEmpty())
            refuseTls(socket, reasonFor(errors.front()), errors.front().errorString());
    });
    // Not continuing the handshake makes OpenSSL send the alert and fail it.
    connect(socket, &QSslSocket::handshakeInterruptedOnError, this,
            [this, socket](const QSslError& error) { refuseTls(socket, reasonFor(error), error.errorString()); });
    connect(socket, &QSslSocket::errorOccurred, this,
            [this, socket](QAbstractSocket::SocketError error) { onHandshakeError(socket, error); });
    connect(socket, &QSslSocket::disconnected, this, [this, socket] {
        endHandshake(socket);
        socket->deleteLater();
    });
    QTimer::singleShot(m_options.handshakeTimeoutMs, socket, [this, socket] {
        if (!m_handshakes.contains(socket))
            return;
        refuseTls(socket, QStringLiteral("handshake_timeout"),
                  tr("no TLS handshake within %1 ms").arg(m_options.handshakeTimeoutMs));
        endHandshake(socket);
        socket->abort();
        socket->deleteLater();
    });
    socket->startServerEncryption();
}

void MatchServer::endHandshake(QSslSocket* socket)
{
    const auto found = m_handshakes.constFind(socket);
    if (found == m_handshakes.cend())
        return;
    const QString address = found.value();
    m_handshakes.erase(found);
    if (--m_handshakesFrom[address] <= 0)
        m_handshakesFrom.remove(address);
}

void MatchServer::onHandshakeError(QSslSocket* socket, QAbstractSocket::SocketError error)
{
    if (!m_handshakes.contains(socket))
        return;
    const QString detail = socket->errorString();
    if (error == QAbstractSocket::SslHandshakeFailedError
        && detail.contains(QLatin1String("did not return a certificate"), Qt::CaseInsensitive))
        refuseTls(socket, QStringLiteral("no_certificate"), detail);
    else
        refuseTls(socket, QStringLiteral("handshake"), detail);
    endHandshake(socket);
    socket->abort();
    socket->deleteLater();
}

void MatchServer::onEncrypted(QSslSocket* socket)
{
    endHandshake(socket);
    disconnect(socket, nullptr, this, nullptr); // the connection takes over its signals
    ClientIdentity identity = ClientIdentity::fromCertificate(socket->peerCertificate());
    if (identity.isNull() || m_tls.isRevoked(identity)) {
        refuseTls(socket, identity.isNull() ? QStringLiteral("no_certificate") : QStringLiteral("revoked"),
                  identity.isNull() ? tr("no client certificate")
                                    : tr("certificate %1 (%2) is revoked by configuration")
                                          .arg(QString::fromLatin1(identity.fingerprintSha256), identity.subject()));
        socket->abort();
        socket->deleteLater();
        return;
    }
    identity.role = m_roles.roleFor(identity);
    HttpConnection::Options options;
    options.limits = m_options.limits;
    options.idleTimeoutMs = m_options.idleTimeoutMs;
    options.headerTimeoutMs = m_options.headerTimeoutMs;
    options.bodyTimeoutMs = m_options.bodyTimeoutMs;
    options.maxUnsentBytes = m_options.maxUnsentBytes;
    auto* connection = new HttpConnection(socket, identity, options, m_bodyBudget, this);
    m_peerCertificates.insert(connection, socket->peerCertificate());
    m_connections.insert(connection);
    const QByteArray fingerprint = identity.fingerprintSha256;
    connect(connection, &HttpConnection::finished, this, &MatchServer::onConnectionFinished);
    const int ofClient = m_connectionsOf.value(fingerprint);
    m_connectionsOf[fingerprint] = ofClient + 1;
    if (m_connections.size() > m_options.maxConnections || ofClient >= m_options.maxConnectionsPerClient) {
        const bool mine = ofClient >= m_options.maxConnectionsPerClient;
        const QString why = mine ? tr("%1 connections of this client certificate are open already").arg(ofClient)
                                 : tr("%1 connections are open already").arg(m_connections.size() - 1);
        refuseTls(socket, QStringLiteral("too_many_connections"), why);
        HttpResponse busy = HttpResponse::error(503, why + tr("; try again later"));
        busy.setHeader("Retry-After", "1");
        connection->refuse(busy);
        return;
    }
    connect(connection, &HttpConnection::requestReady, this, &MatchServer::onRequest);
    connect(connection, &HttpConnection::requestFailed, this, &MatchServer::onRequestFailed);
}

void MatchServer::onConnectionFinished(HttpConnection* connection)
{
    m_connections.remove(connection);
    m_peerCertificates.remove(connection);
    const QByteArray fingerprint = connection->identity().fingerprintSha256;
    if (--m_connectionsOf[fingerprint] <= 0)
        m_connectionsOf.remove(fingerprint);
    // Its work is told to stop; work still waiting for a worker never starts.
    if (const std::shared_ptr<Work> work = m_workOf.take(connection))
        work->stop.request_stop();
}

void MatchServer::onRequest(HttpConnection* connection)
{
    QString routeLabel;
    bool keepAlive = false;
    HandlerReply reply = answer(connection, &routeLabel, &keepAlive);
    if (reply.isLater())
        startWork(connection, std::move(reply.work), routeLabel, keepAlive);
    else
        finish(connection, routeLabel, reply.response, keepAlive, connection->secondsSinceRequest());
}

namespace {

// A handler's step that throws is a 500 with the reason in the log, not the end of the service.
template<typename Step>
auto guarded(const QString& routeLabel, Step&& step, decltype(step()) failed) -> decltype(step())
{
    try {
        return step();
    } catch (const std::exception& exception) {
        qCCritical(lcService, "%s failed: %s", qPrintable(routeLabel), qPrintable(logSafe(QString::fromUtf8(exception.what()))));
        return failed;
    }
}

} // namespace

std::optional<HttpResponse> MatchServer::refuseWork(const ClientIdentity& client) const
{
    QString why;
    if (m_workInProgress >= m_options.maxConcurrentRequests)
        why = tr("%1 requests are being matched, the most this service takes; try again later")
                  .arg(m_workInProgress);
    else if (m_workPerClient.value(client.fingerprintSha256) >= m_options.maxConcurrentPerClient)
        why = tr("%1 requests of this client certificate are being matched, the most one client may have; try "
                 "again later")
                  .arg(m_workPerClient.value(client.fingerprintSha256));
    if (why.isEmpty())
        return std::nullopt;
    HttpResponse busy = HttpResponse::error(503, why);
    busy.setHeader("Retry-After", "1");
    return busy;
}

void MatchServer::startWork(HttpConnection* connection, HandlerReply::Work work, const QString& routeLabel, bool keepAlive)
{
    if (const std::optional<HttpResponse> busy = refuseWork(connection->identity())) {
        finish(connection, routeLabel, *busy, keepAlive, connection->secondsSinceRequest());
        return;
    }
    auto pending = std::make_shared<Work>();
    pending->client = connection;
    pending->connection = connection;
    pending->fingerprint = connection->identity().fingerprintSha256;
    m_workOf.insert(connection, pending);
    ++m_workPerClient[pending->fingerprint];
    ++m_workInProgress;

    // The deadline: the client gets its 503 then, and the work is told to stop.
    QTimer::singleShot(m_options.requestTimeoutMs, connection, [this, pending, routeLabel] {
        pending->stop.request_stop();
        if (pending->answered || !pending->client)
            return;
        pending->answered = true;
        HttpResponse late = HttpResponse::error(
            503, tr("the request was not answered within %1 ms; try again later").arg(m_options.requestTimeoutMs));
        late.setHeader("Retry-After", "1");
        finish(pending->client, routeLabel, late, false, pending->client->secondsSinceRequest());
    });

    m_workers.start([this, pending, work = std::move(work), routeLabel, keepAlive] {
        const std::stop_token stop = pending->stop.get_token();
        HandlerReply::Finish finishing;
        if (!stop.stop_requested()) { // not for a client gone or out of time while it waited
            finishing = guarded(routeLabel, [&] { return work(stop); },
                                HandlerReply::answer(HttpResponse::error(500, tr("internal error"))));
        }
        // Back on the server's thread: the finishing step may write the
        // records; a client gone meanwhile gets nothing done in its name.
        QMetaObject::invokeMethod(
            this,
            [this, pending, finishing = std::move(finishing), routeLabel, keepAlive] {
                endWork(pending);
                if (!pending->client || pending->answered || !finishing) {
                    if (!pending->answered)
                        qCInfo(lcService, "%s: the client left before its answer; nothing stored",
                               qPrintable(routeLabel));
                    return;
                }
                pending->answered = true;
                const HttpResponse response =
                    guarded(routeLabel, finishing, HttpResponse::error(500, tr("internal error")));
                finish(pending->client, routeLabel, response, keepAlive, pending->client->secondsSinceRequest());
            },
            Qt::QueuedConnection);
    });
}

void MatchServer::endWork(const std::shared_ptr<Work>& work)
{
    --m_workInProgress;
    if (--m_workPerClient[work->fingerprint] <= 0)
        m_workPerClient.remove(work->fingerprint);
    const auto found = m_workOf.constFind(work->connection);
    if (found != m_workOf.cend() && found.value() == work)
        m_workOf.erase(found);
}

void MatchServer::onRequestFailed(HttpConnection* connection, int status, const QString& reason)
{
    HttpResponse refusal = HttpResponse::error(status, reason);
    if (status == 503)
        refusal.setHeader("Retry-After", "1");
    finish(connection, QStringLiteral("unmatched"), refusal, false, connection->secondsSinceRequest());
}

HandlerReply MatchServer::answer(HttpConnection* connection, QString* routeLabel, bool* keepAlive)
{
    HttpRequest& request = connection->mutableRequest();
    const ClientIdentity& client = connection->identity();
    *routeLabel = QStringLiteral("unmatched");
    *keepAlive = request.keepAlive();

    const RateLimiter::Decision rate = m_rateLimiter.take(QString::fromLatin1(client.fingerprintSha256));
    if (!rate.allowed) {
        HttpResponse limited = HttpResponse::error(
            429, tr("more than %1 requests per second from this client certificate; retry after %2 s")
                     .arg(m_options.ratePerSecond)
                     .arg(rate.retryAfterSeconds));
        limited.setHeader("Retry-After", QByteArray::number(rate.retryAfterSeconds));
        return limited;
    }

    auto found = m_routes.find({request.method, request.path});
    if (found == m_routes.end()) {
        // Routes with parameters ("/v1/galleries/{name}") after the exact ones.
        found = std::find_if(m_routes.begin(), m_routes.end(), [&](const auto& entry) {
            return entry.first.first == request.method && entry.second.hasParameters()
                && entry.second.matchesPath(request.path);
        });
    }
    if (found == m_routes.end()) {
        QList<QByteArray> allowed;
        for (const auto& [key, route] : m_routes) {
            if (route.matchesPath(request.path) && !allowed.contains(key.first))
                allowed << key.first;
        }
        if (allowed.isEmpty())
            return HttpResponse::error(404, tr("no such resource: %1").arg(QString::fromLatin1(request.path)));
        HttpResponse wrong = HttpResponse::error(
            405, tr("%1 does not take %2").arg(QString::fromLatin1(request.path), QString::fromLatin1(request.method)));
        wrong.setHeader("Allow", allowed.join(", "));
        return wrong;
    }
    const Route& route = found->second;
    *routeLabel = route.label();

    if (!route.roles.isEmpty() && !route.roles.contains(client.role)) {
        return HttpResponse::error(403, client.role.isEmpty()
                                            ? tr("no role is bound to the certificate %1").arg(client.subject())
                                            : tr("the role %1 may not call %2").arg(client.role, route.label()));
    }
    if (route.jsonBody) {
        const QByteArray type = request.mediaType();
        if (type != "application/json") {
            return HttpResponse::error(415, tr("%1 takes application/json, not \"%2\"")
                                                .arg(route.label(), QString::fromLatin1(type.left(64))));
        }
        QJsonParseError parseError;
        request.json = QJsonDocument::fromJson(request.body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            return HttpResponse::error(
                400, tr("malformed JSON at byte %1: %2").arg(parseError.offset).arg(parseError.errorString()));
        }
        if (!request.json.isObject())
            return HttpResponse::error(400, tr("the body is JSON but not an object"));
    }
    // The certificate itself, for a handler that checks a signature made with
    // its key (a purge attestation); only while the handler runs.
    m_peerCertificate = m_peerCertificates.value(connection);
    const auto forget = qScopeGuard([this] { m_peerCertificate = QSslCertificate(); });
    return guarded(*routeLabel, [&] { return route.handler(request, client); },
                   HandlerReply(HttpResponse::error(500, tr("internal error"))));
}

void MatchServer::finish(HttpConnection* connection, const QString& routeLabel, const HttpResponse& response,
                         bool keepAlive, double seconds)
{
    if (response.status >= 400) {
        log(QtInfoMsg, QStringLiteral("status:%1").arg(response.status),
            tr("%1 from %2: %3 %4")
                .arg(routeLabel, logSafe(connection->identity().subject()))
                .arg(response.status)
                .arg(logSafe(response.errorReason())));
    }
    m_metrics.recordRequest(routeLabel, response.status, seconds);
    Q_EMIT requestAnswered(routeLabel, response.status);
    connection->respond(response, keepAlive);
}

} // namespace fg
