#pragma once

#include <QString>

namespace fg {

// Asks whether a TCP server answers at host:port within a time limit, so that
// a stream that cannot be opened gets precise words ("connection refused",
// "no answer within 3 s", "unknown host") rather than FFmpeg's silence.
class TcpProbe {
public:
    static bool reachable(const QString& host, int port, int timeoutMs, QString* error);
};

} // namespace fg
