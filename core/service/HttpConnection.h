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

// The bytes of request bodies the service holds in memory at once, all
// connections together (the server's thread only). A connection reserves its
// body's Content-Length when the head has been read and gives it back once
// answered; a body that does not fit is refused (503) instead of read.
class BodyBudget {
public:
    explicit BodyBudget(qint64 limit) : m_limit(limit) {}
    bool reserve(qint64 bytes)
    {
        if (bytes > m_limit - m_held)
            return false;
        m_held += bytes;
        return true;
    }
    void release(qint64 bytes) { m_held -= bytes; }
    qint64 held() const { return m_held; }
    qint64 limit() const { return m_limit; }

private:
    qint64 m_limit;
    qint64 m_held = 0;
};

// One client's encrypted connection after the handshake: reads requests with
// HttpRequestParser, hands each complete one to the server (requestReady) and
// writes the answer. Every wait has a bound: no byte for idleTimeoutMs, a head
// not whole headerTimeoutMs or a request not whole bodyTimeoutMs after its
// first byte (however the bytes trickle) get 408; a body that does not fit in
// the server's BodyBudget gets 503. A client that does not read its answers is
// not read further while more than maxUnsentBytes of them wait to be sent. A
// refused request's answer is followed by a lingering close: what the client
// still sends is read and dropped for a while, so the answer reaches it
// instead of a reset. A close that cannot flush (the client takes nothing)
// ends in an abort after the idle timeout. Deletes itself once the socket is gone.
class HttpConnection : public QObject {
    Q_OBJECT

public:
    struct Options {
        HttpLimits limits;
        int idleTimeoutMs = 30000;
        int headerTimeoutMs = 10000;
        int bodyTimeoutMs = 60000;
        qint64 maxUnsentBytes = 1024 * 1024;
    };

    // Takes ownership of socket (already encrypted); budget outlives the connection.
    HttpConnection(QSslSocket* socket, ClientIdentity identity, const Options& options, BodyBudget& budget,
                   QObject* parent = nullptr);
    ~HttpConnection() override;

    const ClientIdentity& identity() const { return m_identity; }
    // Whether a complete request has been handed over and not answered yet.
    bool isBeingAnswered() const { return !m_closing && m_dispatching; }
    // The request given with requestReady, until respond().
    const HttpRequest& request() const { return m_request; }
    HttpRequest& mutableRequest() { return m_request; }
    // Seconds since the current request was complete.
    double secondsSinceRequest() const;
    // Answers not yet taken by the client (plain and encrypted bytes queued).
    qint64 unsentBytes() const;

    // Answers the current request; keepAlive false closes after writing.
    // Called from requestReady, or later (once) when the answer took a worker.
    void respond(const HttpResponse& response, bool keepAlive);
    // Answers once (a refusal before any request, such as too many
    // connections) and closes.
    void refuse(const HttpResponse& response);

Q_SIGNALS:
    void requestReady(fg::HttpConnection* connection);
    // status and reason of a request that cannot be read (400, 411, 413, 431,
    // 501, 505), that missed a deadline (408) or whose body does not fit in
    // the budget (503); the server answers with respond().
    void requestFailed(fg::HttpConnection* connection, int status, const QString& reason);
    void finished(fg::HttpConnection* connection);

private:
    void onReadyRead();
    void onIdleTimeout();
    void onDeadline();
    void onWritten();
    void dispatch();
    // After the parser took bytes: starts the request's deadlines at its first
    // byte, moves to the body's at the end of its head, reserves the body.
    bool trackRequest();
    void endRequestTracking();
    bool backlogged() const { return unsentBytes() > m_options.maxUnsentBytes; }
    void closeAfterWriting();
    void finishOnce();

    QSslSocket* m_socket;
    ClientIdentity m_identity;
    Options m_options;
    BodyBudget& m_budget;
    HttpRequestParser m_parser;
    HttpRequest m_request;
    QTimer m_idle;
    QTimer m_deadline;          // the head's, then the body's, of the request being read
    QTimer m_lingerQuiet;       // lingering close: this long without a byte ends it
    QTimer m_lingerLimit;       // ... and this long in all
    QTimer m_closeLimit;        // a close not done by then (the client takes nothing) is an abort
    QElapsedTimer m_requestClock; // since the first byte of the request being read
    QElapsedTimer m_sinceRequest;
    qint64 m_reserved = 0;         // of the budget, for the request being read or answered
    bool m_headTracked = false;    // the head of the request being read is whole
    bool m_dispatching = false;       // a request handed over and not answered
    bool m_insideRequestReady = false; // respond() called from within requestReady
    bool m_waitingForDrain = false;   // not reading: the client has not taken its answers
    bool m_closing = false;
    bool m_lingering = false;
    bool m_finished = false;
};

} // namespace fg
