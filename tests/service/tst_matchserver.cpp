// MatchServer over real TLS on loopback, with certificates made at test time
// by installer/make-test-pki.sh: who is let in (a good partner camera or
// workstation) and who is refused in or right after the handshake (no
// certificate, another CA, expired, revoked by configuration), and how
// requests are bounded: malformed (400), wrong type (415), a 100 MB
// Content-Length refused (413) from its headers alone, the rate per client
// (429, on a manual clock), the concurrency cap (503), roles (403), and the
// metrics that count it all. Work handed to a worker (HandlerReply::later)
// leaves the server answering others, finishes on the server's thread, and
// is dropped for a client that left. The attacks are in tst_matchserverattacks.
#include "tests/service/MatchServerFixture.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QTest>

using namespace fg;

namespace {

using test::Client;
using test::get;
using test::post;
using test::Reply;
using test::spinUntil;

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

class TestMatchServer : public test::MatchServerFixture {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { makePki(); }
    void init() { startDefaultServer(); }
    void cleanup() { resetServer(); }


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

private:
    void expectRefused(const QString& certificate, const QString& reason);
};

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


QTEST_GUILESS_MAIN(TestMatchServer)
#include "tst_matchserver.moc"
