#pragma once

// A MatchServer over real TLS on loopback for tst_matchserver and
// tst_matchserverattacks, with the test PKI (installer/make-test-pki.sh, made
// at test time), a manual clock for the rate limits, and the routes the tests
// drive: POST /v1/echo (answers on the server's thread), POST /v1/slow (work
// on a worker that waits for m_release, at most 10 s, or stops when told),
// GET /v1/big (64 KiB per answer), POST /v1/quote (a refusal quoting the
// client's words) and POST /v1/partner-only.
#include "core/service/MatchServer.h"
#include "tests/service/TestPki.h"
#include "tests/service/TlsTestClient.h"
#include "tests/support/ManualClock.h"

#include <QJsonObject>
#include <QSemaphore>
#include <QThread>

#include <atomic>
#include <memory>
#include <stdexcept>

namespace fg::test {


inline QByteArray post(const QByteArray& path, const QByteArray& type, const QByteArray& body)
{
    return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

inline QByteArray get(const QByteArray& path)
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
}


class MatchServerFixture : public QObject {
protected:
    void makePki();
    // A server on a free port with room for every test that does not set its own limits.
    void startDefaultServer();
    void startServer(MatchServerOptions options);
    // Stops the server and forgets what its routes saw.
    void resetServer();

    TestPki m_pki;
    ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<MatchServer> m_server;
    int m_echoCalls = 0;
    ClientIdentity m_lastClient;
    // POST /v1/slow: its work waits for m_release (at most 10 s).
    QSemaphore m_release;
    std::atomic<int> m_slowStarted{0};
    std::atomic<QThread*> m_workThread{nullptr};
    QThread* m_finishThread = nullptr;
    int m_finishCalls = 0;
    int m_bigCalls = 0;
    std::atomic<bool> m_stoppedWork{false};
};

inline void MatchServerFixture::makePki()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (libqopensslbackend.so)");
    QString error;
    QVERIFY2(m_pki.make(&error), qPrintable(error));
}

inline void MatchServerFixture::startDefaultServer()
{
    MatchServerOptions options;
    options.port = 0;
    options.limits.maxBodyBytes = 1024 * 1024;
    options.ratePerSecond = 1000;
    options.rateBurst = 1000;
    startServer(options);
}

inline void MatchServerFixture::resetServer()
{
    m_server.reset();
    m_echoCalls = 0;
    m_lastClient = {};
    m_release.acquire(m_release.available());
    m_slowStarted = 0;
    m_workThread = nullptr;
    m_finishThread = nullptr;
    m_finishCalls = 0;
    m_bigCalls = 0;
    m_stoppedWork = false;
}

inline void MatchServerFixture::startServer(MatchServerOptions options)
{
    m_server.reset();
    QString error;
    std::optional<TlsServerConfig> tls = m_pki.serverConfig(&error);
    QVERIFY2(tls, qPrintable(error));
    m_server = std::make_unique<MatchServer>(*tls, RoleMap::defaults(), options, m_clock);
    m_server->addRoute("POST", "/v1/echo",
                       [this](const HttpRequest& request, const ClientIdentity& client) {
                           ++m_echoCalls;
                           m_lastClient = client;
                           QJsonObject answer = request.json.object();
                           answer.insert(QStringLiteral("cn"), client.commonName);
                           return HttpResponse::json(200, answer);
                       },
                       true, {QStringLiteral("partner"), QStringLiteral("workstation")});
    m_server->addRoute("POST", "/v1/slow",
                       [this](const HttpRequest& request, const ClientIdentity&) {
                           const QJsonObject body = request.json.object();
                           return HandlerReply::later([this, body](const std::stop_token& stop) -> HandlerReply::Finish {
                               m_workThread = QThread::currentThread();
                               ++m_slowStarted;
                               // Waits for a release (at most 10 s), ending early when told to stop.
                               bool released = false;
                               for (int waited = 0; waited < 10000 && !released; waited += 10) {
                                   if (stop.stop_requested()) {
                                       m_stoppedWork = true;
                                       return HandlerReply::answer(HttpResponse::error(500, QStringLiteral("stopped")));
                                   }
                                   released = m_release.tryAcquire(1, 10);
                               }
                               if (!released)
                                   return HandlerReply::answer(HttpResponse::error(500, QStringLiteral("never released")));
                               if (body.value(QStringLiteral("throw")).toBool())
                                   throw std::runtime_error("the work failed");
                               return [this, body] {
                                   m_finishThread = QThread::currentThread();
                                   ++m_finishCalls;
                                   return HttpResponse::json(200, body);
                               };
                           });
                       },
                       true, {QStringLiteral("partner"), QStringLiteral("workstation")});
    // 64 KiB per answer: answers a client never reads pile up fast.
    m_server->addRoute("GET", "/v1/big", [this](const HttpRequest&, const ClientIdentity&) {
        ++m_bigCalls;
        return HttpResponse::text(200, "application/octet-stream", QByteArray(64 * 1024, 'x'));
    });
    // A handler that quotes the client's words in its refusal, as a field check does.
    m_server->addRoute("POST", "/v1/quote", [](const HttpRequest& request, const ClientIdentity&) {
        return HttpResponse::error(400, QStringLiteral("not a camera: \"%1\"").arg(QString::fromUtf8(request.body)));
    });
    m_server->addRoute("POST", "/v1/partner-only",
                       [](const HttpRequest&, const ClientIdentity&) { return HttpResponse::json(200, {}); }, true,
                       {QStringLiteral("partner")});
    QVERIFY2(m_server->listen(&error), qPrintable(error));
    QCOMPARE(m_server->serverAddress(), QHostAddress(QHostAddress::LocalHost));
}

} // namespace fg::test
