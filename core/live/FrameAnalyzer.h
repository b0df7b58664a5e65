#pragma once

#include "core/biometrics/CaptureSelector.h"
#include "core/biometrics/FacePipeline.h"
#include "core/capture/Frame.h"
#include "core/live/AnalysisResult.h"
#include "core/live/CaptureResult.h"

#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

namespace fg {

// Analyses frames on its own thread with its own FacePipeline, always the
// latest frame offered: a frame that arrives while the previous one is still
// being analysed replaces the one waiting, so at most one frame ever waits.
// Lives on the analysis thread; offer(), cancel() and the counters may be
// called from any thread.
class FrameAnalyzer : public QObject {
    Q_OBJECT
public:
    explicit FrameAnalyzer(FacePipeline::Options options, QObject* parent = nullptr);
    ~FrameAnalyzer() override;

    // Keeps `frame` as the next one to analyse (dropping one not yet taken).
    // Ignored before ready() and after cancel().
    void offer(const fg::Frame& frame);
    // No further analysis starts; an analysis under way finishes.
    void cancel();

    // Capture (any thread; carried out on the analysis thread): the
    // officer's key opens a window now; nextTraveler() makes the next
    // capture possible; automatic capture opens one when quality passes.
    void requestCapture();
    void nextTraveler();
    void setAutoCapture(bool automatic);

    qint64 framesAnalysed() const { return m_analysed.load(); }
    qint64 framesDropped() const { return m_dropped.load(); }

public Q_SLOTS:
    // On the analysis thread: verifies the models and creates the pipeline,
    // then emits ready() or failed().
    void initialize();
    // On the analysis thread: destroys the pipeline.
    void release();

Q_SIGNALS:
    void ready();
    void failed(const QString& reason);
    void resultReady(const fg::AnalysisResult& result);
    // A capture window closed: the traveler's best frame, its template and quality.
    void captured(const fg::CaptureResult& capture);

private:
    void analyzeLatest();
    void finishCapture(const cv::Mat& lastFrame, qint64 frameIndex);

    // Analysis thread only.
    CaptureSelector m_selector;
    cv::Mat m_bestFrame;
    Face m_bestFace;
    qint64 m_bestIndex = -1;
    bool m_requested = false;

    FacePipeline::Options m_options;
    std::unique_ptr<FacePipeline> m_pipeline;

    QMutex m_mutex;          // guards m_pending and m_wakeQueued
    Frame m_pending;
    bool m_wakeQueued = false;

    std::atomic<bool> m_ready{false};
    std::atomic<bool> m_cancelled{false};
    std::atomic<qint64> m_analysed{0};
    std::atomic<qint64> m_dropped{0};
};

} // namespace fg
