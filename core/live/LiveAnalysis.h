#pragma once

#include "core/biometrics/FacePipeline.h"
#include "core/capture/CaptureState.h"
#include "core/capture/FrameSourceFactory.h"
#include "core/live/AnalysisResult.h"
#include "core/live/CaptureResult.h"

#include <QImage>
#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>

class QThread;

namespace fg {

class CaptureWorker;
class FrameAnalyzer;

// The service object between the GUI and the capture and biometrics core: it
// owns two worker threads, one pulling frames from the source (CaptureWorker)
// and one analysing the latest of them with its own FacePipeline
// (FrameAnalyzer), and hands the GUI thread ready-to-paint results.
// start() creates the pipeline first (model hashes, self-test) and opens the
// source only once the pipeline is ready; stop() stops and joins both threads.
class LiveAnalysis : public QObject {
    Q_OBJECT
public:
    struct Options {
        QString sourceSpec; // FrameSourceFactory words: a file, folder, camera or URL
        FrameSourceFactory::Options source;
        FacePipeline::Options pipeline;
        // presentationAttack/bpcer: the operating point each capture's
        // presentation-attack decision is taken at (issue 20).
        double presentationAttackBpcer = 0.01;
    };
    // Video files replayed in real time and looped, live-probe quality limits,
    // models from ModelRepository::defaultDirectory().
    static Options defaultOptions(const QString& sourceSpec);

    explicit LiveAnalysis(Options options, QObject* parent = nullptr);
    ~LiveAnalysis() override; // stops

    void start();
    // Stops both workers and waits for their threads; safe to call twice.
    void stop();

    // Capture of the traveler (FrameAnalyzer, CaptureSelector): the officer's
    // key, the next traveler, automatic capture on or off (on by default).
    void requestCapture();
    void nextTraveler();
    void setAutoCapture(bool automatic);
    bool autoCapture() const { return m_autoCapture; }
    // Whether this camera's faces are scored for presentation attacks (on by
    // default; a grid's watched cameras need not spend the work).
    void setAssessesPresentationAttacks(bool assesses);
    bool assessesPresentationAttacks() const { return m_assessesPresentationAttacks; }
    // The source's FrameSourceFactory words, as given.
    const QString& sourceSpec() const { return m_options.sourceSpec; }

    // Either worker thread still running.
    bool isRunning() const;
    CaptureState sourceState() const { return m_state; }
    QString sourceMessage() const { return m_stateMessage; }
    qint64 framesAnalysed() const;
    qint64 framesDropped() const;
    qint64 framesScoredForPresentationAttacks() const;

Q_SIGNALS:
    void resultReady(const fg::AnalysisResult& result);
    // Every frame of the source as it arrives, for the view to paint between
    // analyses (the faces of the latest result are drawn over it). At most
    // one is on its way to the GUI thread: a busy GUI drops frames rather
    // than queueing them.
    void frameReady(const QImage& image, qint64 frameIndex);
    void captured(const fg::CaptureResult& capture);
    // No capture's presentation attack can be assessed (no calibration table
    // at the configured BPCER), said once at start-up with the reason.
    void presentationAttackUnavailable(const QString& reason);
    void sourceStateChanged(fg::CaptureState state, const QString& message);
    void framesPerSecondChanged(double framesPerSecond);
    // The pipeline could not be created (missing or altered model, failed
    // self-test): nothing can be analysed. The threads are stopped.
    void startupFailed(const QString& reason);

private:
    void startCapture();
    void onPipelineFailed(const QString& reason);
    void setSourceState(CaptureState state, const QString& message);

    Options m_options;
    QThread* m_analysisThread = nullptr;
    QThread* m_captureThread = nullptr;
    FrameAnalyzer* m_analyzer = nullptr; // lives on m_analysisThread, deleted when it finishes
    mutable QMutex m_workerMutex;        // m_worker is deleted on its own thread when that ends
    CaptureWorker* m_worker = nullptr;
    qint64 m_analysedBeforeStop = 0;
    qint64 m_droppedBeforeStop = 0;
    qint64 m_padScoredBeforeStop = 0;
    CaptureState m_state = CaptureState::Stopped;
    QString m_stateMessage;
    bool m_stopping = false;
    bool m_autoCapture = true;
    bool m_assessesPresentationAttacks = true;
    std::atomic<bool> m_framePending{false};
};

} // namespace fg
