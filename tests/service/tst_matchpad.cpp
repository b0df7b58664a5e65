// facegate-matchd and presentation attacks (issue 20), over real TLS with the
// real models, pad-dev's frames of subject 0004 and a calibration table of the
// test's own (TestPadCalibration.h: BPCER 0.01 decides at 0.5, 0.1 at 0.2), on
// both record back-ends. United Airlines' cameras are refused an attack (the
// default), Delta's have the flag only, at BPCER 0.1 (an override):
// - a partner's print attack is refused: decision "presentation-attack", not
//   matched, stored without a decision with its evidence, queued, counted;
// - its bona fide frame is matched as usual, the assessment beside the match;
// - a partner with refusal off gets a match decision and the flag, stored and queued;
// - a workstation is never refused and stores nothing;
// - an identify is refused before the gallery is searched.
#include "core/biometrics/PipelinePool.h"
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/service/MatchServer.h"
#include "core/service/MatchingApi.h"
#include "core/storage/Database.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/RetentionPolicy.h"
#include "tests/support/TestPadCalibration.h"
#include "tests/service/TlsTestClient.h"
#include "tests/support/ManualClock.h"
#include "tests/support/TestAuditKey.h"
#include "tests/support/TestData.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>

#include <memory>

using namespace fg;
using test::Client;
using test::Reply;

namespace {

const QString kPrint = QStringLiteral("attack/0004/0004_01_00_01_102.jpg");
const QString kBonaFide = QStringLiteral("bonafide/0004/0004_01_00_01_109.jpg");
const QString kReference = QStringLiteral("bonafide/0004/0004_01_00_01_0.jpg"); // the same person, another frame

QString base64Of(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().toBase64()) : QString();
}

QString padDev(const QString& relative)
{
    return base64Of(test::datasetPath(QStringLiteral("pad-dev/") + relative));
}

QByteArray request(const QByteArray& method, const QByteArray& path, const QJsonObject& body)
{
    const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return method + ' ' + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(bytes.size()) + "\r\n\r\n" + bytes;
}

} // namespace

class TestMatchPad : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void partnersPrintAttackIsRefused();
    void partnersBonaFideFrameIsMatchedAsUsual();
    void partnerWithRefusalOffGetsTheDecisionAndTheFlag();
    void workstationIsNeverRefused();
    void identifyIsRefusedBeforeTheGalleryIsSearched();

private:
    Reply send(const QString& certificate, const QByteArray& bytes);
    QJsonObject verify(const QString& certificate, const QString& probe);
    qint64 count(const QString& sql, const QVariantList& values = {}) const;
    // The value of a counter line of /v1/metrics ("name{label=\"value\"}"), 0 when absent.
    qint64 metric(const QByteArray& line);

    test::TestPki m_pki;
    QTemporaryDir m_files; // the calibration table and the manifest folder
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

void TestMatchPad::initTestCase()
{
    qInfo("back-end: %s", qPrintable(test::TestDatabase::backendName()));
    FG_REQUIRE_DATASETS();
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (libqopensslbackend.so)");
    QVERIFY(m_files.isValid());
    QString error;
    QVERIFY2(m_pki.make(&error), qPrintable(error));
    const QString table = m_files.filePath(QStringLiteral("pad-calibration.json"));
    QVERIFY2(test::writePadCalibration(table, &error), qPrintable(error));
    qputenv("FACEGATE_PAD_CALIBRATION", QFile::encodeName(table));

    FacePipeline::Options options;
    options.modelDirectory = test::modelsDir();
    options.quality = QualityLimits::liveProbe();
    m_pipelines = PipelinePool::create(options, 1, PipelinePool::Scorers::WithPresentationAttack, &error);
    QVERIFY2(m_pipelines, qPrintable(error));

    // A flight of one traveler, for identify.
    QFile manifest(m_files.filePath(QStringLiteral("UA901.csv")));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write("traveler_id,photo_path,name,citizenship,document_no\n0004,"
                   + test::datasetPath(QStringLiteral("pad-dev/") + kReference).toUtf8() + ",Subject 0004,GBR,P1\n");
}

void TestMatchPad::init()
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
    apiOptions.manifestFolder = m_files.path();
    apiOptions.presentationAttack =
        PresentationAttackPolicy::make(PresentationAttackPolicy::Action::Refuse, 0.01,
                                       {QStringLiteral("O=Delta Air Lines:flag:0.1")}, PadFrameScorer::modelId(), &error);
    QVERIFY2(apiOptions.presentationAttack, qPrintable(error));
    m_api = std::make_unique<MatchingApi>(*m_pipelines, *m_database, *m_encounters, *m_audit, m_clock, apiOptions);
    const std::optional<TlsServerConfig> tls =
        TlsServerConfig::load(m_pki.serverFiles(), {}, QDateTime::currentDateTimeUtc(), &error);
    QVERIFY2(tls, qPrintable(error));
    MatchServerOptions options;
    options.port = 0;
    options.ratePerSecond = 1000;
    options.rateBurst = 1000;
    m_server = std::make_unique<MatchServer>(*tls, RoleMap::defaults(), options, m_clock);
    m_api->registerOn(*m_server);
    QVERIFY2(m_server->listen(&error), qPrintable(error));
}

void TestMatchPad::cleanup()
{
    m_server.reset();
    m_api.reset();
    m_encounters.reset();
    m_keys.reset();
    m_audit.reset();
    m_database.reset();
    m_target.reset();
}

Reply TestMatchPad::send(const QString& certificate, const QByteArray& bytes)
{
    Client client(m_pki, certificate);
    return client.exchange(m_server->serverPort(), bytes);
}

QJsonObject TestMatchPad::verify(const QString& certificate, const QString& probe)
{
    const Reply reply = send(certificate, request("POST", "/v1/verify", QJsonObject{{QStringLiteral("probe"), padDev(probe)},
                                                                         {QStringLiteral("reference"), padDev(kReference)},
                                                                         {QStringLiteral("citizenship"), QStringLiteral("GBR")},
                                                                         {QStringLiteral("camera"), QStringLiteral("gate 4")}}));
    if (reply.status != 200)
        qWarning("verify: %d %s", reply.status, reply.body.constData());
    return QJsonDocument::fromJson(reply.body).object();
}

qint64 TestMatchPad::count(const QString& sql, const QVariantList& values) const
{
    QString error;
    const std::optional<QVariant> value = m_database->scalar(sql, values, QStringLiteral("count"), &error);
    if (!value)
        qWarning("%s: %s", qPrintable(sql), qPrintable(error));
    return value ? value->toLongLong() : -1;
}

qint64 TestMatchPad::metric(const QByteArray& line)
{
    const Reply reply = send(QStringLiteral("operator"), "GET /v1/metrics HTTP/1.1\r\nHost: localhost\r\n\r\n");
    for (const QByteArray& text : reply.body.split('\n')) {
        if (text.startsWith(line + ' '))
            return text.mid(line.size() + 1).toLongLong();
    }
    return 0;
}

void TestMatchPad::partnersPrintAttackIsRefused()
{
    const QJsonObject answer = verify(QStringLiteral("partner"), kPrint);
    QCOMPARE(answer.value(QStringLiteral("decision")).toString(), QStringLiteral("presentation-attack"));
    // Not matched: no match score, threshold or model of the matcher.
    QVERIFY(!answer.contains(QStringLiteral("score")));
    QVERIFY(!answer.contains(QStringLiteral("threshold")));
    const QJsonObject pad = answer.value(QStringLiteral("presentation_attack")).toObject();
    QCOMPARE(pad.value(QStringLiteral("decision")).toString(), QStringLiteral("attack"));
    QCOMPARE(pad.value(QStringLiteral("threshold")).toDouble(), 0.5);
    QCOMPARE(pad.value(QStringLiteral("bpcer")).toDouble(), 0.01);
    QCOMPARE(pad.value(QStringLiteral("calibration")).toString(), QStringLiteral("test table (not measured)"));
    QVERIFY(pad.value(QStringLiteral("score")).toDouble() >= 0.5);
    QCOMPARE(pad.value(QStringLiteral("cues")).toArray().first().toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("model"));
    QCOMPARE(answer.value(QStringLiteral("submission_id")).toString().size(), 36);

    // Stored all the same: evidence for a supervisor, without a decision.
    const qint64 id = answer.value(QStringLiteral("encounter_id")).toInteger();
    QString error;
    const std::optional<Encounter> stored = m_encounters->find(id, &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->decision, std::optional<Encounter::Decision>());
    QCOMPARE(stored->score, std::optional<double>());
    QCOMPARE(stored->partner, QStringLiteral("CN=ua-camera-7,O=United Airlines,OU=partner"));
    QCOMPARE(stored->citizenship, QStringLiteral("GBR"));
    QCOMPARE(stored->padDecision, QStringLiteral("attack"));
    QCOMPARE(stored->padScore, std::optional<double>(pad.value(QStringLiteral("score")).toDouble()));
    QCOMPARE(stored->padEvidence, pad);
    // The probe and the reference it claimed, sealed.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM photos WHERE encounter_id = ?"), {id}), 2);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE encounter_id = ? AND reason = "
                                  "'presentation-attack'"),
                   {id}),
             1);
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM service_submissions WHERE encounter_id = ?"), {id}), 1);
    // Audited with the encounter.
    const std::optional<std::vector<AuditEvent>> events = m_audit->events(1, 1000, &error);
    QVERIFY2(events, qPrintable(error));
    const auto added = std::find_if(events->cbegin(), events->cend(), [&](const AuditEvent& event) {
        return event.action == QLatin1String("encounter.add") && event.subject == QStringLiteral("encounter:%1").arg(id);
    });
    QVERIFY(added != events->cend());
    QCOMPARE(added->actor, QStringLiteral("partner:ua-camera-7"));
    QCOMPARE(added->details.value(QStringLiteral("pad_decision")).toString(), QStringLiteral("attack"));

    QCOMPARE(metric("facegate_presentation_attacks_total{action=\"refused\"}"), 1);
    QCOMPARE(metric("facegate_decisions_total{decision=\"presentation-attack\"}"), 1);
}

void TestMatchPad::partnersBonaFideFrameIsMatchedAsUsual()
{
    const QJsonObject answer = verify(QStringLiteral("partner"), kBonaFide);
    // Matched: the same person scores over the threshold. (The live-probe
    // quality checks decide between MATCH and POOR QUALITY: in this webcam
    // frame one eye reads as closed, so POOR QUALITY, as for any capture.)
    const QString decision = answer.value(QStringLiteral("decision")).toString();
    QVERIFY2(QStringList({QStringLiteral("match"), QStringLiteral("poor-quality")}).contains(decision),
             qPrintable(decision));
    QVERIFY(answer.value(QStringLiteral("score")).toDouble() >= answer.value(QStringLiteral("threshold")).toDouble());
    const QJsonObject pad = answer.value(QStringLiteral("presentation_attack")).toObject();
    QCOMPARE(pad.value(QStringLiteral("decision")).toString(), QStringLiteral("bona-fide"));
    QVERIFY(pad.value(QStringLiteral("score")).toDouble() < 0.5);

    QString error;
    const std::optional<Encounter> stored = m_encounters->find(answer.value(QStringLiteral("encounter_id")).toInteger(),
                                                               &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->decision, Encounter::decisionFromName(decision));
    QCOMPARE(stored->padDecision, QStringLiteral("bona-fide"));
    QCOMPARE(stored->padEvidence, pad);
    // Queued, if at all, for what the matcher said, never as an attack.
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE reason = 'presentation-attack'")), 0);
    QCOMPARE(metric("facegate_presentation_attacks_total{action=\"refused\"}"), 0);
    QCOMPARE(metric("facegate_presentation_attacks_total{action=\"flagged\"}"), 0);
}

void TestMatchPad::partnerWithRefusalOffGetsTheDecisionAndTheFlag()
{
    // Delta's override: the flag only, at its own operating point.
    const QJsonObject answer = verify(QStringLiteral("partner-dl"), kPrint);
    const QString decision = answer.value(QStringLiteral("decision")).toString();
    QVERIFY2(QStringList({QStringLiteral("match"), QStringLiteral("no-match"), QStringLiteral("poor-quality")})
                 .contains(decision),
             qPrintable(decision));
    QVERIFY(answer.value(QStringLiteral("score")).isDouble());
    const QJsonObject pad = answer.value(QStringLiteral("presentation_attack")).toObject();
    QCOMPARE(pad.value(QStringLiteral("decision")).toString(), QStringLiteral("attack"));
    QCOMPARE(pad.value(QStringLiteral("bpcer")).toDouble(), 0.1);
    QCOMPARE(pad.value(QStringLiteral("threshold")).toDouble(), 0.2);

    const qint64 id = answer.value(QStringLiteral("encounter_id")).toInteger();
    QString error;
    const std::optional<Encounter> stored = m_encounters->find(id, &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->decision, Encounter::decisionFromName(decision));
    QCOMPARE(stored->padDecision, QStringLiteral("attack"));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM queue_items WHERE encounter_id = ? AND reason = "
                                  "'presentation-attack'"),
                   {id}),
             1);
    QCOMPARE(metric("facegate_presentation_attacks_total{action=\"flagged\"}"), 1);
    QCOMPARE(metric("facegate_presentation_attacks_total{action=\"refused\"}"), 0);
}

void TestMatchPad::workstationIsNeverRefused()
{
    const QJsonObject answer = verify(QStringLiteral("workstation"), kPrint);
    QVERIFY2(answer.value(QStringLiteral("decision")).toString() != QLatin1String("presentation-attack"),
             QJsonDocument(answer).toJson().constData());
    QVERIFY(answer.value(QStringLiteral("score")).isDouble());
    QCOMPARE(answer.value(QStringLiteral("presentation_attack")).toObject().value(QStringLiteral("decision")).toString(),
             QStringLiteral("attack"));
    // The desk records it itself, with its own judgement over many frames.
    QVERIFY(!answer.contains(QStringLiteral("encounter_id")));
    QCOMPARE(count(QStringLiteral("SELECT COUNT(*) FROM encounters")), 0);
}

void TestMatchPad::identifyIsRefusedBeforeTheGalleryIsSearched()
{
    const Reply loaded =
        send(QStringLiteral("workstation"),
             request("PUT", "/v1/galleries/UA901", QJsonObject{{QStringLiteral("manifest"), QStringLiteral("UA901.csv")},
                                                               {QStringLiteral("organisation"),
                                                                QStringLiteral("United Airlines")}}));
    QVERIFY2(loaded.status == 200, loaded.body.constData());
    QCOMPARE(QJsonDocument::fromJson(loaded.body).object().value(QStringLiteral("members")).toInt(), 1);

    const Reply reply = send(QStringLiteral("partner"),
                             request("POST", "/v1/identify", QJsonObject{{QStringLiteral("probe"), padDev(kPrint)},
                                                              {QStringLiteral("gallery"), QStringLiteral("UA901")}}));
    QVERIFY2(reply.status == 200, reply.body.constData());
    const QJsonObject answer = QJsonDocument::fromJson(reply.body).object();
    QCOMPARE(answer.value(QStringLiteral("decision")).toString(), QStringLiteral("presentation-attack"));
    QCOMPARE(answer.value(QStringLiteral("gallery")).toString(), QStringLiteral("UA901"));
    QCOMPARE(answer.value(QStringLiteral("candidates")).toArray().size(), 0);
    QVERIFY(!reply.body.contains("Subject 0004"));

    QString error;
    const std::optional<Encounter> stored = m_encounters->find(answer.value(QStringLiteral("encounter_id")).toInteger(),
                                                               &error);
    QVERIFY2(stored, qPrintable(error));
    QCOMPARE(stored->flight, QStringLiteral("UA901"));
    QVERIFY(stored->candidates.isEmpty());
    QCOMPARE(stored->citizenship, QStringLiteral("XXX")); // whose face it shows is not known
    QCOMPARE(stored->padDecision, QStringLiteral("attack"));
    const std::optional<std::vector<AuditEvent>> events = m_audit->events(1, 1000, &error);
    QVERIFY2(events, qPrintable(error));
    QStringList identifies;
    for (const AuditEvent& event : *events) {
        if (event.action == QLatin1String("service.identify"))
            identifies << event.details.value(QStringLiteral("outcome")).toString() + QLatin1Char(' ')
                    + event.details.value(QStringLiteral("presentation_attack")).toObject().value(
                          QStringLiteral("decision")).toString();
    }
    QCOMPARE(identifies, QStringList{QStringLiteral("refused: a presentation attack attack")});
}

QTEST_GUILESS_MAIN(TestMatchPad)
#include "tst_matchpad.moc"
