// MatchServer over real TLS on loopback, with certificates made at test time
// by installer/make-test-pki.sh: who is let in (a good partner camera or
// workstation) and who is refused in or right after the handshake (no
// certificate, another CA, expired, revoked by configuration), and how
// requests are bounded: malformed (400), wrong type (415), a 100 MB
// Content-Length refused (413) from its headers alone, the rate per client
// (429, on a manual clock), the concurrency cap (503), roles (403), and the
// metrics that count it all. Work handed to a worker (HandlerReply::later)
// leaves the server answering others, finishes on the server's thread, and
// is dropped for a client that left.
#include "core/service/MatchServer.h"
#include "tests/service/TestPki.h"
#include "tests/service/TlsTestClient.h"
#include "tests/support/ManualClock.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSemaphore>
#include <QSslSocket>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <stdexcept>
#include <vector>

using namespace fg;

namespace {

using test::Client;
using test::Reply;
using test::spinUntil;

QByteArray post(const QByteArray& path, const QByteArray& type, const QByteArray& body)
{
    return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray get(const QByteArray& path)
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
}

// The next answers on the connection are 200s echoing {"n": ...} in this order.
void expectAnswersInOrder(Client& client, const QList<int>& numbers)
{
    for (const int n : numbers) {
        const Reply answer = client.reply();
        QCOMPARE(answer.status, 200);
        QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("n")).toInt(), n);
    }
}

} // namespace

class TestMatchServer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void goodPartnerIsServedOverTls13();
    void tls12IsAccepted();
    void tls12CbcSha1SuitesAreRefused();
    void workstationIsRefusedAPartnerRoute();
    void noClientCertificateIsRefused();
    void certificateFromAnotherCaIsRefused();
    void expiredCertificateIsRefused();
    void revokedCertificateIsRefused();
    void malformedRequestLineGets400();
    void wrongContentTypeGets415();
    void malformedJsonGets400();
    void hugeContentLengthGets413FromTheHeaders();
    void expectContinueIsAnswered();
    void unknownPathAndWrongMethod();
    void keepAliveServesPipelinedRequests();
    void ratePerClientGets429();
    void concurrencyCapGets503();
    void connectionCapGets503();
    void stalledRequestGets408();
    void metricsCountRequestsAndRefusals();
    void configErrorsNameTheFile();
    void workOnAWorkerLeavesTheServerAnswering();
    void pipelinedRequestFollowsAnAnswerFromAWorker();
    void clientGoneBeforeItsWorkEndsGetsNothingDone();
    void workThatThrowsGets500();

    // Attacks (issue 15): each was seen to fail on the server before it was hardened.
    void halfOpenFloodNeverStopsAccepting();
    void handshakesAreBoundedPerAddress();
    void dribblersDoNotHoldTheCapAndMeetADeadline();
    void unreadAnswersStopTheReading();
    void aClientThatNeverReadsIsClosedInTheEnd();
    void bodiesHeldInMemoryAreBounded();
    void oversizedBodyWithoutExpectGets413();
    void refusalsAreLoggedSparinglyAndEscaped();
    void metricsAreForOperatorsOnly();
    void oneCertificateCannotTakeEveryWorker();
    void queuedWorkOfAClientThatLeftNeverRuns();
    void workPastItsDeadlineIsAnsweredAndStopped();

private:
    void startServer(MatchServerOptions options);
    void expectRefused(const QString& certificate, const QString& reason);

    test::TestPki m_pki;
    test::ManualClock m_clock{QDateTime::currentDateTimeUtc()};
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

void TestMatchServer::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (libqopensslbackend.so)");
    QString error;
    QVERIFY2(m_pki.make(&error), qPrintable(error));
}

void TestMatchServer::init()
{
    MatchServerOptions options;
    options.port = 0;
    options.limits.maxBodyBytes = 1024 * 1024;
    options.ratePerSecond = 1000;
    options.rateBurst = 1000;
    startServer(options);
}

void TestMatchServer::cleanup()
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

void TestMatchServer::startServer(MatchServerOptions options)
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

void TestMatchServer::goodPartnerIsServedOverTls13()
{
    Client client(m_pki, QStringLiteral("partner"));
    const Reply reply = client.exchange(m_server->serverPort(),
                                        post("/v1/echo", "application/json; charset=utf-8", R"({"photo":"abc"})"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(client.socket().sessionProtocol(), QSsl::TlsV1_3);
    const QJsonObject body = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(body.value(QStringLiteral("photo")).toString(), QStringLiteral("abc"));
    QCOMPARE(body.value(QStringLiteral("cn")).toString(), QStringLiteral("ua-camera-7"));
    QCOMPARE(m_echoCalls, 1);
    QCOMPARE(m_lastClient.commonName, QStringLiteral("ua-camera-7"));
    QCOMPARE(m_lastClient.organization, QStringLiteral("United Airlines"));
    QCOMPARE(m_lastClient.organizationalUnit, QStringLiteral("partner"));
    QCOMPARE(m_lastClient.role, QStringLiteral("partner"));
    QCOMPARE(m_lastClient.fingerprintSha256,
             ClientIdentity::fingerprintOf(m_pki.certificate(QStringLiteral("partner"))));
    QCOMPARE(reply.header("Cache-Control"), QByteArray("no-store"));
    QCOMPARE(m_server->metrics().tlsRefusalsTotal(), 0);
}

void TestMatchServer::tls12IsAccepted()
{
    Client client(m_pki, QStringLiteral("workstation"), QSsl::TlsV1_2);
    const Reply reply = client.exchange(m_server->serverPort(), get("/v1/health"));
    QCOMPARE(reply.status, 200);
    QCOMPARE(client.socket().sessionProtocol(), QSsl::TlsV1_2);
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("status")).toString(),
             QStringLiteral("ok"));
}

void TestMatchServer::workstationIsRefusedAPartnerRoute()
{
    Client client(m_pki, QStringLiteral("workstation"));
    const Reply served = client.exchange(m_server->serverPort(), post("/v1/echo", "application/json", "{}"));
    QCOMPARE(served.status, 200);
    QCOMPARE(m_lastClient.commonName, QStringLiteral("gate-b12"));
    QCOMPARE(m_lastClient.role, QStringLiteral("workstation"));
    client.send(post("/v1/partner-only", "application/json", "{}"));
    const Reply refused = client.reply();
    QCOMPARE(refused.status, 403);
    QVERIFY2(refused.error().contains(QLatin1String("workstation")), qPrintable(refused.error()));
}

void TestMatchServer::expectRefused(const QString& certificate, const QString& reason)
{
    QSignalSpy refusals(m_server.get(), &MatchServer::tlsRefused);
    Client client(m_pki, certificate);
    client.connectTo(m_server->serverPort());
    client.send(get("/v1/health"));
    QVERIFY2(spinUntil([&] { return client.ended() && !refusals.isEmpty(); }),
             qPrintable(QStringLiteral("still connected or not refused; client error: %1")
                            .arg(client.socket().errorString())));
    QVERIFY2(!client.received().contains("HTTP/1.1"), client.received().constData());
    QCOMPARE(refusals.count(), 1);
    QCOMPARE(refusals.front().at(0).toString(), reason);
    QVERIFY(!refusals.front().at(1).toString().isEmpty());
    QCOMPARE(m_server->metrics().tlsRefusals(reason), 1);
    QCOMPARE(m_server->metrics().requests(QStringLiteral("GET /v1/health"), 200), 0);
    QCOMPARE(m_server->openConnections(), 0);
}

void TestMatchServer::noClientCertificateIsRefused()
{
    expectRefused(QString(), QStringLiteral("no_certificate"));
}

void TestMatchServer::certificateFromAnotherCaIsRefused()
{
    expectRefused(QStringLiteral("other-client"), QStringLiteral("untrusted"));
}

void TestMatchServer::expiredCertificateIsRefused()
{
    expectRefused(QStringLiteral("expired"), QStringLiteral("expired"));
}

void TestMatchServer::revokedCertificateIsRefused()
{
    expectRefused(QStringLiteral("revoked"), QStringLiteral("revoked"));
}

void TestMatchServer::malformedRequestLineGets400()
{
    Client client(m_pki, QStringLiteral("partner"));
    const Reply reply = client.exchange(m_server->serverPort(), "GET /v1/health\r\nHost: localhost\r\n\r\n");
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.error().contains(QLatin1String("request line")), qPrintable(reply.error()));
    QCOMPARE(reply.header("Connection"), QByteArray("close"));
    QVERIFY(spinUntil([&] { return client.ended(); }));
}

void TestMatchServer::wrongContentTypeGets415()
{
    Client client(m_pki, QStringLiteral("partner"));
    const Reply reply = client.exchange(m_server->serverPort(), post("/v1/echo", "text/plain", R"({"a":1})"));
    QCOMPARE(reply.status, 415);
    QVERIFY2(reply.error().contains(QLatin1String("application/json")), qPrintable(reply.error()));
    QCOMPARE(m_echoCalls, 0);
}

void TestMatchServer::malformedJsonGets400()
{
    Client client(m_pki, QStringLiteral("partner"));
    Reply reply = client.exchange(m_server->serverPort(), post("/v1/echo", "application/json", R"({"a":)"));
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.error().contains(QLatin1String("malformed JSON")), qPrintable(reply.error()));
    client.send(post("/v1/echo", "application/json", "[1,2]"));
    reply = client.reply();
    QCOMPARE(reply.status, 400);
    QCOMPARE(m_echoCalls, 0);
}

void TestMatchServer::hugeContentLengthGets413FromTheHeaders()
{
    Client client(m_pki, QStringLiteral("partner"));
    // Only the headers of a 100 MB body are sent: the answer cannot wait for it.
    const Reply reply = client.exchange(m_server->serverPort(),
                                        "POST /v1/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                        "Content-Length: 104857600\r\n\r\n");
    QCOMPARE(reply.status, 413);
    QVERIFY2(reply.error().contains(QLatin1String("104857600")), qPrintable(reply.error()));
    QCOMPARE(reply.header("Connection"), QByteArray("close"));
    QVERIFY(spinUntil([&] { return client.ended(); }));
    QCOMPARE(m_echoCalls, 0);
    QCOMPARE(m_server->metrics().errors(QStringLiteral("too_large")), 1);
}

// A client that sends "Expect: 100-continue" waits for the 100 before its body
// (curl waits a second otherwise); one over the limit gets its 413 instead.
void TestMatchServer::expectContinueIsAnswered()
{
    Client client(m_pki, QStringLiteral("partner"));
    client.connectTo(m_server->serverPort());
    client.send("POST /v1/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                "Expect: 100-continue\r\nContent-Length: 7\r\n\r\n");
    const Reply interim = client.reply();
    QVERIFY2(interim.status == 100, client.received().constData());
    client.send(R"({"n":7})");
    const Reply answer = client.reply();
    QCOMPARE(answer.status, 200);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(QStringLiteral("n")).toInt(), 7);

    Client big(m_pki, QStringLiteral("partner"));
    big.connectTo(m_server->serverPort());
    big.send("POST /v1/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
             "Expect: 100-continue\r\nContent-Length: 104857600\r\n\r\n");
    QCOMPARE(big.reply().status, 413);
}

void TestMatchServer::unknownPathAndWrongMethod()
{
    Client client(m_pki, QStringLiteral("partner"));
    Reply reply = client.exchange(m_server->serverPort(), get("/v1/nothing"));
    QCOMPARE(reply.status, 404);
    client.send(get("/v1/echo"));
    reply = client.reply();
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.header("Allow"), QByteArray("POST"));
}

void TestMatchServer::keepAliveServesPipelinedRequests()
{
    Client client(m_pki, QStringLiteral("partner"));
    client.connectTo(m_server->serverPort());
    client.send(post("/v1/echo", "application/json", R"({"n":1})") + post("/v1/echo", "application/json", R"({"n":2})"));
    expectAnswersInOrder(client, {1, 2});
    QCOMPARE(m_echoCalls, 2);
    QVERIFY(!client.ended());
}

void TestMatchServer::ratePerClientGets429()
{
    MatchServerOptions options;
    options.port = 0;
    options.ratePerSecond = 1.0;
    options.rateBurst = 2;
    startServer(options);

    Client partner(m_pki, QStringLiteral("partner"));
    partner.connectTo(m_server->serverPort());
    for (int i = 0; i < 2; ++i) {
        partner.send(get("/v1/health"));
        QCOMPARE(partner.reply().status, 200);
    }
    partner.send(get("/v1/health"));
    const Reply limited = partner.reply();
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.header("Retry-After"), QByteArray("1"));
    QVERIFY(!limited.error().isEmpty());

    // Another client has its own bucket.
    Client workstation(m_pki, QStringLiteral("workstation"));
    QCOMPARE(workstation.exchange(m_server->serverPort(), get("/v1/health")).status, 200);

    m_clock.advanceSeconds(1);
    partner.send(get("/v1/health"));
    QCOMPARE(partner.reply().status, 200);
    QCOMPARE(m_server->metrics().errors(QStringLiteral("rate_limited")), 1);
}

void TestMatchServer::concurrencyCapGets503()
{
    MatchServerOptions options;
    options.port = 0;
    options.maxConcurrentRequests = 1;
    startServer(options);

    // Work on a worker holds the one slot; a request still arriving holds none.
    Client slow(m_pki, QStringLiteral("partner"));
    slow.connectTo(m_server->serverPort());
    slow.send(post("/v1/slow", "application/json", "{}"));
    QVERIFY(spinUntil([&] { return m_slowStarted == 1; }));
    Client arriving(m_pki, QStringLiteral("partner"));
    arriving.connectTo(m_server->serverPort());
    arriving.send("POST /v1/echo HTTP/1.1\r\nHost: localhost\r\n");

    Client other(m_pki, QStringLiteral("workstation"));
    const Reply busy = other.exchange(m_server->serverPort(), post("/v1/slow", "application/json", "{}"));
    QCOMPARE(busy.status, 503);
    QCOMPARE(busy.header("Retry-After"), QByteArray("1"));
    QCOMPARE(m_slowStarted.load(), 1);
    // Health is answered at once, never behind the cap; so is a quick route.
    other.send(get("/v1/health"));
    QCOMPARE(other.reply().status, 200);
    QCOMPARE(other.exchange(m_server->serverPort(), post("/v1/echo", "application/json", "{}")).status, 200);

    m_release.release();
    QCOMPARE(slow.reply().status, 200);
    arriving.send("Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
    QCOMPARE(arriving.reply().status, 200);
    QCOMPARE(m_server->requestsInProgress(), 0);
}

void TestMatchServer::connectionCapGets503()
{
    MatchServerOptions options;
    options.port = 0;
    options.maxConnections = 1;
    startServer(options);

    Client first(m_pki, QStringLiteral("partner"));
    QCOMPARE(first.exchange(m_server->serverPort(), get("/v1/health")).status, 200);
    QCOMPARE(m_server->openConnections(), 1);

    QSignalSpy refusals(m_server.get(), &MatchServer::tlsRefused);
    Client second(m_pki, QStringLiteral("workstation"));
    const Reply busy = second.exchange(m_server->serverPort(), get("/v1/health"));
    QCOMPARE(busy.status, 503);
    QCOMPARE(refusals.count(), 1);
    QCOMPARE(refusals.front().at(0).toString(), QStringLiteral("too_many_connections"));
    QVERIFY(spinUntil([&] { return second.ended(); }));

    // The first connection is still served.
    first.send(get("/v1/health"));
    QCOMPARE(first.reply().status, 200);
}

void TestMatchServer::stalledRequestGets408()
{
    MatchServerOptions options;
    options.port = 0;
    options.idleTimeoutMs = 100;
    startServer(options);

    Client client(m_pki, QStringLiteral("partner"));
    client.connectTo(m_server->serverPort());
    client.send("POST /v1/echo HTTP/1.1\r\nHost: localhost\r\n"); // and nothing more
    const Reply reply = client.reply();
    QCOMPARE(reply.status, 408);
    QVERIFY(spinUntil([&] { return client.ended(); }));
    QCOMPARE(m_echoCalls, 0);
    QCOMPARE(m_server->requestsInProgress(), 0);
}

void TestMatchServer::metricsCountRequestsAndRefusals()
{
    {
        Client stranger(m_pki, QStringLiteral("other-client"));
        stranger.connectTo(m_server->serverPort());
        QVERIFY(spinUntil([&] { return m_server->metrics().tlsRefusalsTotal() == 1; }));
    }
    Client client(m_pki, QStringLiteral("partner"));
    QCOMPARE(client.exchange(m_server->serverPort(), post("/v1/echo", "application/json", "{}")).status, 200);
    client.send(post("/v1/echo", "text/plain", "{}"));
    QCOMPARE(client.reply().status, 415);
    Client monitor(m_pki, QStringLiteral("operator"));
    const Reply metrics = monitor.exchange(m_server->serverPort(), get("/v1/metrics"));
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.header("Content-Type").startsWith("text/plain; version=0.0.4"));
    const QByteArray text = metrics.body;
    for (const QByteArray& line : {
             QByteArray(R"(facegate_requests_total{route="POST /v1/echo",status="200"} 1)"),
             QByteArray(R"(facegate_requests_total{route="POST /v1/echo",status="415"} 1)"),
             QByteArray(R"(facegate_errors_total{kind="unsupported_media_type"} 1)"),
             QByteArray(R"(facegate_tls_refused_total{reason="untrusted"} 1)"),
             QByteArray(R"(facegate_request_duration_seconds_count{route="POST /v1/echo"} 2)"),
             QByteArray(R"(facegate_request_duration_seconds_bucket{route="POST /v1/echo",le="+Inf"} 2)"),
             QByteArray("# TYPE facegate_request_duration_seconds histogram"),
         }) {
        QVERIFY2(text.contains(line), (line + "\nnot in:\n" + text).constData());
    }
}

// A TLS 1.2 client that offers only CBC suites with SHA-1 MACs finds no suite
// in common; one offering ECDHE with AES-GCM is served.
void TestMatchServer::tls12CbcSha1SuitesAreRefused()
{
    for (const QString& name : {QStringLiteral("ECDHE-ECDSA-AES128-SHA"), QStringLiteral("ECDHE-ECDSA-AES256-SHA")}) {
        const QSslCipher cipher(name);
        QVERIFY2(!cipher.isNull(), qPrintable(name + QStringLiteral(" is not supported by this OpenSSL")));
        Client legacy(m_pki, QStringLiteral("partner"), QSsl::TlsV1_2);
        QSslConfiguration config = legacy.socket().sslConfiguration();
        config.setCiphers({cipher});
        legacy.socket().setSslConfiguration(config);
        QCOMPARE(legacy.exchange(m_server->serverPort(), get("/v1/health")).status, 0);
        QVERIFY(!legacy.socket().isEncrypted());
    }
    Client modern(m_pki, QStringLiteral("partner"), QSsl::TlsV1_2);
    QSslConfiguration config = modern.socket().sslConfiguration();
    config.setCiphers({QSslCipher(QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256"))});
    modern.socket().setSslConfiguration(config);
    QCOMPARE(modern.exchange(m_server->serverPort(), get("/v1/health")).status, 200);
    QCOMPARE(modern.socket().sessionCipher().name(), QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256"));
    for (const QSslCipher& offered : TlsServerConfig::allowedCiphers())
        QVERIFY2(!offered.name().endsWith(QLatin1String("-SHA")), qPrintable(offered.name()));
}

void TestMatchServer::configErrorsNameTheFile()
{
    QString error;
    TlsServerConfig::Files files = m_pki.serverFiles();
    files.clientCa = m_pki.path(QStringLiteral("missing-ca.pem"));
    QVERIFY(!TlsServerConfig::load(files, {}, QDateTime::currentDateTimeUtc(), &error));
    QVERIFY2(error.contains(QLatin1String("missing-ca.pem")), qPrintable(error));

    files = m_pki.serverFiles();
    files.certificate = m_pki.path(QStringLiteral("server.key")); // a key, not a certificate
    QVERIFY(!TlsServerConfig::load(files, {}, QDateTime::currentDateTimeUtc(), &error));
    QVERIFY2(error.contains(QLatin1String("server.key")) && error.contains(QLatin1String("no PEM certificate")),
             qPrintable(error));

    files = m_pki.serverFiles();
    files.privateKey = m_pki.path(QStringLiteral("partner.key")); // an EC key too, of another certificate
    QVERIFY(!TlsServerConfig::load(files, {}, QDateTime::currentDateTimeUtc(), &error));
    QVERIFY2(error.contains(QLatin1String("partner.key")) && error.contains(QLatin1String("does not belong")),
             qPrintable(error));

    files = m_pki.serverFiles();
    QVERIFY(!TlsServerConfig::load(files, {}, QDateTime::currentDateTimeUtc().addYears(10), &error));
    QVERIFY2(error.contains(QLatin1String("not valid now")), qPrintable(error));

    QVERIFY(!TlsServerConfig::load(files, {QStringLiteral("abc")}, QDateTime::currentDateTimeUtc(), &error));
    QVERIFY2(error.contains(QLatin1String("\"abc\"")), qPrintable(error));

    const std::optional<TlsServerConfig> bySerial =
        TlsServerConfig::load(files, {QStringLiteral("serial:10:04")}, QDateTime::currentDateTimeUtc(), &error);
    QVERIFY2(bySerial, qPrintable(error));
    QVERIFY(bySerial->isRevoked(m_pki.certificate(QStringLiteral("revoked"))));
    QVERIFY(!bySerial->isRevoked(m_pki.certificate(QStringLiteral("partner"))));
    QCOMPARE(bySerial->clientCaCertificates(), QList<QSslCertificate>{m_pki.certificate(QStringLiteral("ca"))});
}


void TestMatchServer::workOnAWorkerLeavesTheServerAnswering()
{
    QVERIFY(m_server->workerThreads() >= 1);
    Client slow(m_pki, QStringLiteral("partner"));
    slow.connectTo(m_server->serverPort());
    slow.send(post("/v1/slow", "application/json", R"({"n":1})"));
    QVERIFY(spinUntil([&] { return m_slowStarted == 1; }));
    QCOMPARE(m_server->requestsInProgress(), 1);

    // While the work waits, the server thread takes a handshake and answers.
    Client other(m_pki, QStringLiteral("workstation"));
    QCOMPARE(other.exchange(m_server->serverPort(), get("/v1/health")).status, 200);
    QCOMPARE(other.exchange(m_server->serverPort(), post("/v1/echo", "application/json", "{}")).status, 200);
    QVERIFY(slow.received().isEmpty());

    m_release.release();
    const Reply answered = slow.reply();
    QCOMPARE(answered.status, 200);
    QCOMPARE(QJsonDocument::fromJson(answered.body).object().value(QStringLiteral("n")).toInt(), 1);
    // The work on a worker, its finishing step (where records are written) on the server's thread.
    QVERIFY(m_workThread.load() != QThread::currentThread());
    QCOMPARE(m_finishThread, QThread::currentThread());
    QCOMPARE(m_server->requestsInProgress(), 0);
    QCOMPARE(m_server->metrics().requests(QStringLiteral("POST /v1/slow"), 200), 1);
}

void TestMatchServer::pipelinedRequestFollowsAnAnswerFromAWorker()
{
    Client client(m_pki, QStringLiteral("partner"));
    client.connectTo(m_server->serverPort());
    client.send(post("/v1/slow", "application/json", R"({"n":1})") + post("/v1/echo", "application/json", R"({"n":2})"));
    QVERIFY(spinUntil([&] { return m_slowStarted == 1; }));
    QTest::qWait(50);
    // The second request is not read before the first is answered.
    QCOMPARE(m_echoCalls, 0);
    m_release.release();
    expectAnswersInOrder(client, {1, 2});
    QCOMPARE(m_echoCalls, 1);
    QVERIFY(!client.ended());
}

void TestMatchServer::clientGoneBeforeItsWorkEndsGetsNothingDone()
{
    {
        Client leaving(m_pki, QStringLiteral("partner"));
        leaving.connectTo(m_server->serverPort());
        leaving.send(post("/v1/slow", "application/json", R"({"n":1})"));
        QVERIFY(spinUntil([&] { return m_slowStarted == 1; }));
        leaving.socket().abort();
    }
    QVERIFY(spinUntil([&] { return m_server->openConnections() == 0; }));
    m_release.release();
    m_server->waitForWork();
    QTest::qWait(50); // the finishing step would be queued on this thread by now
    QCOMPARE(m_finishCalls, 0);
    QCOMPARE(m_server->metrics().requests(QStringLiteral("POST /v1/slow"), 200), 0);
}

void TestMatchServer::workThatThrowsGets500()
{
    Client client(m_pki, QStringLiteral("partner"));
    client.connectTo(m_server->serverPort());
    client.send(post("/v1/slow", "application/json", R"({"throw":true})"));
    QVERIFY(spinUntil([&] { return m_slowStarted == 1; }));
    m_release.release();
    const Reply failed = client.reply();
    QCOMPARE(failed.status, 500);
    QCOMPARE(failed.error(), QStringLiteral("internal error"));
    QCOMPARE(m_finishCalls, 0);
    // The server goes on.
    client.send(get("/v1/health"));
    QCOMPARE(client.reply().status, 200);
}

// --- Attacks (issue 15) -------------------------------------------------------

namespace {

// Plain TCP connections from another loopback address that never start TLS.
std::vector<std::unique_ptr<QTcpSocket>> openSilent(int count, quint16 port, const QHostAddress& from)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < count; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->bind(from, 0);
        socket->connectToHost(QHostAddress::LocalHost, port);
        sockets.push_back(std::move(socket));
    }
    spinUntil([&] {
        return std::all_of(sockets.cbegin(), sockets.cend(), [](const auto& s) {
            return s->state() == QAbstractSocket::ConnectedState || s->state() == QAbstractSocket::UnconnectedState;
        });
    });
    return sockets;
}

const QHostAddress kAttacker(QStringLiteral("127.0.0.2"));

} // namespace

// ~30 connections that send nothing and leave before the handshake deadline
// once stopped the server accepting for good (Qt 6.4's QSslServer paused
// accepting and never resumed). Several rounds, before and after the deadline:
// an honest partner is served after each.
void TestMatchServer::halfOpenFloodNeverStopsAccepting()
{
    MatchServerOptions options;
    options.port = 0;
    options.handshakeTimeoutMs = 300;
    startServer(options);
    const quint16 port = m_server->serverPort();
    for (int round = 0; round < 3; ++round) {
        auto early = openSilent(40, port, kAttacker);
        QTest::qWait(50);
        early.clear(); // gone before the deadline
        auto late = openSilent(40, port, kAttacker);
        QTest::qWait(options.handshakeTimeoutMs + 200); // past the deadline
        late.clear();
        Client partner(m_pki, QStringLiteral("partner"));
        QCOMPARE(partner.exchange(port, get("/v1/health")).status, 200);
    }
}

// Half-open connections from one address take only that address's share of
// handshakes: another client is served meanwhile, and the extra ones are closed at once.
void TestMatchServer::handshakesAreBoundedPerAddress()
{
    MatchServerOptions options;
    options.port = 0;
    options.handshakeTimeoutMs = 5000;
    startServer(options);
    auto flood = openSilent(60, m_server->serverPort(), kAttacker);
    Client partner(m_pki, QStringLiteral("partner"));
    QCOMPARE(partner.exchange(m_server->serverPort(), get("/v1/health")).status, 200);
    QVERIFY(spinUntil([&] {
        return std::count_if(flood.cbegin(), flood.cend(), [](const auto& s) {
                   return s->state() == QAbstractSocket::UnconnectedState;
               }) >= 60 - options.maxHandshakesPerAddress;
    }));
    QVERIFY(m_server->metrics().tlsRefusals(QStringLiteral("too_many_handshakes")) >= 60 - options.maxHandshakesPerAddress);
}

// Requests that dribble a byte at a time once held the in-flight cap for ever
// (the idle timer restarted on every byte): now only complete requests count,
// health is never behind the cap, and a request's head has an absolute deadline.
void TestMatchServer::dribblersDoNotHoldTheCapAndMeetADeadline()
{
    MatchServerOptions options;
    options.port = 0;
    options.maxConcurrentRequests = 2;
    options.idleTimeoutMs = 1000;
    options.headerTimeoutMs = 600;
    startServer(options);
    std::vector<std::unique_ptr<Client>> dribblers;
    for (int i = 0; i < 4; ++i) {
        dribblers.push_back(std::make_unique<Client>(m_pki, QStringLiteral("partner")));
        dribblers.back()->connectTo(m_server->serverPort());
        QVERIFY(dribblers.back()->waitEncrypted());
        dribblers.back()->send("POST /v1/echo HTTP/1.1\r\n");
    }
    QTimer drip;
    QObject::connect(&drip, &QTimer::timeout, &drip, [&] {
        for (auto& dribbler : dribblers)
            dribbler->send("X");
    });
    drip.start(100);
    QElapsedTimer since;
    since.start();

    Client honest(m_pki, QStringLiteral("workstation"));
    QCOMPARE(honest.exchange(m_server->serverPort(), post("/v1/echo", "application/json", "{}")).status, 200);
    honest.send(get("/v1/health"));
    QCOMPARE(honest.reply().status, 200);

    for (auto& dribbler : dribblers) {
        const Reply late = dribbler->reply();
        QCOMPARE(late.status, 408);
        QVERIFY2(late.error().contains(QLatin1String("600 ms")), qPrintable(late.error()));
    }
    // Well before the idle timeout would have run out had a byte never come.
    QVERIFY2(since.elapsed() < 3000, qPrintable(QString::number(since.elapsed())));
}

// A client that pipelines requests and never reads the answers: the server
// stops reading it once its unsent answers pass the bound, instead of
// answering everything into memory; once it reads, the rest is answered.
void TestMatchServer::unreadAnswersStopTheReading()
{
    MatchServerOptions options;
    options.port = 0;
    options.ratePerSecond = 0;
    startServer(options);
    QSslSocket greedy;
    {
        Client setup(m_pki, QStringLiteral("partner"));
        greedy.setSslConfiguration(setup.socket().sslConfiguration());
    }
    greedy.setReadBufferSize(4096);
    greedy.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server->serverPort(), QStringLiteral("localhost"));
    QVERIFY(spinUntil([&] { return greedy.isEncrypted(); })); // the server runs on this thread: no blocking wait
    constexpr int kRequests = 1000; // 64 MB of answers
    QByteArray pipelined;
    for (int i = 0; i < kRequests; ++i)
        pipelined += get("/v1/big");
    greedy.write(pipelined);
    QTest::qWait(1500);
    QVERIFY2(m_bigCalls < kRequests / 4, qPrintable(QStringLiteral("%1 answers made for a client reading none").arg(m_bigCalls)));

    QDeadlineTimer deadline(60000);
    while (m_bigCalls < kRequests && !deadline.hasExpired()) {
        QTest::qWait(1);
        greedy.readAll();
    }
    QCOMPARE(m_bigCalls, kRequests);
}

// A client that pipelines and never reads keeps answers waiting to be sent:
// once idle, its connection is closed, and if it does not take what is left
// even then, aborted (a close waits for the unsent bytes otherwise, for ever).
void TestMatchServer::aClientThatNeverReadsIsClosedInTheEnd()
{
    MatchServerOptions options;
    options.port = 0;
    options.ratePerSecond = 0;
    options.idleTimeoutMs = 300;
    startServer(options);
    QSslSocket greedy;
    {
        Client setup(m_pki, QStringLiteral("partner"));
        greedy.setSslConfiguration(setup.socket().sslConfiguration());
    }
    greedy.setReadBufferSize(4096);
    greedy.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server->serverPort(), QStringLiteral("localhost"));
    QVERIFY(spinUntil([&] { return greedy.isEncrypted(); }));
    QByteArray pipelined;
    for (int i = 0; i < 200; ++i)
        pipelined += get("/v1/big");
    greedy.write(pipelined);
    QVERIFY(spinUntil([&] { return m_bigCalls > 0; }));
    QVERIFY2(spinUntil([&] { return m_server->openConnections() == 0; }),
             qPrintable(QStringLiteral("%1 connection(s) still open, %2 answers made, client %3")
                            .arg(m_server->openConnections())
                            .arg(m_bigCalls)
                            .arg(int(greedy.state()))));
}

// Bodies being received hold memory: beyond a total budget a new one is refused
// at its headers (503) rather than read.
void TestMatchServer::bodiesHeldInMemoryAreBounded()
{
    MatchServerOptions options;
    options.port = 0;
    options.limits.maxBodyBytes = 2 * 1024 * 1024;
    options.maxBodyBytesHeld = 3 * 1024 * 1024;
    startServer(options);
    const QByteArray head = "POST /v1/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            "Content-Length: 1500000\r\n\r\n";
    std::vector<std::unique_ptr<Client>> uploads;
    for (int i = 0; i < 2; ++i) {
        uploads.push_back(std::make_unique<Client>(m_pki, QStringLiteral("partner")));
        uploads.back()->connectTo(m_server->serverPort());
        uploads.back()->send(head + QByteArray(1'000'000, ' '));
    }
    QTest::qWait(300);
    Client third(m_pki, QStringLiteral("workstation"));
    third.connectTo(m_server->serverPort());
    third.send(head + QByteArray(1'000'000, ' '));
    const Reply refused = third.reply();
    QCOMPARE(refused.status, 503);
    QVERIFY(!refused.header("Retry-After").isEmpty());
    // The two held ones finish and are answered.
    for (auto& upload : uploads) {
        upload->send(QByteArray(499'998, ' ') + "{}");
        QCOMPARE(upload->reply().status, 200);
    }
}

// Qt's own client sends no "Expect: 100-continue": the 413 must still reach it
// (read while the body arrives), not a connection reset.
void TestMatchServer::oversizedBodyWithoutExpectGets413()
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("https://localhost:%1/v1/echo").arg(m_server->serverPort())));
    {
        Client setup(m_pki, QStringLiteral("partner"));
        request.setSslConfiguration(setup.socket().sslConfiguration());
    }
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QNetworkReply* reply = network.post(request, QByteArray(3 * 1024 * 1024, ' '));
    QVERIFY(spinUntil([&] { return reply->isFinished(); }));
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 413);
    QVERIFY(QJsonDocument::fromJson(reply->readAll()).object().value(QStringLiteral("error")).toString().contains(
        QLatin1String("over the limit")));
    reply->deleteLater();
}

namespace {
QStringList g_serviceLog;
void captureServiceLog(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    if (context.category && QByteArrayView(context.category) == "fg.service")
        g_serviceLog.append(message);
}
} // namespace

// 300 refused requests gave 300 log lines, and a client's CR LF in a quoted
// value forged lines of the service log.
void TestMatchServer::refusalsAreLoggedSparinglyAndEscaped()
{
    MatchServerOptions options;
    options.port = 0;
    options.ratePerSecond = 1;
    options.rateBurst = 1;
    startServer(options);
    g_serviceLog.clear();
    const QtMessageHandler previous = qInstallMessageHandler(captureServiceLog);
    const auto restore = qScopeGuard([previous] { qInstallMessageHandler(previous); });

    Client forger(m_pki, QStringLiteral("partner"));
    forger.connectTo(m_server->serverPort());
    forger.send(post("/v1/quote", "text/plain", "cam-1\r\nfg.service: TLS connection from 10.0.0.1 accepted"));
    QCOMPARE(forger.reply().status, 400);
    QCOMPARE(g_serviceLog.size(), 1);
    QVERIFY2(!g_serviceLog.front().contains(u'\n') && !g_serviceLog.front().contains(u'\r'),
             qPrintable(g_serviceLog.front()));
    QVERIFY2(g_serviceLog.front().contains(QLatin1String("\\r\\n")), qPrintable(g_serviceLog.front()));

    QByteArray flood;
    for (int i = 0; i < 300; ++i)
        flood += get("/v1/health");
    forger.send(flood);
    for (int i = 0; i < 300; ++i)
        QCOMPARE(forger.reply().status, 429);
    QVERIFY2(g_serviceLog.size() < 30, qPrintable(QString::number(g_serviceLog.size())));
    // Ten seconds later the next refusal's line says how many were left out.
    m_clock.advanceSeconds(11);
    forger.send(post("/v1/quote", "text/plain", "x"));
    QCOMPARE(forger.reply().status, 400);
    QVERIFY2(g_serviceLog.join(u'\n').contains(QLatin1String("similar lines suppressed")),
             qPrintable(g_serviceLog.join(u'\n')));
}

void TestMatchServer::metricsAreForOperatorsOnly()
{
    Client partner(m_pki, QStringLiteral("partner"));
    QCOMPARE(partner.exchange(m_server->serverPort(), get("/v1/metrics")).status, 403);
    Client norole(m_pki, QStringLiteral("norole"));
    QCOMPARE(norole.exchange(m_server->serverPort(), get("/v1/metrics")).status, 403);
    Client operatorClient(m_pki, QStringLiteral("operator"));
    const Reply metrics = operatorClient.exchange(m_server->serverPort(), get("/v1/metrics"));
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.body.contains("facegate_requests_total"));
}

// One certificate holding every worker slot made everyone else wait; now it
// has its own cap, and the others are served.
void TestMatchServer::oneCertificateCannotTakeEveryWorker()
{
    MatchServerOptions options;
    options.port = 0;
    options.workerThreads = 4;
    options.maxConcurrentRequests = 4;
    options.maxConcurrentPerClient = 2;
    startServer(options);
    std::vector<std::unique_ptr<Client>> hog;
    for (int i = 0; i < 3; ++i) {
        hog.push_back(std::make_unique<Client>(m_pki, QStringLiteral("partner")));
        hog.back()->connectTo(m_server->serverPort());
        hog.back()->send(post("/v1/slow", "application/json", "{}"));
    }
    const Reply refused = hog.back()->reply();
    QCOMPARE(refused.status, 503);
    QVERIFY(!refused.header("Retry-After").isEmpty());
    // The two admitted ones run (the second may start after the refusal was sent).
    QVERIFY(spinUntil([&] { return m_slowStarted == 2; }));
    Client other(m_pki, QStringLiteral("workstation"));
    other.connectTo(m_server->serverPort());
    other.send(post("/v1/slow", "application/json", R"({"n":9})"));
    QVERIFY(spinUntil([&] { return m_slowStarted == 3; }));
    m_release.release(3);
    QCOMPARE(other.reply().status, 200);
}

// Work waiting for a worker whose client has gone is dropped, not run.
void TestMatchServer::queuedWorkOfAClientThatLeftNeverRuns()
{
    MatchServerOptions options;
    options.port = 0;
    options.workerThreads = 1;
    startServer(options);
    Client first(m_pki, QStringLiteral("partner"));
    first.connectTo(m_server->serverPort());
    first.send(post("/v1/slow", "application/json", R"({"n":1})"));
    QVERIFY(spinUntil([&] { return m_slowStarted == 1; }));
    {
        Client leaving(m_pki, QStringLiteral("workstation"));
        leaving.connectTo(m_server->serverPort());
        leaving.send(post("/v1/slow", "application/json", R"({"n":2})"));
        QVERIFY(spinUntil([&] { return m_server->requestsInProgress() == 2; }));
        leaving.socket().abort();
    }
    QVERIFY(spinUntil([&] { return m_server->openConnections() == 1; }));
    m_release.release(2);
    QCOMPARE(first.reply().status, 200);
    m_server->waitForWork();
    QCOMPARE(m_slowStarted.load(), 1);
}

// Work past the request deadline: the client gets its 503 then, and the work
// is told to stop.
void TestMatchServer::workPastItsDeadlineIsAnsweredAndStopped()
{
    MatchServerOptions options;
    options.port = 0;
    options.requestTimeoutMs = 300;
    startServer(options);
    Client client(m_pki, QStringLiteral("partner"));
    client.connectTo(m_server->serverPort());
    client.send(post("/v1/slow", "application/json", R"({"n":1})"));
    QElapsedTimer since;
    since.start();
    const Reply late = client.reply();
    QCOMPARE(late.status, 503);
    QVERIFY2(late.error().contains(QLatin1String("300 ms")), qPrintable(late.error()));
    QVERIFY(since.elapsed() < 5000);
    // The work saw the stop and ended without being released.
    m_server->waitForWork();
    QVERIFY(m_stoppedWork.load());
    QCOMPARE(m_finishCalls, 0);
}

QTEST_GUILESS_MAIN(TestMatchServer)
#include "tst_matchserver.moc"
