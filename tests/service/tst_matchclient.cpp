// MatchClient against a real MatchServer on loopback (the test PKI of
// installer/make-test-pki.sh) with stub routes that answer as docs/api.md
// says: a decision parsed into the desk's outcome, a gallery loaded, the
// service's reason for a refusal, and every way of getting no answer said in
// words: the server down, a server of another CA, no answer in time.
#include "core/service/MatchClient.h"
#include "core/service/MatchServer.h"
#include "tests/service/TestPki.h"
#include "tests/support/ManualClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace fg;

class TestMatchClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void identifyIsParsedIntoAnOutcome();
    void verifySendsBothPhotos();
    void loadGalleryPutsTheManifestName();
    void aRefusalGivesTheServicesReason();
    void aServerDownIsSaid();
    void aServerOfAnotherCaIsATlsError();
    void noAnswerInTimeIsSaid();
    void missingFilesAreRefusedAtCreation();

private:
    MatchClientOptions options(const QString& ca = QStringLiteral("ca.pem")) const;
    MatchClientReply wait(const std::function<void(MatchClient::Done)>& start);

    test::TestPki m_pki;
    test::ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<MatchServer> m_server;
    std::unique_ptr<MatchClient> m_client;
    QJsonObject m_lastBody;
    QString m_lastClient;
};

void TestMatchClient::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (libqopensslbackend.so)");
    QString error;
    QVERIFY2(m_pki.make(&error), qPrintable(error));
}

void TestMatchClient::init()
{
    QString error;
    const std::optional<TlsServerConfig> tls =
        TlsServerConfig::load(m_pki.serverFiles(), {}, QDateTime::currentDateTimeUtc(), &error);
    QVERIFY2(tls, qPrintable(error));
    MatchServerOptions serverOptions;
    serverOptions.port = 0;
    m_server = std::make_unique<MatchServer>(*tls, RoleMap::defaults(), serverOptions, m_clock);
    const QStringList workstation{QStringLiteral("workstation")};
    m_server->addRoute("POST", "/v1/identify",
                       [this](const HttpRequest& request, const ClientIdentity& client) {
                           m_lastBody = request.json.object();
                           m_lastClient = client.commonName;
                           if (m_lastBody.value(QStringLiteral("gallery")).toString() != QLatin1String("UA901"))
                               return HttpResponse::error(404, QStringLiteral("no gallery \"UA902\" is loaded"));
                           const QJsonArray candidates{
                               QJsonObject{{QStringLiteral("traveler_id"), QStringLiteral("lin_manuel_miranda")},
                                           {QStringLiteral("name"), QStringLiteral("Lin-Manuel Miranda")},
                                           {QStringLiteral("score"), 0.61}},
                               QJsonObject{{QStringLiteral("traveler_id"), QStringLiteral("obama")},
                                           {QStringLiteral("name"), QStringLiteral("obama")},
                                           {QStringLiteral("score"), 0.12}}};
                           return HttpResponse::json(200, QJsonObject{{QStringLiteral("decision"), QStringLiteral("match")},
                                                                      {QStringLiteral("score"), 0.61},
                                                                      {QStringLiteral("threshold"), 0.335},
                                                                      {QStringLiteral("fmr"), 0.001},
                                                                      {QStringLiteral("gallery"), QStringLiteral("UA901")},
                                                                      {QStringLiteral("candidates"), candidates}});
                       },
                       true, workstation);
    m_server->addRoute("POST", "/v1/verify",
                       [this](const HttpRequest& request, const ClientIdentity&) {
                           m_lastBody = request.json.object();
                           return HttpResponse::json(200, QJsonObject{{QStringLiteral("decision"), QStringLiteral("no-face")},
                                                                      {QStringLiteral("score"), QJsonValue::Null},
                                                                      {QStringLiteral("threshold"), 0.335},
                                                                      {QStringLiteral("fmr"), 0.001},
                                                                      {QStringLiteral("reason"), QStringLiteral("no face in the capture")}});
                       },
                       true, workstation);
    m_server->addRoute("PUT", "/v1/galleries/UA901",
                       [this](const HttpRequest& request, const ClientIdentity&) {
                           m_lastBody = request.json.object();
                           return HttpResponse::json(200, QJsonObject{{QStringLiteral("gallery"), QStringLiteral("UA901")},
                                                                      {QStringLiteral("members"), 7}});
                       },
                       true, workstation);
    QVERIFY2(m_server->listen(&error), qPrintable(error));
    m_client = MatchClient::create(options(), &error);
    QVERIFY2(m_client, qPrintable(error));
    m_lastBody = QJsonObject();
}

void TestMatchClient::cleanup()
{
    m_client.reset();
    m_server.reset();
}

MatchClientOptions TestMatchClient::options(const QString& ca) const
{
    MatchClientOptions options;
    options.endpoint = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(m_server ? m_server->serverPort() : 1));
    options.certificatePath = m_pki.path(QStringLiteral("workstation.pem"));
    options.keyPath = m_pki.path(QStringLiteral("workstation.key"));
    options.caPath = m_pki.path(ca);
    return options;
}

MatchClientReply TestMatchClient::wait(const std::function<void(MatchClient::Done)>& start)
{
    std::optional<MatchClientReply> answer;
    start([&answer](const MatchClientReply& reply) { answer = reply; });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, 20000))
        return MatchClientReply{false, 0, {}, std::nullopt, QStringLiteral("the test waited in vain")};
    return *answer;
}

void TestMatchClient::identifyIsParsedIntoAnOutcome()
{
    const MatchClientReply reply = wait([this](MatchClient::Done done) {
        m_client->identify("jpeg bytes", QStringLiteral("UA901"), 5, std::move(done));
    });
    QVERIFY2(reply.ok(), qPrintable(reply.error));
    QVERIFY(reply.reachable);
    QCOMPARE(reply.status, 200);
    QCOMPARE(m_lastClient, QStringLiteral("gate-b12")); // the workstation's certificate was presented
    QCOMPARE(m_lastBody.value(QStringLiteral("probe")).toString(), QString::fromLatin1(QByteArray("jpeg bytes").toBase64()));
    QCOMPARE(m_lastBody.value(QStringLiteral("top")).toInt(), 5);
    QVERIFY(reply.outcome);
    QCOMPARE(reply.outcome->decision, Encounter::Decision::Match);
    QCOMPARE(reply.outcome->score, std::optional<double>(0.61));
    QCOMPARE(reply.outcome->threshold, 0.335);
    QCOMPARE(reply.outcome->fmrTarget, 0.001);
    QCOMPARE(int(reply.outcome->candidates.size()), 2);
    QCOMPARE(reply.outcome->candidates[1].first.travelerId, QStringLiteral("obama"));
    QVERIFY(reply.outcome->reference);
    QCOMPARE(reply.outcome->reference->travelerId, QStringLiteral("lin_manuel_miranda"));
}

void TestMatchClient::verifySendsBothPhotos()
{
    const MatchClientReply reply =
        wait([this](MatchClient::Done done) { m_client->verify("probe", "reference", std::move(done)); });
    QVERIFY2(reply.ok(), qPrintable(reply.error));
    QCOMPARE(m_lastBody.value(QStringLiteral("reference")).toString(), QString::fromLatin1(QByteArray("reference").toBase64()));
    QVERIFY(reply.outcome);
    QCOMPARE(reply.outcome->decision, Encounter::Decision::NoFace);
    QVERIFY(!reply.outcome->score);
    QCOMPARE(reply.outcome->reason, QStringLiteral("no face in the capture"));
    QVERIFY(!reply.outcome->reference);
}

void TestMatchClient::loadGalleryPutsTheManifestName()
{
    const MatchClientReply reply = wait([this](MatchClient::Done done) {
        m_client->loadGallery(QStringLiteral("UA901"), QStringLiteral("UA901.csv"), std::move(done));
    });
    QVERIFY2(reply.ok(), qPrintable(reply.error));
    QCOMPARE(m_lastBody.value(QStringLiteral("manifest")).toString(), QStringLiteral("UA901.csv"));
    QCOMPARE(reply.body.value(QStringLiteral("members")).toInt(), 7);
    QVERIFY(!reply.outcome); // a gallery is not a decision
}

void TestMatchClient::aRefusalGivesTheServicesReason()
{
    const MatchClientReply reply = wait([this](MatchClient::Done done) {
        m_client->identify("jpeg bytes", QStringLiteral("UA902"), 5, std::move(done));
    });
    QVERIFY(!reply.ok());
    QVERIFY(reply.reachable);
    QCOMPARE(reply.status, 404);
    QVERIFY(!reply.outcome);
    QVERIFY2(reply.error.contains(QStringLiteral("404")) && reply.error.contains(QStringLiteral("no gallery \"UA902\" is loaded")),
             qPrintable(reply.error));
}

void TestMatchClient::aServerDownIsSaid()
{
    const quint16 port = m_server->serverPort();
    m_server.reset();
    const MatchClientReply reply = wait([this](MatchClient::Done done) {
        m_client->identify("jpeg bytes", QStringLiteral("UA901"), 5, std::move(done));
    });
    QVERIFY(!reply.ok());
    QVERIFY(!reply.reachable);
    QVERIFY(!reply.outcome);
    QVERIFY2(reply.error.contains(QStringLiteral("127.0.0.1:%1").arg(port)) && reply.error.contains(QStringLiteral("refused")),
             qPrintable(reply.error));
}

void TestMatchClient::aServerOfAnotherCaIsATlsError()
{
    // The client trusts only other-ca.pem: the port's server is not its.
    QString error;
    const std::unique_ptr<MatchClient> stranger = MatchClient::create(options(QStringLiteral("other-ca.pem")), &error);
    QVERIFY2(stranger, qPrintable(error));
    const MatchClientReply reply = wait([&stranger](MatchClient::Done done) {
        stranger->identify("jpeg bytes", QStringLiteral("UA901"), 5, std::move(done));
    });
    QVERIFY(!reply.ok());
    QVERIFY(!reply.reachable);
    QVERIFY(m_lastBody.isEmpty()); // nothing was sent to the route
    QVERIFY2(reply.error.startsWith(QStringLiteral("TLS error with 127.0.0.1:")), qPrintable(reply.error));
}

void TestMatchClient::noAnswerInTimeIsSaid()
{
    // A listener that accepts and never answers (not even the handshake).
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    MatchClientOptions slow = options();
    slow.endpoint.setPort(silent.serverPort());
    slow.timeout = std::chrono::milliseconds(300);
    QString error;
    const std::unique_ptr<MatchClient> client = MatchClient::create(slow, &error);
    QVERIFY2(client, qPrintable(error));
    const MatchClientReply reply = wait([&client](MatchClient::Done done) {
        client->identify("jpeg bytes", QStringLiteral("UA901"), 5, std::move(done));
    });
    QVERIFY(!reply.reachable);
    QVERIFY2(reply.error.contains(QStringLiteral("no answer from 127.0.0.1:%1 within 0.3 s").arg(silent.serverPort())),
             qPrintable(reply.error));
}

void TestMatchClient::missingFilesAreRefusedAtCreation()
{
    QString error;
    MatchClientOptions broken = options();
    broken.keyPath = m_pki.path(QStringLiteral("no-such.key"));
    QVERIFY(!MatchClient::create(broken, &error));
    QVERIFY2(error.contains(QStringLiteral("no-such.key")), qPrintable(error));
    broken = options();
    broken.endpoint = QUrl(QStringLiteral("http://127.0.0.1:8443"));
    QVERIFY(!MatchClient::create(broken, &error));
    QVERIFY2(error.contains(QStringLiteral("https")), qPrintable(error));
}

QTEST_MAIN(TestMatchClient)
#include "tst_matchclient.moc"
