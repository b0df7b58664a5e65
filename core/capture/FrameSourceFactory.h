#pragma once

#include "core/capture/CameraSource.h"
#include "core/capture/ImageFolderSource.h"
#include "core/capture/ReconnectingSource.h"
#include "core/capture/StreamSource.h"
#include "core/capture/VideoFileSource.h"

#include <memory>
#include <optional>

namespace fg {

// Makes a frame source from the words of a setting or a command line:
//   "0", "/dev/video0", "v4l2:0", "v4l2:/dev/video0"  -> camera
//   "rtsp://...", "rtsps://", "http://...", "https://" -> stream
//   an existing folder                                -> image folder
//   anything else                                     -> video file
// An empty spec, an unknown scheme ("ftp://") or a malformed camera spec
// ("v4l2:x") is refused with words that quote it.
class FrameSourceFactory {
public:
    enum class Kind { Camera, Stream, ImageFolder, VideoFile };

    struct Parsed {
        Kind kind = Kind::VideoFile;
        QString target; // device path, URL, folder or file
    };

    struct Options {
        CameraSource::Options camera;
        StreamSource::Options stream;
        VideoFileSource::Options videoFile;
        ImageFolderSource::Options imageFolder;
        // Wrap cameras and streams in a ReconnectingSource.
        bool reconnectLive = true;
        ReconnectingSource::Policy reconnect;
        // Shared by the sources made; a steady clock when null.
        std::shared_ptr<CaptureClock> clock;
    };

    static std::optional<Parsed> parse(const QString& spec, QString* error);
    static std::unique_ptr<FrameSource> create(const QString& spec, const Options& options,
                                               QString* error);
    static QString kindName(Kind kind);
    // The spec as it may be shown or stored: a stream's user, password and
    // query (tokens) removed; any other spec as it is.
    static QString withoutSecrets(const QString& spec);
};

} // namespace fg
