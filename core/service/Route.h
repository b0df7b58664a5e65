#pragma once

#include "core/service/ClientIdentity.h"
#include "core/service/HttpRequest.h"
#include "core/service/HandlerReply.h"

#include <QByteArray>
#include <QStringList>

#include <functional>

namespace fg {

// One endpoint of the API: "POST /v1/verify" and what answers it. The server
// checks, before the handler runs, the client's role (403), and for a JSON
// route the Content-Type (415) and that the body is a JSON object (400); the
// handler gets request.json filled in. A path may hold parameters, whole
// segments in braces ("/v1/galleries/{name}"): they match one non-empty
// segment, and the handler reads them with parameter(). The handler runs on
// the server's thread; a slow one hands its work to a worker (HandlerReply::later).
struct Route {
    using Handler = std::function<HandlerReply(const HttpRequest& request, const ClientIdentity& client)>;

    QByteArray method;
    QByteArray path;
    Handler handler;
    bool jsonBody = false;
    QStringList roles; // empty: any client the TLS layer let in

    QString label() const { return QString::fromLatin1(method + ' ' + path); }

    bool hasParameters() const { return path.contains('{'); }

    // Whether a request's path is this route's: equal, or equal segment by
    // segment with a parameter segment matching any non-empty one.
    bool matchesPath(const QByteArray& requestPath) const
    {
        if (!hasParameters())
            return requestPath == path;
        const QList<QByteArray> mine = path.split('/');
        const QList<QByteArray> theirs = requestPath.split('/');
        if (mine.size() != theirs.size())
            return false;
        for (qsizetype i = 0; i < mine.size(); ++i) {
            const bool parameter = mine.at(i).startsWith('{') && mine.at(i).endsWith('}');
            if (parameter ? theirs.at(i).isEmpty() : mine.at(i) != theirs.at(i))
                return false;
        }
        return true;
    }

    // The segment of requestPath where this route's path has "{name}", as
    // received (not percent-decoded); a null array when there is none.
    QByteArray parameter(const QByteArray& requestPath, const QByteArray& name) const
    {
        const QList<QByteArray> mine = path.split('/');
        const QList<QByteArray> theirs = requestPath.split('/');
        const qsizetype at = mine.indexOf('{' + name + '}');
        return at >= 0 && at < theirs.size() ? theirs.at(at) : QByteArray();
    }
};

} // namespace fg
