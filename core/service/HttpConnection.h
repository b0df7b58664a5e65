#pragma once

#include "core/service/ClientIdentity.h"
#include "core/service/HttpLimits.h"
#include "core/service/HttpRequestParser.h"
#include "core/service/HttpResponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class QSslSocket;

namespace fg {

// One client's encrypted connection after the handshake: reads requests with
// HttpRequestParser, hands each complete one to the server (requestReady) and
// writes the answer. A request that cannot be read (failed) ends the
// connection after its 4xx, as does a request that stalls past the idle
// timeout (408). Deletes itself once the socket is gone.
class HttpConnection : public QObject {
    Q_OBJECT

public:
    // Takes ownership of socket (already encrypted).
    HttpConnection(QSslSocket* socket, ClientIdentity identity, const HttpLimits& limits, int idleTimeoutMs,
                   QObject* parent = nullptr);
    ~HttpConnection() override;

    const ClientIdentity& identity() const { return m_identity; }
    // Whether a request has begun arriving and has not been answered yet.
    bool hasRequestInProgress() const { return !m_closing && (m_dispatching || m_parser.hasStarted()); }
    // The request given with requestReady, until respond().
    const HttpRequest& request() const { return m_request; }
    HttpRequest& mutableRequest() { return m_request; }
    // Seconds since the current request was complete.
    double secondsSinceRequest() const;

    // Answers the current request; keepAlive false closes after writing.
    // Called from requestReady, or later (once) when the answer took a worker.
    void respond(const HttpResponse& response, bool keepAlive);
    // Answers once (a refusal before any request, such as too many
    // connections) and closes.
    void refuse(const HttpResponse& response);

Q_SIGNALS:
    void requestReady(fg::HttpConnection* connection);
    // status and reason of a request that cannot be read (400, 411, 413, 431,
    // 501, 505) or of a stalled one (408); the server answers with respond().
    void requestFailed(fg::HttpConnection* connection, int status, const QString& reason);
    void finished(fg::HttpConnection* connection);

private:
    void onReadyRead();
    void onIdleTimeout();
    void dispatch();
    void closeAfterWriting();

    QSslSocket* m_socket;
    ClientIdentity m_identity;
    HttpRequestParser m_parser;
    HttpRequest m_request;
    QTimer m_idle;
    QElapsedTimer m_sinceRequest;
    bool m_dispatching = false;       // a request handed over and not answered
    bool m_insideRequestReady = false; // respond() called from within requestReady
    bool m_closing = false;
    bool m_finished = false;
};

} // namespace fg
