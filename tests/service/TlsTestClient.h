#pragma once

// A client of facegate-matchd for tests: a QSslSocket that trusts only the
// test CA and presents one of the test PKI's client certificates, and the
// HTTP/1.1 answers it reads (tst_matchserver, tst_matchingapi, tst_facegatematchd).
#include "tests/service/TestPki.h"

#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTest>

#include <memory>
#include <vector>

namespace fg::test {

// Runs the event loop (the server lives on this thread) until done() or 10 s.
template <typename Done>
inline bool spinUntil(Done done)
{
    QDeadlineTimer deadline(10000);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(2);
    }
    return true;
}

struct Reply {
    int status = 0; // 0: no HTTP answer
    QByteArray head;
    QByteArray body;
    QString error() const { return QJsonDocument::fromJson(body).object().value(QStringLiteral("error")).toString(); }
    QByteArray header(const QByteArray& name) const
    {
        for (const QByteArray& line : head.split('\n')) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().compare(name, Qt::CaseInsensitive) == 0)
                return line.mid(colon + 1).trimmed();
        }
        return {};
    }
};

// A client of the service: a QSslSocket trusting only the test CA, with one
// of the test PKI's client certificates (or none).
class Client {
public:
    Client(const TestPki& pki, const QString& certificate, QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater)
    {
        m_socket.setSslConfiguration(pki.clientConfiguration(certificate, protocol));
        QObject::connect(&m_socket, &QSslSocket::readyRead, &m_socket, [this] { m_received += m_socket.readAll(); });
        QObject::connect(&m_socket, &QSslSocket::encrypted, &m_socket, [this] { m_encrypted = true; });
    }

    void connectTo(quint16 port) { m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost")); }
    bool waitEncrypted() { return spinUntil([this] { return m_encrypted || ended(); }) && m_encrypted; }
    void send(const QByteArray& bytes) { m_socket.write(bytes); }
    bool ended() const { return m_socket.state() == QAbstractSocket::UnconnectedState; }
    QSslSocket& socket() { return m_socket; }
    const QByteArray& received() const { return m_received; }

    // Waits for one whole answer (or the end of the connection) and takes it.
    Reply reply()
    {
        Reply reply;
        spinUntil([&] { return takeReply(&reply) || ended(); });
        if (reply.status == 0)
            takeReply(&reply);
        return reply;
    }

    Reply exchange(quint16 port, const QByteArray& request)
    {
        connectTo(port);
        send(request);
        return reply();
    }

private:
    bool takeReply(Reply* reply)
    {
        const qsizetype end = m_received.indexOf("\r\n\r\n");
        if (end < 0)
            return false;
        Reply parsed;
        parsed.head = m_received.left(end);
        // The status line (all of the head when the answer has no header field, as "100 Continue").
        const qsizetype lineEnd = parsed.head.indexOf('\r');
        const QList<QByteArray> statusLine = (lineEnd < 0 ? parsed.head : parsed.head.left(lineEnd)).split(' ');
        const qsizetype length = parsed.header("Content-Length").toLongLong();
        if (statusLine.size() < 2 || m_received.size() < end + 4 + length)
            return false;
        parsed.status = statusLine.at(1).toInt();
        parsed.body = m_received.mid(end + 4, length);
        m_received.remove(0, end + 4 + length);
        *reply = parsed;
        return true;
    }

    QSslSocket m_socket;
    QByteArray m_received;
    bool m_encrypted = false;
};

// count clients, each connected to port and sent request, their certificates
// taken from certificates in turn.
inline std::vector<std::unique_ptr<Client>> openClients(const TestPki& pki, quint16 port, int count,
                                                        const QStringList& certificates, const QByteArray& request)
{
    std::vector<std::unique_ptr<Client>> clients;
    for (int i = 0; i < count; ++i) {
        clients.push_back(std::make_unique<Client>(pki, certificates.at(i % certificates.size())));
        clients.back()->connectTo(port);
        clients.back()->send(request);
    }
    return clients;
}

// A client that sends and never takes its answers (a read buffer of 4 KiB, never
// emptied): encrypted when returned, or null after 10 s.
inline std::unique_ptr<QSslSocket> connectGreedy(const TestPki& pki, quint16 port)
{
    auto greedy = std::make_unique<QSslSocket>();
    greedy->setSslConfiguration(pki.clientConfiguration(QStringLiteral("partner")));
    greedy->setReadBufferSize(4096);
    greedy->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
    // The server may run on this thread: no blocking wait.
    if (!spinUntil([&] { return greedy->isEncrypted(); }))
        return nullptr;
    return greedy;
}

} // namespace fg::test
