// facegate: the officer workstation GUI (ARCHITECTURE.md).
#include "core/biometrics/QualityLimits.h"
#include "core/config/Settings.h"
#include "core/security/SystemAccount.h"
#include "core/storage/SystemClock.h"
#include "core/workflow/Records.h"
#include "core/workflow/RecordsThread.h"
#include "ui/session/Translations.h"
#include "ui/session/WindowSelfTest.h"
#include "ui/session/Workstation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QSysInfo>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>

namespace {

// A fatal start-up failure: the one case for a modal box (STYLE.md 7).
int refuseToStart(const QString& title, const QString& reason)
{
    QMessageBox::critical(nullptr, QObject::tr("FaceGate cannot start"), QStringLiteral("%1\n%2").arg(title, reason));
    return 1;
}

// The data sets (the replayed clip of a machine without a configuration):
// $FACEGATE_DATASETS; else ../shared/datasets from the working folder or, for
// a build beside the data (build/app/facegate), from the executable's folder,
// whichever exists: started from the home folder, the clip is still found.
QString datasetsFolder()
{
    if (!qEnvironmentVariableIsEmpty("FACEGATE_DATASETS"))
        return qEnvironmentVariable("FACEGATE_DATASETS");
    const QStringList candidates{
        QDir::current().absoluteFilePath(QStringLiteral("../shared/datasets")),
        QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("../../../shared/datasets"))};
    for (const QString& candidate : candidates) {
        if (QFileInfo(candidate).isDir())
            return QDir::cleanPath(candidate);
    }
    return QDir::cleanPath(candidates.front());
}

// The command line; also read by a QCoreApplication, so that --help and
// --version answer where there is no display.
struct CommandLine {
    QCommandLineParser parser;
    QCommandLineOption source;
    QCommandLineOption models;
    QCommandLineOption config;
    QCommandLineOption database;
    QCommandLineOption selfTestWindow;

    CommandLine(const QString& defaultSource, const QString& defaultModels)
        : source(QStringLiteral("source"),
                 QStringLiteral("Frame source: camera (0, /dev/video0), stream URL, image folder "
                                "or video file (replayed in real time, looped); repeat it for "
                                "several cameras, the first one captures. Default: capture/sources "
                                "of the configuration file, without one %1")
                     .arg(defaultSource),
                 QStringLiteral("SPEC"))
        , models(QStringLiteral("models"), QStringLiteral("Model folder. Default: %1").arg(defaultModels),
                 QStringLiteral("DIR"), defaultModels)
        , config(QStringLiteral("config"),
                 QStringLiteral("Configuration file (facegate.ini). Default: $FACEGATE_CONFIG, "
                                "~/.config/facegate/facegate.ini, /etc/facegate/facegate.ini"),
                 QStringLiteral("FILE"))
        , database(QStringLiteral("db"),
                   QStringLiteral("Records database URL (sqlite:///PATH or "
                                  "postgresql://USER@HOST:PORT/DB); overrides database/url"),
                   QStringLiteral("URL"))
        , selfTestWindow(QStringLiteral("self-test-window"),
                         QStringLiteral("Start as usual, then quit once the first window (the first-run administrator "
                                        "dialog, the sign-in dialog) has shown: exit status 0 and its title on stdout; "
                                        "1 when a start-up error is shown instead or nothing shows within 60 s. For "
                                        "installers and CI."))
    {
        parser.setApplicationDescription(QStringLiteral("FaceGate officer workstation"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({source, models, config, database, selfTestWindow});
    }
};

QString defaultSourceSpec()
{
    return QFileInfo(datasetsFolder() + QStringLiteral("/faces-dev/video/short_hamilton_clip.mp4")).absoluteFilePath();
}

// --help or --version only: no window, so no display is needed.
bool asksOnlyForWords(int argc, char* argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView word(argv[i]);
        if (word == "--help" || word == "-h" || word == "--help-all" || word == "--version" || word == "-v")
            return true;
    }
    return false;
}

} // namespace

int main(int argc, char* argv[])
{
    if (asksOnlyForWords(argc, argv)) {
        QCoreApplication words(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("facegate"));
        QCoreApplication::setApplicationVersion(QStringLiteral(FACEGATE_VERSION));
        CommandLine cli(defaultSourceSpec(), fg::LiveAnalysis::defaultOptions(QString()).pipeline.modelDirectory);
        cli.parser.process(words); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("facegate"));
    QApplication::setApplicationVersion(QStringLiteral(FACEGATE_VERSION));

    const QString defaultSource = defaultSourceSpec();
    fg::LiveAnalysis::Options options = fg::LiveAnalysis::defaultOptions(defaultSource);

    CommandLine cli(defaultSource, options.pipeline.modelDirectory);
    QCommandLineParser& parser = cli.parser;
    const QCommandLineOption& source = cli.source;
    const QCommandLineOption& models = cli.models;
    const QCommandLineOption& config = cli.config;
    const QCommandLineOption& database = cli.database;
    const QCommandLineOption& selfTestWindow = cli.selfTestWindow;
    parser.process(app);
    // Armed before anything can show: a start-up error's box counts too.
    std::optional<fg::WindowSelfTest> windowCheck;
    if (parser.isSet(selfTestWindow))
        windowCheck.emplace(std::chrono::seconds(60));
    options.pipeline.modelDirectory = parser.value(models);

    // Settings, then the records: the database, the key, and the retention
    // purge, which runs now and then on its schedule.
    QString error;
    const QString configPath = parser.isSet(config) ? parser.value(config) : fg::Settings::defaultPath();
    std::optional<fg::Settings> settings =
        configPath.isEmpty() ? std::optional<fg::Settings>(fg::Settings::defaults()) : fg::Settings::load(configPath, &error);
    if (settings && parser.isSet(database) && !settings->set(QStringLiteral("database/url"), parser.value(database), &error))
        settings.reset();
    if (!settings)
        return refuseToStart(QObject::tr("The configuration is not valid:"), error);
    // The interface language (ui/language; empty: the system's, else English).
    // A missing translation is not fatal: the interface stays in English.
    if (!fg::Translations::apply(settings->text(QStringLiteral("ui/language")), &error))
        qWarning("facegate: %s", qPrintable(error));
    const fg::SystemClock clock;
    // Who acts before anyone signs in: the account the program runs as, never $USER.
    const QString actor = QStringLiteral("workstation:") + fg::systemAccountName();
    std::unique_ptr<fg::Records> records = fg::Records::open(*settings, clock, actor, &error);
    if (!records)
        return refuseToStart(QObject::tr("The encounter records cannot be opened:"), error);
    const std::unique_ptr<fg::RecordsThread> purges = fg::RecordsThread::open(*settings, clock, actor, &error);
    if (!purges)
        return refuseToStart(QObject::tr("The encounter records cannot be opened:"), error);

    // [quality] of facegate.ini over the live-probe limits.
    if (!configPath.isEmpty()) {
        const QSettings file(configPath, QSettings::IniFormat);
        const std::optional<fg::QualityLimits> quality =
            fg::QualityLimits::fromSettings(file, options.pipeline.quality, &error);
        if (!quality)
            return refuseToStart(QObject::tr("The configuration is not valid:"), error);
        options.pipeline.quality = *quality;
    }
    // Each capture's presentation-attack decision at this BPCER (issue 20).
    options.presentationAttackBpcer = settings->presentationAttackBpcer();

    fg::Workstation::Options station;
    // The cameras: --source, else the configuration's capture/sources, else
    // (no configuration file: a developer's machine) the replayed clip.
    QStringList sources = parser.values(source);
    if (sources.isEmpty())
        sources = configPath.isEmpty() ? QStringList{defaultSource} : settings->captureSources();
    if (sources.isEmpty())
        return refuseToStart(QObject::tr("The configuration is not valid:"),
                             QObject::tr("capture/sources in %1 names no camera").arg(settings->source()));
    for (const QString& spec : std::as_const(sources)) {
        fg::LiveAnalysis::Options camera = options;
        camera.sourceSpec = spec;
        station.cameras.append(camera);
    }
    station.stationName = QSysInfo::machineHostName();
    station.actor = actor;
    station.kind = fg::Encounter::kindFromName(settings->stationKind()); // empty: from the role
    station.fmrTarget = settings->fmrTarget();
    station.lockAfter = std::chrono::minutes(settings->sessionLockMinutes());
    station.documentReaderFolder = settings->text(QStringLiteral("documents/readerFolder"));
    station.chipReader = settings->text(QStringLiteral("documents/chipReader"));
    station.cscaPath = settings->text(QStringLiteral("documents/csca"));
    station.queueOverdueAfter = std::chrono::hours(settings->queueOverdueHours());
    // matching/endpoint: decided by facegate-matchd with this workstation's
    // certificate; empty: the in-process matching core.
    station.matching.endpoint = QUrl(settings->text(QStringLiteral("matching/endpoint")));
    station.matching.certificatePath = settings->text(QStringLiteral("matching/clientCertificate"));
    station.matching.keyPath = settings->text(QStringLiteral("matching/clientKey"));
    station.matching.caPath = settings->text(QStringLiteral("matching/caCertificate"));
    // The desk stores each encounter on that thread too: the window only paints.
    fg::Workstation workstation(*records, *purges, clock, std::move(station));
    // Retention does not wait for anyone to sign in; it runs on a thread and
    // connection of its own, so a long purge never freezes the window.
    workstation.showPurgesOf(*purges);
    // The document reader's folder: its files destroyed once read, each deletion recorded there.
    workstation.watchDocumentReader(*purges);
    // The passport's chip: read off the GUI thread, each reading recorded there.
    workstation.watchPassportChip(*purges);
    purges->startPurges();
    QObject::connect(&workstation, &fg::Workstation::finished, &app, &QCoreApplication::exit, Qt::QueuedConnection);
    QTimer::singleShot(0, &workstation, &fg::Workstation::run);
    return QApplication::exec();
}
