#include "ui/desk/MainWindow.h"

#include "ui/desk/CameraGrid.h"
#include "ui/desk/CameraTile.h"
#include "ui/desk/InspectionDesk.h"
#include "ui/desk/MatchPanel.h"
#include "ui/session/InactivityLock.h"
#include "ui/session/SignInDialog.h"
#include "ui/session/Translations.h"
#include "ui/widgets/CameraView.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/RecentFolders.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QMenuBar>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

namespace fg {

MainWindow::MainWindow(LiveAnalysis::Options options, QWidget* parent)
    : MainWindow(QList<LiveAnalysis::Options>{std::move(options)}, parent)
{
}

MainWindow::MainWindow(QList<LiveAnalysis::Options> cameras, QWidget* parent)
    : QMainWindow(parent)
    , m_workspace(new QStackedWidget(this))
    , m_grid(new CameraGrid(this))
    , m_matchPanel(new MatchPanel(this))
    , m_lockCover(new QLabel(this))
    , m_officerIdentity(new QLabel(this))
    , m_referenceState(new QLabel(this))
    , m_referenceDetails(new QLabel(this))
    , m_sourceState(new QLabel(this))
    , m_notice(new QLabel(this))
    , m_framesPerSecond(new QLabel(this))
    , m_analysisLatency(new QLabel(this))
    , m_recordsState(new QLabel(this))
{
    m_grid->setObjectName(QStringLiteral("cameraGrid"));
    m_sourceState->setObjectName(QStringLiteral("sourceState"));
    m_notice->setObjectName(QStringLiteral("notice"));
    m_framesPerSecond->setObjectName(QStringLiteral("framesPerSecond"));
    m_analysisLatency->setObjectName(QStringLiteral("analysisLatency"));
    m_recordsState->setObjectName(QStringLiteral("recordsState"));
    m_lockCover->setObjectName(QStringLiteral("lockCover"));
    m_officerIdentity->setObjectName(QStringLiteral("officerIdentity"));
    // While locked, nothing of the traveler or the camera is on screen.
    m_lockCover->setAlignment(Qt::AlignCenter);
    m_lockCover->setStyleSheet(QStringLiteral("font-size: 20pt;"));
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("workspacePage"));
    // A reference's problem or its photos that did not enrol, whole and
    // wrapped above the cameras (the status bar has room for a few words).
    m_referenceDetails->setObjectName(QStringLiteral("referenceDetails"));
    m_referenceDetails->setWordWrap(true);
    m_referenceDetails->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_referenceDetails->setContentsMargins(6, 4, 6, 4);
    m_referenceDetails->hide();
    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(m_referenceDetails);
    auto* views = new QHBoxLayout;
    views->addWidget(m_grid, 3);
    views->addWidget(m_matchPanel, 2);
    pageLayout->addLayout(views, 1);
    m_workspace->addWidget(page);
    m_workspace->addWidget(m_lockCover);
    setCentralWidget(m_workspace);

    m_sourceState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel* label : {m_sourceState, m_notice, m_framesPerSecond, m_analysisLatency, m_recordsState})
        label->setContentsMargins(6, 0, 6, 0);
    statusBar()->addWidget(m_officerIdentity);
    m_officerIdentity->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_officerIdentity->setContentsMargins(6, 0, 6, 0);
    m_officerIdentity->hide();
    m_referenceState->setObjectName(QStringLiteral("referenceState"));
    m_referenceState->setContentsMargins(6, 0, 6, 0);
    showReferenceState([] { return tr("No reference: choose a flight (Ctrl+M) or a document photo (Ctrl+D)"); }, true);
    statusBar()->addWidget(m_referenceState);
    // The source's state and the notice take the room left and are cut
    // short there (whole in their tooltips), so that the officer's name, the
    // reference and the permanent states at the right are always whole.
    for (QLabel* label : {m_sourceState, m_notice}) {
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        statusBar()->addWidget(label, 1);
    }
    m_noticeTimer = new QTimer(this);
    m_noticeTimer->setSingleShot(true);
    connect(m_noticeTimer, &QTimer::timeout, this, &MainWindow::clearNotice);
    statusBar()->addPermanentWidget(m_framesPerSecond);
    statusBar()->addPermanentWidget(m_analysisLatency);
    statusBar()->addPermanentWidget(m_recordsState);
    m_recordsState->hide();

    if (cameras.isEmpty())
        cameras.append(LiveAnalysis::defaultOptions(QString()));
    for (LiveAnalysis::Options& options : cameras)
        addCamera(std::move(options));
    m_grid->setCaptureCamera(m_capture);
    connect(m_grid, &CameraGrid::tileSelected, this, [this](int index) {
        if (!m_locked)
            setCaptureCamera(index);
    });
    m_referenceMenu = menuBar()->addMenu(QString());
    m_manifestAction = m_referenceMenu->addAction(QString(), this, [this] {
        const QString path =
            RecentFolders::openFile(this, QStringLiteral("manifest"), tr("Flight manifest"), tr("Manifests (*.csv)"));
        if (!path.isEmpty())
            Q_EMIT manifestChosen(path);
    });
    m_manifestAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    m_documentAction = m_referenceMenu->addAction(QString(), this, [this] {
        const QString path = RecentFolders::openFile(this, QStringLiteral("document"), tr("Document photo"),
                                                     tr("Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)"));
        if (!path.isEmpty())
            Q_EMIT documentPhotoChosen(path);
    });
    m_documentAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));

    // Ctrl+1 ... Ctrl+9 choose the capture camera, like a click on its tile.
    for (int i = 0; i < qMin(int(m_cameras.size()), 9); ++i) {
        auto* action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, i] {
            if (!m_locked)
                setCaptureCamera(i);
        });
        addAction(action);
        m_cameraKeys.append(action);
    }

    auto* lock = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    connect(lock, &QShortcut::activated, this, [this] {
        if (m_account && !m_locked) {
            lockSession();
            if (m_unlock)
                m_unlock->setLockedByOfficer(true);
        }
    });
    addLanguageMenu();
    retranslate();
    resize(1366, 740);
}

void MainWindow::showNotice(Words text, std::chrono::milliseconds timeout)
{
    m_noticeText = std::move(text);
    m_notice->setText(m_noticeText ? m_noticeText() : QString());
    m_notice->setToolTip(m_notice->text());
    if (timeout.count() > 0)
        m_noticeTimer->start(timeout);
    else
        m_noticeTimer->stop();
}

void MainWindow::clearNotice()
{
    m_noticeTimer->stop();
    m_noticeText = nullptr;
    m_notice->clear();
    m_notice->setToolTip(QString());
}

void MainWindow::addLanguageMenu()
{
    // Each language named in itself, so that it can be found whatever the
    // interface speaks now; the choice lasts for this session (ui/language
    // in facegate.ini sets the one at start-up).
    m_languageMenu = menuBar()->addMenu(QString());
    // Exclusive: choosing the language already ticked (Down, Return) keeps it
    // ticked instead of leaving none.
    auto* languages = new QActionGroup(m_languageMenu);
    languages->setExclusionPolicy(QActionGroup::ExclusionPolicy::Exclusive);
    for (const QString& language : Translations::available()) {
        QAction* action = m_languageMenu->addAction(Translations::nativeName(language), this, [this, language] {
            QString error;
            if (!Translations::apply(language, &error)) {
                showNotice([error] { return tr("Language not changed: %1").arg(error); }, std::chrono::seconds(10));
                retranslate(); // the tick back on the language in use
            }
        });
        action->setCheckable(true);
        action->setData(language);
        action->setActionGroup(languages);
    }
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(tr("FaceGate"));
    m_lockCover->setText(tr("Session locked"));
    m_referenceMenu->setTitle(tr("&Reference"));
    m_manifestAction->setText(tr("Flight &manifest…"));
    m_documentAction->setText(tr("&Document photo…"));
    m_languageMenu->setTitle(tr("&Language"));
    const QString current = Translations::current();
    for (QAction* action : m_languageMenu->actions())
        action->setChecked(action->data().toString() == current);
    for (int i = 0; i < m_cameraKeys.size(); ++i)
        m_cameraKeys[i]->setText(tr("Capture from camera %1").arg(i + 1));
    for (const auto& [action, name] : std::as_const(m_deskKeys))
        action->setText(tr(name));
    if (m_account)
        showOfficer();
    if (m_referenceText)
        showReferenceState(m_referenceText, m_referenceProblem, m_referenceDetailsText);
    if (m_noticeText) {
        m_notice->setText(m_noticeText());
        m_notice->setToolTip(m_notice->text());
    }
    if (m_recordsText)
        showRecordsState(m_recordsText, m_recordsDetails, m_recordsProblem);
    showSourceState(m_shownState, m_shownStateMessage);
    showFramesPerSecond(m_shownFramesPerSecond);
    m_analysisLatency->setText(m_shownLatencyMs ? tr("Analysis %1 ms").arg(*m_shownLatencyMs, 0, 'f', 0)
                                                : tr("Analysis — ms"));
    Q_EMIT retranslated();
}

void MainWindow::addCamera(LiveAnalysis::Options options)
{
    const int index = int(m_cameras.size());
    CameraTile* tile = m_grid->addCamera(options.sourceSpec);
    auto* live = new LiveAnalysis(std::move(options), this);
    // Only the capture camera captures by itself, and only its faces are
    // scored for presentation attacks; the others are watched.
    live->setAutoCapture(index == m_capture);
    live->setAssessesPresentationAttacks(index == m_capture);
    m_cameras.append(live);
    // Every frame is painted as it comes; the faces follow each analysis.
    connect(live, &LiveAnalysis::frameReady, tile->view(), &CameraView::showFrame);
    connect(live, &LiveAnalysis::resultReady, this, [this, index, tile](const AnalysisResult& result) {
        tile->view()->showResult(result);
        if (index == m_capture)
            showResult(result);
    });
    connect(live, &LiveAnalysis::sourceStateChanged, this,
            [this, index, tile](CaptureState state, const QString& message) {
                tile->setSourceState(state, message);
                if (index == m_capture)
                    showSourceState(state, message);
            });
    connect(live, &LiveAnalysis::framesPerSecondChanged, this, [this, index, tile](double framesPerSecond) {
        tile->setFramesPerSecond(framesPerSecond);
        if (index == m_capture)
            showFramesPerSecond(framesPerSecond);
    });
    // The models are the same for every camera: one failure says it for all.
    connect(live, &LiveAnalysis::startupFailed, this, [this](const QString& reason) {
        if (m_startupFailed)
            return;
        m_startupFailed = true;
        Q_EMIT startupFailed(reason);
    });
}

void MainWindow::setCaptureCamera(int index)
{
    if (index < 0 || index >= m_cameras.size() || index == m_capture)
        return;
    LiveAnalysis& previous = *m_cameras[m_capture];
    LiveAnalysis& next = *m_cameras[index];
    m_capture = index;
    previous.setAssessesPresentationAttacks(false);
    next.setAssessesPresentationAttacks(true);
    if (m_desk) {
        m_desk->setCamera(next); // takes automatic capture across
    } else {
        next.setAutoCapture(previous.autoCapture());
        previous.setAutoCapture(false);
    }
    m_grid->setCaptureCamera(index);
    CameraTile* tile = m_grid->tile(index);
    showSourceState(next.sourceState(), next.sourceMessage());
    showFramesPerSecond(tile->framesPerSecond());
    m_shownLatencyMs.reset();
    m_analysisLatency->setText(tr("Analysis — ms"));
    showNotice([index, name = CameraTile::shortName(next.sourceSpec())] {
        return tr("Capturing from camera %1 (%2)").arg(QString::number(index + 1), name);
    }, std::chrono::seconds(4));
    Q_EMIT captureCameraChanged(index);
}

void MainWindow::enableCameraKeys()
{
    for (QAction* action : std::as_const(m_cameraKeys))
        action->setEnabled(!m_locked);
}

void MainWindow::showReferenceState(const QString& text, bool problem)
{
    showReferenceState([text] { return text; }, problem);
}

void MainWindow::showReferenceState(Words text, bool problem, Words details)
{
    m_referenceText = std::move(text);
    m_referenceProblem = problem;
    m_referenceDetailsText = std::move(details);
    const QString words = m_referenceText();
    const QString more = m_referenceDetailsText ? m_referenceDetailsText() : QString();
    // The status bar: a problem's first words; all of it above the cameras.
    constexpr qsizetype kStatusChars = 80;
    m_referenceState->setText(words.size() > kStatusChars ? words.left(kStatusChars - 1) + QChar(0x2026) : words);
    m_referenceState->setToolTip(more.isEmpty() ? words : words + QLatin1Char('\n') + more);
    m_referenceState->setStyleSheet(problem ? InlineMessage::problemStyleSheet()
                                            : QStringLiteral("font-weight: bold;"));
    // Above the cameras: what the status bar cannot say whole.
    QStringList above;
    if (words.size() > kStatusChars)
        above << words;
    if (!more.isEmpty())
        above << more;
    const QString whole = above.join(QLatin1Char('\n'));
    m_referenceDetails->setText(whole);
    m_referenceDetails->setStyleSheet(problem ? InlineMessage::problemStyleSheet() : QString());
    m_referenceDetails->setVisible(!whole.isEmpty());
}

void MainWindow::setDesk(InspectionDesk* desk)
{
    m_desk = desk;
    if (m_desk) {
        m_desk->setOfficer(m_locked ? std::nullopt : m_account);
        m_desk->setCamera(liveAnalysis());
    }
    // The officer's keys; none works while locked, and the desk acts for
    // its officer only (none before sign-in).
    const auto add = [this](const QKeySequence& keys, const char* name, auto&& run) {
        auto* action = new QAction(tr(name), this);
        m_deskKeys.append({action, name});
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, run] {
            if (m_desk && !m_locked)
                run();
        });
        addAction(action);
    };
    add(QKeySequence(Qt::Key_Space), QT_TR_NOOP("Capture"), [this] { m_desk->capture(); });
    add(QKeySequence(Qt::Key_Return), QT_TR_NOOP("Confirm"),
        [this] { m_matchPanel->confirmByKey(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_O), QT_TR_NOOP("Override"),
        [this] { m_matchPanel->overrideByKey(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_S), QT_TR_NOOP("Secondary"),
        [this] { m_matchPanel->secondaryByKey(); });
    add(QKeySequence(Qt::CTRL | Qt::Key_N), QT_TR_NOOP("Next traveler"), [this] { m_desk->nextTraveler(); });
    add(QKeySequence(Qt::Key_F2), QT_TR_NOOP("Opt-out"), [this] { m_desk->optOut(this); });
    if (m_desk) {
        connect(m_desk, &InspectionDesk::optOutStarted, this, [this] {
            // The traveler declined: their image is not on screen either, on any camera.
            for (int i = 0; i < m_grid->count(); ++i)
                m_grid->tile(i)->view()->hide();
            showNotice([] { return tr("Opt-out: camera stopped for this traveler"); });
        });
        // The camera views come back with the next traveler (or a cancelled opt-out).
        const auto showViews = [this] {
            for (int i = 0; i < m_grid->count(); ++i)
                m_grid->tile(i)->view()->show();
        };
        connect(m_desk, &InspectionDesk::optOutFinished, this, [this, showViews](qint64 id) {
            if (id == 0)
                showViews();
            showNotice([id] {
                return id ? tr("Alternate procedure %1 logged · camera stopped until Next traveler (Ctrl+N)").arg(id)
                          : tr("Opt-out cancelled");
            },
                       std::chrono::seconds(8));
        });
        connect(m_desk, &InspectionDesk::nextTravelerStarted, this, showViews);
    }
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), QT_TR_NOOP("Automatic capture"), [this] {
        if (m_desk && m_desk->travelerDeclined()) {
            showNotice([] { return tr("The traveler opted out: capture resumes with Next traveler (Ctrl+N)"); },
                       std::chrono::seconds(4));
            return;
        }
        LiveAnalysis& live = liveAnalysis();
        live.setAutoCapture(!live.autoCapture());
        showNotice([on = live.autoCapture()] { return on ? tr("Automatic capture on") : tr("Automatic capture off"); },
                   std::chrono::seconds(4));
    });
}

void MainWindow::beginSession(const UserAccount& account, const Authenticator& authenticator,
                              std::chrono::milliseconds lockAfter)
{
    m_account = account;
    m_authenticator = &authenticator;
    showOfficer();
    m_officerIdentity->show();
    delete m_inactivity;
    m_inactivity = new InactivityLock(lockAfter, this);
    connect(m_inactivity, &InactivityLock::idle, this, &MainWindow::lockSession);
    m_locked = false;
    enableCameraKeys();
    m_workspace->setCurrentIndex(0);
    if (m_desk)
        m_desk->setOfficer(m_account);
    m_inactivity->start();
}

void MainWindow::lockSession()
{
    if (!m_account || !m_authenticator || m_locked)
        return;
    m_locked = true;
    enableCameraKeys();
    m_inactivity->stop();
    if (m_desk)
        m_desk->setOfficer(std::nullopt); // nothing is captured for nobody
    m_workspace->setCurrentWidget(m_lockCover);
    Q_EMIT sessionLocked();
    m_unlock = new SignInDialog(*m_authenticator, m_account->name, this);
    m_unlock->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_unlock, &QDialog::accepted, this, &MainWindow::unlocked);
    connect(m_unlock, &QDialog::rejected, this, [this] {
        m_unlock = nullptr;
        m_account.reset();
        m_officerIdentity->hide();
        Q_EMIT sessionEnded();
    });
    m_unlock->open();
}

void MainWindow::endSession()
{
    if (!m_account)
        return;
    if (m_unlock) {
        m_unlock->disconnect(this); // its rejection would end the session a second time
        m_unlock->close();
        m_unlock = nullptr;
    }
    m_locked = true;
    enableCameraKeys();
    if (m_inactivity)
        m_inactivity->stop();
    if (m_desk)
        m_desk->setOfficer(std::nullopt);
    m_workspace->setCurrentWidget(m_lockCover);
    m_account.reset();
    m_officerIdentity->hide();
    Q_EMIT sessionEnded();
}

void MainWindow::unlocked()
{
    m_unlock = nullptr;
    m_locked = false;
    enableCameraKeys();
    m_workspace->setCurrentIndex(0);
    if (m_desk)
        m_desk->setOfficer(m_account);
    m_inactivity->start();
    Q_EMIT sessionUnlocked();
}

MainWindow::~MainWindow()
{
    stopCameras();
}

void MainWindow::stopCameras()
{
    for (LiveAnalysis* live : std::as_const(m_cameras))
        live->stop();
}

void MainWindow::showOfficer()
{
    const UserAccount& account = *m_account;
    const QString who = account.displayName.isEmpty() ? account.name
                                                      : tr("%1 (%2)").arg(account.displayName, account.name);
    m_officerIdentity->setText(tr("%1 · %2").arg(who, roleTitle(account.role)));
}

void MainWindow::showRecordsState(const QString& text, const QString& details, bool problem)
{
    showRecordsState([text] { return text; }, [details] { return details; }, problem);
}

void MainWindow::showRecordsState(Words text, Words details, bool problem)
{
    m_recordsText = std::move(text);
    m_recordsDetails = std::move(details);
    m_recordsProblem = problem;
    m_recordsState->setText(m_recordsText());
    m_recordsState->setToolTip(m_recordsDetails ? m_recordsDetails() : QString());
    m_recordsState->setStyleSheet(problem ? InlineMessage::problemStyleSheet() : QString());
    m_recordsState->show();
}

void MainWindow::start()
{
    for (LiveAnalysis* live : std::as_const(m_cameras))
        live->start();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    stopCameras();
    event->accept();
    Q_EMIT closed();
}

QString MainWindow::stateTitle(CaptureState state)
{
    return CameraTile::stateTitle(state);
}

QString MainWindow::roleTitle(Role role)
{
    switch (role) {
    case Role::Officer:
        return tr("Officer");
    case Role::CheckpointOfficer:
        return tr("Checkpoint officer");
    case Role::Supervisor:
        return tr("Supervisor");
    case Role::Auditor:
        return tr("Auditor");
    case Role::Admin:
        return tr("Administrator");
    }
    return tr("Unknown role");
}

void MainWindow::showSourceState(CaptureState state, const QString& message)
{
    m_shownState = state;
    m_shownStateMessage = message;
    const QString title = stateTitle(state);
    // Live: the message is the source's description, whose kind is translated.
    const QString words = state == CaptureState::Live ? CameraTile::sourceWords(message) : message;
    m_sourceState->setText(words.isEmpty() ? title : tr("%1: %2").arg(title, words));
    m_sourceState->setToolTip(m_sourceState->text());
}

void MainWindow::showFramesPerSecond(double framesPerSecond)
{
    m_shownFramesPerSecond = framesPerSecond;
    m_framesPerSecond->setText(framesPerSecond > 0.0 ? tr("%1 fps").arg(framesPerSecond, 0, 'f', 1) : tr("— fps"));
}

void MainWindow::showResult(const AnalysisResult& result)
{
    m_shownLatencyMs = result.latencyMs;
    m_analysisLatency->setText(tr("Analysis %1 ms").arg(result.latencyMs, 0, 'f', 0));
}

} // namespace fg
