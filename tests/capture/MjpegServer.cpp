#include "tests/capture/MjpegServer.h"

#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace fg::test {

namespace {
constexpr const char* kBoundary = "fgframe";
} // namespace

MjpegServer::MjpegServer(std::vector<QByteArray> jpegs, int intervalMs)
{
    m_core = new MjpegServerCore(std::move(jpegs), intervalMs);
    m_core->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_core, &QObject::deleteLater);
    m_thread.start();
}

MjpegServer::~MjpegServer()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

quint16 MjpegServer::start(quint16 port, bool silent)
{
    quint16 result = 0;
    QMetaObject::invokeMethod(
        m_core, [&] { result = m_core->start(port, silent); }, Qt::BlockingQueuedConnection);
    return result;
}

void MjpegServer::stop()
{
    QMetaObject::invokeMethod(m_core, [this] { m_core->stop(); }, Qt::BlockingQueuedConnection);
}

int MjpegServer::partsSent() const
{
    int result = 0;
    QMetaObject::invokeMethod(
        m_core, [&] { result = m_core->partsSent(); }, Qt::BlockingQueuedConnection);
    return result;
}

MjpegServerCore::MjpegServerCore(std::vector<QByteArray> jpegs, int intervalMs)
    : m_jpegs(std::move(jpegs))
    , m_intervalMs(intervalMs)
{
}

quint16 MjpegServerCore::start(quint16 port, bool silent)
{
    stop();
    m_silent = silent;
    m_server = new QTcpServer(this);
    connect(m_server, &QTcpServer::newConnection, this, &MjpegServerCore::accept);
    if (!m_server->listen(QHostAddress::LocalHost, port)) {
        delete m_server;
        m_server = nullptr;
        return 0;
    }
    m_timer = new QTimer(this);
    connect(m_timer, &QTimer::timeout, this, &MjpegServerCore::tick);
    m_timer->start(m_intervalMs);
    return m_server->serverPort();
}

void MjpegServerCore::stop()
{
    delete m_timer;
    m_timer = nullptr;
    const QList<QTcpSocket*> sockets = m_pending + m_streaming;
    m_pending.clear();
    m_streaming.clear();
    for (QTcpSocket* socket : sockets) {
        socket->disconnect(this);
        socket->abort();
    }
    delete m_server; // owns its sockets
    m_server = nullptr;
}

void MjpegServerCore::accept()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket* socket = m_server->nextPendingConnection();
        m_pending.append(socket);
        if (m_silent)
            continue;
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readRequest(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_pending.removeAll(socket);
            m_streaming.removeAll(socket);
            socket->deleteLater();
        });
    }
}

void MjpegServerCore::readRequest(QTcpSocket* socket)
{
    if (!m_pending.contains(socket)) {
        socket->readAll(); // a streaming client may send nothing useful
        return;
    }
    const QByteArray seen = socket->peek(64 * 1024);
    if (!seen.contains("\r\n\r\n"))
        return;
    socket->readAll();
    socket->write(QByteArray("HTTP/1.0 200 OK\r\n"
                             "Content-Type: multipart/x-mixed-replace;boundary=")
                  + kBoundary
                  + "\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n");
    m_pending.removeAll(socket);
    m_streaming.append(socket);
}

void MjpegServerCore::tick()
{
    if (m_jpegs.empty() || m_streaming.isEmpty())
        return;
    const QByteArray& jpeg = m_jpegs.at(m_next);
    m_next = (m_next + 1) % m_jpegs.size();
    QByteArray part;
    part += "--";
    part += kBoundary;
    part += "\r\nContent-Type: image/jpeg\r\nContent-Length: ";
    part += QByteArray::number(jpeg.size());
    part += "\r\n\r\n";
    part += jpeg;
    part += "\r\n";
    for (QTcpSocket* socket : std::as_const(m_streaming)) {
        // A client that stopped reading is not fed without limit.
        if (socket->bytesToWrite() < 8 * 1024 * 1024)
            socket->write(part);
    }
    ++m_partsSent;
}

} // namespace fg::test
