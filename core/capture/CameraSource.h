#pragma once

#include "core/capture/CaptureClock.h"
#include "core/capture/FrameSource.h"

#include <opencv2/videoio.hpp>

#include <memory>

namespace fg {

// A V4L2 camera, named by index ("0") or by device node ("/dev/video0").
// open() checks the node before OpenCV does, so that a missing device, a path
// that is not a device and a permission problem each get their own words.
class CameraSource final : public FrameSource {
public:
    struct Options {
        int width = 0;            // 0: the driver's default
        int height = 0;
        double framesPerSecond = 0.0;
    };

    explicit CameraSource(const QString& device);
    CameraSource(const QString& device, Options options, std::shared_ptr<CaptureClock> clock = {});
    ~CameraSource() override;

    bool open(QString* error) override;
    ReadStatus read(Frame* frame, QString* error) override;
    void close() override;
    bool isOpen() const override { return m_open; }
    QString description() const override;
    bool isLive() const override { return true; }

    // "/dev/videoN" for an index, else the path as given.
    const QString& devicePath() const { return m_devicePath; }

    // Checks that `path` is a character device this process may read and
    // write; the error names the device and the problem.
    static bool checkDeviceNode(const QString& path, QString* error);

private:
    QString m_devicePath;
    Options m_options;
    std::shared_ptr<CaptureClock> m_clock;
    cv::VideoCapture m_capture;
    bool m_open = false;
    qint64 m_nextIndex = 0;
};

} // namespace fg
