#include "app/bench/ServiceBench.h"

#include "core/biometrics/FacePipeline.h"
#include "core/biometrics/GalleryBuilder.h"
#include "core/biometrics/ImageLoader.h"
#include "core/biometrics/PipelinePool.h"
#include "core/biometrics/QualityLimits.h"
#include "core/matching/Gallery.h"
#include "app/cli/EmptyRecords.h"
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/service/MatchServer.h"
#include "core/service/MatchingApi.h"
#include "core/service/TlsServerConfig.h"
#include "core/storage/Database.h"
#include "core/storage/SystemClock.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/RetentionPolicy.h"

#include <QCommandLineParser>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>
#include <vector>

namespace fg::cli {
namespace {

const char* const kUsage = "usage: facegate-cli bench service [--clients 50] [--seconds 10] [--gallery-size N] "
                           "[--workers N] [--manifest CSV] [--photo IMAGE] [--pki DIR]";

QString datasetFile(const QString& relative)
{
    QString datasets = qEnvironmentVariable("FACEGATE_DATASETS");
    if (datasets.isEmpty())
        datasets = QStringLiteral("../shared/datasets");
    return QDir(datasets).filePath(relative);
}

// A manifest of `rows` travelers cycling through the photos of faces-dev/single
// (the same photo under several traveler ids past the first round).
bool writeManifest(const QString& path, int rows, QString* error)
{
    const QDir single(datasetFile(QStringLiteral("faces-dev/single")));
    QStringList photos;
    for (const QString& person : single.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        const QDir folder(single.filePath(person));
        for (const QString& photo : folder.entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files, QDir::Name))
            photos.append(QFileInfo(folder.filePath(photo)).absoluteFilePath());
    }
    if (photos.isEmpty()) {
        *error = QStringLiteral("%1: no photos (set FACEGATE_DATASETS, or give --manifest)").arg(single.path());
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("%1: %2").arg(path, file.errorString());
        return false;
    }
    file.write("traveler_id,photo_path,name,citizenship,document_no\n");
    for (int row = 0; row < rows; ++row) {
        const QString& photo = photos.at(row % photos.size());
        const QString person = QFileInfo(photo).dir().dirName();
        file.write(QStringLiteral("T%1,%2,%3,%4,P%1\n")
                       .arg(row, 6, 10, QLatin1Char('0'))
                       .arg(photo, person, row % 2 ? QStringLiteral("USA") : QStringLiteral("GBR"))
                       .toUtf8());
    }
    return true;
}

int photoCount()
{
    const QDir single(datasetFile(QStringLiteral("faces-dev/single")));
    int count = 0;
    for (const QString& person : single.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
        count += int(QDir(single.filePath(person)).entryList({QStringLiteral("*.jpg"), QStringLiteral("*.png")}, QDir::Files).size());
    return count;
}

QByteArray httpRequest(const QByteArray& method, const QByteArray& path, const QByteArray& body)
{
    return method + ' ' + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QSslConfiguration clientConfiguration(const QString& pki, const QString& name)
{
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setCaCertificates(QSslCertificate::fromPath(QDir(pki).filePath(QStringLiteral("ca.pem"))));
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    const QList<QSslCertificate> own = QSslCertificate::fromPath(QDir(pki).filePath(name + QStringLiteral(".pem")));
    if (!own.isEmpty())
        config.setLocalCertificate(own.front());
    QFile key(QDir(pki).filePath(name + QStringLiteral(".key")));
    if (key.open(QIODevice::ReadOnly))
        config.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey));
    return config;
}

// Takes one whole HTTP answer off the front of buffer: its status, or 0 when incomplete.
int takeReply(QByteArray* buffer, QByteArray* body)
{
    const qsizetype end = buffer->indexOf("\r\n\r\n");
    if (end < 0)
        return 0;
    const QByteArray head = buffer->left(end);
    qsizetype length = 0;
    for (const QByteArray& line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().compare("Content-Length", Qt::CaseInsensitive) == 0)
            length = line.mid(colon + 1).trimmed().toLongLong();
    }
    if (buffer->size() < end + 4 + length)
        return 0;
    const QList<QByteArray> statusLine = head.left(head.indexOf('\r')).split(' ');
    if (body)
        *body = buffer->mid(end + 4, length);
    buffer->remove(0, end + 4 + length);
    return statusLine.size() >= 2 ? statusLine.at(1).toInt() : -1;
}

// What the clients saw.
struct LoadResult {
    std::vector<double> latenciesMs; // of every answered request, any status
    std::map<QString, int> errors;   // "429", "503", "connection"...
    double seconds = 0;              // from the first request to the last answer
    QString protocol;
    QString setupError;              // the gallery could not be loaded
    QByteArray galleryAnswer;
    std::vector<double> healthMs;            // GET /v1/health answered while the load ran
    std::map<QString, int> healthErrors;
};

// One keep-alive mutual-TLS client: sends `request` again as soon as an
// answer is complete (or pauseMs after it), until the deadline; a connection
// that ends early is an error and is made again.
class LoadClient {
public:
    LoadClient(const QSslConfiguration& config, quint16 port, const QByteArray& request, const QDeadlineTimer& deadline,
               std::vector<double>* latenciesMs, std::map<QString, int>* errors, LoadResult* result,
               std::function<void()> finished, int pauseMs = 0)
        : m_port(port), m_request(request), m_deadline(deadline), m_latenciesMs(latenciesMs), m_errors(errors)
        , m_result(result), m_finished(std::move(finished)), m_pauseMs(pauseMs)
    {
        m_socket.setSslConfiguration(config);
        QObject::connect(&m_socket, &QSslSocket::encrypted, &m_socket, [this] {
            if (m_result->protocol.isEmpty())
                m_result->protocol = m_socket.sessionProtocol() == QSsl::TlsV1_3 ? QStringLiteral("TLS 1.3")
                                                                                   : QStringLiteral("TLS 1.2");
            sendNext();
        });
        QObject::connect(&m_socket, &QSslSocket::readyRead, &m_socket, [this] { onReadyRead(); });
        QObject::connect(&m_socket, &QSslSocket::disconnected, &m_socket, [this] { onEnded(); });
        QObject::connect(&m_socket, &QSslSocket::errorOccurred, &m_socket, [this](QAbstractSocket::SocketError) {
            if (m_socket.state() == QAbstractSocket::UnconnectedState)
                onEnded();
        });
    }

    void start() { m_socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_port, QStringLiteral("localhost")); }
    bool isDone() const { return m_done; }

private:
    void sendNext()
    {
        if (m_deadline.hasExpired()) {
            finish();
            return;
        }
        m_busy = true;
        m_timer.start();
        m_socket.write(m_request);
    }

    void onReadyRead()
    {
        m_buffer += m_socket.readAll();
        const int status = takeReply(&m_buffer, nullptr);
        if (status == 0)
            return;
        m_busy = false;
        m_latenciesMs->push_back(double(m_timer.nsecsElapsed()) / 1e6);
        if (status != 200)
            ++(*m_errors)[QString::number(status)];
        if (m_pauseMs > 0)
            QTimer::singleShot(m_pauseMs, &m_socket, [this] { sendNext(); });
        else
            sendNext();
    }

    void onEnded()
    {
        if (m_done)
            return;
        if (m_busy)
            ++(*m_errors)[QStringLiteral("connection")];
        m_busy = false;
        m_buffer.clear();
        if (m_deadline.hasExpired())
            finish();
        else
            QTimer::singleShot(0, &m_socket, [this] { start(); });
    }

    void finish()
    {
        if (m_done)
            return;
        m_done = true;
        m_socket.disconnectFromHost();
        m_finished();
    }

    QSslSocket m_socket;
    quint16 m_port;
    const QByteArray& m_request;
    QDeadlineTimer m_deadline;
    std::vector<double>* m_latenciesMs;
    std::map<QString, int>* m_errors;
    LoadResult* m_result;
    std::function<void()> m_finished;
    int m_pauseMs;
    QByteArray m_buffer;
    QElapsedTimer m_timer;
    bool m_busy = false;
    bool m_done = false;
};

// On its own thread (the server lives on the main one): loads the gallery as
// a workstation, then runs the clients as partners, and beside them a
// monitor asking GET /v1/health ten times a second (how long the server's
// own thread keeps a quick answer waiting while it is loaded).
LoadResult runLoad(const QString& pki, quint16 port, const QByteArray& put, const QByteArray& identify, int clients,
                   int seconds)
{
    LoadResult result;
    QEventLoop loop;
    {
        QSslSocket workstation;
        workstation.setSslConfiguration(clientConfiguration(pki, QStringLiteral("workstation")));
        QByteArray buffer;
        int status = 0;
        QObject::connect(&workstation, &QSslSocket::encrypted, &workstation, [&] { workstation.write(put); });
        QObject::connect(&workstation, &QSslSocket::readyRead, &workstation, [&] {
            buffer += workstation.readAll();
            if ((status = takeReply(&buffer, &result.galleryAnswer)) != 0)
                loop.quit();
        });
        QObject::connect(&workstation, &QSslSocket::disconnected, &loop, &QEventLoop::quit);
        QTimer::singleShot(600000, &loop, &QEventLoop::quit);
        workstation.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port, QStringLiteral("localhost"));
        loop.exec();
        if (status != 200) {
            result.setupError = QStringLiteral("the gallery was not loaded (PUT /v1/galleries/bench: %1 %2)")
                                    .arg(status)
                                    .arg(QString::fromUtf8(result.galleryAnswer));
            return result;
        }
    }

    const QSslConfiguration partner = clientConfiguration(pki, QStringLiteral("partner"));
    const QDeadlineTimer deadline(qint64(seconds) * 1000);
    int running = clients + 1;
    const auto finished = [&] {
        if (--running == 0)
            loop.quit();
    };
    std::vector<std::unique_ptr<LoadClient>> all;
    for (int i = 0; i < clients; ++i)
        all.push_back(std::make_unique<LoadClient>(partner, port, identify, deadline, &result.latenciesMs,
                                                   &result.errors, &result, finished));
    static const QByteArray health = "GET /v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n";
    all.push_back(std::make_unique<LoadClient>(clientConfiguration(pki, QStringLiteral("workstation")), port, health,
                                               deadline, &result.healthMs, &result.healthErrors, &result, finished, 100));
    QElapsedTimer wall;
    wall.start();
    for (const auto& client : all)
        client->start();
    loop.exec();
    result.seconds = double(wall.nsecsElapsed()) / 1e9;
    return result;
}

double percentile(const std::vector<double>& sorted, double p)
{
    return sorted.empty() ? 0.0 : sorted[size_t(p * double(sorted.size() - 1) + 0.5)];
}

// The same photo through the matching core directly: decode, detect,
// landmarks, quality, template, top-5 search of the same gallery; no TLS, no
// HTTP, no records written.
std::optional<QJsonObject> inProcessFigure(FacePipeline& pipeline, const Gallery& gallery, const QByteArray& photo,
                                           QString* error)
{
    const ImageLoader loader;
    std::vector<double> ms;
    for (int run = -3; run < 30; ++run) { // three warm-up runs
        QElapsedTimer timer;
        timer.start();
        const std::optional<cv::Mat> bgr = loader.decode(photo, error);
        if (!bgr)
            return std::nullopt;
        const std::vector<Face> faces = pipeline.analyze(*bgr);
        const int subject = pipeline.subjectIndex(faces, bgr->size());
        if (subject < 0) {
            *error = QStringLiteral("no face found in the bench photo");
            return std::nullopt;
        }
        const Template probe = pipeline.templateOf(*bgr, faces[size_t(subject)]);
        if (!gallery.identify(probe, 5, error))
            return std::nullopt;
        if (run >= 0)
            ms.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    const double mean = std::accumulate(ms.begin(), ms.end(), 0.0) / double(ms.size());
    return QJsonObject{{QStringLiteral("runs"), int(ms.size())},
                       {QStringLiteral("latency_ms_p50"), percentile(ms, 0.5)},
                       {QStringLiteral("latency_ms_max"), ms.back()},
                       {QStringLiteral("requests_per_second"), 1000.0 / mean},
                       {QStringLiteral("stages"), QStringLiteral("decode + detect + landmarks + quality + template + "
                                                                 "top-5 search, one thread, no TLS/HTTP/records")}};
}

} // namespace

int runServiceBench(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("service"), QStringLiteral("the service load benchmark"));
    parser.addOption({QStringLiteral("clients"), QStringLiteral("concurrent clients"), QStringLiteral("N"), QStringLiteral("50")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("duration"), QStringLiteral("S"), QStringLiteral("10")});
    parser.addOption({QStringLiteral("gallery-size"), QStringLiteral("gallery rows (photos of faces-dev/single, cycled)"),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("manifest"), QStringLiteral("gallery manifest instead of faces-dev/single"),
                      QStringLiteral("CSV")});
    parser.addOption({QStringLiteral("photo"), QStringLiteral("the probe every request sends"), QStringLiteral("IMAGE"),
                      datasetFile(QStringLiteral("faces-dev/single/obama/02.jpg"))});
    parser.addOption({QStringLiteral("workers"), QStringLiteral("the server's worker threads and pipelines (default: one per core)"),
                      QStringLiteral("N")});
    parser.addOption({QStringLiteral("pki"), QStringLiteral("a folder made by installer/make-test-pki.sh"),
                      QStringLiteral("DIR")});
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText() + QStringLiteral("; ") + QString::fromLatin1(kUsage));
    const auto number = [&parser](const QString& name, int low, int high, int fallback) {
        if (!parser.isSet(name))
            return fallback;
        bool ok = false;
        const int value = parser.value(name).toInt(&ok);
        return ok && value >= low && value <= high ? value : -1;
    };
    const int clients = number(QStringLiteral("clients"), 1, 1000, 50);
    const int seconds = number(QStringLiteral("seconds"), 1, 3600, 10);
    const int gallerySize = number(QStringLiteral("gallery-size"), 1, 100000, 0);
    const int workers = number(QStringLiteral("workers"), 1, 64, QThread::idealThreadCount());
    if (parser.positionalArguments() != QStringList{QStringLiteral("service")} || clients < 0 || seconds < 0
        || gallerySize < 0 || workers < 0
        || (parser.isSet(QStringLiteral("manifest")) && parser.isSet(QStringLiteral("gallery-size"))))
        return context.fail(kUsageError, QStringLiteral("--clients from 1 to 1000, --seconds from 1 to 3600, "
                                                        "--gallery-size from 1 to 100000 (not with --manifest), "
                                                        "--workers from 1 to 64; ")
                                             + QString::fromLatin1(kUsage));

    QString error;
    QFile photoFile(parser.value(QStringLiteral("photo")));
    if (!photoFile.open(QIODevice::ReadOnly))
        return context.fail(kProcessingError, QStringLiteral("%1: %2").arg(photoFile.fileName(), photoFile.errorString()));
    const QByteArray photo = photoFile.readAll();
    QTemporaryDir scratch;
    if (!scratch.isValid())
        return context.fail(kProcessingError, QStringLiteral("cannot create a temporary folder"));

    // The test PKI.
    QString pki = parser.value(QStringLiteral("pki"));
    if (pki.isEmpty()) {
        pki = scratch.filePath(QStringLiteral("pki"));
        QProcess script;
        script.start(QStringLiteral("bash"), {QStringLiteral(FACEGATE_MAKE_TEST_PKI), pki});
        if (!script.waitForFinished(60000) || script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0)
            return context.fail(kProcessingError, QStringLiteral("%1 failed (give --pki DIR): %2")
                                                      .arg(QStringLiteral(FACEGATE_MAKE_TEST_PKI),
                                                           QString::fromLocal8Bit(script.readAllStandardError())));
    }

    // The gallery's manifest: given, or written from faces-dev/single.
    QString manifest = parser.value(QStringLiteral("manifest"));
    const int rows = gallerySize > 0 ? gallerySize : photoCount();
    if (manifest.isEmpty()) {
        manifest = scratch.filePath(QStringLiteral("manifests/bench.csv"));
        if (!QDir().mkpath(scratch.filePath(QStringLiteral("manifests"))) || !writeManifest(manifest, rows, &error))
            return context.fail(kProcessingError, error);
    }
    const QFileInfo manifestFile(manifest);
    if (!manifestFile.isFile() || !MatchingApi::isPlainName(manifestFile.fileName()))
        return context.fail(kUsageError, QStringLiteral("%1: not a manifest file with a plain name").arg(manifest));

    // Temporary records, as the service keeps them: every answer is an encounter.
    const SystemClock clock;
    const QString keyFile = scratch.filePath(QStringLiteral("bench.kek"));
    const std::optional<DatabaseUrl> url =
        DatabaseUrl::parse(QStringLiteral("sqlite://") + scratch.filePath(QStringLiteral("bench.db")), &error);
    if (!url || !KeyEncryptionKey::createKeyFile(keyFile, &error))
        return context.fail(kProcessingError, error);
    const std::unique_ptr<Database> database = Database::open(*url, &error);
    if (!database)
        return context.fail(kProcessingError, error);
    const std::shared_ptr<const AuditKey> auditKey = benchAuditKey(&error);
    if (!auditKey)
        return context.fail(kProcessingError, error);
    const AuditLog audit(*database, clock, auditKey);
    const std::unique_ptr<KeyStore> keys =
        KeyStore::openWithKeyFile(*database, audit, keyFile, QStringLiteral("cli:bench-service"), &error);
    if (!keys)
        return context.fail(kProcessingError, error);
    const RetentionPolicy policy;
    const EncounterStore encounters(*database, *keys, audit, clock, policy);

    FacePipeline::Options pipelineOptions = context.pipelineOptions();
    pipelineOptions.quality = QualityLimits::liveProbe(); // as facegate-matchd
    // As facegate-matchd: one pipeline per worker thread.
    const std::unique_ptr<PipelinePool> pipelines = PipelinePool::create(pipelineOptions, workers, &error);
    if (!pipelines)
        return context.fail(kProcessingError, error);

    // The in-process figure first, on an idle machine.
    std::optional<GalleryBuild> build = GalleryBuilder::build(manifestFile.absoluteFilePath(), pipelineOptions, 1, &error);
    if (!build)
        return context.fail(kProcessingError, error);
    const std::optional<QJsonObject> inProcess = inProcessFigure(*pipelines->acquire(), build->gallery, photo, &error);
    if (!inProcess)
        return context.fail(kProcessingError, QStringLiteral("%1: %2").arg(photoFile.fileName(), error));

    const std::optional<TlsServerConfig> tls = TlsServerConfig::load(
        {QDir(pki).filePath(QStringLiteral("server.pem")), QDir(pki).filePath(QStringLiteral("server.key")),
         QDir(pki).filePath(QStringLiteral("ca.pem"))},
        {}, clock.now(), &error);
    if (!tls)
        return context.fail(kProcessingError, error);
    MatchingApiOptions apiOptions;
    apiOptions.manifestFolder = manifestFile.absolutePath();
    MatchingApi api(*pipelines, *database, encounters, audit, clock, apiOptions);
    MatchServerOptions serverOptions;
    serverOptions.port = 0;
    // The bench measures throughput: no rate limit, and room for every client at once.
    serverOptions.ratePerSecond = 0;
    serverOptions.maxConcurrentRequests = std::max(clients + 1, serverOptions.maxConcurrentRequests); // + the health monitor
    serverOptions.maxConnections = std::max(clients + 8, serverOptions.maxConnections);
    // The clients share one partner certificate: its own caps as wide.
    serverOptions.maxConcurrentPerClient = std::max(clients + 1, serverOptions.maxConcurrentPerClient);
    serverOptions.maxConnectionsPerClient = std::max(clients + 8, serverOptions.maxConnectionsPerClient);
    serverOptions.workerThreads = workers;
    MatchServer server(*tls, RoleMap::defaults(), serverOptions, clock);
    api.registerOn(server);
    if (!server.listen(&error))
        return context.fail(kProcessingError, error);

    const QByteArray put = httpRequest(
        "PUT", "/v1/galleries/bench",
        // The partner clients' organisation (the test PKI's partner.pem): theirs to identify against.
        QJsonDocument(QJsonObject{{QStringLiteral("manifest"), manifestFile.fileName()},
                                  {QStringLiteral("organisation"), QStringLiteral("United Airlines")}})
            .toJson(QJsonDocument::Compact));
    const QByteArray identify = httpRequest(
        "POST", "/v1/identify",
        QJsonDocument(QJsonObject{{QStringLiteral("probe"), QString::fromLatin1(photo.toBase64())},
                                  {QStringLiteral("gallery"), QStringLiteral("bench")},
                                  {QStringLiteral("top"), 5}})
            .toJson(QJsonDocument::Compact));
    LoadResult load;
    QThread* worker = QThread::create([&] { load = runLoad(pki, server.serverPort(), put, identify, clients, seconds); });
    QEventLoop loop;
    QObject::connect(worker, &QThread::finished, &loop, &QEventLoop::quit);
    worker->start();
    loop.exec();
    worker->wait();
    delete worker;
    if (!load.setupError.isEmpty())
        return context.fail(kProcessingError, load.setupError);

    std::vector<double> sorted = load.latenciesMs;
    std::sort(sorted.begin(), sorted.end());
    int errors = 0;
    QJsonObject byStatus;
    for (const auto& [kind, count] : load.errors) {
        errors += count;
        byStatus.insert(kind, count);
    }
    std::vector<double> health = load.healthMs;
    std::sort(health.begin(), health.end());
    int healthErrors = 0;
    for (const auto& [kind, count] : load.healthErrors)
        healthErrors += count;
    const QJsonObject loaded = QJsonDocument::fromJson(load.galleryAnswer).object();
    return context.printJson(QJsonObject{
        {QStringLiteral("benchmark"), QStringLiteral("service")},
        {QStringLiteral("route"), QStringLiteral("POST /v1/identify (top 5), HTTP/1.1 keep-alive, mutual %1 on 127.0.0.1")
                                      .arg(load.protocol)},
        {QStringLiteral("clients"), clients},
        {QStringLiteral("seconds"), seconds},
        {QStringLiteral("photo"), photoFile.fileName()},
        {QStringLiteral("photo_bytes"), photo.size()},
        {QStringLiteral("gallery_size"), loaded.value(QStringLiteral("members")).toInt(int(build->gallery.size()))},
        {QStringLiteral("requests"), int(sorted.size())},
        {QStringLiteral("errors"), errors},
        {QStringLiteral("errors_by_status"), byStatus},
        {QStringLiteral("wall_seconds"), load.seconds},
        {QStringLiteral("requests_per_second"), load.seconds > 0 ? double(sorted.size()) / load.seconds : 0.0},
        {QStringLiteral("latency_ms_p50"), percentile(sorted, 0.5)},
        {QStringLiteral("latency_ms_p99"), percentile(sorted, 0.99)},
        {QStringLiteral("latency_ms_max"), sorted.empty() ? 0.0 : sorted.back()},
        {QStringLiteral("health_during_load"),
         QJsonObject{{QStringLiteral("requests"), int(health.size())},
                     {QStringLiteral("errors"), healthErrors},
                     {QStringLiteral("latency_ms_p50"), percentile(health, 0.5)},
                     {QStringLiteral("latency_ms_max"), health.empty() ? 0.0 : health.back()}}},
        {QStringLiteral("in_process"), *inProcess},
        {QStringLiteral("workers"), workers},
        {QStringLiteral("server"),
         QStringLiteral("in-process MatchServer + MatchingApi, %1 worker thread(s) with a pipeline each; rate limit "
                        "off and concurrency cap %2 for the bench; every answer stored as an encounter in temporary "
                        "SQLite records (sealed photo, submission); clients on another thread of the same process")
             .arg(workers)
             .arg(serverOptions.maxConcurrentRequests)},
    });
}

} // namespace fg::cli
