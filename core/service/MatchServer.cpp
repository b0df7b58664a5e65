#include "core/service/MatchServer.h"

#include "core/service/ServiceLog.h"
#include "core/storage/Clock.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QScopeGuard>
#include <QSslSocket>
#include <QThread>

#include <algorithm>
#include <exception>

namespace fg {

namespace {

// Marks a socket whose refusal is already counted: OpenSSL's verify callback,
// sslErrors and errorOccurred may all report the same refused handshake.
constexpr const char* kRefusedProperty = "fg.refused";

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
    , m_rateLimiter(clock, m_options.ratePerSecond, m_options.rateBurst)
{
    m_workers.setMaxThreadCount(m_options.workerThreads > 0 ? m_options.workerThreads : QThread::idealThreadCount());
    connect(&m_server, &QSslServer::pendingConnectionAvailable, this, &MatchServer::onPendingConnection);
    connect(&m_server, &QSslServer::handshakeInterruptedOnError, this, &MatchServer::onHandshakeInterrupted);
    connect(&m_server, &QSslServer::errorOccurred, this, &MatchServer::onSocketError);
    connect(&m_server, &QSslServer::sslErrors, this, [this](QSslSocket* socket, const QList<QSslError>& errors) {
        if (!errors.isEmpty())
            refuseTls(socket, reasonFor(errors.front()), errors.front().errorString());
    });
    addBuiltInRoutes();
}

MatchServer::~MatchServer()
{
    // Work still running holds the routes' objects; its finishing steps,
    // queued to this object, go with it.
    m_workers.waitForDone();
    // Connections are children of this object; they must not report back
    // into a half-destroyed server.
    for (HttpConnection* connection : std::as_const(m_connections))
        disconnect(connection, nullptr, this, nullptr);
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
    addRoute("GET", "/v1/metrics", [this](const HttpRequest&, const ClientIdentity&) {
        return HttpResponse::text(200, "text/plain; version=0.0.4; charset=utf-8", m_metrics.prometheusText());
    });
}

bool MatchServer::listen(QString* error)
{
    if (!QSslSocket::supportsSsl()) {
        if (error)
            *error = tr("no TLS backend is available (Qt's OpenSSL plugin, libqopensslbackend.so, is missing "
                        "or cannot load OpenSSL 3)");
        return false;
    }
    m_server.setSslConfiguration(m_tls.sslConfiguration());
    m_server.setHandshakeTimeout(m_options.handshakeTimeoutMs);
    if (!m_server.listen(m_options.address, m_options.port)) {
        if (error)
            *error = tr("cannot listen on %1 port %2: %3")
                         .arg(m_options.address.toString())
                         .arg(m_options.port)
                         .arg(m_server.errorString());
        return false;
    }
    return true;
}

void MatchServer::close()
{
    m_server.close();
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

void MatchServer::refuseTls(QSslSocket* socket, const QString& reason, const QString& detail)
{
    if (socket && socket->property(kRefusedProperty).toBool())
        return;
    if (socket)
        socket->setProperty(kRefusedProperty, true);
    const QString peer = socket ? peerName(socket) : QString();
    qCWarning(lcService, "TLS connection from %s refused (%s): %s", qPrintable(peer), qPrintable(reason),
              qPrintable(detail));
    m_metrics.recordTlsRefusal(reason);
    Q_EMIT tlsRefused(reason, detail);
}

void MatchServer::onHandshakeInterrupted(QSslSocket* socket, const QSslError& error)
{
    // Not continuing the handshake makes OpenSSL send the alert and fail it.
    refuseTls(socket, reasonFor(error), error.errorString());
}

void MatchServer::onSocketError(QSslSocket* socket, QAbstractSocket::SocketError error)
{
    // Errors before the handshake ended; later ones belong to HttpConnection.
    const QString detail = socket ? socket->errorString() : QString();
    if (error == QAbstractSocket::SslHandshakeFailedError
        && detail.contains(QLatin1String("did not return a certificate"), Qt::CaseInsensitive))
        refuseTls(socket, QStringLiteral("no_certificate"), detail);
    else
        refuseTls(socket, QStringLiteral("handshake"), detail);
}

void MatchServer::onPendingConnection()
{
    while (QTcpSocket* tcp = m_server.nextPendingConnection()) {
        auto* socket = qobject_cast<QSslSocket*>(tcp);
        if (!socket) { // cannot happen with QSslServer; refuse rather than serve in clear
            tcp->abort();
            tcp->deleteLater();
            continue;
        }
        ClientIdentity identity = ClientIdentity::fromCertificate(socket->peerCertificate());
        if (identity.isNull() || m_tls.isRevoked(identity)) {
            refuseTls(socket, identity.isNull() ? QStringLiteral("no_certificate") : QStringLiteral("revoked"),
                      identity.isNull() ? tr("no client certificate")
                                        : tr("certificate %1 (%2) is revoked by configuration")
                                              .arg(QString::fromLatin1(identity.fingerprintSha256), identity.subject()));
            socket->abort();
            socket->deleteLater();
            continue;
        }
        identity.role = m_roles.roleFor(identity);
        auto* connection = new HttpConnection(socket, identity, m_options.limits, m_options.idleTimeoutMs, this);
        m_peerCertificates.insert(connection, socket->peerCertificate());
        connect(connection, &HttpConnection::finished, this, [this](HttpConnection* done) {
            m_connections.remove(done);
            m_peerCertificates.remove(done);
        });
        if (m_connections.size() >= m_options.maxConnections) {
            refuseTls(socket, QStringLiteral("too_many_connections"),
                      tr("%1 connections are open already").arg(m_connections.size()));
            HttpResponse busy = HttpResponse::error(503, tr("too many connections; try again later"));
            busy.setHeader("Retry-After", "1");
            m_connections.insert(connection);
            connection->refuse(busy);
            continue;
        }
        m_connections.insert(connection);
        connect(connection, &HttpConnection::requestReady, this, &MatchServer::onRequest);
        connect(connection, &HttpConnection::requestFailed, this, &MatchServer::onRequestFailed);
    }
}

int MatchServer::requestsInProgressBesides(const HttpConnection* connection) const
{
    return static_cast<int>(std::count_if(m_connections.cbegin(), m_connections.cend(), [&](const HttpConnection* c) {
        return c != connection && c->hasRequestInProgress();
    }));
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
        qCCritical(lcService, "%s failed: %s", qPrintable(routeLabel), exception.what());
        return failed;
    }
}

} // namespace

void MatchServer::startWork(HttpConnection* connection, HandlerReply::Work work, const QString& routeLabel, bool keepAlive)
{
    const QPointer<HttpConnection> client(connection);
    m_workers.start([this, client, work = std::move(work), routeLabel, keepAlive] {
        HandlerReply::Finish finishing =
            guarded(routeLabel, work, HandlerReply::answer(HttpResponse::error(500, tr("internal error"))));
        // Back on the server's thread: the finishing step may write the
        // records; a client gone meanwhile gets nothing done in its name.
        QMetaObject::invokeMethod(
            this,
            [this, client, finishing = std::move(finishing), routeLabel, keepAlive] {
                if (!client) {
                    qCInfo(lcService, "%s: the client left before its answer; nothing stored",
                           qPrintable(routeLabel));
                    return;
                }
                const HttpResponse response =
                    guarded(routeLabel, finishing, HttpResponse::error(500, tr("internal error")));
                finish(client, routeLabel, response, keepAlive, client->secondsSinceRequest());
            },
            Qt::QueuedConnection);
    });
}

void MatchServer::onRequestFailed(HttpConnection* connection, int status, const QString& reason)
{
    finish(connection, QStringLiteral("unmatched"), HttpResponse::error(status, reason), false,
           connection->secondsSinceRequest());
}

HandlerReply MatchServer::answer(HttpConnection* connection, QString* routeLabel, bool* keepAlive)
{
    HttpRequest& request = connection->mutableRequest();
    const ClientIdentity& client = connection->identity();
    *routeLabel = QStringLiteral("unmatched");
    *keepAlive = request.keepAlive();

    if (requestsInProgressBesides(connection) >= m_options.maxConcurrentRequests) {
        *keepAlive = false;
        HttpResponse busy = HttpResponse::error(
            503, tr("%1 requests are in progress, the most this service takes; try again later")
                     .arg(m_options.maxConcurrentRequests));
        busy.setHeader("Retry-After", "1");
        return busy;
    }
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
                                                .arg(route.label(), QString::fromLatin1(type)));
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
        qCInfo(lcService, "%s from %s: %d %s", qPrintable(routeLabel), qPrintable(connection->identity().subject()),
               response.status, qPrintable(response.errorReason()));
    }
    m_metrics.recordRequest(routeLabel, response.status, seconds);
    Q_EMIT requestAnswered(routeLabel, response.status);
    connection->respond(response, keepAlive);
}

} // namespace fg
