// MatchingApi over real TLS on loopback (the test PKI of
// installer/make-test-pki.sh), with the real models and faces-dev photos, on
// both record back-ends: verify (same person MATCH, another NO MATCH),
// identify against a gallery loaded by PUT from a manifest written here,
// encounters stored with the partner's identity and a submission id; every
// refusal of the issue (malformed JSON, wrong type, 100 MB, 20000x20000,
// unknown gallery, bad base64, undecodable) leaves the store unchanged; purge
// attestations signed with the partner's key: good, bad signature, another
// partner's submission, twice.
#include "core/biometrics/PipelinePool.h"
#include "core/matching/CalibrationTable.h"
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/service/MatchServer.h"
#include "core/service/MatchingApi.h"
#include "core/service/PurgeAttestation.h"
#include "core/storage/Database.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/RetentionPolicy.h"
#include "tests/service/TlsTestClient.h"
#include "tests/support/JpegBomb.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>
#include <vector>

using namespace fg;
using test::Client;
using test::Reply;

namespace {

QByteArray request(const QByteArray& method, const QByteArray& path, const QByteArray& type, const QByteArray& body)
{
    return method + ' ' + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + type
        + "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray json(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString photoBase64(const QString& relative)
{
    QFile file(test::datasetPath(QStringLiteral("faces-dev/single/") + relative));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().toBase64()) : QString();
}

quint32 crc32(const QByteArray& bytes)
{
    quint32 crc = 0xffffffffu;
    for (const char byte : bytes) {
        crc ^= quint8(byte);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

QByteArray be32(quint32 value)
{
    const char bytes[4] = {char(value >> 24), char(value >> 16), char(value >> 8), char(value)};
    return QByteArray(bytes, 4);
}

// A PNG whose header (with a correct CRC) claims width x height: all the
// service may read of it before refusing it.
QByteArray pngHeaderClaiming(quint32 width, quint32 height)
{
    const QByteArray ihdr = QByteArray("IHDR") + be32(width) + be32(height) + QByteArray("\x08\x02\x00\x00\x00", 5);
    return QByteArray("\x89PNG\r\n\x1a\n", 8) + be32(13) + ihdr + be32(crc32(ihdr)) + QByteArray(64, '\0');
}

// SHA-256 signature with a PEM private key (the partner's), as a partner signs.
QByteArray sign(const QByteArray& pemKey, const QByteArray& message)
{
    BIO* bio = BIO_new_mem_buf(pemKey.constData(), int(pemKey.size()));
    EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr) : nullptr;
    BIO_free(bio);
    EVP_MD_CTX* context = EVP_MD_CTX_new();
    QByteArray signature;
    size_t length = 0;
    if (key && context && EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key) == 1
        && EVP_DigestSign(context, nullptr, &length, reinterpret_cast<const unsigned char*>(message.constData()),
                          size_t(message.size())) == 1) {
        signature.resize(qsizetype(length));
        if (EVP_DigestSign(context, reinterpret_cast<unsigned char*>(signature.data()), &length,
                           reinterpret_cast<const unsigned char*>(message.constData()), size_t(message.size())) == 1)
            signature.resize(qsizetype(length));
        else
            signature.clear();
    }
    EVP_MD_CTX_free(context);
    EVP_PKEY_free(key);
    return signature;
}

// A flight's manifest as `gallery build` reads it (like tests/ui/ClipFlight.h,
// which needs widgets): one row per person of faces-dev/single with their
// first photo, but for those in `absent`; USA for odd rows, GBR for even ones.
QString writeManifest(const QString& folder, const QString& flight, const QStringList& absent)
{
    const QDir single(test::datasetPath(QStringLiteral("faces-dev/single")));
    QFile file(QDir(folder).filePath(flight + QStringLiteral(".csv")));
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write("traveler_id,photo_path,name,citizenship,document_no\n");
    int row = 0;
    for (const QString& person : single.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QStringList photos = QDir(single.filePath(person)).entryList(QDir::Files, QDir::Name);
        if (absent.contains(person) || photos.isEmpty())
            continue;
        file.write(QStringLiteral("%1,%2,%3,%4,P%5\n")
                       .arg(person, QDir(single.filePath(person)).filePath(photos.front()), person,
                            row % 2 ? QStringLiteral("USA") : QStringLiteral("GBR"))
                       .arg(1000 + row)
                       .toUtf8());
        ++row;
    }
    return file.fileName();
}

} // namespace

class TestMatchingApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void verifySamePersonMatches();
    void verifyDifferentPeopleDoNotMatch();
    void identifyAgainstAGalleryLoadedByPut();
    void galleryNamesArePlain();
    void clientsAtOnceAreEachDecidedAndStored();
    void refusalsLeaveTheStoreUnchanged_data();
    void refusalsLeaveTheStoreUnchanged();
    void purgeAttestation();

    // Attacks (issue 15).
    void partnersSeeOnlyTheirOwnGalleries();
    void partnersGetOnlyCandidatesAtTheThreshold();
    void partnerTextFieldsAreBounded_data();
    void partnerTextFieldsAreBounded();

private:
    qint64 identifiesAudited() const;
    Reply putGallery(const QString& name, const QString& organisation);
    qint64 count(const QString& table) const;
    QList<qint64> counts() const;
    Reply send(const QString& certificate, const QByteArray& bytes);
    QJsonObject verifyObama(const QString& certificate);

    test::TestPki m_pki;
    QTemporaryDir m_manifests;
    std::unique_ptr<PipelinePool> m_pipelines;
    test::ManualClock m_clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<test::TestDatabase> m_target;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<AuditLog> m_audit;
    std::unique_ptr<KeyStore> m_keys;
    RetentionPolicy m_policy;
    std::unique_ptr<EncounterStore> m_encounters;
    std::unique_ptr<MatchingApi> m_api;
    std::unique_ptr<MatchServer> m_server;
};

void TestMatchingApi::initTestCase()
{
    qInfo("back-end: %s", qPrintable(test::TestDatabase::backendName()));
    FG_REQUIRE_DATASETS();
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (libqopensslbackend.so)");
    QString error;
    QVERIFY2(m_pki.make(&error), qPrintable(error));
    FacePipeline::Options options;
    options.modelDirectory = test::modelsDir();
    options.quality = QualityLimits::liveProbe();
    // Two: requests from several clients are matched side by side.
    m_pipelines = PipelinePool::create(options, 2, &error);
    QVERIFY2(m_pipelines, qPrintable(error));
    QVERIFY(!writeManifest(m_manifests.path(), QStringLiteral("UA901"),
                                           {QStringLiteral("biden")}).isEmpty());
}

void TestMatchingApi::init()
{
    QString error;
    m_target = std::make_unique<test::TestDatabase>();
    FG_REQUIRE_DATABASE(*m_target);
    m_database = m_target->open(&error);
    QVERIFY2(m_database, qPrintable(error));
    const QString keyFile = QDir(m_target->scratchDir()).filePath(QStringLiteral("test.kek"));
    QVERIFY2(KeyEncryptionKey::createKeyFile(keyFile, &error), qPrintable(error));
    m_audit = std::make_unique<AuditLog>(*m_database, m_clock, fg::test::auditKey());
    m_keys = KeyStore::openWithKeyFile(*m_database, *m_audit, keyFile, QStringLiteral("test:setup"), &error);
    QVERIFY2(m_keys, qPrintable(error));
    m_encounters = std::make_unique<EncounterStore>(*m_database, *m_keys, *m_audit, m_clock, m_policy);

    MatchingApiOptions apiOptions;
    apiOptions.manifestFolder = m_manifests.path();
    m_api = std::make_unique<MatchingApi>(*m_pipelines, *m_database, *m_encounters, *m_audit, m_clock, apiOptions);
    // No revocation here: revoked.pem (CN=ua-camera-9) serves as a second partner.
    const std::optional<TlsServerConfig> tls =
        TlsServerConfig::load(m_pki.serverFiles(), {}, QDateTime::currentDateTimeUtc(), &error);
    QVERIFY2(tls, qPrintable(error));
    MatchServerOptions options;
    options.port = 0;
    options.limits.maxBodyBytes = 16 * 1024 * 1024;
    options.ratePerSecond = 1000;
    options.rateBurst = 1000;
    m_server = std::make_unique<MatchServer>(*tls, RoleMap::defaults(), options, m_clock);
    m_api->registerOn(*m_server);
    QVERIFY2(m_server->listen(&error), qPrintable(error));
}

void TestMatchingApi::cleanup()
{
    m_server.reset();
    m_api.reset();
    m_encounters.reset();
    m_keys.reset();
    m_audit.reset();
    m_database.reset();
    m_target.reset();
}

qint64 TestMatchingApi::identifiesAudited() const
{
    QString error;
    const std::optional<QVariant> value = m_database->scalar(
        QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'service.identify'"), {}, QStringLiteral("audit"),
        &error);
    return value ? value->toLongLong() : -1;
}

// UA901 from its manifest, for the cameras of organisation (none: "").
Reply TestMatchingApi::putGallery(const QString& name, const QString& organisation)
{
    QJsonObject body{{QStringLiteral("manifest"), QStringLiteral("UA901.csv")}};
    if (!organisation.isEmpty())
        body.insert(QStringLiteral("organisation"), organisation);
    return send(QStringLiteral("workstation"),
                request("PUT", "/v1/galleries/" + name.toLatin1(), "application/json", json(body)));
}

qint64 TestMatchingApi::count(const QString& table) const
{
    QString error;
    const std::optional<QVariant> value =
        m_database->scalar(QStringLiteral("SELECT COUNT(*) FROM ") + table, {}, table, &error);
    return value ? value->toLongLong() : -1;
}

QList<qint64> TestMatchingApi::counts() const
{
    return {count(QStringLiteral("encounters")), count(QStringLiteral("photos")), count(QStringLiteral("templates")),
            count(QStringLiteral("service_submissions")), count(QStringLiteral("purge_attestations")),
            count(QStringLiteral("audit_events"))};
}

Reply TestMatchingApi::send(const QString& certificate, const QByteArray& bytes)
{
    Client client(m_pki, certificate);
    return client.exchange(m_server->serverPort(), bytes);
}

QJsonObject TestMatchingApi::verifyObama(const QString& certificate)
{
    const QJsonObject body{{QStringLiteral("probe"), photoBase64(QStringLiteral("obama/02.jpg"))},
                           {QStringLiteral("reference"), photoBase64(QStringLiteral("obama/01.jpg"))},
                           {QStringLiteral("citizenship"), QStringLiteral("USA")},
                           {QStringLiteral("camera"), QStringLiteral("gate B12 camera 1")},
                           {QStringLiteral("flight"), QStringLiteral("ua 901")},
                           {QStringLiteral("kind"), QStringLiteral("exit")}};
    const Reply reply = send(certificate, request("POST", "/v1/verify", "application/json", json(body)));
    if (reply.status != 200)
        qWarning("verify: %d %s", reply.status, reply.body.constData());
    return QJsonDocument::fromJson(reply.body).object();
}

void TestMatchingApi::verifySamePersonMatches()
{
    const QJsonObject answer = verifyObama(QStringLiteral("partner"));
    QCOMPARE(answer.value(QStringLiteral("decision")).toString(), QStringLiteral("match"));
    QString error;
    const std::optional<CalibratedThreshold> calibrated = CalibrationTable::calibrated(1e-3, m_pipelines->modelId(), &error);
    QVERIFY2(calibrated, qPrintable(error));
    QCOMPARE(answer.value(QStringLiteral("threshold")).toDouble(), double(calibrated->threshold));
    QVERIFY(answer.value(QStringLiteral("score")).toDouble() >= double(calibrated->threshold));
    QCOMPARE(answer.value(QStringLiteral("model_id")).toString(), m_pipelines->modelId());
    const qint64 id = answer.value(QStringLiteral("encounter_id")).toInteger();
    const QString submission = answer.value(QStringLiteral("submission_id")).toString();
    QVERIFY(id > 0);
    QCOMPARE(submission.size(), 36);

    const std::optional<Encounter> stored = m_encounters->find(id, &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->partner, QStringLiteral("CN=ua-camera-7,O=United Airlines,OU=partner"));
    QCOMPARE(stored->officer, QStringLiteral("partner:ua-camera-7"));
    QCOMPARE(stored->kind, Encounter::Kind::Exit);
    QCOMPARE(stored->flight, QStringLiteral("UA901"));
    QCOMPARE(stored->citizenship, QStringLiteral("USA"));
    QCOMPARE(stored->decision, std::optional<Encounter::Decision>(Encounter::Decision::Match));
    QCOMPARE(count(QStringLiteral("photos")), 2); // the probe and the reference, sealed
    QCOMPARE(m_database->scalar(QStringLiteral("SELECT encounter_id FROM service_submissions WHERE submission_id = ?"),
                                {submission}, QStringLiteral("submission"), &error)
                 ->toLongLong(),
             id);
    // A workstation's request is decided but not stored: the workstation
    // records the encounter itself, with its officer's action.
    const QList<qint64> before = counts();
    const QJsonObject fromWorkstation = verifyObama(QStringLiteral("workstation"));
    QCOMPARE(fromWorkstation.value(QStringLiteral("decision")).toString(), QStringLiteral("match"));
    QVERIFY(fromWorkstation.value(QStringLiteral("score")).toDouble() >= double(calibrated->threshold));
    QVERIFY(!fromWorkstation.contains(QStringLiteral("encounter_id")));
    QVERIFY(!fromWorkstation.contains(QStringLiteral("submission_id")));
    QCOMPARE(counts(), before);
}

void TestMatchingApi::verifyDifferentPeopleDoNotMatch()
{
    const QJsonObject body{{QStringLiteral("probe"), photoBase64(QStringLiteral("biden/01.jpg"))},
                           {QStringLiteral("reference"), photoBase64(QStringLiteral("obama/01.jpg"))}};
    const Reply reply = send(QStringLiteral("partner"), request("POST", "/v1/verify", "application/json", json(body)));
    QVERIFY2(reply.status == 200, reply.body.constData());
    const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(answer.value(QStringLiteral("decision")).toString(), QStringLiteral("no-match"));
    QVERIFY(answer.value(QStringLiteral("score")).toDouble() < answer.value(QStringLiteral("threshold")).toDouble());
    QCOMPARE(count(QStringLiteral("encounters")), 1);
    QCOMPARE(count(QStringLiteral("queue_items")), 1); // a no-match goes to the supervisor's queue
}

void TestMatchingApi::identifyAgainstAGalleryLoadedByPut()
{
    const QJsonObject probe{{QStringLiteral("probe"), photoBase64(QStringLiteral("obama/02.jpg"))},
                            {QStringLiteral("gallery"), QStringLiteral("UA901")},
                            {QStringLiteral("top"), 3}};
    Reply reply = send(QStringLiteral("partner"), request("POST", "/v1/identify", "application/json", json(probe)));
    QCOMPARE(reply.status, 404); // not loaded yet

    const QByteArray put = request("PUT", "/v1/galleries/UA901", "application/json",
                                   json({{QStringLiteral("manifest"), QStringLiteral("UA901.csv")},
                                         {QStringLiteral("organisation"), QStringLiteral("United Airlines")}}));
    QCOMPARE(send(QStringLiteral("partner"), put).status, 403); // a partner may not load galleries
    reply = send(QStringLiteral("workstation"), put);
    QVERIFY2(reply.status == 200, reply.body.constData());
    const QJsonObject loaded = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(loaded.value(QStringLiteral("gallery")).toString(), QStringLiteral("UA901"));
    QCOMPARE(loaded.value(QStringLiteral("members")).toInt(), 6); // faces-dev/single without biden
    QCOMPARE(m_api->galleryCount(), 1);

    reply = send(QStringLiteral("partner"), request("POST", "/v1/identify", "application/json", json(probe)));
    QVERIFY2(reply.status == 200, reply.body.constData());
    QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(answer.value(QStringLiteral("decision")).toString(), QStringLiteral("match"));
    // A partner gets only the candidates at or above the threshold: obama alone.
    const QJsonArray candidates = answer.value(QStringLiteral("candidates")).toArray();
    QCOMPARE(candidates.size(), 1);
    QCOMPARE(candidates.at(0).toObject().value(QStringLiteral("traveler_id")).toString(), QStringLiteral("obama"));
    QCOMPARE(candidates.at(0).toObject().value(QStringLiteral("score")).toDouble(),
             answer.value(QStringLiteral("score")).toDouble());
    QString error;
    std::optional<Encounter> stored = m_encounters->find(answer.value(QStringLiteral("encounter_id")).toInteger(), &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->flight, QStringLiteral("UA901"));
    QCOMPARE(stored->partner, QStringLiteral("CN=ua-camera-7,O=United Airlines,OU=partner"));
    QCOMPARE(stored->citizenship, QStringLiteral("GBR")); // the matched member's (obama: the fifth row)

    // Biden is not booked on UA901: no match.
    QJsonObject other = probe;
    other.insert(QStringLiteral("probe"), photoBase64(QStringLiteral("biden/01.jpg")));
    reply = send(QStringLiteral("partner"), request("POST", "/v1/identify", "application/json", json(other)));
    QVERIFY2(reply.status == 200, reply.body.constData());
    answer = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(answer.value(QStringLiteral("decision")).toString(), QStringLiteral("no-match"));
    QCOMPARE(count(QStringLiteral("encounters")), 2);

    // The health route names the model and the galleries.
    reply = send(QStringLiteral("partner"), "GET /v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    const QJsonObject health = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(health.value(QStringLiteral("galleries")).toInt(), 1);
    QCOMPARE(health.value(QStringLiteral("model_id")).toString(), m_pipelines->modelId());
}

void TestMatchingApi::clientsAtOnceAreEachDecidedAndStored()
{
    QCOMPARE(putGallery(QStringLiteral("UA901"), QStringLiteral("United Airlines")).status, 200);
    // Four partners' requests in flight together, matched by the two
    // pipelines side by side: each answered with its own decision and
    // stored once, under its own submission.
    const QList<QString> photos{QStringLiteral("obama/02.jpg"), QStringLiteral("biden/01.jpg"),
                                QStringLiteral("obama/02.jpg"), QStringLiteral("biden/01.jpg")};
    std::vector<std::unique_ptr<Client>> clients;
    for (const QString& photo : photos) {
        clients.push_back(std::make_unique<Client>(m_pki, QStringLiteral("partner")));
        clients.back()->connectTo(m_server->serverPort());
        clients.back()->send(request("POST", "/v1/identify", "application/json",
                                     json({{QStringLiteral("probe"), photoBase64(photo)},
                                           {QStringLiteral("gallery"), QStringLiteral("UA901")}})));
    }
    QSet<QString> submissions;
    for (size_t i = 0; i < clients.size(); ++i) {
        const Reply reply = clients[i]->reply();
        QVERIFY2(reply.status == 200, reply.body.constData());
        const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
        QCOMPARE(answer.value(QStringLiteral("decision")).toString(),
                 photos.at(qsizetype(i)).startsWith(QLatin1String("obama")) ? QStringLiteral("match")
                                                                           : QStringLiteral("no-match"));
        submissions.insert(answer.value(QStringLiteral("submission_id")).toString());
    }
    QCOMPARE(submissions.size(), 4);
    QCOMPARE(count(QStringLiteral("encounters")), 4);
    QCOMPARE(count(QStringLiteral("service_submissions")), 4);
}

void TestMatchingApi::galleryNamesArePlain()
{
    QVERIFY(MatchingApi::isPlainName(QStringLiteral("UA901")));
    QVERIFY(MatchingApi::isPlainName(QStringLiteral("UA901.csv")));
    QVERIFY(!MatchingApi::isPlainName(QStringLiteral("..")));
    QVERIFY(!MatchingApi::isPlainName(QStringLiteral(".hidden")));
    QVERIFY(!MatchingApi::isPlainName(QStringLiteral("a/b")));
    QVERIFY(!MatchingApi::isPlainName(QStringLiteral("..%2Fetc")));
    QVERIFY(!MatchingApi::isPlainName(QString()));
    const QList<qint64> before = counts();
    for (const auto& [path, manifest, status] :
         {std::tuple<QByteArray, QString, int>{"/v1/galleries/UA901", QStringLiteral("../UA901.csv"), 400},
          {"/v1/galleries/UA901", QStringLiteral("/etc/passwd"), 400},
          {"/v1/galleries/..%2F..%2Fetc", QStringLiteral("UA901.csv"), 400},
          {"/v1/galleries/UA901", QStringLiteral("absent.csv"), 404}}) {
        const Reply reply = send(QStringLiteral("workstation"),
                                 request("PUT", path, "application/json", json({{QStringLiteral("manifest"), manifest}})));
        QVERIFY2(reply.status == status, qPrintable(QStringLiteral("%1 %2: %3 %4")
                                                        .arg(QString::fromLatin1(path), manifest)
                                                        .arg(reply.status)
                                                        .arg(reply.error())));
        QVERIFY(!reply.error().isEmpty());
    }
    QCOMPARE(m_api->galleryCount(), 0);
    QCOMPARE(counts(), before);
}

void TestMatchingApi::refusalsLeaveTheStoreUnchanged_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("reason");
    QTest::addColumn<int>("audited"); // audit events the refusal adds (an identify is always recorded)
    const QString obama = photoBase64(QStringLiteral("obama/01.jpg"));
    const auto verify = [&](const QJsonObject& body) { return request("POST", "/v1/verify", "application/json", json(body)); };
    QTest::newRow("malformed JSON") << request("POST", "/v1/verify", "application/json", R"({"probe": "abc)") << 400
                                    << QStringLiteral("malformed JSON") << 0;
    QTest::newRow("wrong content type")
        << request("POST", "/v1/verify", "text/plain", json({{QStringLiteral("probe"), obama}})) << 415
        << QStringLiteral("application/json") << 0;
    QTest::newRow("100 MB body") << QByteArray("POST /v1/verify HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
                                               "application/json\r\nContent-Length: 104857600\r\n\r\n{")
                                 << 413 << QStringLiteral("bytes") << 0;
    QTest::newRow("20000x20000 image")
        << verify({{QStringLiteral("probe"), QString::fromLatin1(pngHeaderClaiming(20000, 20000).toBase64())},
                   {QStringLiteral("reference"), obama}})
        << 413 << QStringLiteral("20000 x 20000 pixels") << 0;
    QTest::newRow("unknown gallery")
        << request("POST", "/v1/identify", "application/json",
                   json({{QStringLiteral("probe"), obama}, {QStringLiteral("gallery"), QStringLiteral("XX999")}}))
        << 404 << QStringLiteral("XX999") << 1;
    QTest::newRow("probe missing") << verify({{QStringLiteral("reference"), obama}}) << 400 << QStringLiteral("probe") << 0;
    QTest::newRow("probe not a string") << verify({{QStringLiteral("probe"), 5}, {QStringLiteral("reference"), obama}})
                                        << 400 << QStringLiteral("must be a string") << 0;
    QTest::newRow("bad base64") << verify({{QStringLiteral("probe"), QStringLiteral("%%%not base64%%%")},
                                           {QStringLiteral("reference"), obama}})
                                << 400 << QStringLiteral("not base64") << 0;
    QTest::newRow("not an image") << verify({{QStringLiteral("probe"), QString::fromLatin1(QByteArray(400, 'x').toBase64())},
                                             {QStringLiteral("reference"), obama}})
                                  << 422 << QStringLiteral("cannot be decoded") << 0;
    QByteArray truncated = QByteArray::fromBase64(obama.toLatin1());
    truncated.truncate(600);
    QTest::newRow("truncated JPEG") << verify({{QStringLiteral("probe"), QString::fromLatin1(truncated.toBase64())},
                                               {QStringLiteral("reference"), obama}})
                                    << 422 << QStringLiteral("cannot be decoded") << 0;
    // 123 KB, 12 MP: 11 s of a worker to decode (tests/support/JpegBomb.h).
    const QByteArray bomb = test::progressiveJpegWithScans(cv::Mat(3000, 4000, CV_8UC3, cv::Scalar(90, 120, 150)), 2000);
    QTest::newRow("decode bomb") << verify({{QStringLiteral("probe"), QString::fromLatin1(bomb.toBase64())},
                                            {QStringLiteral("reference"), obama}})
                                 << 422 << QStringLiteral("2000 scans, over the limit of 32") << 0;
    QTest::newRow("bad citizenship") << verify({{QStringLiteral("probe"), obama}, {QStringLiteral("reference"), obama},
                                                {QStringLiteral("citizenship"), QStringLiteral("France")}})
                                     << 400 << QStringLiteral("citizenship") << 0;
    QTest::newRow("both references") << verify({{QStringLiteral("probe"), obama}, {QStringLiteral("reference"), obama},
                                                {QStringLiteral("reference_template"), obama}})
                                     << 400 << QStringLiteral("exactly one") << 0;
}

void TestMatchingApi::refusalsLeaveTheStoreUnchanged()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    QFETCH(QString, reason);
    QFETCH(int, audited);
    QList<qint64> before = counts();
    QCOMPARE(before.front(), 0);
    const Reply reply = send(QStringLiteral("partner"), bytes);
    QCOMPARE(reply.status, status);
    QVERIFY2(reply.error().contains(reason), qPrintable(reply.error()));
    before.back() += audited;
    QCOMPARE(counts(), before);
}

void TestMatchingApi::purgeAttestation()
{
    const QJsonObject first = verifyObama(QStringLiteral("partner"));
    const QString submission = first.value(QStringLiteral("submission_id")).toString();
    const qint64 encounter = first.value(QStringLiteral("encounter_id")).toInteger();
    QVERIFY(!submission.isEmpty());
    const QString deletedAt = QStringLiteral("2026-11-27T10:15:00Z");
    const QByteArray path = "/v1/submissions/" + submission.toLatin1() + "/purge-attestation";
    const QByteArray partnerKey = m_pki.read(QStringLiteral("partner.key"));
    const auto attest = [&](const QString& certificate, const QByteArray& signature, const QByteArray& to) {
        return send(certificate, request("POST", to, "application/json",
                                         json({{QStringLiteral("deleted_at"), deletedAt},
                                               {QStringLiteral("signature"), QString::fromLatin1(signature.toBase64())}})));
    };
    const QByteArray good = sign(partnerKey, PurgeAttestation::signedBytes(submission, deletedAt));
    QVERIFY(!good.isEmpty());
    QCOMPARE(PurgeAttestation::signedBytes(QStringLiteral("s"), QStringLiteral("t")),
             QByteArray("facegate-purge-attestation/v1\ns\nt\n"));
    const QList<qint64> before = counts();

    // Signed over other bytes (another time): 400.
    Reply reply = attest(QStringLiteral("partner"),
                         sign(partnerKey, PurgeAttestation::signedBytes(submission, QStringLiteral("2026-11-27T10:16:00Z"))),
                         path);
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.error().contains(QLatin1String("signature")), qPrintable(reply.error()));
    // Signed by another partner's key, sent by that partner: not its submission, 403.
    reply = attest(QStringLiteral("revoked"),
                   sign(m_pki.read(QStringLiteral("revoked.key")), PurgeAttestation::signedBytes(submission, deletedAt)),
                   path);
    QCOMPARE(reply.status, 403);
    // The good signature from a workstation: the route is the partners'.
    QCOMPARE(attest(QStringLiteral("workstation"), good, path).status, 403);
    // An unknown submission: 404.
    QCOMPARE(attest(QStringLiteral("partner"), good, "/v1/submissions/nope/purge-attestation").status, 404);
    QCOMPARE(counts(), before);

    reply = attest(QStringLiteral("partner"), good, path);
    QVERIFY2(reply.status == 200, reply.body.constData());
    QCOMPARE(QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("encounter_id")).toInteger(), encounter);
    QCOMPARE(count(QStringLiteral("purge_attestations")), 1);
    QString error;
    QCOMPARE(m_database->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = "
                                               "'submission.purge-attested' AND subject = ?"),
                                {QStringLiteral("encounter:%1").arg(encounter)}, QStringLiteral("audit"), &error)
                 ->toLongLong(),
             1);
    QCOMPARE(m_database->scalar(QStringLiteral("SELECT deleted_at_text FROM purge_attestations WHERE submission_id = ?"),
                                {submission}, QStringLiteral("attestation"), &error)
                 ->toString(),
             deletedAt);
    const QList<qint64> after = counts();
    reply = attest(QStringLiteral("partner"), good, path);
    QCOMPARE(reply.status, 409);
    QCOMPARE(counts(), after);
    QVERIFY2(m_audit->verify(&error)->intact, qPrintable(error));
}

// United's cameras identify against United's gallery; Delta's camera asking
// for it is told no such gallery is loaded (as for one that is not), and
// learns no name; a gallery with no organisation is the workstations' alone.
// Every identify, answered or refused, is in the audit log.
void TestMatchingApi::partnersSeeOnlyTheirOwnGalleries()
{
    QCOMPARE(putGallery(QStringLiteral("UA901"), QStringLiteral("United Airlines")).status, 200);
    QCOMPARE(putGallery(QStringLiteral("STAFF"), QString()).status, 200);
    const qint64 auditedBefore = identifiesAudited();
    const auto identify = [&](const QString& certificate, const QString& gallery) {
        return send(certificate, request("POST", "/v1/identify", "application/json",
                                         json({{QStringLiteral("probe"), photoBase64(QStringLiteral("obama/02.jpg"))},
                                               {QStringLiteral("gallery"), gallery}})));
    };
    Reply reply = identify(QStringLiteral("partner-dl"), QStringLiteral("UA901"));
    QCOMPARE(reply.status, 404);
    QVERIFY2(!reply.body.contains("obama"), reply.body.constData());
    QCOMPARE(count(QStringLiteral("encounters")), 0);
    QCOMPARE(identify(QStringLiteral("partner"), QStringLiteral("STAFF")).status, 404);
    QCOMPARE(identify(QStringLiteral("partner"), QStringLiteral("UA901")).status, 200);
    QCOMPARE(identify(QStringLiteral("workstation"), QStringLiteral("STAFF")).status, 200);
    QCOMPARE(identify(QStringLiteral("workstation"), QStringLiteral("UA901")).status, 200);
    // Five identifies, five events: who, which gallery, what came of it.
    QCOMPARE(identifiesAudited() - auditedBefore, 5);
    QString error;
    const std::optional<std::vector<AuditEvent>> events = m_audit->events(1, 1000, &error);
    QVERIFY2(events, qPrintable(error));
    QStringList seen;
    for (const AuditEvent& event : *events) {
        if (event.action == QLatin1String("service.identify"))
            seen << event.actor + QLatin1Char(' ') + event.subject + QLatin1Char(' ')
                    + event.details.value(QStringLiteral("outcome")).toString();
    }
    QCOMPARE(seen, (QStringList{QStringLiteral("partner:dl-camera-2 UA901 refused: the gallery belongs to another organisation"),
                                QStringLiteral("partner:ua-camera-7 STAFF refused: the gallery belongs to another organisation"),
                                QStringLiteral("partner:ua-camera-7 UA901 answered"),
                                QStringLiteral("workstation:gate-b12 STAFF answered"),
                                QStringLiteral("workstation:gate-b12 UA901 answered")}));
}

// A probe far below the threshold got every top-k name and traveler id: a
// partner now gets the decision and no candidate; a workstation's officer
// still sees the top ones.
void TestMatchingApi::partnersGetOnlyCandidatesAtTheThreshold()
{
    QCOMPARE(putGallery(QStringLiteral("UA901"), QStringLiteral("United Airlines")).status, 200);
    const QByteArray biden = request("POST", "/v1/identify", "application/json",
                                     json({{QStringLiteral("probe"), photoBase64(QStringLiteral("biden/01.jpg"))},
                                           {QStringLiteral("gallery"), QStringLiteral("UA901")},
                                           {QStringLiteral("top"), 6}}));
    Reply reply = send(QStringLiteral("partner"), biden);
    QVERIFY2(reply.status == 200, reply.body.constData());
    QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(answer.value(QStringLiteral("decision")).toString(), QStringLiteral("no-match"));
    QCOMPARE(answer.value(QStringLiteral("candidates")).toArray().size(), 0);
    reply = send(QStringLiteral("workstation"), biden);
    QVERIFY2(reply.status == 200, reply.body.constData());
    answer = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(answer.value(QStringLiteral("candidates")).toArray().size(), 6);
}

void TestMatchingApi::partnerTextFieldsAreBounded_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("3 MB camera") << QStringLiteral("camera") << QString(3 * 1024 * 1024, u'c');
    QTest::newRow("camera with CR LF") << QStringLiteral("camera")
                                       << QStringLiteral("gate 1\r\nfg.service: forged line");
    QTest::newRow("65-character flight") << QStringLiteral("flight") << QString(65, u'A');
    QTest::newRow("flight with NUL") << QStringLiteral("flight") << QStringLiteral("UA9") + QChar(0) + QStringLiteral("01");
    QTest::newRow("kind with CR LF") << QStringLiteral("kind") << QStringLiteral("entry\r\nx");
}

// A 3 MB camera name was stored in encounters (which no purge removes), and
// CR LF in it forged lines in the service log: refused, nothing stored, the
// value quoted back short and escaped.
void TestMatchingApi::partnerTextFieldsAreBounded()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    const QList<qint64> before = counts();
    const Reply reply = send(QStringLiteral("partner"),
                             request("POST", "/v1/verify", "application/json",
                                     json({{QStringLiteral("probe"), photoBase64(QStringLiteral("obama/02.jpg"))},
                                           {QStringLiteral("reference"), photoBase64(QStringLiteral("obama/01.jpg"))},
                                           {field, value}})));
    QCOMPARE(reply.status, 400);
    QVERIFY2(reply.error().contains(field), qPrintable(reply.error()));
    QVERIFY2(reply.error().size() < 300 && !reply.error().contains(u'\n') && !reply.error().contains(u'\r'),
             qPrintable(reply.error().left(300)));
    QCOMPARE(counts(), before);
}

QTEST_MAIN(TestMatchingApi)
#include "tst_matchingapi.moc"
