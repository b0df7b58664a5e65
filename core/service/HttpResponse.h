#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace fg {

// One HTTP/1.1 response. Errors carry a JSON body {"error": "<reason>"} that
// says what was wrong with the request, in words a partner's integrator can act on.
struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers; // besides those serialize() writes
    QByteArray contentType;
    QByteArray body;

    static HttpResponse json(int status, const QJsonObject& object);
    static HttpResponse error(int status, const QString& reason);
    static HttpResponse text(int status, const QByteArray& contentType, const QByteArray& body);

    void setHeader(const QByteArray& name, const QByteArray& value);
    QByteArray header(const QByteArray& name) const;

    // The reason in an error's body, or an empty string.
    QString errorReason() const;

    // Status line, headers (Content-Length, Connection, no caching, no
    // sniffing) and body, ready for the socket.
    QByteArray serialize(bool keepAlive) const;

    static QByteArray reasonPhrase(int status);
    // A short name of an error status for metrics: "bad_request", "rate_limited".
    static QByteArray errorKind(int status);
};

} // namespace fg
