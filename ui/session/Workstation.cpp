#include "ui/session/Workstation.h"

#include "core/security/AuditLog.h"
#include "core/security/SecureBuffer.h"
#include "core/security/UserStore.h"
#include "core/workflow/AlternateProcedureStore.h"
#include "core/workflow/Purger.h"
#include "core/workflow/Records.h"
#include "core/workflow/RecordsThread.h"
#include "core/documents/MrzParser.h"
#include "core/matching/GalleryManifest.h"
#include "core/storage/Clock.h"
#include "core/documents/MrzInput.h"
#include "core/live/DocumentReaderFolder.h"
#include "core/live/ReferenceLoader.h"
#include "ui/desk/AlternateProcedureLog.h"
#include "ui/desk/InspectionDesk.h"
#include "ui/desk/MainWindow.h"
#include "ui/desk/MatchPanel.h"
#include "ui/desk/TravelerDisplay.h"
#include "ui/session/FirstAdminDialog.h"
#include "ui/session/SignInDialog.h"
#include "ui/session/UserAdminWindow.h"
#include "ui/supervision/SupervisorWindow.h"
#include "ui/widgets/InlineMessage.h"

#include <QApplication>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace fg {

namespace {

// The chip's verdict in the officer's language (ChipVerdict::outcomeName).
QString chipVerdictWords(const QString& verdict)
{
    if (verdict == QLatin1String("genuine"))
        return Workstation::tr("genuine");
    if (verdict == QLatin1String("not-genuine"))
        return Workstation::tr("NOT GENUINE");
    return Workstation::tr("not verifiable");
}

} // namespace


Workstation::Workstation(Records& records, RecordsThread& recordsThread, const Clock& clock, Options options,
                         QObject* parent)
    : QObject(parent)
    , m_records(records)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_inspection(m_options.fmrTarget)
    , m_window(std::make_unique<MainWindow>(m_options.cameras))
    , m_references(std::make_unique<ReferenceLoader>(m_options.cameras.isEmpty() ? FacePipeline::Options()
                                                                                   : m_options.cameras.front().pipeline))
    , m_travelerDisplay(std::make_unique<TravelerDisplay>())
    , m_supervision(std::make_unique<SupervisorWindow>(records, clock, m_options.queueOverdueAfter))
    , m_userAdmin(std::make_unique<UserAdminWindow>(records.users(), records.keys(), clock))
{
    // The officer's desk: captures decided against the chosen reference at
    // the configured false match rate, each written as an encounter on the
    // records thread (sealing and writing never hold up the window).
    m_desk = std::make_unique<InspectionDesk>(recordsThread, m_inspection, m_window->liveAnalysis(),
                                              m_window->matchPanel());
    InspectionDesk::Station station = m_desk->station(); // the capture camera's
    station.workstation = m_options.stationName;
    station.kind = stationKind(m_options.kind, Role::Officer);
    m_desk->setStation(station);
    m_desk->setAlternateProcedures(&m_records.alternateProcedures());
    m_window->setDesk(m_desk.get());
    MainWindow* window = m_window.get();
    connect(m_desk.get(), &InspectionDesk::problem, window,
            [window](const QString& text) { window->showNotice([text] { return text; }, std::chrono::seconds(10)); });
    connect(m_desk.get(), &InspectionDesk::decisionShown, window, [window](double ms) {
        window->showNotice([ms] { return tr("Decided in %1 ms after capture").arg(ms, 0, 'f', 0); },
                           std::chrono::seconds(5));
    });
    // What was said of the last traveler is not about the next one.
    connect(m_desk.get(), &InspectionDesk::nextTravelerStarted, window, &MainWindow::clearNotice);
    connect(window, &MainWindow::startupFailed, this, [this](const QString& reason) {
        // A fatal start-up failure: the one case for a modal box (STYLE.md 7).
        QMessageBox::critical(m_window.get(), tr("FaceGate cannot start"),
                              tr("The face pipeline could not be created:\n%1").arg(reason));
        Q_EMIT finished(1);
    }, Qt::QueuedConnection);
    // Ending a session at the lock hands the workstation to the next officer.
    connect(window, &MainWindow::sessionEnded, this, [this] {
        m_window->hide();
        askForSignIn();
    }, Qt::QueuedConnection);
    m_accountCheck = new QTimer(this);
    m_accountCheck->setInterval(m_options.accountCheckEvery);
    connect(m_accountCheck, &QTimer::timeout, this, &Workstation::checkAccount);
    connect(window, &MainWindow::sessionEnded, m_accountCheck, &QTimer::stop);
    // Without a presentation-attack threshold the desk still decides, and
    // each capture says "not assessed"; the officer is told why once, not
    // once a camera.
    for (int i = 0; i < window->cameraCount(); ++i) {
        connect(&window->camera(i), &LiveAnalysis::presentationAttackUnavailable, this, [this](const QString& reason) {
            if (m_presentationAttackUnavailableSaid)
                return;
            m_presentationAttackUnavailableSaid = true;
            qWarning("facegate: presentation attacks are not assessed: %s", qPrintable(reason));
            m_window->showNotice([reason] { return tr("Presentation attacks are not assessed: %1").arg(reason); });
        });
    }

    buildRecordsMenu();
    connectMatchingService();
    connectTravelerDisplay();
    connectReferences();
    connectSupervision();
}

Workstation::~Workstation()
{
    // The desk refers to the window's camera and panel: it goes first.
    m_desk.reset();
    m_supervision.reset();
    m_userAdmin.reset();
    delete m_signIn;
    delete m_firstAdmin;
}

SignInDialog* Workstation::signInDialog() const
{
    return m_signIn;
}

FirstAdminDialog* Workstation::firstAdminDialog() const
{
    return m_firstAdmin;
}

bool Workstation::maySupervise(Role role)
{
    return role == Role::Supervisor || role == Role::Auditor;
}

TravelerDisplay::State Workstation::travelerStateAfter(Encounter::Decision decision, Encounter::OfficerAction action)
{
    return action == Encounter::OfficerAction::Confirm && decision == Encounter::Decision::Match
        ? TravelerDisplay::State::ThankYou
        : TravelerDisplay::State::SeeOfficer;
}

Encounter::Kind Workstation::stationKind(const std::optional<Encounter::Kind>& configured, Role role)
{
    if (configured)
        return *configured;
    return role == Role::CheckpointOfficer ? Encounter::Kind::Checkpoint : Encounter::Kind::Entry;
}

void Workstation::run()
{
    // First run: the administrator account, made here (no default password).
    QString error;
    const std::optional<bool> hasUsers = m_records.users().hasUsers(&error);
    if (!hasUsers) {
        QMessageBox::critical(nullptr, tr("FaceGate cannot start"), tr("The users cannot be read:\n%1").arg(error));
        Q_EMIT finished(1);
        return;
    }
    if (*hasUsers) {
        askForSignIn();
        return;
    }
    m_firstAdmin = new FirstAdminDialog(m_records.users(), m_records.keys(), m_options.actor);
    m_firstAdmin->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_firstAdmin, &QDialog::finished, this, [this](int result) {
        if (result == QDialog::Accepted)
            askForSignIn();
        else
            Q_EMIT finished(0);
    });
    m_firstAdmin->open();
}

void Workstation::askForSignIn()
{
    m_signIn = new SignInDialog(m_records.authenticator());
    m_signIn->setAttribute(Qt::WA_DeleteOnClose);
    if (m_endedBecause)
        m_signIn->showWhyTheSessionEnded(std::exchange(m_endedBecause, nullptr));
    // A password an administrator reset is replaced by the user's own first.
    m_signIn->setPasswordChanger([this](const QString& name, const SecureBuffer& password, QString* error) {
        return m_records.users().changePassword(name, password, error);
    });
    connect(m_signIn, &QDialog::finished, this, [this](int result) {
        const std::optional<UserAccount> account = m_signIn ? m_signIn->account() : std::nullopt;
        if (result != QDialog::Accepted || !account) {
            m_window->close();
            Q_EMIT finished(0);
            return;
        }
        begin(*account);
    });
    m_signIn->open();
}

void Workstation::begin(const UserAccount& account)
{
    InspectionDesk::Station station = m_desk->station();
    station.kind = stationKind(m_options.kind, account.role);
    m_desk->setStation(station);
    m_window->beginSession(account, m_records.authenticator(), m_options.lockAfter);
    const bool first = !m_window->isVisible() && !m_window->liveAnalysis().isRunning();
    m_window->show();
    if (first)
        m_window->start();
    // Supervisors and auditors come for the queue, the figures and the reports.
    const bool supervises = maySupervise(account.role);
    m_supervisionAction->setEnabled(supervises);
    m_supervision->setUser(supervises ? std::optional<UserAccount>(account) : std::nullopt);
    if (supervises) {
        m_supervision->show();
        m_supervision->raise();
    } else {
        m_supervision->hide();
    }
    // Administrators come for the accounts.
    const bool administers = account.role == Role::Admin;
    m_usersAction->setEnabled(administers);
    m_userAdmin->setUser(administers ? std::optional<UserAccount>(account) : std::nullopt);
    if (administers) {
        m_userAdmin->show();
        m_userAdmin->raise();
    } else {
        m_userAdmin->hide();
    }
    m_accountCheck->start();
    Q_EMIT sessionStarted(account);
}

void Workstation::checkAccount()
{
    const std::optional<UserAccount> current = m_window->account();
    if (!current)
        return;
    std::optional<UserAccount> stored;
    QString error;
    if (!m_records.users().find(current->name, &stored, &error)) {
        // The records cannot be read just now: the session goes on (every
        // write of it fails and says so); the next check tries again.
        qWarning("facegate: the account %s could not be read again: %s", qPrintable(current->name), qPrintable(error));
        return;
    }
    const QString name = current->name;
    QString reason;
    if (!stored) {
        reason = QStringLiteral("removed");
        m_endedBecause = [name] { return tr("The account %1 no longer exists: its session ended.").arg(name); };
    } else if (stored->disabled) {
        reason = QStringLiteral("disabled");
        m_endedBecause = [name] { return tr("An administrator disabled the account %1: its session ended.").arg(name); };
    } else if (stored->role != current->role) {
        reason = QStringLiteral("role changed");
        m_endedBecause = [name] {
            return tr("The role of the account %1 changed: its session ended; sign in again.").arg(name);
        };
    } else {
        return;
    }
    m_accountCheck->stop();
    if (!m_records.audit().record(m_options.actor, QStringLiteral("session.end"), QStringLiteral("user:") + name,
                                  {{QStringLiteral("reason"), reason}}, &error))
        qWarning("facegate: the end of %s's session could not be audited: %s", qPrintable(name), qPrintable(error));
    m_window->endSession();
}

void Workstation::buildRecordsMenu()
{
    m_recordsMenu = m_window->menuBar()->addMenu(QString());
    m_logAction = m_recordsMenu->addAction(QString(), m_window.get(), [this] {
        AlternateProcedureLog log(m_records.alternateProcedures(), m_clock, m_window.get());
        // Personal data leaving the workstation: who, what, how much, where.
        const QString actor = m_window->account() ? m_window->account()->actor() : m_options.actor;
        log.setExportRecorder([this, actor](const QString& format, const QString& path, qint64 rows,
                                            const QString& filters, QString* error) {
            return m_records.audit().record(actor, QStringLiteral("alternate_procedures.export"), path,
                                            {{QStringLiteral("format"), format},
                                             {QStringLiteral("rows"), rows},
                                             {QStringLiteral("filters"), filters}},
                                            error);
        });
        log.resize(1200, 640);
        log.exec();
    });
    m_logAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    m_displayAction = m_recordsMenu->addAction(QString(), m_window.get(), [this] {
        m_travelerDisplay->present(TravelerDisplay::travelerScreen());
    });
    m_displayAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_supervisionAction = m_recordsMenu->addAction(QString(), m_window.get(), [this] {
        m_supervision->show();
        m_supervision->raise();
        m_supervision->activateWindow();
    });
    m_supervisionAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    m_supervisionAction->setEnabled(false); // until a supervisor or an auditor signs in
    m_usersAction = m_recordsMenu->addAction(QString(), m_window.get(), [this] {
        m_userAdmin->show();
        m_userAdmin->raise();
        m_userAdmin->activateWindow();
    });
    m_usersAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U));
    m_usersAction->setEnabled(false); // until an administrator signs in
    // Before the Language menu, which stays last.
    const QList<QAction*> menus = m_window->menuBar()->actions();
    if (menus.size() >= 2) {
        m_window->menuBar()->removeAction(m_recordsMenu->menuAction());
        m_window->menuBar()->insertAction(menus.at(menus.size() - 2), m_recordsMenu->menuAction());
    }
    retranslateMenu();
    connect(m_window.get(), &MainWindow::retranslated, this, &Workstation::retranslateMenu);
}

void Workstation::retranslateMenu()
{
    m_recordsMenu->setTitle(tr("Re&cords"));
    m_logAction->setText(tr("&Alternate procedures…"));
    m_displayAction->setText(tr("&Traveler display"));
    m_supervisionAction->setText(tr("&Supervision: queue, figures, reports…"));
    m_usersAction->setText(tr("&Users…"));
    if (m_chipAction)
        m_chipAction->setText(tr("Read the passport's &chip…"));
    showMatchingState();
}

void Workstation::connectSupervision()
{
    // While the session is locked nothing of the queue is on screen; the
    // same user signing in again finds it as it was. Ending the session
    // closes it for the next one.
    MainWindow* window = m_window.get();
    connect(window, &MainWindow::sessionLocked, this, [this] {
        m_supervisionWasShown = m_supervision->isVisible();
        m_supervision->setUser(std::nullopt);
        m_supervision->hide();
        m_userAdminWasShown = m_userAdmin->isVisible();
        m_userAdmin->setUser(std::nullopt);
        m_userAdmin->hide();
    });
    connect(window, &MainWindow::sessionUnlocked, this, [this] {
        const std::optional<UserAccount>& account = m_window->account();
        if (account && maySupervise(account->role)) {
            m_supervision->setUser(account);
            if (m_supervisionWasShown)
                m_supervision->show();
        }
        if (account && account->role == Role::Admin) {
            m_userAdmin->setUser(account);
            if (m_userAdminWasShown)
                m_userAdmin->show();
        }
    });
    connect(window, &MainWindow::sessionEnded, this, [this] {
        m_supervisionWasShown = false;
        m_supervisionAction->setEnabled(false);
        m_supervision->setUser(std::nullopt);
        m_supervision->hide();
        m_userAdminWasShown = false;
        m_usersAction->setEnabled(false);
        m_userAdmin->setUser(std::nullopt);
        m_userAdmin->hide();
    });
}

void Workstation::connectTravelerDisplay()
{
    // The traveler's screen: plain prompts in the traveler's language, on a
    // second screen when there is one (else opened from the menu).
    TravelerDisplay* display = m_travelerDisplay.get();
    if (TravelerDisplay::travelerScreen())
        display->present(TravelerDisplay::travelerScreen());
    display->setState(TravelerDisplay::State::LookAtCamera);
    // The decision the officer acts on next (a confirmed NO MATCH is no "thank you").
    auto decided = std::make_shared<Encounter::Decision>(Encounter::Decision::NoMatch);
    connect(m_desk.get(), &InspectionDesk::encounterRecorded, display,
            [this, display, decided](qint64, Encounter::Decision decision) {
                *decided = decision;
                const auto& outcome = m_window->matchPanel().outcome();
                if (outcome && outcome->reference && decision == Encounter::Decision::Match)
                    display->setLanguage(TravelerDisplay::languageForNationality(outcome->reference->citizenship));
                if (decision != Encounter::Decision::Match) // a match waits for the officer's confirm
                    display->setState(TravelerDisplay::State::SeeOfficer);
            });
    connect(m_desk.get(), &InspectionDesk::actionRecorded, display,
            [display, decided](qint64, Encounter::OfficerAction action) {
                display->setState(travelerStateAfter(*decided, action));
            });
    // The desk closed: the traveler's screen goes with it (else it stays up,
    // out of reach of the keyboard, and the program does not end).
    connect(m_window.get(), &MainWindow::closed, this, [this] {
        m_travelerDisplay->close();
        m_supervision->close();
        m_userAdmin->close();
        Q_EMIT finished(0);
    });
    connect(m_desk.get(), &InspectionDesk::optOutStarted, display,
            [display] { display->setState(TravelerDisplay::State::OptOutAccepted); });
    connect(m_desk.get(), &InspectionDesk::nextTravelerStarted, display, [display] {
        display->setLanguage(QStringLiteral("en"));
        display->setState(TravelerDisplay::State::LookAtCamera);
    });
}

void Workstation::connectReferences()
{
    MainWindow* window = m_window.get();
    ReferenceLoader* references = m_references.get();
    connect(window, &MainWindow::manifestChosen, references, [this, window, references](const QString& path) {
        if (m_desk->usesMatchService())
            loadServiceGallery(path);
        else if (references->loadManifest(path, QString()))
            window->showReferenceState([name = QFileInfo(path).fileName()] { return tr("Loading the manifest %1…").arg(name); },
                                       false);
    });
    connect(window, &MainWindow::documentPhotoChosen, references, [this](const QString& path) {
        // A photo alone says nothing of its holder: no name is made up from
        // its file name ("01"); the officer reads it from the document.
        const QString file = QFileInfo(path).fileName();
        loadDocument(path, ReferencePerson{file, tr("not known (photo %1)").arg(file), QString(), QString(), path});
    });
    connect(references, &ReferenceLoader::progress, window, [window](qsizetype done, qsizetype total) {
        window->showReferenceState([done, total] { return tr("Enrolling the manifest: %1 of %2").arg(done).arg(total); },
                                   false);
    });
    connect(references, &ReferenceLoader::galleryReady, window,
            [this, window](std::shared_ptr<const Gallery> gallery, const QString& flight, const QStringList& failures) {
                QString why;
                const qsizetype size = gallery->size();
                if (!m_inspection.useGallery(std::move(gallery), flight, &why)) {
                    window->showReferenceState([flight, why] { return tr("Flight %1 not loaded: %2").arg(flight, why); },
                                               true);
                    return;
                }
                m_desk->referenceChanged();
                const int failed = int(failures.size());
                window->showReferenceState(
                    [flight, size, failed] {
                        return failed == 0 ? tr("Flight %1 · %2 travelers · 1:N").arg(flight).arg(size)
                                           : tr("Flight %1 · %2 travelers · 1:N · %n photo(s) did not enrol", nullptr,
                                                failed)
                                                 .arg(flight)
                                                 .arg(size);
                    },
                    false,
                    failed == 0 ? MainWindow::Words()
                                : MainWindow::Words([failures] {
                                      return tr("Not enrolled, so not matched against: %1")
                                          .arg(failures.join(QStringLiteral("; ")));
                                  }));
            });
    connect(references, &ReferenceLoader::documentReady, window,
            [this, window](const Template& documentTemplate, const ReferencePerson& holder) {
                QString why;
                if (!m_inspection.useDocument(documentTemplate, holder, &why)) {
                    window->showReferenceState([why] { return tr("Document not loaded: %1").arg(why); }, true);
                    return;
                }
                m_desk->referenceChanged();
                if (holder.documentVerdict.isEmpty())
                    window->showReferenceState([name = holder.name] { return tr("Document photo %1 · 1:1").arg(name); },
                                               false);
                else
                    window->showReferenceState(
                        [name = holder.name, verdict = holder.documentVerdict] {
                            return tr("Passport chip %1 · %2 · 1:1").arg(name, chipVerdictWords(verdict));
                        },
                        holder.documentNotGenuine(),
                        [words = holder.documentWords] { return tr("Passport chip: %1").arg(words); });
            });
    connect(references, &ReferenceLoader::failed, window, [window](const QString& reason) {
        window->showReferenceState([reason] { return tr("Reference not loaded: %1").arg(reason); }, true);
    });
    // A reader's photo that came while this load ran: its file is gone, it waits in memory.
    connect(references, &ReferenceLoader::idle, this, [this] {
        if (m_waitingDocument)
            loadReaderDocument(*std::exchange(m_waitingDocument, std::nullopt));
    });
}

void Workstation::loadDocument(const QString& photoPath, const ReferencePerson& holder)
{
    if (m_desk->usesMatchService()) {
        // The service enrols the photo with each capture it decides.
        QFile photo(photoPath);
        if (!photo.open(QIODevice::ReadOnly)) {
            m_window->showReferenceState([photoPath, why = photo.errorString()] {
                return tr("Document not loaded: %1").arg(tr("%1: %2").arg(photoPath, why));
            }, true);
            return;
        }
        ReferencePerson person = holder;
        person.photoPath = photoPath;
        m_desk->useServiceDocument(photo.readAll(), person);
        m_window->showReferenceState([name = person.name] { return tr("Document photo %1 · 1:1").arg(name); }, false);
        return;
    }
    if (m_references->loadDocumentPhoto(photoPath, holder))
        m_window->showReferenceState(
            [name = QFileInfo(photoPath).fileName()] { return tr("Reading the document photo %1…").arg(name); }, false);
    else
        m_window->showReferenceState(
            [name = QFileInfo(photoPath).fileName()] { return tr("Document photo %1 not read: another reference is loading").arg(name); },
            true);
}

void Workstation::connectMatchingService()
{
    if (m_options.matching.endpoint.isEmpty())
        return; // the in-process matching core
    m_matching = MatchClient::create(m_options.matching, &m_matchingUnusable);
    m_desk->useMatchService(m_matching.get(), m_matchingUnusable);
    m_matchingState = new QLabel(m_window.get());
    m_matchingState->setObjectName(QStringLiteral("matchingState"));
    m_window->statusBar()->addPermanentWidget(m_matchingState);
    if (!m_matching) {
        m_matchingReachable = false;
        m_matchingReason = m_matchingUnusable;
    }
    connect(m_desk.get(), &InspectionDesk::matchingServiceState, this, [this](bool reachable, const QString& reason) {
        m_matchingReachable = reachable;
        m_matchingReason = reason;
        showMatchingState();
    });
    showMatchingState();
}

void Workstation::showMatchingState()
{
    if (!m_matchingState)
        return;
    const QString where = m_options.matching.endpoint.toString();
    if (m_matchingReachable) {
        m_matchingState->setText(tr("Matching: service at %1").arg(where));
        m_matchingState->setStyleSheet(QString());
    } else {
        m_matchingState->setText(tr("Matching: service at %1 unreachable (%2)").arg(where, m_matchingReason));
        m_matchingState->setStyleSheet(InlineMessage::problemStyleSheet());
    }
}

void Workstation::loadServiceGallery(const QString& manifestPath)
{
    // The members are read here (who a candidate is: name, nationality,
    // photo); the gallery itself is built by the service from the manifest
    // of the same name in its own manifest folder.
    const QString flight = QFileInfo(manifestPath).completeBaseName();
    QString error;
    const std::optional<GalleryManifest> manifest = GalleryManifest::readFile(manifestPath, &error);
    if (!manifest) {
        m_window->showReferenceState([flight, error] { return tr("Flight %1 not loaded: %2").arg(flight, error); }, true);
        return;
    }
    if (!m_matching) {
        const QString why = m_matchingUnusable;
        m_window->showReferenceState([flight, why] { return tr("Flight %1 not loaded: %2").arg(flight, why); }, true);
        return;
    }
    MainWindow* window = m_window.get();
    window->showReferenceState([name = QFileInfo(manifestPath).fileName()] {
        return tr("Loading the manifest %1…").arg(name);
    }, false);
    m_matching->loadGallery(flight, QFileInfo(manifestPath).fileName(),
                            [this, window, flight, members = manifest->entries()](const MatchClientReply& reply) {
        m_matchingReachable = reply.reachable;
        m_matchingReason = reply.error;
        showMatchingState();
        if (!reply.ok()) {
            const QString why = reply.error;
            window->showReferenceState([flight, why] { return tr("Flight %1 not loaded: %2").arg(flight, why); }, true);
            return;
        }
        m_desk->useServiceGallery(flight, members);
        const qint64 size = reply.body.value(QStringLiteral("members")).toInteger();
        const qsizetype failed = reply.body.value(QStringLiteral("failed")).toArray().size();
        window->showReferenceState(
            [flight, size, failed] {
                return failed == 0 ? tr("Flight %1 · %2 travelers · 1:N").arg(flight).arg(size)
                                   : tr("Flight %1 · %2 travelers · 1:N · %3 photos did not enrol")
                                         .arg(flight)
                                         .arg(size)
                                         .arg(failed);
            },
            false);
    });
}

void Workstation::watchDocumentReader(RecordsThread& records)
{
    if (m_options.documentReaderFolder.isEmpty())
        return;
    m_readerRecords = &records;
    m_documentReader = std::make_unique<DocumentReaderFolder>();
    // Connected before watch(): the files already there are destroyed at once.
    connect(m_documentReader.get(), &DocumentReaderFolder::filesDeleted, this, &Workstation::recordReaderDeletions);
    connect(m_documentReader.get(), &DocumentReaderFolder::documentArrived, this, &Workstation::takeReaderDocument);
    QString error;
    if (!m_documentReader->watch(m_options.documentReaderFolder, &error))
        m_window->showReferenceState([error] { return tr("Document reader not watched: %1").arg(error); }, true);
}

void Workstation::takeReaderDocument(const DocumentReaderFiles::Document& document)
{
    const QString fileName = QFileInfo(document.photoPath).completeBaseName();
    if (!document.problem.isEmpty()) {
        // Not a reference, and still a traveler's data: destroyed all the same.
        const bool deleted = std::all_of(document.deletions.cbegin(), document.deletions.cend(),
                                         [](const DocumentReaderFiles::Deletion& deletion) { return deletion.deleted; });
        m_window->showReferenceState(
            [problem = document.problem, deleted] {
                return deleted ? tr("Document photo not loaded: %1. The reader's files were deleted: read the document "
                                    "again.")
                                     .arg(problem)
                               : tr("Document photo not loaded: %1. Read the document again.").arg(problem);
            },
            true);
        return;
    }
    // The reader's photo is the 1:1 reference; the zone beside it names the
    // holder (a zone with errors still gives the name the officer compares).
    ReferencePerson holder{fileName, fileName, QString(), QString(), document.photoPath, document.photo};
    if (!document.mrzText.isEmpty()) {
        const MrzResult zone = MrzParser::parse(document.mrzText, m_clock.now().toUTC().date());
        if (zone.document) {
            const MrzDocument& parsed = *zone.document;
            holder.name = QStringLiteral("%1 %2").arg(parsed.secondaryIdentifier, parsed.primaryIdentifier).trimmed();
            holder.citizenship = parsed.nationality;
            holder.documentNumber = parsed.documentNumber;
            holder.travelerId = parsed.documentNumber.isEmpty() ? fileName : parsed.documentNumber;
        }
    }
    loadReaderDocument(holder);
    // The reader's zone also opens the passport's chip, whose photo follows.
    if (m_chip && !document.mrzText.isEmpty())
        m_chip->readWith(MrzInput::read(document.mrzText).lines);
}

void Workstation::watchPassportChip(RecordsThread& records)
{
    if (m_options.chipReader.isEmpty())
        return;
    m_chipRecords = &records;
    PassportChipWatcher::Options options;
    options.reader = m_options.chipReader;
    options.cscaPath = m_options.cscaPath;
    const Clock* clock = &m_clock;
    options.now = [clock] { return clock->now(); };
    m_chip = std::make_unique<PassportChipWatcher>(std::move(options));
    MainWindow* window = m_window.get();
    connect(m_chip.get(), &PassportChipWatcher::chipRead, this, &Workstation::takeChip);
    connect(m_chip.get(), &PassportChipWatcher::chipFailed, this, &Workstation::chipNotRead);
    connect(m_chip.get(), &PassportChipWatcher::problem, window, [window](const QString& what) {
        window->showReferenceState([what] { return tr("Passport chip reader: %1").arg(what); }, true);
    });
    connect(m_chip.get(), &PassportChipWatcher::cardChanged, window, [window](const QString& reader, bool present) {
        if (present)
            window->showReferenceState(
                [reader] { return tr("Passport on %1: reading its chip needs its MRZ (Ctrl+R)").arg(reader); }, false);
    });
    connect(m_chip.get(), &PassportChipWatcher::progress, window,
            [window](const QString& file, qint64 bytes, qint64 total) {
                window->showReferenceState(
                    [file, bytes, total] {
                        return tr("Reading the passport's chip: %1, %2 of %3 bytes").arg(file).arg(bytes).arg(total);
                    },
                    false);
            });
    m_chipAction = new QAction(tr("Read the passport's &chip…"), window);
    m_chipAction->setObjectName(QStringLiteral("readChipAction"));
    m_chipAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_chipAction, &QAction::triggered, this, &Workstation::askForChipZone);
    window->addAction(m_chipAction);
    m_chip->start();
}

void Workstation::askForChipZone()
{
    if (!m_chip || !m_window->account())
        return;
    bool ok = false;
    const QString text = QInputDialog::getMultiLineText(
        m_window.get(), tr("Read the passport's chip"),
        tr("The document's MRZ as printed (two or three lines), to open its chip:"), QString(), &ok);
    if (ok)
        readChipWith(text);
}

bool Workstation::readChipWith(const QString& mrzText)
{
    if (!m_chip)
        return false;
    const MrzInput zone = MrzInput::read(mrzText);
    if (!zone.format || zone.lines.isEmpty()) {
        const QString why = zone.problems.empty() ? tr("no MRZ layout fits") : zone.problems.front().message;
        m_window->showReferenceState([why] { return tr("Passport chip not read: the MRZ cannot be read (%1)").arg(why); },
                                     true);
        return false;
    }
    m_chip->readWith(zone.lines);
    m_window->showReferenceState([] { return tr("Passport chip: waiting for the passport on the reader…"); }, false);
    return true;
}

void Workstation::takeChip(const PassportChipWatcher::Reading& reading)
{
    const ChipDocument& document = reading.document;
    QJsonObject details = document.report();
    details.insert(QStringLiteral("photo"), reading.photo.isEmpty() ? QJsonValue(document.photoProblem)
                                                                    : QJsonValue(reading.photoFormat));
    recordChipRead(reading.reader, details);
    if (reading.photo.isEmpty()) {
        m_window->showReferenceState(
            [why = document.photoProblem, words = document.words()] {
                return tr("Passport chip read, but it gives no photo to compare with (%1). %2").arg(why, words);
            },
            true);
        return;
    }
    ReferencePerson holder;
    if (document.holder) {
        const MrzDocument& zone = *document.holder;
        holder.name = QStringLiteral("%1 %2").arg(zone.secondaryIdentifier, zone.primaryIdentifier).trimmed();
        holder.citizenship = zone.nationality;
        holder.documentNumber = zone.documentNumber;
        holder.travelerId = zone.documentNumber;
    }
    if (holder.travelerId.isEmpty())
        holder.travelerId = QStringLiteral("chip");
    holder.photoPath = QStringLiteral("chip:DG2.") + (reading.photoFormat == QLatin1String("jpeg") ? QStringLiteral("jpg")
                                                                                                    : reading.photoFormat);
    holder.photo = reading.photo;
    holder.documentVerdict = document.outcomeName();
    holder.documentWords = document.words();
    holder.documentCheck = document.report();
    holder.chipMrz = document.chipMrz;
    loadReaderDocument(holder);
}

void Workstation::chipNotRead(const QString& reader, const QString& reason, int failure)
{
    // A zone that does not open the chip is said to the officer whole, but
    // recorded without the words: MrzParser's and the key's messages may
    // quote the zone (a document number), and the audit log names no one.
    const bool wrongKey = failure == int(ChipSession::Failure::WrongKey);
    recordChipRead(reader, QJsonObject{{QStringLiteral("outcome"), QStringLiteral("not-read")},
                                       {QStringLiteral("error"),
                                        wrongKey ? QStringLiteral("the MRZ given does not open the chip") : reason},
                                       {QStringLiteral("failure"), failure}});
    m_window->showReferenceState(
        [reason, wrongKey] {
            return wrongKey ? tr("Passport chip not read: %1. Type the MRZ again (Ctrl+R).").arg(reason)
                            : tr("Passport chip not read: %1").arg(reason);
        },
        true);
}

void Workstation::recordChipRead(const QString& reader, const QJsonObject& details)
{
    if (!m_chipRecords)
        return;
    const QString actor = m_window->account() ? m_window->account()->actor() : m_options.actor;
    MainWindow* window = m_window.get();
    auto* recorded = new QFutureWatcher<QString>(this);
    connect(recorded, &QFutureWatcher<QString>::finished, this, [recorded, window] {
        recorded->deleteLater();
        const QString failure = recorded->future().resultCount() > 0 ? recorded->result()
                                                                      : QStringLiteral("the records closed first");
        if (failure.isEmpty())
            return;
        qWarning("facegate: the reading of a passport's chip was not recorded: %s", qPrintable(failure));
        window->showNotice([failure] { return tr("The reading of the passport's chip was not recorded: %1").arg(failure); });
    });
    recorded->setFuture(m_chipRecords->run<QString>([actor, reader, details](Records& records) {
        QString error;
        if (!records.audit().append(actor, QStringLiteral("document.chip.read"), QStringLiteral("chip_reader:") + reader,
                                    details, &error))
            return error;
        return QString();
    }));
}

void Workstation::loadReaderDocument(const ReferencePerson& holder)
{
    const QString file = QFileInfo(holder.photoPath).fileName();
    if (m_desk->usesMatchService()) {
        // The service enrols the photo with each capture it decides.
        m_desk->useServiceDocument(holder.photo, holder);
        m_window->showReferenceState([name = holder.name] { return tr("Document photo %1 · 1:1").arg(name); }, false);
        return;
    }
    if (m_references->loadDocumentImage(holder)) {
        m_waitingDocument.reset();
        m_window->showReferenceState([file] { return tr("Reading the document photo %1…").arg(file); }, false);
        return;
    }
    m_waitingDocument = holder; // the newest one: loaded once the running load has ended
    m_window->showReferenceState(
        [file] { return tr("Document photo %1 waits: another reference is loading").arg(file); }, false);
}

void Workstation::recordReaderDeletions(const QList<DocumentReaderFiles::Deletion>& deletions)
{
    if (deletions.isEmpty())
        return;
    // Said where the officer looks, and logged: a file left holds a traveler's data.
    QStringList left;
    for (const DocumentReaderFiles::Deletion& deletion : deletions) {
        if (deletion.deleted)
            continue;
        qWarning("facegate: the document reader's file %s was not deleted: %s", qPrintable(deletion.path),
                 qPrintable(deletion.error));
        left << QStringLiteral("%1 (%2)").arg(deletion.fileName(), deletion.error);
    }
    MainWindow* window = m_window.get();
    if (!left.isEmpty())
        window->showNotice([left] {
            return tr("Not deleted from the document reader's folder, ask an administrator to remove: %1")
                .arg(left.join(QStringLiteral("; ")));
        });
    // The records' work is the records thread's, never the GUI thread's.
    const QString actor = m_window->account() ? m_window->account()->actor() : m_options.actor;
    auto* recorded = new QFutureWatcher<QString>(this);
    connect(recorded, &QFutureWatcher<QString>::finished, this, [recorded, window] {
        recorded->deleteLater();
        const QString failures = recorded->future().resultCount() > 0 ? recorded->result()
                                                                       : QStringLiteral("the records closed first");
        if (failures.isEmpty())
            return;
        qWarning("facegate: the deletion of the document reader's files was not recorded: %s", qPrintable(failures));
        window->showNotice([failures] {
            return tr("The deletion of the document reader's files was not recorded: %1").arg(failures);
        });
    });
    recorded->setFuture(m_readerRecords->run<QString>([actor, deletions](Records& records) {
        QStringList failures;
        for (const DocumentReaderFiles::Deletion& deletion : deletions) {
            QString error;
            if (!DocumentReaderFiles::record(records.audit(), actor, deletion, &error))
                failures << QStringLiteral("%1: %2").arg(deletion.fileName(), error);
        }
        return failures.join(QStringLiteral("; "));
    }));
}

void Workstation::showPurgesOf(RecordsThread& purges)
{
    // An opt-out deleted the photos taken before it: their data keys are
    // shredded on the records thread, as after a purge (a rewrite of
    // data_keys on PostgreSQL, not for this thread).
    connect(m_desk.get(), &InspectionDesk::captureWithdrawn, this, [&purges](qint64 encounterId) {
        purges.run<void>([encounterId](Records& records) {
            QString why;
            if (!Purger::reclaim(records.database(), &why))
                qWarning("FaceGate: the photos of encounter %lld were deleted, but their keys are not shredded yet "
                         "(the next purge does it): %s",
                         encounterId, qPrintable(why));
        });
    });
    MainWindow* window = m_window.get();
    const QString where = m_records.location();
    connect(&purges, &RecordsThread::purged, window, [window, where](const PurgeReport& report) {
        const QString at = report.now.toLocalTime().toString(QStringLiteral("HH:mm"));
        const qint64 photos = report.photosDeleted;
        const qint64 templates = report.templatesDeleted;
        window->showRecordsState(
            [photos, at] { return tr("Records · purged %1 photos at %2").arg(photos).arg(at); },
            [where, at, photos, templates] {
                return tr("Records: %1\nLast retention purge at %2: %3 photos and %4 templates deleted")
                    .arg(where, at)
                    .arg(photos)
                    .arg(templates);
            },
            false);
    });
    connect(&purges, &RecordsThread::purgeFailed, window, [window, where](const QString& reason) {
        window->showRecordsState([] { return tr("Records · purge FAILED"); },
                                 [where, reason] { return tr("Records: %1\nRetention purge failed: %2").arg(where, reason); },
                                 true);
    });
}

} // namespace fg
