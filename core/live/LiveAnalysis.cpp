#include "core/live/LiveAnalysis.h"

#include "core/live/FrameImage.h"

#include "core/biometrics/ModelRepository.h"
#include "core/capture/CaptureWorker.h"
#include "core/live/FrameAnalyzer.h"

#include <QMutexLocker>
#include <QThread>

namespace fg {

LiveAnalysis::Options LiveAnalysis::defaultOptions(const QString& sourceSpec)
{
    Options options;
    options.sourceSpec = sourceSpec;
    options.source.videoFile.realTime = true;
    options.source.videoFile.loop = true;
    options.pipeline.modelDirectory = ModelRepository::defaultDirectory();
    options.pipeline.quality = QualityLimits::liveProbe();
    return options;
}

LiveAnalysis::LiveAnalysis(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<fg::AnalysisResult>();
    qRegisterMetaType<fg::CaptureState>();
}

LiveAnalysis::~LiveAnalysis()
{
    stop();
}

void LiveAnalysis::start()
{
    if (m_analysisThread)
        return; // started already
    m_stopping = false;
    m_analysisThread = new QThread(this);
    m_analysisThread->setObjectName(QStringLiteral("facegate-analysis"));
    m_analyzer = new FrameAnalyzer(m_options.pipeline, m_options.presentationAttackBpcer);
    m_analyzer->moveToThread(m_analysisThread);
    connect(m_analysisThread, &QThread::started, m_analyzer, &FrameAnalyzer::initialize);
    connect(m_analysisThread, &QThread::finished, m_analyzer, &FrameAnalyzer::release, Qt::DirectConnection);
    connect(m_analysisThread, &QThread::finished, m_analyzer, &QObject::deleteLater);
    connect(m_analyzer, &FrameAnalyzer::ready, this, &LiveAnalysis::startCapture);
    connect(m_analyzer, &FrameAnalyzer::failed, this, &LiveAnalysis::onPipelineFailed);
    connect(m_analyzer, &FrameAnalyzer::presentationAttackUnavailable, this,
            &LiveAnalysis::presentationAttackUnavailable);
    connect(m_analyzer, &FrameAnalyzer::resultReady, this, [this](const AnalysisResult& result) {
        if (!m_stopping) // a result still on its way when stop() ran is not shown
            Q_EMIT resultReady(result);
    });
    connect(m_analyzer, &FrameAnalyzer::captured, this, [this](const CaptureResult& capture) {
        if (!m_stopping)
            Q_EMIT captured(capture);
    });
    m_analyzer->setAutoCapture(m_autoCapture);
    m_analyzer->setAssessesPresentationAttacks(m_assessesPresentationAttacks);
    setSourceState(CaptureState::Opening, tr("checking the face models"));
    m_analysisThread->start();
}

void LiveAnalysis::requestCapture()
{
    if (m_analyzer)
        m_analyzer->requestCapture();
}

void LiveAnalysis::nextTraveler()
{
    if (m_analyzer)
        m_analyzer->nextTraveler();
}

void LiveAnalysis::setAutoCapture(bool automatic)
{
    m_autoCapture = automatic;
    if (m_analyzer)
        m_analyzer->setAutoCapture(automatic);
}

void LiveAnalysis::setAssessesPresentationAttacks(bool assesses)
{
    m_assessesPresentationAttacks = assesses;
    if (m_analyzer)
        m_analyzer->setAssessesPresentationAttacks(assesses);
}

void LiveAnalysis::startCapture()
{
    if (m_stopping || m_captureThread)
        return;
    QString error;
    std::unique_ptr<FrameSource> source = FrameSourceFactory::create(m_options.sourceSpec, m_options.source, &error);
    if (!source) {
        setSourceState(CaptureState::Failed, error);
        return;
    }
    m_captureThread = new QThread(this);
    m_captureThread->setObjectName(QStringLiteral("facegate-capture"));
    auto* worker = new CaptureWorker(std::move(source));
    worker->moveToThread(m_captureThread);
    {
        QMutexLocker lock(&m_workerMutex);
        m_worker = worker;
    }
    connect(m_captureThread, &QThread::started, worker, &CaptureWorker::run);
    // quit() is thread-safe: called on the capture thread, it never waits on the GUI.
    connect(worker, &CaptureWorker::finished, m_captureThread, &QThread::quit, Qt::DirectConnection);
    // The worker ends on its own thread (a file's end, a lost source) or on stop().
    connect(m_captureThread, &QThread::finished, m_captureThread, [this, worker] {
        QMutexLocker lock(&m_workerMutex);
        m_worker = nullptr;
        delete worker;
    }, Qt::DirectConnection);
    // Straight from the capture thread into the analyser's one-frame mailbox.
    connect(worker, &CaptureWorker::frameReady, m_analyzer, &FrameAnalyzer::offer, Qt::DirectConnection);
    // And to the screen, converted here on the capture thread.
    connect(worker, &CaptureWorker::frameReady, this, [this](const Frame& frame) {
        if (m_framePending.exchange(true))
            return; // the GUI has not painted the last one yet
        QMetaObject::invokeMethod(this, [this, image = FrameImage::fromBgr(frame.image), index = frame.index] {
            m_framePending.store(false);
            if (!m_stopping)
                Q_EMIT frameReady(image, index);
        }, Qt::QueuedConnection);
    }, Qt::DirectConnection);
    connect(worker, &CaptureWorker::stateChanged, this, &LiveAnalysis::setSourceState);
    connect(worker, &CaptureWorker::framesPerSecondChanged, this, &LiveAnalysis::framesPerSecondChanged);
    m_captureThread->start();
}

void LiveAnalysis::onPipelineFailed(const QString& reason)
{
    stop();
    setSourceState(CaptureState::Failed, reason);
    Q_EMIT startupFailed(reason);
}

void LiveAnalysis::setSourceState(CaptureState state, const QString& message)
{
    m_state = state;
    m_stateMessage = message;
    Q_EMIT sourceStateChanged(state, message);
}

void LiveAnalysis::stop()
{
    m_stopping = true;
    // The capture thread first: it feeds the analyser directly.
    if (m_captureThread) {
        {
            QMutexLocker lock(&m_workerMutex);
            if (m_worker)
                m_worker->stop();
        }
        m_captureThread->quit();
        m_captureThread->wait();
        delete m_captureThread;
        m_captureThread = nullptr;
    }
    if (m_analysisThread) {
        m_analyzer->cancel();
        m_analysedBeforeStop = m_analyzer->framesAnalysed();
        m_droppedBeforeStop = m_analyzer->framesDropped();
        m_padScoredBeforeStop = m_analyzer->framesScoredForPresentationAttacks();
        m_analysisThread->quit();
        m_analysisThread->wait(); // at most one analysis under way; the analyser is deleted on finish
        m_analyzer = nullptr;
        delete m_analysisThread;
        m_analysisThread = nullptr;
    }
}

bool LiveAnalysis::isRunning() const
{
    return (m_captureThread && m_captureThread->isRunning()) || (m_analysisThread && m_analysisThread->isRunning());
}

qint64 LiveAnalysis::framesAnalysed() const
{
    return m_analyzer ? m_analyzer->framesAnalysed() : m_analysedBeforeStop;
}

qint64 LiveAnalysis::framesDropped() const
{
    return m_analyzer ? m_analyzer->framesDropped() : m_droppedBeforeStop;
}

qint64 LiveAnalysis::framesScoredForPresentationAttacks() const
{
    return m_analyzer ? m_analyzer->framesScoredForPresentationAttacks() : m_padScoredBeforeStop;
}

} // namespace fg
