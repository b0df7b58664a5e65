#include "tests/capture/RtspServer.h"

#include <QHostAddress>
#include <QNetworkDatagram>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUdpSocket>

namespace fg::test {

namespace {
constexpr const char* kSession = "4fa27c19";
constexpr qint64 kMaxBacklog = 8 * 1024 * 1024;
} // namespace

RtspServer::RtspServer(QString ffmpeg, QString videoFile)
{
    m_core = new RtspServerCore(std::move(ffmpeg), std::move(videoFile));
    m_core->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_core, &QObject::deleteLater);
    m_thread.start();
}

RtspServer::~RtspServer()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

quint16 RtspServer::start(QString* error)
{
    quint16 port = 0;
    QMetaObject::invokeMethod(
        m_core, [&] { port = m_core->start(error); }, Qt::BlockingQueuedConnection);
    return port;
}

void RtspServer::stop()
{
    QMetaObject::invokeMethod(m_core, [this] { m_core->stop(); }, Qt::BlockingQueuedConnection);
}

RtspServerCore::RtspServerCore(QString ffmpeg, QString videoFile)
    : m_ffmpeg(std::move(ffmpeg))
    , m_videoFile(std::move(videoFile))
{
}

RtspServerCore::~RtspServerCore()
{
    stop();
}

quint16 RtspServerCore::start(QString* error)
{
    stop();
    m_rtp = new QUdpSocket(this);
    m_rtcp = new QUdpSocket(this);
    m_server = new QTcpServer(this);
    if (!m_rtp->bind(QHostAddress::LocalHost, 0) || !m_rtcp->bind(QHostAddress::LocalHost, 0)
        || !m_server->listen(QHostAddress::LocalHost, 0)) {
        *error = QStringLiteral("cannot bind loopback sockets");
        stop();
        return 0;
    }
    connect(m_rtp, &QUdpSocket::readyRead, this, &RtspServerCore::relayRtp);
    connect(m_rtcp, &QUdpSocket::readyRead, this, [this] {
        while (m_rtcp && m_rtcp->hasPendingDatagrams())
            m_rtcp->receiveDatagram(); // sender reports: not needed
    });
    connect(m_server, &QTcpServer::newConnection, this, &RtspServerCore::accept);

    m_process = new QProcess(this);
    m_process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process->setStandardOutputFile(QProcess::nullDevice());
    const QString target = QStringLiteral("rtp://127.0.0.1:%1?rtcpport=%2&pkt_size=1200")
                               .arg(m_rtp->localPort())
                               .arg(m_rtcp->localPort());
    m_process->start(m_ffmpeg, {QStringLiteral("-hide_banner"), QStringLiteral("-nostdin"),
                                QStringLiteral("-loglevel"), QStringLiteral("error"),
                                QStringLiteral("-re"), QStringLiteral("-stream_loop"), QStringLiteral("-1"),
                                QStringLiteral("-i"), m_videoFile, QStringLiteral("-an"),
                                QStringLiteral("-c:v"), QStringLiteral("mjpeg"),
                                QStringLiteral("-huffman"), QStringLiteral("default"),
                                QStringLiteral("-force_duplicated_matrix"), QStringLiteral("1"),
                                QStringLiteral("-pix_fmt"), QStringLiteral("yuvj420p"),
                                QStringLiteral("-q:v"), QStringLiteral("5"),
                                QStringLiteral("-f"), QStringLiteral("rtp"), target});
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(m_ffmpeg, m_process->errorString());
        stop();
        return 0;
    }
    return m_server->serverPort();
}

void RtspServerCore::stop()
{
    const QList<QTcpSocket*> sockets = m_buffers.keys();
    m_buffers.clear();
    m_playing.clear();
    for (QTcpSocket* socket : sockets) {
        socket->disconnect(this);
        socket->abort();
    }
    delete m_server; // owns its sockets
    m_server = nullptr;
    if (m_process) {
        m_process->kill(); // the child we started, by its handle
        m_process->waitForFinished(10000);
        delete m_process;
        m_process = nullptr;
    }
    delete m_rtp;
    m_rtp = nullptr;
    delete m_rtcp;
    m_rtcp = nullptr;
}

void RtspServerCore::accept()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket* socket = m_server->nextPendingConnection();
        m_buffers.insert(socket, {});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readControl(socket); });
        connect(socket, &QTcpSocket::disconnected, this, [this, socket] {
            m_buffers.remove(socket);
            m_playing.removeAll(socket);
            socket->deleteLater();
        });
    }
}

void RtspServerCore::readControl(QTcpSocket* socket)
{
    if (!m_buffers.contains(socket))
        return;
    QByteArray& buffer = m_buffers[socket];
    buffer += socket->readAll();
    // Bounded: each pass consumes one request or one interleaved packet.
    for (int guard = 0; guard < 1000 && !buffer.isEmpty(); ++guard) {
        if (buffer.at(0) == '$') { // the client's RTCP, interleaved: skip it
            if (buffer.size() < 4)
                return;
            const int length = (uchar(buffer.at(2)) << 8) | uchar(buffer.at(3));
            if (buffer.size() < 4 + length)
                return;
            buffer.remove(0, 4 + length);
            continue;
        }
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        const QByteArray request = buffer.left(end + 4);
        buffer.remove(0, end + 4);
        answer(socket, request);
        if (!m_buffers.contains(socket))
            return;
    }
}

void RtspServerCore::answer(QTcpSocket* socket, const QByteArray& request)
{
    const QList<QByteArray> lines = request.split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    const QByteArray method = first.value(0);
    const QByteArray url = first.value(1);
    QByteArray cseq = "0";
    QByteArray transport;
    for (const QByteArray& raw : lines) {
        const QByteArray line = raw.trimmed();
        if (line.toLower().startsWith("cseq:"))
            cseq = line.mid(5).trimmed();
        else if (line.toLower().startsWith("transport:"))
            transport = line.mid(10).trimmed();
    }
    QByteArray head = "RTSP/1.0 200 OK\r\nCSeq: " + cseq + "\r\n";
    QByteArray body;
    if (method == "OPTIONS") {
        head += "Public: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN, GET_PARAMETER\r\n";
    } else if (method == "DESCRIBE") {
        body = "v=0\r\no=- 0 0 IN IP4 127.0.0.1\r\ns=FaceGate test\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\n"
               "a=control:*\r\nm=video 0 RTP/AVP 26\r\na=control:track0\r\n";
        head += "Content-Base: " + url + "/\r\nContent-Type: application/sdp\r\n";
    } else if (method == "SETUP") {
        if (!transport.contains("TCP")) {
            head = "RTSP/1.0 461 Unsupported Transport\r\nCSeq: " + cseq + "\r\n";
        } else {
            head += "Transport: RTP/AVP/TCP;unicast;interleaved=0-1\r\nSession: " + QByteArray(kSession)
                    + ";timeout=60\r\n";
        }
    } else if (method == "PLAY") {
        head += "Session: " + QByteArray(kSession) + "\r\nRange: npt=0.000-\r\n";
        if (!m_playing.contains(socket))
            m_playing.append(socket);
    } else if (method == "GET_PARAMETER" || method == "TEARDOWN") {
        head += "Session: " + QByteArray(kSession) + "\r\n";
    } else {
        head = "RTSP/1.0 501 Not Implemented\r\nCSeq: " + cseq + "\r\n";
    }
    if (!body.isEmpty())
        head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    socket->write(head + "\r\n" + body);
    if (method == "TEARDOWN")
        m_playing.removeAll(socket);
}

void RtspServerCore::relayRtp()
{
    while (m_rtp && m_rtp->hasPendingDatagrams()) {
        const QByteArray packet = m_rtp->receiveDatagram().data();
        if (packet.isEmpty() || packet.size() > 0xFFFF)
            continue;
        QByteArray framed(4, '\0');
        framed[0] = '$';
        framed[1] = 0;
        framed[2] = char((packet.size() >> 8) & 0xFF);
        framed[3] = char(packet.size() & 0xFF);
        framed += packet;
        for (QTcpSocket* socket : std::as_const(m_playing)) {
            if (socket->bytesToWrite() < kMaxBacklog)
                socket->write(framed);
        }
    }
}

} // namespace fg::test
