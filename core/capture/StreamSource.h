#pragma once

#include "core/capture/CaptureClock.h"
#include "core/capture/FrameSource.h"

#include <QUrl>

#include <opencv2/videoio.hpp>

#include <memory>

namespace fg {

// A network stream (rtsp, rtsps, http, https) decoded by FFmpeg, with bounded
// open and read times: a camera that stops answering gives Lost within the
// read timeout instead of hanging the capture thread. A password in the URL
// is never shown in description() or in errors.
class StreamSource final : public FrameSource {
public:
    struct Options {
        int openTimeoutMs = 10000;
        int readTimeoutMs = 5000;
    };

    explicit StreamSource(const QString& url);
    StreamSource(const QString& url, Options options, std::shared_ptr<CaptureClock> clock = {});
    ~StreamSource() override;

    bool open(QString* error) override;
    ReadStatus read(Frame* frame, QString* error) override;
    void close() override;
    bool isOpen() const override { return m_open; }
    QString description() const override;
    bool isLive() const override { return true; }

    // The URL without its password, as shown to people.
    QString displayUrl() const;
    const Options& options() const { return m_options; }

    // Accepts rtsp, rtsps, http and https URLs with a host.
    static bool isSupportedUrl(const QUrl& url, QString* error);

private:
    QUrl m_url;
    Options m_options;
    std::shared_ptr<CaptureClock> m_clock;
    cv::VideoCapture m_capture;
    bool m_open = false;
    qint64 m_nextIndex = 0;
};

} // namespace fg
