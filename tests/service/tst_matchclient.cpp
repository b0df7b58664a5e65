// MatchClient against a real MatchServer on loopback (the test PKI of
// installer/make-test-pki.sh) with stub routes that answer as docs/api.md
// says: a decision parsed into the desk's outcome, a gallery loaded, the
// service's reason for a refusal, and every way of getting no answer said in
// words: the server down, a server of another CA, no answer in time. The
// stub keeps its galleries in memory like MatchingApi: a server restarted
// on the same port has none, and the client puts its gallery again, once.
#include "core/service/MatchClient.h"
#include "core/service/MatchServer.h"
#include "tests/service/TestPki.h"
#include "tests/support/ManualClock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QTcpServer>
#include <QTest>
#include <QThread>
#include <QTranslator>

#include <memory>
#include <set>

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
    void aGalleryHasLongerThanADecision();
    void missingFilesAreRefusedAtCreation();
    void aRestartedServiceGetsTheGalleryAgain();
    void aGalleryThatCannotBeLoadedAgainIsNoDecision();
    void theRetryIsOnlyOnce();
    void theWordsFollowTheLanguage();

private:
    // A MatchServer with the stub routes on `port` (0: any), no gallery loaded.
    void startServer(quint16 port);
    MatchClientOptions options(const QString& ca = QStringLiteral("ca.pem")) const;
    MatchClientReply wait(const std::function<void(MatchClient::Done)>& start);

    test::TestPki m_pki;
    test::ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<MatchServer> m_server;
    std::unique_ptr<MatchClient> m_client;
    QJsonObject m_lastBody;
    QString m_lastClient;
    std::set<QString> m_loaded;  // the stub's galleries, in memory
    bool m_manifests = true;     // false: PUT answers 404, no manifest
    bool m_forgetful = false;    // true: PUT answers 200 but loads nothing
    int m_putMs = 0;             // how long a PUT takes (on the server's worker, as building a gallery)
    int m_identifies = 0;
    int m_puts = 0;
};

void TestMatchClient::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (libqopensslbackend.so)");
    QString error;
    QVERIFY2(m_pki.make(&error), qPrintable(error));
}

void TestMatchClient::init()
{
    m_manifests = true;
    m_forgetful = false;
    m_putMs = 0;
    startServer(0);
    // Loaded as a previous session of the workstation would have: the
    // stub serves UA901 without this client having put it.
    m_loaded = {QStringLiteral("UA901")};
    QString error;
    m_client = MatchClient::create(options(), &error);
    QVERIFY2(m_client, qPrintable(error));
    m_lastBody = QJsonObject();
    m_identifies = 0;
    m_puts = 0;
}

void TestMatchClient::startServer(quint16 port)
{
    m_loaded.clear();
    QString error;
    const std::optional<TlsServerConfig> tls =
        TlsServerConfig::load(m_pki.serverFiles(), {}, QDateTime::currentDateTimeUtc(), &error);
    QVERIFY2(tls, qPrintable(error));
    MatchServerOptions serverOptions;
    serverOptions.port = port;
    m_server = std::make_unique<MatchServer>(*tls, RoleMap::defaults(), serverOptions, m_clock);
    const QStringList workstation{QStringLiteral("workstation")};
    m_server->addRoute("POST", "/v1/identify",
                       [this](const HttpRequest& request, const ClientIdentity& client) {
                           ++m_identifies;
                           m_lastBody = request.json.object();
                           m_lastClient = client.commonName;
                           const QString gallery = m_lastBody.value(QStringLiteral("gallery")).toString();
                           if (m_loaded.count(gallery) == 0)
                               return HttpResponse::error(404, QStringLiteral("no gallery \"%1\" is loaded").arg(gallery));
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
    m_server->addRoute("PUT", "/v1/galleries/{name}",
                       [this](const HttpRequest& request, const ClientIdentity&) -> HandlerReply {
                           ++m_puts;
                           m_lastBody = request.json.object();
                           const QString name = QUrl::fromPercentEncoding(
                               request.path.mid(request.path.lastIndexOf('/') + 1));
                           const QString manifest = m_lastBody.value(QStringLiteral("manifest")).toString();
                           if (!m_manifests)
                               return HttpResponse::error(404, QStringLiteral("no manifest \"%1\" in the manifest folder")
                                                                   .arg(manifest));
                           if (!m_forgetful)
                               m_loaded.insert(name);
                           const QJsonObject loaded{{QStringLiteral("gallery"), name}, {QStringLiteral("members"), 7}};
                           if (m_putMs == 0)
                               return HandlerReply(HttpResponse::json(200, loaded));
                           return HandlerReply::later([loaded, ms = m_putMs](const std::stop_token&) {
                               QThread::msleep(ulong(ms));
                               return HandlerReply::answer(HttpResponse::json(200, loaded));
                           });
                       },
                       true, workstation);
    QVERIFY2(m_server->listen(&error), qPrintable(error));
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
    QVERIFY(m_client->manifestOf(QStringLiteral("UA901")).isEmpty());
    const MatchClientReply reply = wait([this](MatchClient::Done done) {
        m_client->loadGallery(QStringLiteral("UA901"), QStringLiteral("UA901.csv"), std::move(done));
    });
    QVERIFY2(reply.ok(), qPrintable(reply.error));
    QCOMPARE(m_lastBody.value(QStringLiteral("manifest")).toString(), QStringLiteral("UA901.csv"));
    QCOMPARE(reply.body.value(QStringLiteral("members")).toInt(), 7);
    QVERIFY(!reply.outcome); // a gallery is not a decision
    QCOMPARE(m_client->manifestOf(QStringLiteral("UA901")), QStringLiteral("UA901.csv"));

    // A gallery the service refused is not remembered.
    m_manifests = false;
    const MatchClientReply refused = wait([this](MatchClient::Done done) {
        m_client->loadGallery(QStringLiteral("UA902"), QStringLiteral("UA902.csv"), std::move(done));
    });
    QCOMPARE(refused.status, 404);
    QVERIFY(m_client->manifestOf(QStringLiteral("UA902")).isEmpty());
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
    // A gallery this client never loaded: nothing to load again, asked once.
    QCOMPARE(m_identifies, 1);
    QCOMPARE(m_puts, 0);
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

void TestMatchClient::aGalleryHasLongerThanADecision()
{
    // The service takes 0.8 s to build the gallery; decisions may take 0.3 s.
    m_putMs = 800;
    MatchClientOptions patient = options();
    patient.timeout = std::chrono::milliseconds(300);
    patient.galleryTimeout = std::chrono::seconds(30);
    QString error;
    std::unique_ptr<MatchClient> client = MatchClient::create(patient, &error);
    QVERIFY2(client, qPrintable(error));
    MatchClientReply reply = wait([&client](MatchClient::Done done) {
        client->loadGallery(QStringLiteral("UA902"), QStringLiteral("UA902.csv"), std::move(done));
    });
    QVERIFY2(reply.ok(), qPrintable(reply.error));
    QCOMPARE(reply.body.value(QStringLiteral("members")).toInt(), 7);

    // With a gallery timeout shorter than the build, the load is said to have timed out.
    patient.galleryTimeout = std::chrono::milliseconds(300);
    client = MatchClient::create(patient, &error);
    QVERIFY2(client, qPrintable(error));
    reply = wait([&client](MatchClient::Done done) {
        client->loadGallery(QStringLiteral("UA903"), QStringLiteral("UA903.csv"), std::move(done));
    });
    QVERIFY(!reply.ok());
    QVERIFY2(reply.error.contains(QStringLiteral("within 0.3 s")), qPrintable(reply.error));
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

void TestMatchClient::aRestartedServiceGetsTheGalleryAgain()
{
    QVERIFY(wait([this](MatchClient::Done done) {
                m_client->loadGallery(QStringLiteral("UA901"), QStringLiteral("UA901.csv"), std::move(done));
            }).ok());
    MatchClientReply reply = wait([this](MatchClient::Done done) {
        m_client->identify("jpeg bytes", QStringLiteral("UA901"), 5, std::move(done));
    });
    QVERIFY2(reply.ok(), qPrintable(reply.error));
    QCOMPARE(m_identifies, 1);

    // The service restarts on the same port: its galleries are gone.
    const quint16 port = m_server->serverPort();
    m_server.reset();
    startServer(port);
    QVERIFY(m_loaded.empty());
    m_identifies = 0;
    m_puts = 0;
    reply = wait([this](MatchClient::Done done) {
        m_client->identify("jpeg bytes 2", QStringLiteral("UA901"), 5, std::move(done));
    });
    QVERIFY2(reply.ok(), qPrintable(reply.error));
    QCOMPARE(reply.status, 200);
    QVERIFY(reply.outcome);
    QCOMPARE(reply.outcome->decision, Encounter::Decision::Match);
    // 404, the gallery put again from its manifest, asked again with the same capture.
    QCOMPARE(m_puts, 1);
    QCOMPARE(m_identifies, 2);
    QCOMPARE(m_loaded, std::set<QString>({QStringLiteral("UA901")}));
    QCOMPARE(m_lastBody.value(QStringLiteral("probe")).toString(), QString::fromLatin1(QByteArray("jpeg bytes 2").toBase64()));
    QCOMPARE(m_lastBody.value(QStringLiteral("gallery")).toString(), QStringLiteral("UA901"));

    // Loaded again, it is not put again.
    reply = wait([this](MatchClient::Done done) {
        m_client->identify("jpeg bytes 3", QStringLiteral("UA901"), 5, std::move(done));
    });
    QVERIFY2(reply.ok(), qPrintable(reply.error));
    QCOMPARE(m_puts, 1);
    QCOMPARE(m_identifies, 3);
}

void TestMatchClient::aGalleryThatCannotBeLoadedAgainIsNoDecision()
{
    QVERIFY(wait([this](MatchClient::Done done) {
                m_client->loadGallery(QStringLiteral("UA901"), QStringLiteral("UA901.csv"), std::move(done));
            }).ok());
    const quint16 port = m_server->serverPort();
    m_server.reset();
    startServer(port);
    m_manifests = false; // the restarted service's folder lacks the manifest
    m_identifies = 0;
    m_puts = 0;
    const MatchClientReply reply = wait([this](MatchClient::Done done) {
        m_client->identify("jpeg bytes", QStringLiteral("UA901"), 5, std::move(done));
    });
    QVERIFY(!reply.ok());
    QVERIFY(!reply.outcome);
    QVERIFY(reply.reachable);
    QCOMPARE(reply.status, 404);
    QCOMPARE(m_puts, 1);
    QCOMPARE(m_identifies, 1); // not asked again without the gallery
    QVERIFY2(reply.error.contains(QStringLiteral("no gallery \"UA901\" is loaded"))
                 && reply.error.contains(QStringLiteral("loading gallery UA901 again from UA901.csv failed"))
                 && reply.error.contains(QStringLiteral("no manifest \"UA901.csv\" in the manifest folder")),
             qPrintable(reply.error));
}

void TestMatchClient::theRetryIsOnlyOnce()
{
    QVERIFY(wait([this](MatchClient::Done done) {
                m_client->loadGallery(QStringLiteral("UA901"), QStringLiteral("UA901.csv"), std::move(done));
            }).ok());
    m_loaded.clear();
    m_forgetful = true; // the PUT answers 200, yet identify still finds no gallery
    m_identifies = 0;
    m_puts = 0;
    const MatchClientReply reply = wait([this](MatchClient::Done done) {
        m_client->identify("jpeg bytes", QStringLiteral("UA901"), 5, std::move(done));
    });
    QVERIFY(!reply.ok());
    QVERIFY(!reply.outcome);
    QCOMPARE(reply.status, 404);
    QVERIFY2(reply.error.contains(QStringLiteral("no gallery \"UA901\" is loaded")), qPrintable(reply.error));
    QCOMPARE(m_puts, 1);
    QCOMPARE(m_identifies, 2);
}

void TestMatchClient::theWordsFollowTheLanguage()
{
    // The officer reads these words in the NO DECISION panel: in French with
    // the French interface; the service's own reason stays as it sent it.
    QTranslator french;
    QVERIFY(french.load(QStringLiteral(FACEGATE_TEST_QM_DIR "/facegate_fr.qm")));
    QVERIFY(QCoreApplication::installTranslator(&french));
    const auto restore = qScopeGuard([&french] { QCoreApplication::removeTranslator(&french); });

    QString error;
    MatchClientOptions broken = options();
    broken.keyPath = m_pki.path(QStringLiteral("no-such.key"));
    QVERIFY(!MatchClient::create(broken, &error));
    QVERIFY2(error.startsWith(QStringLiteral("la clé client %1 ne peut pas être lue : ").arg(broken.keyPath)),
             qPrintable(error));
    broken = options();
    broken.caPath.clear();
    QVERIFY(!MatchClient::create(broken, &error));
    QCOMPARE(error, QStringLiteral("aucun certificat d'AC n'est configuré"));

    const MatchClientReply reply = wait([this](MatchClient::Done done) {
        m_client->identify("jpeg bytes", QStringLiteral("UA902"), 5, std::move(done));
    });
    QCOMPARE(reply.error, QStringLiteral("le service a répondu HTTP 404 : no gallery \"UA902\" is loaded"));
}

QTEST_MAIN(TestMatchClient)
#include "tst_matchclient.moc"
