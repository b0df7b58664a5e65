#include "core/capture/CameraSource.h"

#include "core/capture/SteadyCaptureClock.h"

#include <QFile>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>

#include <sys/stat.h>
#include <unistd.h>

namespace fg {

namespace {

QString devicePathOf(const QString& device)
{
    static const QRegularExpression index(QStringLiteral("^\\d+$"));
    const QString trimmed = device.trimmed();
    if (index.match(trimmed).hasMatch())
        return QStringLiteral("/dev/video%1").arg(trimmed);
    return trimmed;
}

} // namespace

CameraSource::CameraSource(const QString& device)
    : CameraSource(device, Options{})
{
}

CameraSource::CameraSource(const QString& device, Options options,
                           std::shared_ptr<CaptureClock> clock)
    : m_devicePath(devicePathOf(device))
    , m_options(options)
    , m_clock(clock ? std::move(clock) : SteadyCaptureClock::create())
{
}

CameraSource::~CameraSource()
{
    close();
}

QString CameraSource::description() const
{
    return QStringLiteral("camera %1").arg(m_devicePath);
}

bool CameraSource::checkDeviceNode(const QString& path, QString* error)
{
    auto fail = [error](const QString& why) {
        if (error)
            *error = why;
        return false;
    };
    if (path.isEmpty())
        return fail(QStringLiteral("no camera device given"));
    const QByteArray local = QFile::encodeName(path);
    struct stat st {};
    if (::stat(local.constData(), &st) != 0) {
        const int err = errno;
        if (err == ENOENT || err == ENOTDIR)
            return fail(QStringLiteral("camera %1 not found: no such device (is it plugged in?)").arg(path));
        if (err == EACCES)
            return fail(QStringLiteral("camera %1: permission denied").arg(path));
        return fail(QStringLiteral("camera %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(err))));
    }
    if (!S_ISCHR(st.st_mode))
        return fail(QStringLiteral("camera %1: %1 is not a video device (not a character device)").arg(path));
    if (::access(local.constData(), R_OK | W_OK) != 0) {
        const int err = errno;
        if (err == EACCES || err == EPERM)
            return fail(QStringLiteral("camera %1: permission denied (the user must be allowed to "
                                       "read and write it, usually through the 'video' group)")
                            .arg(path));
        return fail(QStringLiteral("camera %1: %2").arg(path, QString::fromLocal8Bit(std::strerror(err))));
    }
    return true;
}

bool CameraSource::open(QString* error)
{
    close();
    if (!checkDeviceNode(m_devicePath, error))
        return false;
    const QByteArray local = QFile::encodeName(m_devicePath);
    bool opened = false;
    try {
        opened = m_capture.open(std::string(local.constData(), size_t(local.size())), cv::CAP_V4L2);
    } catch (const cv::Exception& e) {
        if (error)
            *error = QStringLiteral("camera %1 could not be opened: %2")
                         .arg(m_devicePath, QString::fromStdString(e.msg));
        return false;
    }
    if (!opened || !m_capture.isOpened()) {
        if (error)
            *error = QStringLiteral("camera %1 could not be opened by V4L2 (busy in another "
                                    "program, or not a capture device)")
                         .arg(m_devicePath);
        return false;
    }
    if (m_options.width > 0 && m_options.height > 0) {
        m_capture.set(cv::CAP_PROP_FRAME_WIDTH, m_options.width);
        m_capture.set(cv::CAP_PROP_FRAME_HEIGHT, m_options.height);
    }
    if (m_options.framesPerSecond > 0.0)
        m_capture.set(cv::CAP_PROP_FPS, m_options.framesPerSecond);
    m_open = true;
    return true;
}

FrameSource::ReadStatus CameraSource::read(Frame* frame, QString* error)
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
            *error = grab == Grab::Threw ? QStringLiteral("camera %1 failed: %2").arg(m_devicePath, detail)
                                         : QStringLiteral("camera %1 stopped delivering frames (unplugged, or taken "
                                                          "by another program)")
                                               .arg(m_devicePath);
        return ReadStatus::Lost;
    }
    frame->image = bgr;
    frame->timestampMs = m_clock->nowMs();
    frame->index = m_nextIndex++;
    return ReadStatus::Frame;
}

void CameraSource::close()
{
    m_capture.release();
    m_open = false;
}

} // namespace fg
