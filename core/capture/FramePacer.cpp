#include "core/capture/FramePacer.h"

#include <cmath>

namespace fg {

FramePacer::FramePacer(double framesPerSecond)
    : m_framesPerSecond(framesPerSecond)
{
    Q_ASSERT(framesPerSecond > 0.0);
}

qint64 FramePacer::dueOf(qint64 frame) const
{
    return m_startMs + static_cast<qint64>(std::llround(double(frame) * 1000.0 / m_framesPerSecond));
}

qint64 FramePacer::waitForNext(CaptureClock& clock)
{
    const qint64 now = clock.nowMs();
    // Due no later than a period ago: on time, or late by less than a frame.
    if (m_startMs < 0 || now >= dueOf(m_frame + 1)) {
        m_startMs = now;
        m_frame = 0;
    }
    const qint64 due = dueOf(m_frame++);
    clock.sleepMs(due - now); // interrupted: deliver at once
    return due;
}

void FramePacer::restart()
{
    m_startMs = -1;
    m_frame = 0;
}

} // namespace fg
