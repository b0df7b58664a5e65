#include "core/service/HttpRequest.h"

namespace fg {

QByteArray HttpRequest::header(const QByteArray& name) const
{
    const QByteArray wanted = name.toLower();
    for (const auto& [key, value] : headers) {
        if (key == wanted)
            return value;
    }
    return {};
}

bool HttpRequest::hasHeader(const QByteArray& name) const
{
    const QByteArray wanted = name.toLower();
    for (const auto& field : headers) {
        if (field.first == wanted)
            return true;
    }
    return false;
}

QByteArray HttpRequest::mediaType() const
{
    const QByteArray value = header("content-type");
    const qsizetype semicolon = value.indexOf(';');
    return (semicolon < 0 ? value : value.left(semicolon)).trimmed().toLower();
}

bool HttpRequest::keepAlive() const
{
    // Connection is a comma-separated list of tokens.
    bool close = false;
    bool keep = false;
    for (const auto& [key, value] : headers) {
        if (key != "connection")
            continue;
        for (const QByteArray& token : value.split(',')) {
            const QByteArray option = token.trimmed().toLower();
            close = close || option == "close";
            keep = keep || option == "keep-alive";
        }
    }
    if (close)
        return false;
    return versionMinor >= 1 || keep;
}

} // namespace fg
