#include "app/matchd/MatchDaemon.h"

#include "app/matchd/ServiceConfiguration.h"
#include "app/matchd/SignalWatcher.h"
#include "core/biometrics/FacePipeline.h"
#include "core/biometrics/PipelinePool.h"
#include "core/biometrics/ModelRepository.h"
#include "core/biometrics/QualityLimits.h"
#include "core/config/Settings.h"
#include "core/service/AttestationWatch.h"
#include "core/service/MatchServer.h"
#include "core/service/MatchingApi.h"
#include "core/storage/SystemClock.h"
#include "core/workflow/Records.h"
#include "core/workflow/RecordsThread.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSettings>

#include <chrono>
#include <memory>
#include <optional>

namespace fg {
namespace {

int refuseToStart(const QString& reason)
{
    qCritical("cannot start: %s", qPrintable(reason));
    return 1;
}

} // namespace

int runMatchDaemon(QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("FaceGate matching service (mutual TLS, docs/api.md)"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("Configuration file (facegate.ini). Default: $FACEGATE_CONFIG, "
                                                   "~/.config/facegate/facegate.ini, /etc/facegate/facegate.ini"),
                                    QStringLiteral("FILE"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address and port to listen on; overrides service/listen"),
                                    QStringLiteral("ADDRESS:PORT"));
    parser.addOptions({config, listen});
    parser.process(app); // --help, --version and unknown options end here (exit 0 or 1)

    QString error;
    const QString configPath = parser.isSet(config) ? parser.value(config) : Settings::defaultPath();
    std::optional<Settings> settings =
        configPath.isEmpty() ? std::optional<Settings>(Settings::defaults()) : Settings::load(configPath, &error);
    if (settings && parser.isSet(listen) && !settings->set(QStringLiteral("service/listen"), parser.value(listen), &error))
        settings.reset();
    if (!settings)
        return refuseToStart(QStringLiteral("the configuration is not valid: %1").arg(error));

    const SystemClock clock;
    // Certificates first: they are what an administrator most often gets wrong,
    // and checking them costs nothing beside opening the records and the models.
    const std::optional<ServiceConfiguration> service =
        ServiceConfiguration::fromSettings(*settings, clock.now(), &error);
    if (!service)
        return refuseToStart(error);

    const std::unique_ptr<Records> records = Records::open(*settings, clock, QStringLiteral("service:facegate-matchd"), &error);
    if (!records)
        return refuseToStart(QStringLiteral("the encounter records cannot be opened: %1").arg(error));

    // Partner cameras send live captures: the live-probe quality limits, with
    // [quality] of the configuration file over them.
    FacePipeline::Options pipelineOptions;
    const QString models = settings->text(QStringLiteral("models/dir"));
    pipelineOptions.modelDirectory = models.isEmpty() ? ModelRepository::defaultDirectory() : models;
    pipelineOptions.quality = QualityLimits::liveProbe();
    if (!configPath.isEmpty()) {
        const QSettings file(configPath, QSettings::IniFormat);
        const std::optional<QualityLimits> quality = QualityLimits::fromSettings(file, pipelineOptions.quality, &error);
        if (!quality)
            return refuseToStart(QStringLiteral("the configuration is not valid: %1").arg(error));
        pipelineOptions.quality = *quality;
    }
    // One pipeline per worker thread: requests are matched side by side, each
    // probe judged a presentation attack or not with the pipeline's own scorer.
    const int workers = service->serverOptions().workerThreads;
    const std::unique_ptr<PipelinePool> pipelines =
        PipelinePool::create(pipelineOptions, workers, PipelinePool::Scorers::WithPresentationAttack, &error);
    if (!pipelines)
        return refuseToStart(QStringLiteral("the face models (models/dir or $FACEGATE_MODELS, %1): %2")
                                 .arg(pipelineOptions.modelDirectory, error));

    // The API before the server: the server, destroyed first, waits for the
    // work still running on its workers, which uses the API's pipelines.
    MatchingApi api(*pipelines, records->database(), records->encounters(), records->audit(), clock,
                    service->apiOptions());
    MatchServer server(service->tls(), service->roles(), service->serverOptions(), clock);
    api.registerOn(server);
    // Partner submissions still without a purge attestation after
    // service/attestationHours: a gauge in /v1/metrics and a warning in the log.
    AttestationWatch attestations(records->database(), clock, server.metrics(),
                                  std::chrono::hours(settings->attestationHours()));

    SignalWatcher watcher;
    if (!watcher.watch(&error))
        return refuseToStart(error);
    QObject::connect(&watcher, &SignalWatcher::signalled, &app, [&server](int number) {
        qInfo("signal %d: closing the port and stopping", number);
        server.close();
        QCoreApplication::quit();
    });

    if (!server.listen(&error))
        return refuseToStart(QStringLiteral("service/listen: %1").arg(error));
    // The photos the service stores follow the retention rules like the
    // workstation's; the purge runs on a connection and thread of its own, so
    // the event loop that accepts connections never waits for it.
    const std::unique_ptr<RecordsThread> purges =
        RecordsThread::open(*settings, clock, QStringLiteral("service:facegate-matchd"), &error);
    if (!purges)
        return refuseToStart(QStringLiteral("the encounter records cannot be opened for the purge: %1").arg(error));
    QObject::connect(purges.get(), &RecordsThread::purged, &app, [](const PurgeReport& report) {
        if (report.deleted() > 0)
            qInfo("retention purge: %lld photos and %lld templates deleted", report.photosDeleted, report.templatesDeleted);
    });
    QObject::connect(purges.get(), &RecordsThread::purgeFailed, &app,
                     [](const QString& reason) { qWarning("retention purge: %s", qPrintable(reason)); });
    purges->startPurges();
    attestations.start(); // checks now, then every 10 minutes
    qInfo("presentation attacks of partners' probes: %s",
          qPrintable(service->apiOptions().presentationAttack->describe()));
    qInfo("listening on %s port %d (mutual TLS, model %s, %d workers, records %s)",
          qPrintable(server.serverAddress().toString()), int(server.serverPort()), qPrintable(pipelines->modelId()),
          workers, qPrintable(records->location()));
    const int status = QCoreApplication::exec();
    qInfo("stopped");
    return status;
}

} // namespace fg
