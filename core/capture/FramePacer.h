#pragma once

#include "core/capture/CaptureClock.h"

#include <QtGlobal>

namespace fg {

// Paces a replayed source (video file, image folder) the way a camera's
// sensor does: frame n of a timeline is due at start + n periods, whatever
// the decoding and a late wake-up cost in between, so a busy machine does not
// slow the replay down frame by frame. A source that falls more than one
// period behind (a stall, a slow disk) starts a new timeline at once instead
// of sending a burst of late frames.
class FramePacer {
public:
    // framesPerSecond > 0.
    explicit FramePacer(double framesPerSecond);

    // Waits on `clock` until the next frame is due and returns the time it
    // was due (the clock's time when it starts a new timeline). Interrupted,
    // returns at once.
    qint64 waitForNext(CaptureClock& clock);
    // The next frame starts a new timeline.
    void restart();

    double framesPerSecond() const { return m_framesPerSecond; }

private:
    qint64 dueOf(qint64 frame) const;

    double m_framesPerSecond;
    qint64 m_startMs = -1; // clock time of frame 0 of the current timeline
    qint64 m_frame = 0;    // the next frame's number on it
};

} // namespace fg
