#include "core/capture/FrameSourceFactory.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <QUrl>

namespace fg {

std::optional<FrameSourceFactory::Parsed> FrameSourceFactory::parse(const QString& spec, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<Parsed> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const QString text = spec.trimmed();
    if (text.isEmpty())
        return fail(QStringLiteral("no frame source given (expected a camera index or /dev/videoN, "
                                   "an rtsp/http URL, a video file or an image folder)"));

    static const QRegularExpression index(QStringLiteral("^\\d+$"));
    static const QRegularExpression deviceNode(QStringLiteral("^/dev/video\\d+$"));
    if (index.match(text).hasMatch() || deviceNode.match(text).hasMatch())
        return Parsed{Kind::Camera, text};
    if (text.startsWith(QLatin1String("v4l2:"), Qt::CaseInsensitive)) {
        const QString device = text.mid(5).trimmed();
        if (index.match(device).hasMatch() || device.startsWith(QLatin1Char('/')))
            return Parsed{Kind::Camera, device};
        return fail(QStringLiteral("camera source '%1': expected v4l2:N or v4l2:/dev/videoN").arg(text));
    }

    static const QRegularExpression scheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    const auto schemeMatch = scheme.match(text);
    if (schemeMatch.hasMatch()) {
        const QString name = schemeMatch.captured(1).toLower();
        if (name == QLatin1String("rtsp") || name == QLatin1String("rtsps") || name == QLatin1String("http")
            || name == QLatin1String("https")) {
            QString why;
            const QUrl url(text, QUrl::StrictMode);
            if (!StreamSource::isSupportedUrl(url, &why))
                return fail(why);
            return Parsed{Kind::Stream, text};
        }
        if (name == QLatin1String("file"))
            return parse(QUrl(text).toLocalFile(), error);
        return fail(QStringLiteral("frame source '%1': scheme '%2' is not supported (use rtsp, rtsps, "
                                   "http or https)")
                        .arg(QUrl(text).toDisplayString(QUrl::RemovePassword), schemeMatch.captured(1)));
    }

    if (QFileInfo(text).isDir())
        return Parsed{Kind::ImageFolder, text};
    return Parsed{Kind::VideoFile, text};
}

std::unique_ptr<FrameSource> FrameSourceFactory::create(const QString& spec, const Options& options,
                                                        QString* error)
{
    const auto parsed = parse(spec, error);
    if (!parsed)
        return nullptr;
    std::unique_ptr<FrameSource> source;
    switch (parsed->kind) {
    case Kind::Camera:
        source = std::make_unique<CameraSource>(parsed->target, options.camera, options.clock);
        break;
    case Kind::Stream:
        source = std::make_unique<StreamSource>(parsed->target, options.stream, options.clock);
        break;
    case Kind::ImageFolder:
        return std::make_unique<ImageFolderSource>(parsed->target, options.imageFolder, options.clock);
    case Kind::VideoFile:
        return std::make_unique<VideoFileSource>(parsed->target, options.videoFile, options.clock);
    }
    if (options.reconnectLive)
        return std::make_unique<ReconnectingSource>(std::move(source), options.reconnect, options.clock);
    return source;
}

QString FrameSourceFactory::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Camera:
        return QStringLiteral("camera");
    case Kind::Stream:
        return QStringLiteral("stream");
    case Kind::ImageFolder:
        return QStringLiteral("image folder");
    case Kind::VideoFile:
        return QStringLiteral("video file");
    }
    return QStringLiteral("unknown");
}

QString FrameSourceFactory::withoutSecrets(const QString& spec)
{
    const std::optional<Parsed> parsed = parse(spec, nullptr);
    if (!parsed || parsed->kind != Kind::Stream)
        return spec;
    return QUrl(parsed->target).toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
}

} // namespace fg
