// facegate: the officer workstation GUI (ARCHITECTURE.md).
#include "core/config/Settings.h"
#include "core/storage/SystemClock.h"
#include "core/workflow/PurgeScheduler.h"
#include "core/workflow/Purger.h"
#include "core/workflow/Records.h"
#include "core/security/UserStore.h"
#include "core/biometrics/QualityLimits.h"
#include "core/workflow/AlternateProcedureStore.h"
#include "core/workflow/Inspection.h"
#include "ui/AlternateProcedureLog.h"
#include "ui/FirstAdminDialog.h"
#include "ui/InspectionDesk.h"
#include "ui/MatchPanel.h"
#include "ui/ReferenceLoader.h"
#include "ui/MainWindow.h"
#include "ui/SignInDialog.h"
#include "ui/TravelerDisplay.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QSysInfo>

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

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("facegate"));
    QApplication::setApplicationVersion(QStringLiteral(FACEGATE_VERSION));

    const QString datasets = qEnvironmentVariableIsEmpty("FACEGATE_DATASETS")
                                 ? QStringLiteral("../shared/datasets")
                                 : qEnvironmentVariable("FACEGATE_DATASETS");
    const QString defaultSource =
        QFileInfo(datasets + QStringLiteral("/faces-dev/video/short_hamilton_clip.mp4")).absoluteFilePath();
    fg::LiveAnalysis::Options options = fg::LiveAnalysis::defaultOptions(defaultSource);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("FaceGate officer workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption source(QStringLiteral("source"),
                                    QStringLiteral("Frame source: camera (0, /dev/video0), stream URL, image folder "
                                                   "or video file (replayed in real time, looped). Default: %1")
                                        .arg(defaultSource),
                                    QStringLiteral("SPEC"), defaultSource);
    const QCommandLineOption models(QStringLiteral("models"), QStringLiteral("Model folder. Default: %1")
                                        .arg(options.pipeline.modelDirectory),
                                    QStringLiteral("DIR"), options.pipeline.modelDirectory);
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("Configuration file (facegate.ini). Default: $FACEGATE_CONFIG, "
                                                   "~/.config/facegate/facegate.ini, /etc/facegate/facegate.ini"),
                                    QStringLiteral("FILE"));
    const QCommandLineOption database(QStringLiteral("db"),
                                      QStringLiteral("Records database URL (sqlite:///PATH or "
                                                     "postgresql://USER@HOST:PORT/DB); overrides database/url"),
                                      QStringLiteral("URL"));
    parser.addOptions({source, models, config, database});
    parser.process(app);
    options.sourceSpec = parser.value(source);
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
    const fg::SystemClock clock;
    const QString actor = QStringLiteral("workstation:") + qEnvironmentVariable("USER", QStringLiteral("unknown"));
    std::unique_ptr<fg::Records> records = fg::Records::open(*settings, clock, actor, &error);
    if (!records)
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

    fg::MainWindow window(options);

    // The officer's desk: captures decided against the chosen reference at
    // the configured false match rate, each written as an encounter.
    fg::Inspection inspection(settings->fmrTarget());
    fg::InspectionDesk desk(records->encounters(), inspection, window.liveAnalysis(), window.matchPanel());
    desk.setStation({QSysInfo::machineHostName(), options.sourceSpec, fg::Encounter::Kind::Entry});
    desk.setAlternateProcedures(&records->alternateProcedures());
    window.setDesk(&desk);
    QObject::connect(&desk, &fg::InspectionDesk::problem, &window,
                     [&window](const QString& text) { window.statusBar()->showMessage(text, 10000); });
    QObject::connect(&desk, &fg::InspectionDesk::decisionShown, &window, [&window](double ms) {
        window.statusBar()->showMessage(QObject::tr("Decided in %1 ms after capture").arg(ms, 0, 'f', 0), 5000);
    });
    // The records menu: the alternate procedures' log (search, CSV, PDF).
    QMenu* recordsMenu = window.menuBar()->addMenu(QObject::tr("Re&cords"));
    QAction* logAction = recordsMenu->addAction(QObject::tr("&Alternate procedures…"), &window, [&] {
        fg::AlternateProcedureLog log(records->alternateProcedures(), clock, &window);
        log.resize(1200, 640);
        log.exec();
    });
    logAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));

    // The traveler's screen: plain prompts in the traveler's language, on a
    // second screen when there is one (else opened from the menu).
    fg::TravelerDisplay travelerDisplay;
    QAction* displayAction = recordsMenu->addAction(QObject::tr("&Traveler display"), &window,
                                                    [&] { travelerDisplay.present(fg::TravelerDisplay::travelerScreen()); });
    displayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    if (fg::TravelerDisplay::travelerScreen())
        travelerDisplay.present(fg::TravelerDisplay::travelerScreen());
    travelerDisplay.setState(fg::TravelerDisplay::State::LookAtCamera);
    QObject::connect(&desk, &fg::InspectionDesk::encounterRecorded, &travelerDisplay,
                     [&](qint64, fg::Encounter::Decision decision) {
                         const auto& outcome = window.matchPanel().outcome();
                         if (outcome && outcome->reference && decision == fg::Encounter::Decision::Match)
                             travelerDisplay.setLanguage(
                                 fg::TravelerDisplay::languageForNationality(outcome->reference->citizenship));
                         if (decision != fg::Encounter::Decision::Match) // a match waits for the officer's confirm
                             travelerDisplay.setState(fg::TravelerDisplay::State::SeeOfficer);
                     });
    QObject::connect(&desk, &fg::InspectionDesk::actionRecorded, &travelerDisplay,
                     [&](qint64, fg::Encounter::OfficerAction action) {
                         travelerDisplay.setState(action == fg::Encounter::OfficerAction::Confirm
                                                      ? fg::TravelerDisplay::State::ThankYou
                                                      : fg::TravelerDisplay::State::SeeOfficer);
                     });
    QObject::connect(&desk, &fg::InspectionDesk::optOutStarted, &travelerDisplay,
                     [&] { travelerDisplay.setState(fg::TravelerDisplay::State::OptOutAccepted); });
    QObject::connect(&desk, &fg::InspectionDesk::nextTravelerStarted, &travelerDisplay, [&] {
        travelerDisplay.setLanguage(QStringLiteral("en"));
        travelerDisplay.setState(fg::TravelerDisplay::State::LookAtCamera);
    });

    fg::ReferenceLoader references(options.pipeline);
    QObject::connect(&window, &fg::MainWindow::manifestChosen, &references, [&](const QString& path) {
        if (references.loadManifest(path, QString()))
            window.showReferenceState(QObject::tr("Loading the manifest %1…").arg(QFileInfo(path).fileName()), false);
    });
    QObject::connect(&window, &fg::MainWindow::documentPhotoChosen, &references, [&](const QString& path) {
        const QString name = QFileInfo(path).completeBaseName();
        if (references.loadDocumentPhoto(path, fg::ReferencePerson{name, name, QString(), QString(), path}))
            window.showReferenceState(QObject::tr("Reading the document photo %1…").arg(QFileInfo(path).fileName()), false);
    });
    QObject::connect(&references, &fg::ReferenceLoader::progress, &window, [&window](qsizetype done, qsizetype total) {
        window.showReferenceState(QObject::tr("Enrolling the manifest: %1 of %2").arg(done).arg(total), false);
    });
    QObject::connect(&references, &fg::ReferenceLoader::galleryReady, &window,
                     [&](std::shared_ptr<const fg::Gallery> gallery, const QString& flight, const QStringList& failures) {
                         QString why;
                         const qsizetype size = gallery->size();
                         if (!inspection.useGallery(std::move(gallery), flight, &why)) {
                             window.showReferenceState(QObject::tr("Flight %1 not loaded: %2").arg(flight, why), true);
                             return;
                         }
                         window.showReferenceState(
                             failures.isEmpty()
                                 ? QObject::tr("Flight %1 · %2 travelers · 1:N").arg(flight).arg(size)
                                 : QObject::tr("Flight %1 · %2 travelers · 1:N · %3 photos did not enrol")
                                       .arg(flight)
                                       .arg(size)
                                       .arg(failures.size()),
                             false);
                     });
    QObject::connect(&references, &fg::ReferenceLoader::documentReady, &window,
                     [&](const fg::Template& documentTemplate, const fg::ReferencePerson& holder) {
                         QString why;
                         if (!inspection.useDocument(documentTemplate, holder, &why))
                             window.showReferenceState(QObject::tr("Document not loaded: %1").arg(why), true);
                         else
                             window.showReferenceState(QObject::tr("Document photo %1 · 1:1").arg(holder.name), false);
                     });
    QObject::connect(&references, &fg::ReferenceLoader::failed, &window, [&window](const QString& reason) {
        window.showReferenceState(QObject::tr("Reference not loaded: %1").arg(reason), true);
    });
    QObject::connect(&window, &fg::MainWindow::startupFailed, &window, [&window](const QString& reason) {
        // A fatal start-up failure: the one case for a modal box.
        QMessageBox::critical(&window, QObject::tr("FaceGate cannot start"),
                              QObject::tr("The face pipeline could not be created:\n%1").arg(reason));
        QApplication::exit(1);
    }, Qt::QueuedConnection);
    fg::PurgeScheduler& purges = records->purgeScheduler();
    const QString where = records->location();
    QObject::connect(&purges, &fg::PurgeScheduler::purged, &window, [&window, where](const fg::PurgeReport& report) {
        const QString at = report.now.toLocalTime().toString(QStringLiteral("HH:mm"));
        window.showRecordsState(QObject::tr("Records · purged %1 photos at %2").arg(report.photosDeleted).arg(at),
                                QObject::tr("Records: %1\nLast retention purge at %2: %3 photos and %4 templates deleted")
                                    .arg(where, at)
                                    .arg(report.photosDeleted)
                                    .arg(report.templatesDeleted),
                                false);
    });
    QObject::connect(&purges, &fg::PurgeScheduler::failed, &window, [&window, where](const QString& reason) {
        window.showRecordsState(QObject::tr("Records · purge FAILED"),
                                QObject::tr("Records: %1\nRetention purge failed: %2").arg(where, reason), true);
    });
    // Retention does not wait for anyone to sign in.
    purges.start();

    // First run: the administrator account, made here (no default password).
    const std::optional<bool> hasUsers = records->users().hasUsers(&error);
    if (!hasUsers)
        return refuseToStart(QObject::tr("The users cannot be read:"), error);
    if (!*hasUsers) {
        fg::FirstAdminDialog firstAdmin(records->users(), records->keys(), actor);
        if (firstAdmin.exec() != QDialog::Accepted)
            return 0;
    }
    const auto signIn = [&records]() -> std::optional<fg::UserAccount> {
        fg::SignInDialog dialog(records->authenticator());
        return dialog.exec() == QDialog::Accepted ? dialog.account() : std::nullopt;
    };
    const std::optional<fg::UserAccount> officer = signIn();
    if (!officer)
        return 0;
    const std::chrono::minutes lockAfter(settings->sessionLockMinutes());
    window.beginSession(*officer, records->authenticator(), lockAfter);
    // Ending a session at the lock hands the workstation to the next officer.
    QObject::connect(&window, &fg::MainWindow::sessionEnded, &window, [&window, &records, signIn, lockAfter] {
        window.hide();
        const std::optional<fg::UserAccount> next = signIn();
        if (!next) {
            window.close();
            return;
        }
        window.beginSession(*next, records->authenticator(), lockAfter);
        window.show();
    }, Qt::QueuedConnection);
    window.show();
    window.start();
    return QApplication::exec();
}
