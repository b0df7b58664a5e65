// facegate-matchd as a program (QProcess): it reads a configuration and the
// test PKI, listens, answers GET /v1/health over mutual TLS, stops cleanly on
// SIGTERM, and refuses to start (exit 1) naming the setting or file at fault
// (among them a presentation-attack BPCER without a calibrated threshold: it
// decides with the test's own table, TestPadCalibration.h).
#include "core/security/KeyEncryptionKey.h"
#include "core/storage/Database.h"
#include "core/storage/DatabaseUrl.h"
#include "tests/support/TestPadCalibration.h"
#include "tests/service/TlsTestClient.h"
#include "tests/support/SoftHsmToken.h"
#include "tests/support/TestData.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <csignal>
#include <memory>
#include <vector>

#include <signal.h>

using namespace fg;

namespace {

// A port free right now: the program cannot report the one it got for port 0.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace

class TestFacegateMatchd : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void servesHealthAndStopsOnSigterm();
    void sealsWithItsKeyInAToken();
    void sigtermStopsWithinSecondsWhateverIsQueued();
    void refusesToStart_data();
    void refusesToStart();
    void refusesToStartWithoutPresentationAttackCalibration();

private:
    // A good configuration: the test PKI's server files (revoked.pem revoked), the
    // records in the temporary folder; [service] comes last, so lines appended go there.
    QString writeConfig(const QString& name, const QString& keyLocation = {}) const;
    // padCalibration: $FACEGATE_PAD_CALIBRATION (the test's table by default).
    void start(QProcess* process, const QStringList& arguments, const QString& padCalibration = {}) const;
    // Starts the daemon on config and port and waits until it says it listens
    // (its standard error so far in *log).
    bool serve(QProcess* daemon, const QString& config, quint16 port, QByteArray* log) const;

    test::TestPki m_pki;
    QTemporaryDir m_dir;
    QString m_padCalibration;
};

void TestFacegateMatchd::initTestCase()
{
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (libqopensslbackend.so)");
    QString error;
    QVERIFY2(m_pki.make(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    QVERIFY2(KeyEncryptionKey::createKeyFile(m_dir.filePath(QStringLiteral("records.kek")), &error), qPrintable(error));
    m_padCalibration = m_dir.filePath(QStringLiteral("pad-calibration.json"));
    QVERIFY2(test::writePadCalibration(m_padCalibration, &error), qPrintable(error));
}

QString TestFacegateMatchd::writeConfig(const QString& name, const QString& keyLocation) const
{
    QFile file(m_dir.filePath(name));
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    const QString text = QStringLiteral("[database]\nurl=sqlite://%1\n[security]\nkeyFile=%2\n[models]\ndir=%3\n"
                                        "[service]\ncertificate=%4\nprivateKey=%5\nclientCa=%6\n"
                                        // Lists as the documentation writes them: unquoted, comma-separated.
                                        "revoked=serial:7f01, sha256:%7\n"
                                        "roles=OU=workstation:workstation, OU=partner:partner, OU=operator:operator\n")
                             .arg(m_dir.filePath(name + QStringLiteral(".db")),
                                  // A URI is quoted: in an INI file an unquoted ';' starts a comment.
                                  keyLocation.isEmpty() ? m_dir.filePath(QStringLiteral("records.kek"))
                                                        : QLatin1Char('"') + keyLocation + QLatin1Char('"'),
                                  test::modelsDir(), m_pki.path(QStringLiteral("server.pem")),
                                  m_pki.path(QStringLiteral("server.key")), m_pki.path(QStringLiteral("ca.pem")),
                                  QString::fromLatin1(m_pki.read(QStringLiteral("revoked.sha256")).trimmed()));
    file.write(text.toUtf8());
    return file.fileName();
}

void TestFacegateMatchd::start(QProcess* process, const QStringList& arguments, const QString& padCalibration) const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("FACEGATE_CONFIG"));
    environment.insert(QStringLiteral("FACEGATE_PAD_CALIBRATION"),
                       padCalibration.isEmpty() ? m_padCalibration : padCalibration);
    environment.insert(QStringLiteral("HOME"), m_dir.path()); // nothing of the user's is read or written
    process->setProcessEnvironment(environment);
    process->start(QStringLiteral(FACEGATE_MATCHD), arguments);
}

bool TestFacegateMatchd::serve(QProcess* daemon, const QString& config, quint16 port, QByteArray* log) const
{
    start(daemon, {QStringLiteral("--config"), config, QStringLiteral("--listen"),
                   QStringLiteral("127.0.0.1:%1").arg(port)});
    if (!daemon->waitForStarted(10000)) {
        qWarning("facegate-matchd did not start: %s", qPrintable(daemon->errorString()));
        return false;
    }
    // Listening once it says so (the models load first: seconds).
    const QByteArray listening = QStringLiteral("listening on 127.0.0.1 port %1").arg(port).toUtf8();
    QDeadlineTimer deadline(120000);
    while (!log->contains(listening) && daemon->state() == QProcess::Running && !deadline.hasExpired()) {
        daemon->waitForReadyRead(200);
        *log += daemon->readAllStandardError();
    }
    if (!log->contains(listening))
        qWarning("facegate-matchd is not listening: %s", log->constData());
    return log->contains(listening);
}

void TestFacegateMatchd::servesHealthAndStopsOnSigterm()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const QString config = writeConfig(QStringLiteral("serving.ini"));
    QVERIFY(!config.isEmpty());
    QProcess daemon;
    QByteArray log;
    QVERIFY(serve(&daemon, config, port, &log));
    // The operating point it decides presentation attacks at, from the test's table.
    QVERIFY2(log.contains("presentation attacks of partners' probes: refuse at BPCER 0.01 (threshold 0.500"),
             log.constData());

    test::Client partner(m_pki, QStringLiteral("partner"));
    const test::Reply health = partner.exchange(port, "GET /v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n");
    QCOMPARE(health.status, 200);
    const QJsonObject answer = QJsonDocument::fromJson(health.body).object();
    QCOMPARE(answer.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(answer.value(QStringLiteral("version")).toString(), QStringLiteral(FACEGATE_VERSION));
    // The revoked certificate of the configuration (the second of two entries)
    // is refused in the handshake.
    test::Client revoked(m_pki, QStringLiteral("revoked"));
    QCOMPARE(revoked.exchange(port, "GET /v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n").status, 0);

    QCOMPARE(::kill(pid_t(daemon.processId()), SIGTERM), 0);
    QVERIFY(daemon.waitForFinished(30000));
    log += daemon.readAllStandardError();
    QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon.exitCode(), 0);
    QVERIFY2(log.contains("signal 15") && log.contains("stopped"), log.constData());
    // The port is free again.
    QTcpServer again;
    QVERIFY(again.listen(QHostAddress::LocalHost, port));
}

// Issue 18: the records' KEK in a PKCS#11 token (SoftHSM2) and no key file:
// the service starts, a partner's verification is stored with its photos
// sealed under the token's key, and no key file appears.
void TestFacegateMatchd::sealsWithItsKeyInAToken()
{
    FG_REQUIRE_DATASETS();
    QString error;
    test::SoftHsmToken token;
    QVERIFY2(token.init(QStringLiteral("FaceGate"), &error), qPrintable(error));
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const QString config = writeConfig(QStringLiteral("token.ini"), token.uri(QStringLiteral("matchd-kek")));
    QVERIFY(!config.isEmpty());
    QProcess daemon;
    QByteArray log;
    QVERIFY(serve(&daemon, config, port, &log));

    const auto photo = [](const QString& relative) {
        QFile file(test::datasetPath(relative));
        return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().toBase64()) : QString();
    };
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("probe"), photo(QStringLiteral("faces-dev/single/biden/01.jpg"))},
                                                      {QStringLiteral("reference"), photo(QStringLiteral("faces-dev/single/biden/02.jpg"))},
                                                      {QStringLiteral("citizenship"), QStringLiteral("CAN")}})
                                .toJson(QJsonDocument::Compact);
    test::Client partner(m_pki, QStringLiteral("partner"));
    const test::Reply reply = partner.exchange(port, "POST /v1/verify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                                     "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
    QVERIFY2(reply.status == 200, reply.body.constData());
    QCOMPARE(::kill(pid_t(daemon.processId()), SIGTERM), 0);
    QVERIFY(daemon.waitForFinished(60000));
    log += daemon.readAllStandardError();
    QVERIFY2(daemon.exitCode() == 0, log.constData());

    const std::optional<DatabaseUrl> url =
        DatabaseUrl::parse(QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("token.ini.db")), &error);
    QVERIFY2(url, qPrintable(error));
    const std::unique_ptr<Database> database = Database::open(*url, &error);
    QVERIFY2(database, qPrintable(error));
    const auto kind = database->scalar(QStringLiteral("SELECT kind FROM keks"), {}, QStringLiteral("the key"), &error);
    QVERIFY2(kind, qPrintable(error));
    QCOMPARE(kind->toString(), QStringLiteral("pkcs11"));
    const auto sealed = database->scalar(QStringLiteral("SELECT COUNT(*) FROM data_keys d JOIN keks k ON k.id = d.kek_id "
                                                        "WHERE k.kind = 'pkcs11' AND d.binding LIKE 'photo:%'"),
                                         {}, QStringLiteral("the photos' keys"), &error);
    QVERIFY2(sealed, qPrintable(error));
    QCOMPARE(sealed->toLongLong(), qint64(2)); // the capture and the reference
    // HOME is m_dir: no default key file was made beside the configured token.
    QVERIFY(!QFileInfo::exists(m_dir.filePath(QStringLiteral(".local/share/facegate/keys/facegate.kek"))));
}

// SIGTERM with a worker busy and more work queued: the queued work is
// dropped and the running one stops at its next step, so the service is gone
// within seconds (it waited for every queued request before).
void TestFacegateMatchd::sigtermStopsWithinSecondsWhateverIsQueued()
{
    const quint16 port = freePort();
    QVERIFY(port != 0);
    const QString config = writeConfig(QStringLiteral("sigterm.ini"));
    QVERIFY(!config.isEmpty());
    {
        QFile file(config);
        QVERIFY(file.open(QIODevice::Append));
        file.write("workers=1\nmaxConcurrent=16\n");
    }
    QProcess daemon;
    QByteArray log;
    QVERIFY(serve(&daemon, config, port, &log));

    // A 36 MP photo (smooth, so 1 MB as JPEG): a second or more of a worker per verify.
    cv::Mat noise(60, 60, CV_8UC3);
    cv::randu(noise, cv::Scalar::all(0), cv::Scalar::all(255));
    cv::Mat large;
    cv::resize(noise, large, cv::Size(6000, 6000), 0, 0, cv::INTER_CUBIC);
    std::vector<uchar> jpeg;
    QVERIFY(cv::imencode(".jpg", large, jpeg, {cv::IMWRITE_JPEG_QUALITY, 80}));
    const QString photo = QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(jpeg.data()),
                                                         qsizetype(jpeg.size())).toBase64());
    const QByteArray body = QJsonDocument(QJsonObject{{QStringLiteral("probe"), photo},
                                                      {QStringLiteral("reference"), photo}})
                                .toJson(QJsonDocument::Compact);
    const QByteArray verify = "POST /v1/verify HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                              "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
    const auto clients = test::openClients(m_pki, port, 8, {QStringLiteral("workstation"), QStringLiteral("partner")},
                                           verify);
    QVERIFY(test::spinUntil([&] {
        return std::all_of(clients.cbegin(), clients.cend(),
                           [](const auto& client) { return client->socket().encryptedBytesToWrite() == 0
                                                        && client->socket().bytesToWrite() == 0; });
    }));
    QTest::qWait(1000); // the eight are read; one is being matched, seven wait

    QElapsedTimer stopping;
    stopping.start();
    QCOMPARE(::kill(pid_t(daemon.processId()), SIGTERM), 0);
    QVERIFY(daemon.waitForFinished(60000));
    const qint64 tookMs = stopping.elapsed();
    log += daemon.readAllStandardError();
    QCOMPARE(daemon.exitCode(), 0);
    QVERIFY2(tookMs < 4000, qPrintable(QStringLiteral("stopping took %1 ms:\n%2")
                                           .arg(tookMs)
                                           .arg(QString::fromUtf8(log.right(2000)))));
    qInfo("stopped %lld ms after SIGTERM with 8 verifies of 36 MP photos in progress", tookMs);
}

void TestFacegateMatchd::refusesToStart_data()
{
    QTest::addColumn<QString>("service");   // extra lines under [service] (or a section of their own)
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<QString>("named");      // what stderr must name

    const QString missing = m_dir.filePath(QStringLiteral("no-such-server.pem"));
    QTest::newRow("missing certificate file")
        << QStringLiteral("certificate=%1\n").arg(missing) << QStringList() << missing;
    QTest::newRow("certificate not set") << QStringLiteral("certificate=\n") << QStringList()
                                         << QStringLiteral("service/certificate");
    QTest::newRow("bad roles") << QStringLiteral("roles=OU partner\n") << QStringList() << QStringLiteral("service/roles");
    QTest::newRow("bad listen option") << QString() << QStringList{QStringLiteral("--listen"), QStringLiteral("localhost")}
                                       << QStringLiteral("service/listen");
    QTest::newRow("out of range") << QStringLiteral("maxConcurrent=0\n") << QStringList()
                                  << QStringLiteral("service/maxConcurrent");
    QTest::newRow("per-address handshakes out of range") << QStringLiteral("handshakesPerAddress=0\n") << QStringList()
                                                         << QStringLiteral("service/handshakesPerAddress");
    QTest::newRow("a path with a comma and no quotes") << QStringLiteral("manifestFolder=/srv/a,b\n") << QStringList()
                                                   << QStringLiteral("service/manifestFolder");
    // Issue 18: the records' TLS settings reach the service's connection,
    // which names a missing CA file before it tries the network.
    // Issue 20: a presentation-attack operating point the calibration table
    // does not cover (it holds BPCER 0.001 to 0.1), a bad partner override.
    QTest::newRow("BPCER not calibrated") << QStringLiteral("padBpcer=0.0001\n") << QStringList()
                                          << QStringLiteral("service/padBpcer");
    QTest::newRow("bad action") << QStringLiteral("padAction=allow\n") << QStringList()
                                << QStringLiteral("service/padAction");
    QTest::newRow("bad partner override") << QStringLiteral("padPartners=O=Delta Air Lines:allow\n") << QStringList()
                                          << QStringLiteral("service/padPartners");
    const QString missingCa = m_dir.filePath(QStringLiteral("no-such-db-ca.pem"));
    QTest::newRow("database CA missing")
        << QStringLiteral("[database]\nurl=postgresql://facegate@db.port.example:5432/records\nsslrootcert=%1\n")
               .arg(missingCa)
        << QStringList() << QStringLiteral("%1 (sslrootcert) does not exist").arg(missingCa);
}

void TestFacegateMatchd::refusesToStart()
{
    QFETCH(QString, service);
    QFETCH(QStringList, options);
    QFETCH(QString, named);
    QString name = QStringLiteral("refused-%1.ini").arg(QString::fromLatin1(QTest::currentDataTag()));
    const QString config = writeConfig(name.replace(u' ', u'-'));
    QVERIFY(!config.isEmpty());
    // The row's [service] lines replace those of the good configuration.
    QFile file(config);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    file.close();
    for (const QString& line : service.split(u'\n', Qt::SkipEmptyParts)) {
        const QString key = line.section(u'=', 0, 0) + u'=';
        lines.removeIf([&](const QString& existing) { return existing.startsWith(key); });
        lines.append(line);
    }
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(lines.join(u'\n').toUtf8() + '\n');
    file.close();

    QProcess daemon;
    start(&daemon, QStringList{QStringLiteral("--config"), config} + options);
    QVERIFY(daemon.waitForFinished(120000));
    const QString log = QString::fromUtf8(daemon.readAllStandardError());
    QCOMPARE(daemon.exitStatus(), QProcess::NormalExit);
    QCOMPARE(daemon.exitCode(), 1);
    QVERIFY2(log.contains(named), qPrintable(log));
    QVERIFY2(!log.contains(QStringLiteral("listening on")), qPrintable(log));
}

// Issue 20: no calibration table for the presentation-attack model, so no
// threshold to decide with: the service does not start rather than decide
// without one.
void TestFacegateMatchd::refusesToStartWithoutPresentationAttackCalibration()
{
    const QString config = writeConfig(QStringLiteral("no-pad-table.ini"));
    QVERIFY(!config.isEmpty());
    const QString missing = m_dir.filePath(QStringLiteral("no-such-pad-table.json"));
    QProcess daemon;
    start(&daemon, {QStringLiteral("--config"), config}, missing);
    QVERIFY(daemon.waitForFinished(120000));
    const QString log = QString::fromUtf8(daemon.readAllStandardError());
    QCOMPARE(daemon.exitCode(), 1);
    QVERIFY2(log.contains(QStringLiteral("cannot start")) && log.contains(QStringLiteral("service/padBpcer"))
                 && log.contains(QStringLiteral("BPCER 0.01")) && log.contains(missing),
             qPrintable(log));
    QVERIFY2(!log.contains(QStringLiteral("listening on")), qPrintable(log));
}

QTEST_GUILESS_MAIN(TestFacegateMatchd)
#include "tst_facegatematchd.moc"
