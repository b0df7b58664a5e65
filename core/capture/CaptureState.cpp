#include "core/capture/CaptureState.h"

namespace fg {

QString captureStateName(CaptureState state)
{
    switch (state) {
    case CaptureState::Stopped:
        return QStringLiteral("stopped");
    case CaptureState::Opening:
        return QStringLiteral("opening");
    case CaptureState::Live:
        return QStringLiteral("live");
    case CaptureState::Reconnecting:
        return QStringLiteral("reconnecting");
    case CaptureState::Lost:
        return QStringLiteral("lost");
    case CaptureState::Finished:
        return QStringLiteral("finished");
    case CaptureState::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("unknown");
}

} // namespace fg
