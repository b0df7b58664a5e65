#pragma once

#include "core/biometrics/CaptureSelector.h"
#include "core/biometrics/FacePipeline.h"
#include "core/biometrics/PresentationAttack.h"
#include "core/capture/Frame.h"
#include "core/live/AnalysisResult.h"
#include "core/live/CaptureResult.h"
#include "core/live/TravelerPadEvidence.h"

#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>

namespace fg {

// Analyses frames on its own thread with its own FacePipeline, always the
// latest frame offered: a frame that arrives while the previous one is still
// being analysed replaces the one waiting, so at most one frame ever waits.
// Lives on the analysis thread; offer(), cancel() and the counters may be
// called from any thread.
//
// Presentation attacks (issue 20): every analysed frame's traveler face is
// also scored by the liveness model (PadFrameScorer) into the traveler's
// evidence (TravelerPadEvidence), and each capture carries the decision over
// the frames before it, at the operating point of `padBpcer`
// (presentationAttack/bpcer) in the calibration table. Without a table for
// the model every capture is "not assessed" with the reason, said once by
// presentationAttackUnavailable(). Each scored face's template goes with
// it, and a capture is decided on the frames of the face captured only (the
// matcher's threshold at kSameFaceFmr tells faces apart): an impostor's own
// live face does not dilute the victim's print shown for the capture.
class FrameAnalyzer : public QObject {
    Q_OBJECT
public:
    static constexpr double kDefaultPadBpcer = 0.01;
    // Two faces are one person's when their templates score at or above the
    // matcher's threshold at this FMR: consecutive frames of one face score far
    // higher; another person only this often.
    static constexpr double kSameFaceFmr = 0.001;

    explicit FrameAnalyzer(FacePipeline::Options options, double padBpcer = kDefaultPadBpcer,
                           QObject* parent = nullptr);
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
    // Whether this camera's faces are scored for presentation attacks (on by
    // default): of a grid, only the capture camera's need be (any thread;
    // carried out on the analysis thread). Off, its evidence is dropped.
    void setAssessesPresentationAttacks(bool assesses);

    qint64 framesAnalysed() const { return m_analysed.load(); }
    // Frames whose face was scored for presentation attacks (any thread).
    qint64 framesScoredForPresentationAttacks() const { return m_padScored.load(); }
    qint64 framesDropped() const { return m_dropped.load(); }

public Q_SLOTS:
    // On the analysis thread: verifies the models and creates the pipeline
    // and the liveness scorer, then emits ready() or failed(); without a
    // presentation-attack operating point, presentationAttackUnavailable() first.
    void initialize();
    // On the analysis thread: destroys the pipeline.
    void release();

Q_SIGNALS:
    void ready();
    void failed(const QString& reason);
    void resultReady(const fg::AnalysisResult& result);
    // A capture window closed: the traveler's best frame, its template and
    // quality, and whether the face was a presentation attack.
    void captured(const fg::CaptureResult& capture);
    // No calibration table gives a threshold at the configured BPCER: no
    // capture is assessed, for `reason`.
    void presentationAttackUnavailable(const QString& reason);

private:
    void analyzeLatest();
    void scorePresentation(const Frame& frame, const Face* subject);
    void finishCapture(const Frame& lastFrame);
    PadAssessment assessPresentation(qint64 nowMs, const Template& captured) const;

    // Analysis thread only.
    CaptureSelector m_selector;
    cv::Mat m_bestFrame;
    Face m_bestFace;
    qint64 m_bestIndex = -1;
    bool m_requested = false;

    FacePipeline::Options m_options;
    std::unique_ptr<FacePipeline> m_pipeline;
    double m_padBpcer = kDefaultPadBpcer;
    std::optional<PadFrameScorer> m_padScorer;
    std::optional<PadOperatingPoint> m_padPoint; // none: not assessed, for m_padUnavailable
    QString m_padUnavailable;
    TravelerPadEvidence m_padEvidence;
    static constexpr qint64 kPadIntervalMs = 80;
    qint64 m_lastPadMs = -1; // the last frame scored for presentation attacks (source clock)
    bool m_padAssesses = true;

    QMutex m_mutex;          // guards m_pending and m_wakeQueued
    Frame m_pending;
    bool m_wakeQueued = false;

    std::atomic<bool> m_ready{false};
    std::atomic<bool> m_cancelled{false};
    std::atomic<qint64> m_analysed{0};
    std::atomic<qint64> m_dropped{0};
    std::atomic<qint64> m_padScored{0};
};

} // namespace fg
