#pragma once

#include "core/capture/CaptureClock.h"
#include "core/capture/FramePacer.h"
#include "core/capture/FrameSource.h"

#include <opencv2/videoio.hpp>

#include <memory>
#include <optional>

namespace fg {

// A video file decoded by FFmpeg, replayed as fast as possible or paced to the
// file's frame rate, once or in a loop.
class VideoFileSource final : public FrameSource {
public:
    struct Options {
        bool realTime = false; // pace frames to the file's fps
        bool loop = false;     // wrap to the first frame at the end
    };

    explicit VideoFileSource(QString path);
    VideoFileSource(QString path, Options options, std::shared_ptr<CaptureClock> clock = {});
    ~VideoFileSource() override;

    bool open(QString* error) override;
    ReadStatus read(Frame* frame, QString* error) override;
    void close() override;
    bool isOpen() const override;
    QString description() const override;
    bool isLive() const override { return false; }
    void interrupt() override;

    const QString& path() const { return m_path; }
    // Valid after open(): the file's frame rate (25 when the file gives none),
    // its frame size and its frame count as the container declares it.
    double framesPerSecond() const { return m_fps; }
    cv::Size frameSize() const { return m_size; }
    qint64 declaredFrameCount() const { return m_declaredFrames; }

private:
    bool openCapture(QString* error);

    QString m_path;
    Options m_options;
    std::shared_ptr<CaptureClock> m_clock;
    cv::VideoCapture m_capture;
    bool m_open = false;
    double m_fps = 0.0;
    cv::Size m_size;
    qint64 m_declaredFrames = 0;
    qint64 m_nextIndex = 0;
    qint64 m_framesThisPass = 0; // frames delivered since the last wrap
    std::optional<FramePacer> m_pacer; // when realTime, at the file's rate
};

} // namespace fg
