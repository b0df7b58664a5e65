#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QThread>

class QProcess;
class QTcpServer;
class QTcpSocket;
class QUdpSocket;

namespace fg::test {

class RtspServerCore;

// A minimal loopback RTSP server for tests, on its own thread: it answers
// OPTIONS, DESCRIBE, SETUP (RTP over the RTSP connection only), PLAY,
// GET_PARAMETER and TEARDOWN, and relays to playing clients the RTP/JPEG
// packets that an `ffmpeg` child process makes from a video file (re-encoded
// to baseline MJPEG, paced to real time, looped). Driven from the test thread.
class RtspServer {
public:
    RtspServer(QString ffmpeg, QString videoFile);
    ~RtspServer();

    // Listens on 127.0.0.1 (any free port) and starts ffmpeg. Returns the
    // port, 0 on failure (*error says why).
    quint16 start(QString* error);
    // Drops every client, closes the listener, ends ffmpeg.
    void stop();

private:
    QThread m_thread;
    RtspServerCore* m_core = nullptr;
};

class RtspServerCore : public QObject {
    Q_OBJECT
public:
    RtspServerCore(QString ffmpeg, QString videoFile);
    ~RtspServerCore() override;

    quint16 start(QString* error);
    void stop();

private:
    void accept();
    void readControl(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const QByteArray& request);
    void relayRtp();

    QString m_ffmpeg;
    QString m_videoFile;
    QTcpServer* m_server = nullptr;
    QUdpSocket* m_rtp = nullptr;
    QUdpSocket* m_rtcp = nullptr;
    QProcess* m_process = nullptr;
    QHash<QTcpSocket*, QByteArray> m_buffers;
    QList<QTcpSocket*> m_playing;
};

} // namespace fg::test
