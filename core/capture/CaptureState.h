#pragma once

#include <QMetaType>
#include <QString>

namespace fg {

// Where a capture stands, as shown to the officer beside the live view.
enum class CaptureState {
    Stopped,      // not running (never started, or stopped on request)
    Opening,      // first connection in progress
    Live,         // frames are arriving
    Reconnecting, // a live source was lost or would not open; retrying
    Lost,         // a live source is gone and no retry is left
    Finished,     // a file or folder reached its end
    Failed,       // the source could not be opened; no retry
};

// "live", "reconnecting", ...: stable words for logs and settings.
QString captureStateName(CaptureState state);

} // namespace fg

Q_DECLARE_METATYPE(fg::CaptureState)
