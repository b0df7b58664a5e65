#include "core/live/FrameAnalyzer.h"

#include "core/biometrics/QualityWords.h"
#include "core/live/FrameImage.h"
#include "core/matching/CalibrationTable.h"

#include <QElapsedTimer>
#include <QMutexLocker>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>

namespace fg {

namespace {

FaceMarker markerOf(const Face& face, bool isSubject)
{
    FaceMarker marker;
    const cv::Rect2f& box = face.detection.box;
    marker.box = QRectF(double(box.x), double(box.y), double(box.width), double(box.height));
    marker.isSubject = isSubject;
    marker.qualityPassed = face.quality.passed();
    for (const QString& reason : face.quality.failureReasons()) {
        const QString words = QualityWords::of(reason);
        if (!words.isEmpty() && !marker.shortReasons.contains(words))
            marker.shortReasons << words;
    }
    return marker;
}

// The traveler's portrait from a frame: the face box grown to head and
// shoulders (ICAO-like framing), clipped to the frame.
cv::Mat portraitOf(const cv::Mat& bgr, const cv::Rect2f& box)
{
    const float width = box.width * 2.0f;
    const float height = box.height * 2.4f;
    const float cx = box.x + box.width / 2.0f;
    const float top = box.y - box.height * 0.7f;
    cv::Rect crop(int(cx - width / 2.0f), int(top), int(width), int(height));
    crop &= cv::Rect(0, 0, bgr.cols, bgr.rows);
    return crop.area() > 0 ? bgr(crop).clone() : bgr.clone();
}

} // namespace

FrameAnalyzer::FrameAnalyzer(FacePipeline::Options options, double padBpcer, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_padBpcer(padBpcer)
{
    qRegisterMetaType<fg::AnalysisResult>();
    qRegisterMetaType<fg::CaptureResult>();
}

void FrameAnalyzer::requestCapture()
{
    QMetaObject::invokeMethod(this, [this] { m_requested = true; }, Qt::QueuedConnection);
}

void FrameAnalyzer::nextTraveler()
{
    QMetaObject::invokeMethod(this, [this] {
        m_selector.reset();
        m_requested = false;
        m_bestFrame.release();
        m_bestIndex = -1;
        m_padEvidence.reset(); // the last traveler's face says nothing of the next one's
        m_lastPadMs = -1;
    }, Qt::QueuedConnection);
}

void FrameAnalyzer::setAutoCapture(bool automatic)
{
    QMetaObject::invokeMethod(this, [this, automatic] { m_selector.setAutomatic(automatic); }, Qt::QueuedConnection);
}

void FrameAnalyzer::setAssessesPresentationAttacks(bool assesses)
{
    QMetaObject::invokeMethod(this, [this, assesses] {
        m_padAssesses = assesses;
        if (!assesses) {
            m_padEvidence.reset();
            m_lastPadMs = -1;
        }
    }, Qt::QueuedConnection);
}

FrameAnalyzer::~FrameAnalyzer() = default;

void FrameAnalyzer::initialize()
{
    QString error;
    m_pipeline = FacePipeline::create(m_options, &error);
    if (!m_pipeline) {
        Q_EMIT failed(error.isEmpty() ? QStringLiteral("the face pipeline could not be created") : error);
        return;
    }
    // The liveness model is one of the pinned package's: missing or altered,
    // it is a start-up failure like any of the pipeline's models.
    m_padScorer = PadFrameScorer::load(m_options.modelDirectory, &error);
    if (!m_padScorer) {
        m_pipeline.reset();
        Q_EMIT failed(QStringLiteral("the liveness model could not be loaded: %1").arg(error));
        return;
    }
    // A missing calibration table is not: the desk works, and says that no
    // capture is assessed and why.
    m_padPoint = PadCalibrationTable::operatingPoint(m_padBpcer, PadFrameScorer::modelId(), &error);
    if (!m_padPoint) {
        m_padUnavailable = QStringLiteral("no presentation-attack threshold at BPCER %1: %2").arg(m_padBpcer).arg(error);
        Q_EMIT presentationAttackUnavailable(m_padUnavailable);
    }
    // Without the matcher's calibration faces cannot be told apart, and
    // nothing is matched either (Inspection says why): every face counts.
    const std::optional<CalibratedThreshold> sameFace =
        CalibrationTable::calibrated(kSameFaceFmr, m_pipeline->modelId(), &error);
    m_padEvidence = TravelerPadEvidence(sameFace ? std::optional(sameFace->threshold) : std::nullopt);
    m_ready.store(true);
    Q_EMIT ready();
}

void FrameAnalyzer::release()
{
    m_ready.store(false);
    m_pipeline.reset();
    m_padScorer.reset();
}

void FrameAnalyzer::cancel()
{
    m_cancelled.store(true);
}

void FrameAnalyzer::offer(const Frame& frame)
{
    if (!m_ready.load() || m_cancelled.load() || !frame.isValid())
        return;
    QMutexLocker lock(&m_mutex);
    if (m_pending.isValid())
        m_dropped.fetch_add(1);
    m_pending = frame;
    if (m_wakeQueued)
        return; // the queued call will take this frame
    m_wakeQueued = true;
    QMetaObject::invokeMethod(this, [this] { analyzeLatest(); }, Qt::QueuedConnection);
}

void FrameAnalyzer::analyzeLatest()
{
    Frame frame;
    {
        QMutexLocker lock(&m_mutex);
        m_wakeQueued = false;
        std::swap(frame, m_pending);
    }
    if (!frame.isValid() || !m_pipeline || m_cancelled.load())
        return;

    QElapsedTimer timer;
    timer.start();
    const std::vector<Face> faces = m_pipeline->analyze(frame.image, FacePipeline::Depth::WithQuality);
    AnalysisResult result;
    result.subjectIndex = m_pipeline->subjectIndex(faces, frame.image.size());
    result.faces.reserve(faces.size());
    for (std::size_t i = 0; i < faces.size(); ++i)
        result.faces.push_back(markerOf(faces[i], int(i) == result.subjectIndex));
    result.image = FrameImage::fromBgr(frame.image);
    result.frameIndex = frame.index;
    result.latencyMs = double(timer.nsecsElapsed()) / 1e6;
    m_analysed.fetch_add(1);
    Q_EMIT resultReady(result);

    // Capture: the selector says which frame of the window to keep.
    if (m_requested) {
        m_requested = false;
        m_selector.request(frame.timestampMs);
    }
    const Face* subject = result.subjectIndex >= 0 ? &faces[std::size_t(result.subjectIndex)] : nullptr;
    scorePresentation(frame, subject);
    const std::optional<QualityReport> quality = subject ? std::optional(subject->quality) : std::nullopt;
    if (m_selector.offer(frame.timestampMs, quality) == CaptureSelector::Verdict::NewBest) {
        m_bestFrame = frame.image; // frames are never shared with the source: no copy needed
        m_bestFace = *subject;
        m_bestIndex = frame.index;
    }
    if (m_selector.takeCompleted())
        finishCapture(frame);
}

void FrameAnalyzer::scorePresentation(const Frame& frame, const Face* subject)
{
    // Nothing to decide without a threshold, or once the traveler is
    // captured (until the next one): the model's pass is not spent then.
    if (!m_padAssesses || !m_padScorer || !m_padPoint || m_selector.state() == CaptureSelector::State::Done)
        return;
    // At most one frame every kPadIntervalMs: half the liveness work at 25 fps
    // (the model, the cues and the face's template), while 12 frames a second
    // still see a blink (0.1-0.4 s) and the head's motion.
    if (m_lastPadMs >= 0 && frame.timestampMs - m_lastPadMs < kPadIntervalMs)
        return;
    m_lastPadMs = frame.timestampMs;
    m_padScored.fetch_add(1);
    std::optional<PadFrame> scored =
        subject ? m_padScorer->score(frame.image, *subject, frame.timestampMs) : std::nullopt;
    if (scored)
        m_padEvidence.addFrame(std::move(*scored), m_padEvidence.tellsFacesApart()
                                                       ? m_pipeline->templateOf(frame.image, *subject)
                                                       : Template());
    else
        m_padEvidence.addWithoutFace(frame.timestampMs);
}

PadAssessment FrameAnalyzer::assessPresentation(qint64 nowMs, const Template& captured) const
{
    if (!m_padPoint) {
        PadAssessment notAssessed;
        notAssessed.reason = m_padUnavailable;
        return notAssessed;
    }
    return m_padEvidence.assess(*m_padPoint, nowMs, captured);
}

void FrameAnalyzer::finishCapture(const Frame& lastFrame)
{
    CaptureResult capture;
    capture.closedAt.start();
    capture.capturedAt = QDateTime::currentDateTimeUtc();
    capture.automatic = !m_selector.openedByRequest();
    if (!m_selector.best() || m_bestFrame.empty()) {
        capture.presentationAttack = assessPresentation(lastFrame.timestampMs, Template());
        capture.image = FrameImage::fromBgr(lastFrame.image);
        capture.frameIndex = lastFrame.index;
        Q_EMIT captured(capture);
        return;
    }
    capture.faceFound = true;
    capture.quality = m_bestFace.quality;
    capture.qualityPassed = m_bestFace.quality.passed();
    capture.qualityWords = markerOf(m_bestFace, true).shortReasons;
    capture.frameIndex = m_bestIndex;
    const Template capturedFace = m_pipeline->templateOf(m_bestFrame, m_bestFace);
    capture.faceTemplate = capturedFace;
    // Over the captured face's frames up to the one that closed the window,
    // whatever the best frame: a print held still for one good frame is
    // judged with the frames around it, and not with another face's.
    capture.presentationAttack = assessPresentation(lastFrame.timestampMs, capturedFace);
    if (m_padAssesses && m_padScorer && m_padPoint && capture.presentationAttack.frames == 0) {
        // No scored frame showed this face (it came up between two scored
        // frames): the best frame itself is the evidence.
        if (std::optional<PadFrame> best = m_padScorer->score(m_bestFrame, m_bestFace, lastFrame.timestampMs)) {
            m_padEvidence.addFrame(std::move(*best), capturedFace);
            capture.presentationAttack = assessPresentation(lastFrame.timestampMs, capturedFace);
        }
    }
    const cv::Mat portrait = portraitOf(m_bestFrame, m_bestFace.detection.box);
    capture.image = FrameImage::fromBgr(portrait);
    std::vector<uchar> encoded;
    if (cv::imencode(".jpg", portrait, encoded, {cv::IMWRITE_JPEG_QUALITY, 92}))
        capture.jpeg = QByteArray(reinterpret_cast<const char*>(encoded.data()), qsizetype(encoded.size()));
    m_bestFrame.release();
    Q_EMIT captured(capture);
}

} // namespace fg
