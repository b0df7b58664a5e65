#include "ui/FrameAnalyzer.h"

#include "ui/FrameImage.h"

#include <QElapsedTimer>
#include <QMutexLocker>

namespace fg {

namespace {

// "turn head: turned 23 degrees sideways, ..." -> "turn head";
// "2 faces in view, at most 1 allowed: ..." -> "2 faces in view".
QString shortWords(const QString& reason)
{
    return reason.section(QLatin1Char(':'), 0, 0).section(QLatin1Char(','), 0, 0).trimmed();
}

FaceMarker markerOf(const Face& face, bool isSubject)
{
    FaceMarker marker;
    const cv::Rect2f& box = face.detection.box;
    marker.box = QRectF(double(box.x), double(box.y), double(box.width), double(box.height));
    marker.isSubject = isSubject;
    marker.qualityPassed = face.quality.passed();
    for (const QString& reason : face.quality.failureReasons()) {
        const QString words = shortWords(reason);
        if (!words.isEmpty() && !marker.shortReasons.contains(words))
            marker.shortReasons << words;
    }
    return marker;
}

} // namespace

FrameAnalyzer::FrameAnalyzer(FacePipeline::Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    qRegisterMetaType<fg::AnalysisResult>();
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
    m_ready.store(true);
    Q_EMIT ready();
}

void FrameAnalyzer::release()
{
    m_ready.store(false);
    m_pipeline.reset();
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
}

} // namespace fg
