#include "core/capture/TcpProbe.h"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace fg {

namespace {

QString errnoText(int err)
{
    return QString::fromLocal8Bit(std::strerror(err));
}

// One address: 0 connected, else the errno (ETIMEDOUT when out of time).
int tryConnect(const addrinfo* ai, int timeoutMs)
{
    const int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
    if (fd < 0)
        return errno;
    int result = 0;
    if (::connect(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
        result = errno;
        if (result == EINPROGRESS) {
            pollfd pfd{fd, POLLOUT, 0};
            int n = 0;
            do {
                n = ::poll(&pfd, 1, timeoutMs);
            } while (n < 0 && errno == EINTR);
            if (n == 0) {
                result = ETIMEDOUT;
            } else if (n < 0) {
                result = errno;
            } else {
                int soError = 0;
                socklen_t len = sizeof soError;
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soError, &len);
                result = soError;
            }
        }
    }
    ::close(fd);
    return result;
}

} // namespace

bool TcpProbe::reachable(const QString& host, int port, int timeoutMs, QString* error)
{
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (host.isEmpty())
        return fail(QStringLiteral("no host given"));
    if (port <= 0 || port > 65535)
        return fail(QStringLiteral("port %1 is out of range").arg(port));
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* list = nullptr;
    const QByteArray hostBytes = host.toUtf8();
    const QByteArray portBytes = QByteArray::number(port);
    const int rc = ::getaddrinfo(hostBytes.constData(), portBytes.constData(), &hints, &list);
    if (rc != 0)
        return fail(QStringLiteral("unknown host %1 (%2)").arg(host, QString::fromLocal8Bit(::gai_strerror(rc))));
    int lastError = 0;
    for (const addrinfo* ai = list; ai; ai = ai->ai_next) {
        lastError = tryConnect(ai, timeoutMs);
        if (lastError == 0)
            break;
    }
    ::freeaddrinfo(list);
    if (lastError == 0)
        return true;
    const QString where = QStringLiteral("%1:%2").arg(host).arg(port);
    if (lastError == ECONNREFUSED)
        return fail(QStringLiteral("connection refused by %1 (nothing listening there)").arg(where));
    if (lastError == ETIMEDOUT)
        return fail(QStringLiteral("no answer from %1 within %2 ms").arg(where).arg(timeoutMs));
    return fail(QStringLiteral("cannot connect to %1: %2").arg(where, errnoText(lastError)));
}

} // namespace fg
