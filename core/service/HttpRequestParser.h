#pragma once

#include "core/service/HttpLimits.h"
#include "core/service/HttpRequest.h"

#include <QByteArray>
#include <QString>

namespace fg {

// Reads HTTP/1.x requests from a byte stream as it arrives (RFC 9112, origin-form
// targets only). Strict on purpose: lines end with CRLF, no obsolete line
// folding, one Host in HTTP/1.1, Content-Length or nothing (no chunked bodies),
// never both Content-Length and Transfer-Encoding (request smuggling). A
// failure carries the HTTP status to answer and the reason; the connection
// cannot be read further after it.
class HttpRequestParser {
public:
    enum class Status { Incomplete, Complete, Failed };

    explicit HttpRequestParser(HttpLimits limits = {});

    // Appends bytes and reads as far as they go. After Complete, further bytes
    // are kept for the next request (pipelining) until next() is called.
    Status feed(const QByteArray& bytes);
    Status status() const { return m_status; }

    // The request read, when status() is Complete.
    const HttpRequest& request() const { return m_request; }
    HttpRequest takeRequest();

    // When status() is Failed: 400, 411, 413, 431, 501, 505, and why.
    int errorStatus() const { return m_errorStatus; }
    QString errorReason() const { return m_errorReason; }

    // Drops the completed request and starts reading the next one from the
    // bytes already received after it.
    Status next();

    // Whether any byte of a request not yet complete has arrived.
    bool hasStarted() const;
    // Whether the current request's head has been read (its body may still be coming).
    bool headerComplete() const { return m_phase == Phase::Body || m_phase == Phase::Done; }
    // The current request's Content-Length, once its head is read.
    qint64 contentLength() const { return m_contentLength; }
    // How many bytes are held (a request in progress and any that follow it).
    qint64 bufferedBytes() const { return m_buffer.size(); }

private:
    enum class Phase { Head, Body, Done, Failed };

    Status parse();
    Status parseHead();
    bool parseRequestLine(const QByteArray& line);
    bool parseHeaderLine(const QByteArray& line);
    bool checkFraming();
    Status fail(int status, const QString& reason);

    HttpLimits m_limits;
    QByteArray m_buffer;
    HttpRequest m_request;
    Phase m_phase = Phase::Head;
    Status m_status = Status::Incomplete;
    qint64 m_contentLength = 0;
    int m_errorStatus = 0;
    QString m_errorReason;
};

} // namespace fg
