#include "core/capture/VideoFileSource.h"

#include "core/capture/SteadyCaptureClock.h"

#include <QFileInfo>

#include <cmath>

namespace fg {

namespace {
constexpr double kDefaultFps = 25.0;
} // namespace

VideoFileSource::VideoFileSource(QString path)
    : VideoFileSource(std::move(path), Options{})
{
}

VideoFileSource::VideoFileSource(QString path, Options options,
                                 std::shared_ptr<CaptureClock> clock)
    : m_path(std::move(path))
    , m_options(options)
    , m_clock(clock ? std::move(clock) : SteadyCaptureClock::create())
{
}

VideoFileSource::~VideoFileSource()
{
    close();
}

QString VideoFileSource::description() const
{
    return QStringLiteral("video file %1").arg(m_path);
}

bool VideoFileSource::open(QString* error)
{
    close();
    m_clock->clearInterrupt();
    const QFileInfo info(m_path);
    QString why;
    if (m_path.isEmpty())
        why = QStringLiteral("no video file given");
    else if (!info.exists())
        why = QStringLiteral("video file %1 does not exist").arg(m_path);
    else if (!info.isFile())
        why = QStringLiteral("%1 is not a regular file").arg(m_path);
    else if (!info.isReadable())
        why = QStringLiteral("video file %1 is not readable (permission denied)").arg(m_path);
    else if (info.size() == 0)
        why = QStringLiteral("video file %1 is empty (0 bytes)").arg(m_path);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    if (!openCapture(error))
        return false;
    m_fps = m_capture.get(cv::CAP_PROP_FPS);
    if (!std::isfinite(m_fps) || m_fps <= 0.0 || m_fps > 1000.0)
        m_fps = kDefaultFps;
    m_size = cv::Size(static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_WIDTH)),
                      static_cast<int>(m_capture.get(cv::CAP_PROP_FRAME_HEIGHT)));
    m_declaredFrames = static_cast<qint64>(m_capture.get(cv::CAP_PROP_FRAME_COUNT));
    m_nextIndex = 0;
    m_framesThisPass = 0;
    m_pacer.reset();
    if (m_options.realTime)
        m_pacer.emplace(m_fps);
    m_open = true;
    return true;
}

bool VideoFileSource::openCapture(QString* error)
{
    m_capture.release();
    const QByteArray local = m_path.toLocal8Bit();
    bool opened = false;
    try {
        opened = m_capture.open(std::string(local.constData(), size_t(local.size())), cv::CAP_FFMPEG);
    } catch (const cv::Exception& e) {
        if (error)
            *error = QStringLiteral("cannot decode video file %1: %2")
                         .arg(m_path, QString::fromStdString(e.msg));
        return false;
    }
    if (!opened || !m_capture.isOpened()) {
        if (error)
            *error = QStringLiteral("cannot decode video file %1 (not a video FFmpeg can read, "
                                    "or the file is damaged)")
                         .arg(m_path);
        return false;
    }
    return true;
}

FrameSource::ReadStatus VideoFileSource::read(Frame* frame, QString* error)
{
    if (!m_open) {
        if (error)
            *error = QStringLiteral("%1 is not open").arg(description());
        return ReadStatus::EndOfStream;
    }
    // At most two attempts: this pass, then (looping) one fresh pass.
    for (int attempt = 0; attempt < 2; ++attempt) {
        cv::Mat bgr;
        QString detail;
        const Grab grab = grabBgr(m_capture, &bgr, &detail);
        if (grab == Grab::Threw || grab == Grab::Unsupported) {
            if (error)
                *error = grab == Grab::Threw
                             ? QStringLiteral("decoding video file %1 failed: %2").arg(m_path, detail)
                             : QStringLiteral("video file %1 has frames of an unsupported pixel format").arg(m_path);
            return ReadStatus::EndOfStream;
        }
        if (grab == Grab::Picture) {
            if (m_pacer)
                m_pacer->waitForNext(*m_clock); // interrupted: delivers at once
            ++m_framesThisPass;
            frame->image = bgr;
            frame->timestampMs = m_clock->nowMs();
            frame->index = m_nextIndex++;
            return ReadStatus::Frame;
        }
        if (!m_options.loop || m_framesThisPass == 0 || attempt > 0)
            break;
        // Wrap: reopen rather than seek, which some containers do badly.
        if (!openCapture(error))
            return ReadStatus::EndOfStream;
        m_framesThisPass = 0; // the timeline goes on: no doubled frame at the wrap
    }
    if (m_nextIndex == 0 && error)
        *error = QStringLiteral("video file %1 has no decodable frames").arg(m_path);
    return ReadStatus::EndOfStream;
}

void VideoFileSource::close()
{
    m_capture.release();
    m_open = false;
}

bool VideoFileSource::isOpen() const
{
    return m_open;
}

void VideoFileSource::interrupt()
{
    m_clock->interrupt();
}

} // namespace fg
