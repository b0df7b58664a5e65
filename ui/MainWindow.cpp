#include "ui/MainWindow.h"

#include "ui/CameraView.h"
#include "ui/InactivityLock.h"
#include "ui/SignInDialog.h"

#include <QCloseEvent>
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
    , m_lockCover(new QLabel(this))
    , m_officerIdentity(new QLabel(this))
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
    m_workspace->addWidget(m_view);
    m_workspace->addWidget(m_lockCover);
    setCentralWidget(m_workspace);

    m_sourceState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel* label : {m_sourceState, m_framesPerSecond, m_analysisLatency, m_recordsState})
        label->setContentsMargins(6, 0, 6, 0);
    statusBar()->addWidget(m_officerIdentity);
    m_officerIdentity->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_officerIdentity->setContentsMargins(6, 0, 6, 0);
    m_officerIdentity->hide();
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
    auto* lock = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this);
    connect(lock, &QShortcut::activated, this, [this] {
        if (m_account && !m_locked)
            lockSession();
    });
    resize(1040, 640);
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
    m_workspace->setCurrentWidget(m_view);
    m_inactivity->start();
}

void MainWindow::lockSession()
{
    if (!m_account || !m_authenticator || m_locked)
        return;
    m_locked = true;
    m_inactivity->stop();
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
    m_workspace->setCurrentWidget(m_view);
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
