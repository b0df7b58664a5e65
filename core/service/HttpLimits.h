#pragma once

#include <QtGlobal>

namespace fg {

// What one HTTP request may weigh. Both bounds are checked before the bytes
// are kept: a Content-Length over maxBodyBytes is refused (413) as soon as the
// header section ends, without reading the body.
struct HttpLimits {
    qint64 maxHeaderBytes = 16 * 1024;        // request line + header fields + the blank line
    qint64 maxBodyBytes = 32 * 1024 * 1024;   // a few photos as base64 in JSON
    int maxHeaderFields = 100;
};

} // namespace fg
