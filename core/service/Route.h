#pragma once

#include "core/service/ClientIdentity.h"
#include "core/service/HttpRequest.h"
#include "core/service/HttpResponse.h"

#include <QByteArray>
#include <QStringList>

#include <functional>

namespace fg {

// One endpoint of the API: "POST /v1/verify" and what answers it. The server
// checks, before the handler runs, the client's role (403), and for a JSON
// route the Content-Type (415) and that the body is a JSON object (400); the
// handler gets request.json filled in.
struct Route {
    using Handler = std::function<HttpResponse(const HttpRequest& request, const ClientIdentity& client)>;

    QByteArray method;
    QByteArray path;
    Handler handler;
    bool jsonBody = false;
    QStringList roles; // empty: any client the TLS layer let in

    QString label() const { return QString::fromLatin1(method + ' ' + path); }
};

} // namespace fg
