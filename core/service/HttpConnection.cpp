#include "core/service/HttpConnection.h"

#include <QSslSocket>

namespace fg {

namespace {
// Qt buffers at most this much unread; the parser takes it in these steps.
constexpr qint64 kReadChunk = 64 * 1024;
} // namespace

HttpConnection::HttpConnection(QSslSocket* socket, ClientIdentity identity, const HttpLimits& limits,
                               int idleTimeoutMs, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_identity(std::move(identity))
    , m_parser(limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kReadChunk);
    m_idle.setSingleShot(true);
    m_idle.setInterval(idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &HttpConnection::onIdleTimeout);
    connect(m_socket, &QSslSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        m_idle.stop();
        if (!m_finished) {
            m_finished = true;
            Q_EMIT finished(this);
        }
        deleteLater();
    });
    m_idle.start();
    // Bytes that arrived with the end of the handshake are already waiting.
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    if (!m_finished) {
        m_finished = true;
        Q_EMIT finished(this);
    }
}

double HttpConnection::secondsSinceRequest() const
{
    return m_sinceRequest.isValid() ? static_cast<double>(m_sinceRequest.nsecsElapsed()) / 1e9 : 0.0;
}

void HttpConnection::onReadyRead()
{
    if (m_closing) {
        // Whatever follows a refused request is not read into memory.
        m_socket->skip(m_socket->bytesAvailable());
        return;
    }
    // While a request is being answered, a pipelined one waits in the socket
    // (at most kReadChunk in Qt's buffer, the rest in the kernel's): a client
    // cannot make the service hold more than that.
    if (m_dispatching)
        return;
    while (m_socket->bytesAvailable() > 0 && !m_closing) {
        m_idle.start();
        m_parser.feed(m_socket->read(kReadChunk));
        dispatch();
    }
}

void HttpConnection::dispatch()
{
    while (!m_closing && !m_dispatching) {
        if (m_parser.status() == HttpRequestParser::Status::Failed) {
            Q_EMIT requestFailed(this, m_parser.errorStatus(), m_parser.errorReason());
            return;
        }
        if (m_parser.status() != HttpRequestParser::Status::Complete)
            return;
        m_request = m_parser.takeRequest();
        m_sinceRequest.start();
        m_dispatching = true;
        // The time the service takes to answer is not the client's idleness.
        m_idle.stop();
        m_insideRequestReady = true;
        Q_EMIT requestReady(this);
        m_insideRequestReady = false;
        if (m_dispatching)
            return; // answered later, from a worker's result: respond() goes on from there
        if (!m_closing)
            m_parser.next();
    }
}

void HttpConnection::respond(const HttpResponse& response, bool keepAlive)
{
    if (m_closing)
        return;
    m_dispatching = false;
    m_socket->write(response.serialize(keepAlive));
    if (!keepAlive) {
        closeAfterWriting();
        return;
    }
    m_idle.start();
    if (!m_insideRequestReady) {
        // Answered after requestReady returned: read on, the next request
        // may already be buffered or waiting in the socket.
        m_parser.next();
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
        QMetaObject::invokeMethod(this, &HttpConnection::dispatch, Qt::QueuedConnection);
    }
}

void HttpConnection::refuse(const HttpResponse& response)
{
    respond(response, false);
}

void HttpConnection::onIdleTimeout()
{
    if (m_closing)
        return;
    if (m_parser.hasStarted()) {
        Q_EMIT requestFailed(this, 408,
                             QStringLiteral("the request did not arrive whole within %1 ms")
                                 .arg(m_idle.interval()));
        return;
    }
    closeAfterWriting(); // an idle keep-alive connection
}

void HttpConnection::closeAfterWriting()
{
    m_closing = true;
    m_idle.stop();
    // Written bytes are flushed before the close; unread ones are dropped.
    m_socket->disconnectFromHost();
}

} // namespace fg
