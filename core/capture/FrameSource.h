#pragma once

#include "core/capture/Frame.h"

#include <QString>
#include <QStringList>

namespace cv {
class VideoCapture;
}

namespace fg {

// Where frames come from: a camera, a video file, a network stream, a folder
// of images. A source is used from one thread (the capture worker's), except
// interrupt(), which any thread may call. Errors are words that name the
// device, file or URL, fit to show to an officer.
class FrameSource {
public:
    enum class ReadStatus {
        Frame,       // *frame holds a new picture
        EndOfStream, // a finite source is exhausted (file, folder); not an error
        Lost,        // a live source stopped delivering; *error says why
    };

    FrameSource() = default;
    FrameSource(const FrameSource&) = delete;
    FrameSource& operator=(const FrameSource&) = delete;
    virtual ~FrameSource();

    virtual bool open(QString* error) = 0;
    virtual ReadStatus read(Frame* frame, QString* error) = 0;
    virtual void close() = 0;
    virtual bool isOpen() const = 0;

    // Human words: "camera /dev/video0", "video file /data/clip.mp4".
    virtual QString description() const = 0;
    // True for cameras and streams (frames come at the device's pace and may
    // stop); false for files and folders.
    virtual bool isLive() const = 0;

    // True when a Lost status is transient: the next read() tries to recover
    // (a ReconnectingSource with attempts left). Plain sources: false.
    virtual bool recoversFromLoss() const { return false; }

    // Non-fatal problems met since the last call (an image skipped, and why).
    virtual QStringList takeWarnings() { return {}; }

    // Thread-safe: cut short any pacing or back-off wait so that a read()
    // in progress returns soon. A blocking device read is bounded by the
    // source's own timeout. open() clears the interruption.
    virtual void interrupt() {}

protected:
    // Converts a decoded picture (gray, BGR, BGRA; 8 or 16 bits) to BGR
    // 8-bit. Returns false for an empty or unsupported picture. `decoded`
    // must be a fresh buffer (sources decode into a new cv::Mat every time),
    // since a BGR 8-bit picture is handed on without a copy.
    static bool toBgr8(const cv::Mat& decoded, cv::Mat* bgr);

    // One picture from an open capture, converted by toBgr8.
    enum class Grab {
        Picture,     // *bgr holds it
        Nothing,     // the capture gave no picture (end, timeout, device gone)
        Unsupported, // a picture of a pixel format toBgr8 refuses
        Threw,       // OpenCV raised; *detail holds its words
    };
    static Grab grabBgr(cv::VideoCapture& capture, cv::Mat* bgr, QString* detail);
};

} // namespace fg
