#pragma once

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QThread>

#include <vector>

class QTcpServer;
class QTcpSocket;
class QTimer;

namespace fg::test {

class MjpegServerCore;

// A loopback HTTP server, on its own thread, that streams JPEG pictures as
// multipart/x-mixed-replace (the MJPEG of IP cameras), one every intervalMs,
// round and round. Driven from the test thread; every call waits for the
// server thread. Silent mode accepts connections and never answers.
class MjpegServer {
public:
    MjpegServer(std::vector<QByteArray> jpegs, int intervalMs);
    ~MjpegServer();

    // Listens on 127.0.0.1:port (0: any free port). Returns the port, 0 on failure.
    quint16 start(quint16 port = 0, bool silent = false);
    // Closes the listener and drops every client at once.
    void stop();
    int partsSent() const;

private:
    QThread m_thread;
    MjpegServerCore* m_core = nullptr;
};

class MjpegServerCore : public QObject {
    Q_OBJECT
public:
    MjpegServerCore(std::vector<QByteArray> jpegs, int intervalMs);

    quint16 start(quint16 port, bool silent);
    void stop();
    int partsSent() const { return m_partsSent; }

private:
    void accept();
    void readRequest(QTcpSocket* socket);
    void tick();

    std::vector<QByteArray> m_jpegs;
    int m_intervalMs;
    bool m_silent = false;
    QTcpServer* m_server = nullptr;
    QTimer* m_timer = nullptr;
    QList<QTcpSocket*> m_pending;   // request not complete yet
    QList<QTcpSocket*> m_streaming; // receiving parts
    size_t m_next = 0;
    int m_partsSent = 0;
};

} // namespace fg::test
