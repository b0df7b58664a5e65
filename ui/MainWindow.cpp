#include "ui/MainWindow.h"

#include "ui/CameraView.h"
#include "ui/InactivityLock.h"
#include "ui/InspectionDesk.h"
#include "ui/MatchPanel.h"
#include "ui/SignInDialog.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileDialog>
#include <QMenuBar>
#include <QHBoxLayout>
#include <QPushButton>
#include <QLabel>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>

namespace fg {

MainWindow::MainWindow(LiveAnalysis::Options options, QWidget* parent)
    : QMainWindow(parent)
    , m_live(new LiveAnalysis(std::move(options), this))
    , m_workspace(new QStackedWidget(this))
    , m_view(new CameraView(this))
    , m_matchPanel(new MatchPanel(this))
    , m_lockCover(new QLabel(this))
    , m_officerIdentity(new QLabel(this))
    , m_referenceState(new QLabel(this))
    , m_sourceState(new QLabel(this))
    , m_framesPerSecond(new QLabel(this))
    , m_analysisLatency(new QLabel(this))
    , m_recordsState(new QLabel(this))
{
    setWindowTitle(tr("FaceGate"));
    m_view->setObjectName(QStringLiteral("cameraView"));
    m_sourceState->setObjectName(QStringLiteral("sourceState"));
    m_framesPerSecond->setObjectName(QStringLiteral("framesPerSecond"));
    m_analysisLatency->setObjectName(QStringLiteral("analysisLatency"));
    m_recordsState->setObjectName(QStringLiteral("recordsState"));
    m_lockCover->setObjectName(QStringLiteral("lockCover"));
    m_officerIdentity->setObjectName(QStringLiteral("officerIdentity"));
    // While locked, nothing of the traveler or the camera is on screen.
    m_lockCover->setAlignment(Qt::AlignCenter);
    m_lockCover->setText(tr("Session locked"));
    m_lockCover->setStyleSheet(QStringLiteral("font-size: 20pt;"));
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("workspacePage"));
    auto* pageLayout = new QHBoxLayout(page);
    pageLayout->setContentsMargins(0, 0, 0, 0);
    pageLayout->addWidget(m_view, 3);
    pageLayout->addWidget(m_matchPanel, 2);
    m_workspace->addWidget(page);
    m_workspace->addWidget(m_lockCover);
    setCentralWidget(m_workspace);

    m_sourceState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel* label : {m_sourceState, m_framesPerSecond, m_analysisLatency, m_recordsState})
        label->setContentsMargins(6, 0, 6, 0);
    statusBar()->addWidget(m_officerIdentity);
    m_officerIdentity->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_officerIdentity->setContentsMargins(6, 0, 6, 0);
    m_officerIdentity->hide();
    m_referenceState->setObjectName(QStringLiteral("referenceState"));
    m_referenceState->setContentsMargins(6, 0, 6, 0);
    showReferenceState(tr("No reference: choose a flight (Ctrl+M) or a document photo (Ctrl+D)"), true);
    statusBar()->addWidget(m_referenceState);
    statusBar()->addWidget(m_sourceState, 1);
    statusBar()->addPermanentWidget(m_framesPerSecond);
    statusBar()->addPermanentWidget(m_analysisLatency);
    statusBar()->addPermanentWidget(m_recordsState);
    m_recordsState->hide();
    showSourceState(CaptureState::Stopped, QString());
    showFramesPerSecond(0.0);
    m_analysisLatency->setText(tr("Analysis — ms"));

    connect(m_live, &LiveAnalysis::resultReady, this, &MainWindow::showResult);
    connect(m_live, &LiveAnalysis::sourceStateChanged, this, &MainWindow::showSourceState);
    connect(m_live, &LiveAnalysis::framesPerSecondChanged, this, &MainWindow::showFramesPerSecond);
    connect(m_live, &LiveAnalysis::startupFailed, this, &MainWindow::startupFailed);
    QMenu* reference = menuBar()->addMenu(tr("&Reference"));
    QAction* manifest = reference->addAction(tr("Flight &manifest…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Flight manifest"), QString(), tr("Manifests (*.csv)"));
        if (!path.isEmpty())
            Q_EMIT manifestChosen(path);
    });
    manifest->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_M));
    QAction* document = reference->addAction(tr("&Document photo…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Document photo"), QString(),
                                                          tr("Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)"));
        if (!path.isEmpty())
            Q_EMIT documentPhotoChosen(path);
    });
    document->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));

    auto* lock = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    connect(lock, &QShortcut::activated, this, [this] {
        if (m_account && !m_locked)
            lockSession();
    });
    resize(1366, 740);
}

void MainWindow::showReferenceState(const QString& text, bool problem)
{
    m_referenceState->setText(text);
    m_referenceState->setToolTip(text);
    m_referenceState->setStyleSheet(problem ? QStringLiteral("color: #b00020; font-weight: bold;")
                                            : QStringLiteral("font-weight: bold;"));
}

void MainWindow::setDesk(InspectionDesk* desk)
{
    m_desk = desk;
    if (m_desk)
        m_desk->setOfficer(m_locked ? std::nullopt : m_account);
    // The officer's keys; none works while locked, and the desk acts for
    // its officer only (none before sign-in).
    const auto add = [this](const QKeySequence& keys, const QString& text, auto&& run) {
        auto* action = new QAction(text, this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, run] {
            if (m_desk && !m_locked)
                run();
        });
        addAction(action);
    };
    add(QKeySequence(Qt::Key_Space), tr("Capture"), [this] { m_desk->capture(); });
    const auto click = [](QPushButton* button) {
        if (button && button->isEnabled())
            button->click();
    };
    add(QKeySequence(Qt::Key_Return), tr("Confirm"),
        [this, click] { click(m_matchPanel->findChild<QPushButton*>(QStringLiteral("confirmButton"))); });
    add(QKeySequence(Qt::CTRL | Qt::Key_O), tr("Override"),
        [this, click] { click(m_matchPanel->findChild<QPushButton*>(QStringLiteral("overrideButton"))); });
    add(QKeySequence(Qt::CTRL | Qt::Key_S), tr("Secondary"),
        [this, click] { click(m_matchPanel->findChild<QPushButton*>(QStringLiteral("secondaryButton"))); });
    add(QKeySequence(Qt::CTRL | Qt::Key_N), tr("Next traveler"), [this] { m_desk->nextTraveler(); });
    add(QKeySequence(Qt::Key_F2), tr("Opt-out"), [this] { m_desk->optOut(this); });
    if (m_desk) {
        connect(m_desk, &InspectionDesk::optOutStarted, this, [this] {
            m_view->hide(); // the traveler declined: their image is not on screen either
            statusBar()->showMessage(tr("Opt-out: camera stopped for this traveler"));
        });
        connect(m_desk, &InspectionDesk::optOutFinished, this, [this](qint64 id) {
            m_view->show();
            statusBar()->showMessage(id ? tr("Alternate procedure %1 logged").arg(id) : tr("Opt-out cancelled"), 8000);
        });
    }
    add(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A), tr("Automatic capture"), [this] {
        m_live->setAutoCapture(!m_live->autoCapture());
        statusBar()->showMessage(m_live->autoCapture() ? tr("Automatic capture on") : tr("Automatic capture off"), 4000);
    });
}

void MainWindow::beginSession(const UserAccount& account, const Authenticator& authenticator,
                              std::chrono::milliseconds lockAfter)
{
    m_account = account;
    m_authenticator = &authenticator;
    const QString who = account.displayName.isEmpty() ? account.name
                                                      : tr("%1 (%2)").arg(account.displayName, account.name);
    m_officerIdentity->setText(tr("%1 · %2").arg(who, roleTitle(account.role)));
    m_officerIdentity->show();
    delete m_inactivity;
    m_inactivity = new InactivityLock(lockAfter, this);
    connect(m_inactivity, &InactivityLock::idle, this, &MainWindow::lockSession);
    m_locked = false;
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
    m_inactivity->stop();
    if (m_desk)
        m_desk->setOfficer(std::nullopt); // nothing is captured for nobody
    m_workspace->setCurrentWidget(m_lockCover);
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

void MainWindow::unlocked()
{
    m_unlock = nullptr;
    m_locked = false;
    m_workspace->setCurrentIndex(0);
    if (m_desk)
        m_desk->setOfficer(m_account);
    m_inactivity->start();
}

MainWindow::~MainWindow()
{
    m_live->stop();
}

void MainWindow::showRecordsState(const QString& text, const QString& details, bool problem)
{
    m_recordsState->setText(text);
    m_recordsState->setToolTip(details);
    m_recordsState->setStyleSheet(problem ? QStringLiteral("color: #b00020; font-weight: bold;") : QString());
    m_recordsState->show();
}

void MainWindow::start()
{
    m_live->start();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_live->stop();
    event->accept();
}

QString MainWindow::stateTitle(CaptureState state)
{
    switch (state) {
    case CaptureState::Stopped:
        return tr("Stopped");
    case CaptureState::Opening:
        return tr("Opening");
    case CaptureState::Live:
        return tr("Live");
    case CaptureState::Reconnecting:
        return tr("Reconnecting");
    case CaptureState::Lost:
        return tr("Lost");
    case CaptureState::Finished:
        return tr("Finished");
    case CaptureState::Failed:
        return tr("Failed");
    }
    return tr("Unknown");
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
    const QString title = stateTitle(state);
    m_sourceState->setText(message.isEmpty() ? title : tr("%1: %2").arg(title, message));
    if (state == CaptureState::Failed || state == CaptureState::Lost)
        m_view->showMessage(m_sourceState->text());
}

void MainWindow::showFramesPerSecond(double framesPerSecond)
{
    m_framesPerSecond->setText(framesPerSecond > 0.0 ? tr("%1 fps").arg(framesPerSecond, 0, 'f', 1) : tr("— fps"));
}

void MainWindow::showResult(const AnalysisResult& result)
{
    m_view->showResult(result);
    m_analysisLatency->setText(tr("Analysis %1 ms").arg(result.latencyMs, 0, 'f', 0));
}

} // namespace fg
