#include "core/service/HttpConnection.h"

#include <QSslSocket>

namespace fg {

namespace {
// Qt buffers at most this much unread; the parser takes it in these steps.
constexpr qint64 kReadChunk = 64 * 1024;
// Lingering close (as Apache's): read and drop what still comes until the
// client is quiet this long, or this long in all.
constexpr int kLingerQuietMs = 1000;
constexpr int kLingerLimitMs = 10000;

// The service's reasons go to its clients in JSON and to its log: English,
// never translated (translations/CMakeLists.txt: core words the officer reads).
QString english(const char* text)
{
    return QString::fromUtf8(text);
}
} // namespace

HttpConnection::HttpConnection(QSslSocket* socket, ClientIdentity identity, const Options& options,
                               BodyBudget& budget, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_identity(std::move(identity))
    , m_options(options)
    , m_budget(budget)
    , m_parser(options.limits)
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kReadChunk);
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_options.idleTimeoutMs);
    m_deadline.setSingleShot(true);
    m_lingerQuiet.setSingleShot(true);
    m_lingerQuiet.setInterval(kLingerQuietMs);
    m_lingerLimit.setSingleShot(true);
    m_lingerLimit.setInterval(kLingerLimitMs);
    connect(&m_idle, &QTimer::timeout, this, &HttpConnection::onIdleTimeout);
    connect(&m_deadline, &QTimer::timeout, this, &HttpConnection::onDeadline);
    connect(&m_lingerQuiet, &QTimer::timeout, m_socket, [this] { m_socket->disconnectFromHost(); });
    connect(&m_lingerLimit, &QTimer::timeout, m_socket, [this] { m_socket->disconnectFromHost(); });
    // A close waits for the unsent bytes; a client that never takes them is
    // aborted rather than kept for ever.
    m_closeLimit.setSingleShot(true);
    connect(&m_closeLimit, &QTimer::timeout, m_socket, [this] { m_socket->abort(); });
    connect(m_socket, &QSslSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::onWritten);
    connect(m_socket, &QSslSocket::disconnected, this, [this] {
        m_idle.stop();
        m_deadline.stop();
        m_lingerQuiet.stop();
        m_lingerLimit.stop();
        m_closeLimit.stop();
        finishOnce();
        deleteLater();
    });
    m_idle.start();
    // Bytes that arrived with the end of the handshake are already waiting.
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

HttpConnection::~HttpConnection()
{
    finishOnce();
}

void HttpConnection::finishOnce()
{
    if (m_reserved > 0)
        m_budget.release(std::exchange(m_reserved, 0));
    if (!m_finished) {
        m_finished = true;
        Q_EMIT finished(this);
    }
}

double HttpConnection::secondsSinceRequest() const
{
    return m_sinceRequest.isValid() ? static_cast<double>(m_sinceRequest.nsecsElapsed()) / 1e9 : 0.0;
}

qint64 HttpConnection::unsentBytes() const
{
    return m_socket->bytesToWrite() + m_socket->encryptedBytesToWrite();
}

void HttpConnection::onReadyRead()
{
    if (m_closing) {
        // Whatever follows a refused request is not read into memory.
        m_socket->skip(m_socket->bytesAvailable());
        if (m_lingering)
            m_lingerQuiet.start();
        return;
    }
    // While a request is being answered, a pipelined one waits in the socket
    // (at most kReadChunk in Qt's buffer, the rest in the kernel's): a client
    // cannot make the service hold more than that. Nor while its answers wait
    // unread.
    if (m_dispatching || m_waitingForDrain)
        return;
    while (m_socket->bytesAvailable() > 0 && !m_closing && !m_dispatching && !m_waitingForDrain) {
        m_idle.start();
        m_parser.feed(m_socket->read(kReadChunk));
        if (!trackRequest())
            return;
        dispatch();
    }
}

bool HttpConnection::trackRequest()
{
    if (!m_requestClock.isValid() && m_parser.hasStarted()) {
        m_requestClock.start();
        m_headTracked = false;
        m_deadline.start(m_options.headerTimeoutMs);
    }
    if (m_requestClock.isValid() && !m_headTracked && m_parser.headerComplete()
        && m_parser.status() != HttpRequestParser::Status::Failed) {
        m_headTracked = true;
        const qint64 length = m_parser.contentLength();
        if (length > 0 && !m_budget.reserve(length)) {
            m_deadline.stop();
            Q_EMIT requestFailed(this, 503,
                                 english("the service holds %1 MB of request bodies already, the most it takes; try again "
                                    "later")
                                     .arg(m_budget.held() / (1024 * 1024)));
            return false;
        }
        m_reserved += length;
        if (m_parser.status() != HttpRequestParser::Status::Complete) {
            m_deadline.start(int(std::max<qint64>(1, m_options.bodyTimeoutMs - m_requestClock.elapsed())));
            // A client that waits to be told its body is welcome (RFC 9110 10.1.1);
            // one over a limit has had its refusal instead.
            const HttpRequest& head = m_parser.request();
            if (head.versionMinor >= 1 && head.header("expect").toLower() == "100-continue")
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        }
    }
    return true;
}

void HttpConnection::endRequestTracking()
{
    m_requestClock.invalidate();
    m_headTracked = false;
    m_deadline.stop();
}

void HttpConnection::dispatch()
{
    while (!m_closing && !m_dispatching) {
        if (m_parser.status() == HttpRequestParser::Status::Failed) {
            endRequestTracking();
            Q_EMIT requestFailed(this, m_parser.errorStatus(), m_parser.errorReason());
            return;
        }
        if (m_parser.status() != HttpRequestParser::Status::Complete)
            return;
        if (backlogged()) {
            // The answers before this request are not taken yet: it waits.
            m_waitingForDrain = true;
            return;
        }
        endRequestTracking();
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
        if (!m_closing) {
            m_parser.next();
            if (!trackRequest())
                return;
        }
    }
}

void HttpConnection::onWritten()
{
    if (!m_waitingForDrain || m_closing || unsentBytes() > m_options.maxUnsentBytes / 2)
        return;
    m_waitingForDrain = false;
    QMetaObject::invokeMethod(this, &HttpConnection::dispatch, Qt::QueuedConnection);
    QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

void HttpConnection::respond(const HttpResponse& response, bool keepAlive)
{
    if (m_closing)
        return;
    m_dispatching = false;
    m_request = HttpRequest{};
    if (m_reserved > 0)
        m_budget.release(std::exchange(m_reserved, 0));
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
        if (!trackRequest())
            return;
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
        endRequestTracking();
        Q_EMIT requestFailed(this, 408,
                             english("no byte of the request came for %1 ms").arg(m_options.idleTimeoutMs));
        return;
    }
    closeAfterWriting(); // an idle keep-alive connection
}

void HttpConnection::onDeadline()
{
    if (m_closing || m_dispatching || !m_parser.hasStarted())
        return;
    const bool head = !m_headTracked;
    endRequestTracking();
    Q_EMIT requestFailed(this, 408,
                         head ? english("the request's head did not arrive whole within %1 ms of its first byte")
                                    .arg(m_options.headerTimeoutMs)
                              : english("the request did not arrive whole within %1 ms of its first byte")
                                    .arg(m_options.bodyTimeoutMs));
}

void HttpConnection::closeAfterWriting()
{
    m_closing = true;
    m_waitingForDrain = false;
    m_idle.stop();
    endRequestTracking();
    // A client still sending (a refused body, a head cut short) would get a
    // reset for the bytes that reach a closed socket, and lose the answer with
    // it: read and drop them until it is quiet or the limit passes.
    const int flushMs = std::max(m_options.idleTimeoutMs, 1000);
    if (m_parser.hasStarted() || m_parser.status() == HttpRequestParser::Status::Failed) {
        m_lingering = true;
        m_socket->skip(m_socket->bytesAvailable());
        m_lingerQuiet.start();
        m_lingerLimit.start();
        m_closeLimit.start(kLingerLimitMs + flushMs);
        return;
    }
    // Written bytes are flushed before the close, for at most flushMs.
    m_closeLimit.start(flushMs);
    m_socket->disconnectFromHost();
}

} // namespace fg
