#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>

namespace fg {

// One HTTP/1.x request as HttpRequestParser read it. Header names are kept
// lower-case (they are case-insensitive); values as received, trimmed.
struct HttpRequest {
    QByteArray method;   // "GET", "POST"
    QByteArray target;   // as received: "/v1/echo?x=1"
    QByteArray path;     // the target before '?'
    QByteArray query;    // the target after '?', without it
    int versionMinor = 1; // HTTP/1.<versionMinor>
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    // Filled by MatchServer for a route that takes JSON (after checking it).
    QJsonDocument json;

    // The first value of a header field (name in any case), or a null array.
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    // The media type of Content-Type, lower-case, without parameters: "application/json".
    QByteArray mediaType() const;
    // Whether the client asked to keep the connection open after this request
    // (HTTP/1.1 unless "Connection: close"; HTTP/1.0 only with "keep-alive").
    bool keepAlive() const;
};

} // namespace fg
