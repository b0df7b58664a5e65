// facegate-matchd under attack, on loopback, bounded in time (issue 15). The
// built daemon serves two honest clients, a workstation and a partner (mutual
// TLS, a new connection per request, a verify of faces-dev photos each in
// turn), first alone for FACEGATE_SOAK_SECONDS (default 60), then for as long
// again while an attacker process (this executable, "attack") runs:
//   - a half-open flood: 100 silent TCP connections from 127.0.0.2, topped up;
//   - slow dribblers: 8 requests whose head comes a byte every 2 s (127.0.0.3);
//   - a decode bomb (a 2000-scan progressive JPEG) every 2 s;
//   - unread pipelining: 2000 requests on one connection, answers never read;
//   - a partner (Delta's camera) identifying against United's gallery each second.
// The honest clients must keep getting their answers: no error in either
// phase. Their p50/p99 latency, the daemon's resident memory at the start and
// end, and what the attacker got are printed (qInfo) for the note;
// figures are not asserted (benchmarks are the place for speed).
#include "tests/support/TestPadCalibration.h"
#include "tests/service/TlsTestClient.h"
#include "tests/support/JpegBomb.h"
#include "tests/support/TestData.h"
#include "core/security/KeyEncryptionKey.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QMap>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>

#include <opencv2/core.hpp>

#include <algorithm>
#include <csignal>
#include <memory>
#include <vector>

#include <signal.h>

using namespace fg;

namespace {

const QHostAddress kFlooder(QStringLiteral("127.0.0.2"));
const QHostAddress kTlsAttacker(QStringLiteral("127.0.0.3"));

int soakSeconds()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("FACEGATE_SOAK_SECONDS", &ok);
    return ok && seconds > 0 ? seconds : 60;
}

QByteArray httpRequest(const QByteArray& method, const QByteArray& path, const QByteArray& body = {})
{
    QByteArray bytes = method + ' ' + path + " HTTP/1.1\r\nHost: localhost\r\n";
    if (!body.isEmpty() || method != "GET")
        bytes += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return bytes + "\r\n" + body;
}

QByteArray jsonBytes(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString photo(const QString& relative)
{
    QFile file(test::datasetPath(QStringLiteral("faces-dev/single/") + relative));
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll().toBase64()) : QString();
}

qint64 residentKilobytes(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').front().toLongLong();
    }
    return -1;
}

// --- The attacker (a process of its own) -------------------------------------

// Each kind of attack keeps going for the whole run; statuses it is answered
// with are counted per attack and printed at the end.
class Attacker : public QObject {
public:
    Attacker(quint16 port, const QString& pkiDir)
        : m_port(port)
        , m_tls(test::TestPki(pkiDir).clientConfiguration(QStringLiteral("partner-dl")))
    {
        const QByteArray bombJpeg =
            test::progressiveJpegWithScans(cv::Mat(3000, 4000, CV_8UC3, cv::Scalar(90, 120, 150)), 2000);
        m_bomb = httpRequest("POST", "/v1/verify",
                             jsonBytes({{QStringLiteral("probe"), QString::fromLatin1(bombJpeg.toBase64())},
                                        {QStringLiteral("reference"), QString::fromLatin1(bombJpeg.toBase64())}}));
        m_probe = httpRequest("POST", "/v1/identify",
                              jsonBytes({{QStringLiteral("probe"), photo(QStringLiteral("obama/02.jpg"))},
                                         {QStringLiteral("gallery"), QStringLiteral("UA901")}}));
        for (int i = 0; i < 2000; ++i)
            m_pipelined += httpRequest("GET", "/v1/health");
    }

    void start()
    {
        connect(&m_flood, &QTimer::timeout, this, &Attacker::topUpFlood);
        m_flood.start(200);
        for (int i = 0; i < 8; ++i)
            dribble();
        connect(&m_drip, &QTimer::timeout, this, [this] {
            for (QSslSocket* socket : std::as_const(m_dribblers)) {
                if (socket->isEncrypted())
                    socket->write("x");
            }
        });
        m_drip.start(2000);
        connect(&m_bombs, &QTimer::timeout, this, [this] { oneShot(QStringLiteral("bomb"), m_bomb); });
        m_bombs.start(2000);
        connect(&m_probes, &QTimer::timeout, this, [this] { oneShot(QStringLiteral("probe"), m_probe); });
        m_probes.start(1000);
        pipeline();
    }

    void report() const
    {
        QTextStream out(stdout);
        out << "attacker: flood connections opened " << m_floodOpened << ", dribbler connections " << m_dribblersOpened
            << ", pipelining connections " << m_pipelinesOpened << '\n';
        for (auto it = m_statuses.cbegin(); it != m_statuses.cend(); ++it)
            out << "attacker: " << it.key() << " answered " << it.value() << " times\n";
        out.flush();
    }

private:
    QSslSocket* tlsSocket()
    {
        auto* socket = new QSslSocket(this);
        socket->setSslConfiguration(m_tls);
        socket->bind(kTlsAttacker, 0);
        return socket;
    }

    void count(const QString& attack, const QByteArray& received)
    {
        const QList<QByteArray> words = received.left(received.indexOf('\r')).split(' ');
        const QString status = words.size() > 1 ? QString::fromLatin1(words.at(1)) : QStringLiteral("none");
        ++m_statuses[attack + QLatin1Char(' ') + status];
    }

    void topUpFlood()
    {
        m_floodSockets.erase(std::remove_if(m_floodSockets.begin(), m_floodSockets.end(),
                                            [](const std::unique_ptr<QTcpSocket>& socket) {
                                                return socket->state() == QAbstractSocket::UnconnectedState;
                                            }),
                             m_floodSockets.end());
        while (m_floodSockets.size() < 100) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->bind(kFlooder, 0);
            socket->connectToHost(QHostAddress::LocalHost, m_port);
            m_floodSockets.push_back(std::move(socket));
            ++m_floodOpened;
        }
    }

    void dribble()
    {
        QSslSocket* socket = tlsSocket();
        m_dribblers.append(socket);
        ++m_dribblersOpened;
        // The head of a request, then a byte of a header every 2 s.
        connect(socket, &QSslSocket::encrypted, socket,
                [socket] { socket->write("POST /v1/verify HTTP/1.1\r\nHost: localhost\r\nX-Slow: "); });
        connect(socket, &QSslSocket::readyRead, socket, [this, socket] { count(QStringLiteral("dribbler"), socket->readAll()); });
        connect(socket, &QSslSocket::disconnected, this, [this, socket] {
            m_dribblers.removeAll(socket);
            socket->deleteLater();
            QTimer::singleShot(100, this, &Attacker::dribble);
        });
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port, QStringLiteral("localhost"));
    }

    void oneShot(const QString& attack, const QByteArray& request)
    {
        QSslSocket* socket = tlsSocket();
        connect(socket, &QSslSocket::encrypted, socket, [socket, request] { socket->write(request); });
        connect(socket, &QSslSocket::readyRead, socket, [this, socket, attack] {
            count(attack, socket->readAll());
            socket->abort();
        });
        connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(30000, socket, [socket] { socket->abort(); socket->deleteLater(); });
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port, QStringLiteral("localhost"));
    }

    void pipeline()
    {
        QSslSocket* socket = tlsSocket();
        socket->setReadBufferSize(1); // never read: the answers pile up at the server
        ++m_pipelinesOpened;
        connect(socket, &QSslSocket::encrypted, socket, [this, socket] { socket->write(m_pipelined); });
        connect(socket, &QSslSocket::disconnected, this, [this, socket] {
            socket->deleteLater();
            QTimer::singleShot(100, this, &Attacker::pipeline);
        });
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port, QStringLiteral("localhost"));
    }

    quint16 m_port;
    QSslConfiguration m_tls;
    QByteArray m_bomb;
    QByteArray m_probe;
    QByteArray m_pipelined;
    QTimer m_flood;
    QTimer m_drip;
    QTimer m_bombs;
    QTimer m_probes;
    std::vector<std::unique_ptr<QTcpSocket>> m_floodSockets;
    QList<QSslSocket*> m_dribblers;
    QMap<QString, int> m_statuses;
    int m_floodOpened = 0;
    int m_dribblersOpened = 0;
    int m_pipelinesOpened = 0;
};

int runAttacker(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc != 5) {
        fprintf(stderr, "usage: %s attack PORT PKI_DIR SECONDS\n", argv[0]);
        return 2;
    }
    Attacker attacker(quint16(QByteArray(argv[2]).toUInt()), QString::fromLocal8Bit(argv[3]));
    attacker.start();
    QTimer::singleShot(QByteArray(argv[4]).toInt() * 1000, &app, [&] {
        attacker.report();
        QCoreApplication::quit();
    });
    return QCoreApplication::exec();
}

// --- The honest clients and the measurements ---------------------------------

struct Phase {
    QString name;
    std::vector<double> latenciesMs;
    int errors = 0;
    QStringList errorLines;

    double percentile(double p) const
    {
        if (latenciesMs.empty())
            return 0;
        std::vector<double> sorted = latenciesMs;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::min(sorted.size() - 1, size_t(p * double(sorted.size())))];
    }
};

} // namespace

class TestMatchdSoak : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void honestClientsAreServedWhileAttacked();

private:
    void runHonest(Phase* phase, int seconds);

    test::TestPki m_pki;
    QTemporaryDir m_dir;
    QProcess m_daemon;
    quint16 m_port = 0;
    QByteArray m_partnerVerify;
    QByteArray m_workstationVerify;
};

void TestMatchdSoak::initTestCase()
{
    FG_REQUIRE_DATASETS();
    QVERIFY2(QSslSocket::supportsSsl(), "Qt has no TLS backend (libqopensslbackend.so)");
    QString error;
    QVERIFY2(m_pki.make(&error), qPrintable(error));
    QVERIFY(m_dir.isValid());
    QVERIFY2(KeyEncryptionKey::createKeyFile(m_dir.filePath(QStringLiteral("records.kek")), &error), qPrintable(error));
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        m_port = probe.serverPort();
    }
    // United's gallery: three members of faces-dev/single.
    QDir(m_dir.path()).mkdir(QStringLiteral("manifests"));
    QFile manifest(m_dir.filePath(QStringLiteral("manifests/UA901.csv")));
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write("traveler_id,photo_path,name,citizenship,document_no\n");
    int row = 0;
    for (const QString& person : {QStringLiteral("obama"), QStringLiteral("biden")}) {
        manifest.write(QStringLiteral("%1,%2,%1,USA,P%3\n")
                           .arg(person, test::datasetPath(QStringLiteral("faces-dev/single/%1/01.jpg").arg(person)))
                           .arg(1000 + row++)
                           .toUtf8());
    }
    manifest.close();

    QFile config(m_dir.filePath(QStringLiteral("facegate.ini")));
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QStringLiteral("[database]\nurl=sqlite://%1\n[security]\nkeyFile=%2\n[models]\ndir=%3\n"
                                "[service]\ncertificate=%4\nprivateKey=%5\nclientCa=%6\nmanifestFolder=%7\n"
                                "workers=2\n")
                     .arg(m_dir.filePath(QStringLiteral("records.db")), m_dir.filePath(QStringLiteral("records.kek")),
                          test::modelsDir(), m_pki.path(QStringLiteral("server.pem")),
                          m_pki.path(QStringLiteral("server.key")), m_pki.path(QStringLiteral("ca.pem")),
                          m_dir.filePath(QStringLiteral("manifests")))
                     .toUtf8());
    config.close();

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("FACEGATE_CONFIG"));
    environment.insert(QStringLiteral("HOME"), m_dir.path());
    // Presentation attacks decided with the test's own table (issue 20).
    const QString padCalibration = m_dir.filePath(QStringLiteral("pad-calibration.json"));
    QVERIFY2(test::writePadCalibration(padCalibration, &error), qPrintable(error));
    environment.insert(QStringLiteral("FACEGATE_PAD_CALIBRATION"), padCalibration);
    m_daemon.setProcessEnvironment(environment);
    // The service's lines go to a file (a pipe nobody reads would stall it).
    const QString logPath = m_dir.filePath(QStringLiteral("matchd.log"));
    m_daemon.setStandardErrorFile(logPath);
    m_daemon.setStandardOutputFile(QProcess::nullDevice());
    m_daemon.start(QStringLiteral(FACEGATE_MATCHD),
                   {QStringLiteral("--config"), config.fileName(), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:%1").arg(m_port)});
    QVERIFY2(m_daemon.waitForStarted(10000), qPrintable(m_daemon.errorString()));
    QByteArray log;
    QDeadlineTimer deadline(120000);
    while (!log.contains("listening on") && m_daemon.state() == QProcess::Running && !deadline.hasExpired()) {
        m_daemon.waitForFinished(200);
        QFile file(logPath);
        log = file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    QVERIFY2(log.contains("listening on"), log.constData());

    test::Client loader(m_pki, QStringLiteral("workstation"));
    const test::Reply loaded = loader.exchange(
        m_port, httpRequest("PUT", "/v1/galleries/UA901",
                            jsonBytes({{QStringLiteral("manifest"), QStringLiteral("UA901.csv")},
                                       {QStringLiteral("organisation"), QStringLiteral("United Airlines")}})));
    QVERIFY2(loaded.status == 200, loaded.body.constData());

    m_partnerVerify = httpRequest("POST", "/v1/verify",
                                  jsonBytes({{QStringLiteral("probe"), photo(QStringLiteral("obama/02.jpg"))},
                                             {QStringLiteral("reference"), photo(QStringLiteral("obama/01.jpg"))},
                                             {QStringLiteral("camera"), QStringLiteral("ua gate 7")}}));
    m_workstationVerify = httpRequest("POST", "/v1/verify",
                                      jsonBytes({{QStringLiteral("probe"), photo(QStringLiteral("biden/02.jpg"))},
                                                 {QStringLiteral("reference"), photo(QStringLiteral("biden/01.jpg"))}}));
}

void TestMatchdSoak::cleanupTestCase()
{
    if (m_daemon.state() == QProcess::Running) {
        ::kill(pid_t(m_daemon.processId()), SIGTERM);
        m_daemon.waitForFinished(30000);
    }
}

// The partner and the workstation in turn, a new connection per request, for
// `seconds`: every answer that is not a 200 within 10 s is an error.
void TestMatchdSoak::runHonest(Phase* phase, int seconds)
{
    QElapsedTimer running;
    running.start();
    bool partnerTurn = true;
    while (running.elapsed() < qint64(seconds) * 1000) {
        const QString certificate = partnerTurn ? QStringLiteral("partner") : QStringLiteral("workstation");
        QElapsedTimer one;
        one.start();
        test::Client client(m_pki, certificate);
        const test::Reply reply = client.exchange(m_port, partnerTurn ? m_partnerVerify : m_workstationVerify);
        const double ms = double(one.nsecsElapsed()) / 1e6;
        if (reply.status == 200) {
            phase->latenciesMs.push_back(ms);
        } else {
            ++phase->errors;
            if (phase->errorLines.size() < 10)
                phase->errorLines << QStringLiteral("%1: %2 %3").arg(certificate).arg(reply.status).arg(reply.error());
        }
        partnerTurn = !partnerTurn;
    }
}

void TestMatchdSoak::honestClientsAreServedWhileAttacked()
{
    const int seconds = soakSeconds();
    const qint64 pid = m_daemon.processId();
    const qint64 rssStart = residentKilobytes(pid);

    Phase alone;
    alone.name = QStringLiteral("without the attacker");
    runHonest(&alone, seconds);
    const qint64 rssBeforeAttack = residentKilobytes(pid);

    QProcess attacker;
    attacker.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    attacker.start(QCoreApplication::applicationFilePath(),
                   {QStringLiteral("attack"), QString::number(m_port), m_pki.path(QString()), QString::number(seconds)});
    QVERIFY2(attacker.waitForStarted(10000), qPrintable(attacker.errorString()));
    QTest::qWait(1000); // the flood and the dribblers in place
    Phase attacked;
    attacked.name = QStringLiteral("while attacked");
    runHonest(&attacked, seconds - 2);
    if (attacker.state() != QProcess::NotRunning) // it may have ended already
        QVERIFY(attacker.waitForFinished(60000));
    QCOMPARE(attacker.exitCode(), 0);
    const QByteArray attackerReport = attacker.readAllStandardOutput();
    const qint64 rssEnd = residentKilobytes(pid);

    for (const Phase* phase : {&alone, &attacked}) {
        qInfo("honest clients %s: %d answers, %d errors, p50 %.0f ms, p99 %.0f ms", qPrintable(phase->name),
              int(phase->latenciesMs.size()), phase->errors, phase->percentile(0.50), phase->percentile(0.99));
    }
    qInfo("facegate-matchd resident memory: %lld KB at the start, %lld KB before the attack, %lld KB at the end",
          rssStart, rssBeforeAttack, rssEnd);
    for (const QByteArray& line : attackerReport.split('\n')) {
        if (!line.isEmpty())
            qInfo("%s", line.constData());
    }

    QVERIFY2(m_daemon.state() == QProcess::Running, "facegate-matchd died under attack");
    QVERIFY2(alone.errors == 0, qPrintable(alone.errorLines.join(u'\n')));
    QVERIFY2(attacked.errors == 0, qPrintable(attacked.errorLines.join(u'\n')));
    QVERIFY(attacked.latenciesMs.size() >= size_t(seconds / 10));
    // The attacks did reach the service (the attacker saw its refusals).
    QVERIFY2(attackerReport.contains("bomb 422") && attackerReport.contains("probe 404"), attackerReport.constData());
}

int main(int argc, char** argv)
{
    if (argc > 1 && qstrcmp(argv[1], "attack") == 0)
        return runAttacker(argc, argv);
    QCoreApplication app(argc, argv);
    TestMatchdSoak test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_matchdsoak.moc"
