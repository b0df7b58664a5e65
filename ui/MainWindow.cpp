#include "ui/MainWindow.h"

#include "ui/CameraView.h"

#include <QCloseEvent>
#include <QLabel>
#include <QStatusBar>

namespace fg {

MainWindow::MainWindow(LiveAnalysis::Options options, QWidget* parent)
    : QMainWindow(parent)
    , m_live(new LiveAnalysis(std::move(options), this))
    , m_view(new CameraView(this))
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
    setCentralWidget(m_view);

    m_sourceState->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel* label : {m_sourceState, m_framesPerSecond, m_analysisLatency, m_recordsState})
        label->setContentsMargins(6, 0, 6, 0);
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
    resize(1040, 640);
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
