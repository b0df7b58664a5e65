#include "core/capture/StreamSource.h"

#include "core/capture/SteadyCaptureClock.h"
#include "core/capture/TcpProbe.h"

#include <algorithm>

namespace fg {

namespace {

int defaultPort(const QString& scheme)
{
    if (scheme == QLatin1String("rtsp"))
        return 554;
    if (scheme == QLatin1String("rtsps"))
        return 322;
    if (scheme == QLatin1String("https"))
        return 443;
    return 80;
}

} // namespace

StreamSource::StreamSource(const QString& url)
    : StreamSource(url, Options{})
{
}

StreamSource::StreamSource(const QString& url, Options options, std::shared_ptr<CaptureClock> clock)
    : m_url(QUrl(url.trimmed(), QUrl::StrictMode))
    , m_options(options)
    , m_clock(clock ? std::move(clock) : SteadyCaptureClock::create())
{
}

StreamSource::~StreamSource()
{
    close();
}

QString StreamSource::displayUrl() const
{
    return m_url.toDisplayString(QUrl::RemovePassword);
}

QString StreamSource::description() const
{
    return QStringLiteral("stream %1").arg(displayUrl());
}

bool StreamSource::isSupportedUrl(const QUrl& url, QString* error)
{
    const QString scheme = url.scheme().toLower();
    const bool known = scheme == QLatin1String("rtsp") || scheme == QLatin1String("rtsps")
                       || scheme == QLatin1String("http") || scheme == QLatin1String("https");
    QString why;
    if (!url.isValid())
        why = QStringLiteral("%1 is not a valid URL: %2")
                  .arg(url.toDisplayString(QUrl::RemovePassword), url.errorString());
    else if (!known)
        why = QStringLiteral("stream URL %1: scheme '%2' is not supported (use rtsp, rtsps, http or https)")
                  .arg(url.toDisplayString(QUrl::RemovePassword), url.scheme());
    else if (url.host().isEmpty())
        why = QStringLiteral("stream URL %1 has no host").arg(url.toDisplayString(QUrl::RemovePassword));
    if (why.isEmpty())
        return true;
    if (error)
        *error = why;
    return false;
}

bool StreamSource::open(QString* error)
{
    close();
    m_clock->clearInterrupt();
    if (!isSupportedUrl(m_url, error))
        return false;
    const QString scheme = m_url.scheme().toLower();
    QString probeError;
    const int probeTimeout = std::max(1, std::min(m_options.openTimeoutMs, 5000));
    if (!TcpProbe::reachable(m_url.host(), m_url.port(defaultPort(scheme)), probeTimeout, &probeError)) {
        if (error)
            *error = QStringLiteral("cannot open stream %1: %2").arg(displayUrl(), probeError);
        return false;
    }
    const QByteArray encoded = m_url.toEncoded();
    const std::vector<int> params{cv::CAP_PROP_OPEN_TIMEOUT_MSEC, std::max(1, m_options.openTimeoutMs),
                                  cv::CAP_PROP_READ_TIMEOUT_MSEC, std::max(1, m_options.readTimeoutMs)};
    bool opened = false;
    try {
        opened = m_capture.open(std::string(encoded.constData(), size_t(encoded.size())),
                                cv::CAP_FFMPEG, params);
    } catch (const cv::Exception& e) {
        if (error)
            *error = QStringLiteral("cannot open stream %1: %2")
                         .arg(displayUrl(), QString::fromStdString(e.msg));
        return false;
    }
    if (!opened || !m_capture.isOpened()) {
        if (error)
            *error = QStringLiteral("cannot open stream %1: the server answered but no video could "
                                    "be read within %2 ms (wrong path, credentials or format)")
                         .arg(displayUrl())
                         .arg(m_options.openTimeoutMs);
        return false;
    }
    m_open = true;
    return true;
}

FrameSource::ReadStatus StreamSource::read(Frame* frame, QString* error)
{
    if (!m_open) {
        if (error)
            *error = QStringLiteral("%1 is not open").arg(description());
        return ReadStatus::Lost;
    }
    cv::Mat bgr;
    QString detail;
    const Grab grab = grabBgr(m_capture, &bgr, &detail);
    if (grab != Grab::Picture) {
        if (error)
            *error = grab == Grab::Threw ? QStringLiteral("stream %1 failed: %2").arg(displayUrl(), detail)
                                         : QStringLiteral("stream %1 lost: no frame within %2 ms, or the server "
                                                          "closed the connection")
                                               .arg(displayUrl())
                                               .arg(m_options.readTimeoutMs);
        return ReadStatus::Lost;
    }
    frame->image = bgr;
    frame->timestampMs = m_clock->nowMs();
    frame->index = m_nextIndex++;
    return ReadStatus::Frame;
}

void StreamSource::close()
{
    m_capture.release();
    m_open = false;
}

} // namespace fg
