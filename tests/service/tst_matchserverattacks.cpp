// MatchServer under attack (issue 15), over real TLS on loopback: half-open
// floods, dribbled heads, clients that never read their answers, bodies held
// in memory, decode-free refusals that reach Qt's own client, log forging and
// flooding, one certificate taking every worker, work of a client that left,
// work past its deadline. Each test was seen to fail on the server before it
// was hardened (the closing note of issue 15 says how).
#include "tests/service/MatchServerFixture.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QScopeGuard>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

using namespace fg;

class TestMatchServerAttacks : public test::MatchServerFixture {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { makePki(); }
    void init() { startDefaultServer(); }
    void cleanup() { resetServer(); }

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
};

namespace {

using test::Client;
using test::get;
using test::post;
using test::Reply;
using test::spinUntil;

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
void TestMatchServerAttacks::halfOpenFloodNeverStopsAccepting()
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
void TestMatchServerAttacks::handshakesAreBoundedPerAddress()
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
void TestMatchServerAttacks::dribblersDoNotHoldTheCapAndMeetADeadline()
{
    MatchServerOptions options;
    options.port = 0;
    options.maxConcurrentRequests = 2;
    options.idleTimeoutMs = 1000;
    options.headerTimeoutMs = 600;
    startServer(options);
    auto dribblers = test::openClients(m_pki, m_server->serverPort(), 4, {QStringLiteral("partner")},
                                       "POST /v1/echo HTTP/1.1\r\n");
    for (const auto& dribbler : dribblers)
        QVERIFY(dribbler->waitEncrypted());
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
void TestMatchServerAttacks::unreadAnswersStopTheReading()
{
    MatchServerOptions options;
    options.port = 0;
    options.ratePerSecond = 0;
    startServer(options);
    const std::unique_ptr<QSslSocket> greedy = test::connectGreedy(m_pki, m_server->serverPort());
    QVERIFY(greedy);
    constexpr int kRequests = 1000; // 64 MB of answers
    QByteArray pipelined;
    for (int i = 0; i < kRequests; ++i)
        pipelined += get("/v1/big");
    greedy->write(pipelined);
    QTest::qWait(1500);
    QVERIFY2(m_bigCalls < kRequests / 4, qPrintable(QStringLiteral("%1 answers made for a client reading none").arg(m_bigCalls)));

    QDeadlineTimer deadline(60000);
    while (m_bigCalls < kRequests && !deadline.hasExpired()) {
        QTest::qWait(1);
        greedy->readAll();
    }
    QCOMPARE(m_bigCalls, kRequests);
}

// A client that pipelines and never reads keeps answers waiting to be sent:
// once idle, its connection is closed, and if it does not take what is left
// even then, aborted (a close waits for the unsent bytes otherwise, for ever).
void TestMatchServerAttacks::aClientThatNeverReadsIsClosedInTheEnd()
{
    MatchServerOptions options;
    options.port = 0;
    options.ratePerSecond = 0;
    options.idleTimeoutMs = 300;
    startServer(options);
    const std::unique_ptr<QSslSocket> greedy = test::connectGreedy(m_pki, m_server->serverPort());
    QVERIFY(greedy);
    QByteArray pipelined;
    for (int i = 0; i < 200; ++i)
        pipelined += get("/v1/big");
    greedy->write(pipelined);
    QVERIFY(spinUntil([&] { return m_bigCalls > 0; }));
    QVERIFY2(spinUntil([&] { return m_server->openConnections() == 0; }),
             qPrintable(QStringLiteral("%1 connection(s) still open, %2 answers made, client %3")
                            .arg(m_server->openConnections())
                            .arg(m_bigCalls)
                            .arg(int(greedy->state()))));
}

// Bodies being received hold memory: beyond a total budget a new one is refused
// at its headers (503) rather than read.
void TestMatchServerAttacks::bodiesHeldInMemoryAreBounded()
{
    MatchServerOptions options;
    options.port = 0;
    options.limits.maxBodyBytes = 2 * 1024 * 1024;
    options.maxBodyBytesHeld = 3 * 1024 * 1024;
    startServer(options);
    const QByteArray head = "POST /v1/echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            "Content-Length: 1500000\r\n\r\n";
    auto uploads = test::openClients(m_pki, m_server->serverPort(), 2, {QStringLiteral("partner")},
                                     head + QByteArray(1'000'000, ' '));
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
void TestMatchServerAttacks::oversizedBodyWithoutExpectGets413()
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(QStringLiteral("https://localhost:%1/v1/echo").arg(m_server->serverPort())));
    request.setSslConfiguration(m_pki.clientConfiguration(QStringLiteral("partner")));
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
void TestMatchServerAttacks::refusalsAreLoggedSparinglyAndEscaped()
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

void TestMatchServerAttacks::metricsAreForOperatorsOnly()
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
void TestMatchServerAttacks::oneCertificateCannotTakeEveryWorker()
{
    MatchServerOptions options;
    options.port = 0;
    options.workerThreads = 4;
    options.maxConcurrentRequests = 4;
    options.maxConcurrentPerClient = 2;
    startServer(options);
    auto hog = test::openClients(m_pki, m_server->serverPort(), 3, {QStringLiteral("partner")},
                                 post("/v1/slow", "application/json", "{}"));
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
void TestMatchServerAttacks::queuedWorkOfAClientThatLeftNeverRuns()
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
void TestMatchServerAttacks::workPastItsDeadlineIsAnsweredAndStopped()
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

QTEST_GUILESS_MAIN(TestMatchServerAttacks)
#include "tst_matchserverattacks.moc"
