#include "core/capture/ImageFolderSource.h"

#include "core/capture/SteadyCaptureClock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <opencv2/imgcodecs.hpp>

#include <algorithm>

namespace fg {

ImageFolderSource::ImageFolderSource(QString folder)
    : ImageFolderSource(std::move(folder), Options{})
{
}

ImageFolderSource::ImageFolderSource(QString folder, Options options,
                                     std::shared_ptr<CaptureClock> clock)
    : m_folder(std::move(folder))
    , m_options(options)
    , m_clock(clock ? std::move(clock) : SteadyCaptureClock::create())
{
    if (m_options.realTime && m_options.framesPerSecond > 0.0)
        m_pacer.emplace(m_options.framesPerSecond);
}

const QStringList& ImageFolderSource::imageNameFilters()
{
    static const QStringList filters{QStringLiteral("*.jpg"), QStringLiteral("*.jpeg"),
                                     QStringLiteral("*.png"), QStringLiteral("*.bmp")};
    return filters;
}

QString ImageFolderSource::description() const
{
    return QStringLiteral("image folder %1").arg(m_folder);
}

bool ImageFolderSource::open(QString* error)
{
    close();
    m_clock->clearInterrupt();
    const QFileInfo info(m_folder);
    QString why;
    if (m_folder.isEmpty())
        why = QStringLiteral("no image folder given");
    else if (!info.exists())
        why = QStringLiteral("image folder %1 does not exist").arg(m_folder);
    else if (!info.isDir())
        why = QStringLiteral("%1 is not a folder").arg(m_folder);
    else if (!info.isReadable() || !info.isExecutable())
        why = QStringLiteral("image folder %1 cannot be listed (permission denied)").arg(m_folder);
    if (why.isEmpty()) {
        QDir dir(m_folder);
        // QDir name filters ignore letter case: IMG.JPG is found too.
        const QFileInfoList entries =
            dir.entryInfoList(imageNameFilters(), QDir::Files | QDir::Hidden);
        for (const QFileInfo& entry : entries)
            m_files.append(entry.absoluteFilePath());
        std::sort(m_files.begin(), m_files.end(),
                  [](const QString& a, const QString& b) { return a.compare(b) < 0; });
        if (m_files.isEmpty())
            why = QStringLiteral("image folder %1 holds no jpg, jpeg, png or bmp image")
                      .arg(m_folder);
    }
    if (!why.isEmpty()) {
        m_files.clear();
        if (error)
            *error = why;
        return false;
    }
    m_open = true;
    return true;
}

FrameSource::ReadStatus ImageFolderSource::read(Frame* frame, QString* error)
{
    if (!m_open) {
        if (error)
            *error = QStringLiteral("%1 is not open").arg(description());
        return ReadStatus::EndOfStream;
    }
    // Bounded: one full pass over the folder at most, so that a folder of
    // broken images cannot make a looping source spin for ever.
    for (qsizetype tried = 0; tried < m_files.size(); ++tried) {
        if (m_position >= m_files.size()) {
            if (!m_options.loop)
                break;
            m_position = 0;
        }
        const QString path = m_files.at(m_position++);
        const QByteArray local = QFile::encodeName(path);
        cv::Mat decoded;
        QString reason;
        const QFileInfo fileInfo(path);
        if (!fileInfo.isReadable()) {
            reason = QStringLiteral("not readable (permission denied)");
        } else if (fileInfo.size() == 0) {
            reason = QStringLiteral("the file is empty");
        } else {
            try {
                decoded = cv::imread(std::string(local.constData(), size_t(local.size())),
                                     cv::IMREAD_UNCHANGED);
            } catch (const cv::Exception& e) {
                reason = QString::fromStdString(e.msg);
            }
        }
        cv::Mat bgr;
        if (reason.isEmpty() && decoded.empty())
            reason = QStringLiteral("not a decodable image (damaged or not really an image)");
        else if (reason.isEmpty() && !toBgr8(decoded, &bgr))
            reason = QStringLiteral("unsupported pixel format");
        if (!reason.isEmpty()) {
            const QString warning = QStringLiteral("skipped image %1: %2").arg(path, reason);
            m_warnings.append(warning);
            m_skipped.append(warning);
            continue;
        }
        if (m_pacer)
            m_pacer->waitForNext(*m_clock);
        frame->image = bgr;
        frame->timestampMs = m_clock->nowMs();
        frame->index = m_nextIndex++;
        return ReadStatus::Frame;
    }
    if (m_nextIndex > 0)
        return ReadStatus::EndOfStream;
    if (error)
        *error = QStringLiteral("image folder %1: none of its %2 images could be decoded")
                     .arg(m_folder)
                     .arg(m_files.size());
    return ReadStatus::EndOfStream;
}

void ImageFolderSource::close()
{
    m_files.clear();
    m_open = false;
    m_position = 0;
    m_nextIndex = 0;
    if (m_pacer)
        m_pacer->restart();
}

QStringList ImageFolderSource::takeWarnings()
{
    QStringList out;
    out.swap(m_warnings);
    return out;
}

void ImageFolderSource::interrupt()
{
    m_clock->interrupt();
}

} // namespace fg
