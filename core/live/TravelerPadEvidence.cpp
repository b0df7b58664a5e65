#include "core/live/TravelerPadEvidence.h"

namespace fg {

void TravelerPadEvidence::advanceTo(qint64 nowMs)
{
    if (m_lastFaceMs >= 0 && nowMs - m_lastFaceMs > kGoneMs)
        reset();
    const qint64 oldest = nowMs - kWindowMs;
    while (!m_frames.empty() && m_frames.front().timestampMs < oldest)
        m_frames.pop_front();
    while (!m_withoutFace.empty() && m_withoutFace.front() < oldest)
        m_withoutFace.pop_front();
}

void TravelerPadEvidence::addFrame(PadFrame frame)
{
    // A face after a long gap is as likely someone else: a fresh start.
    advanceTo(frame.timestampMs);
    m_lastFaceMs = frame.timestampMs;
    m_frames.push_back(std::move(frame));
    // PadAccumulator keeps its last kMaxFrames; holding more would only cost memory.
    while (int(m_frames.size()) > PadAccumulator::kMaxFrames)
        m_frames.pop_front();
}

void TravelerPadEvidence::addWithoutFace(qint64 timestampMs)
{
    advanceTo(timestampMs);
    m_withoutFace.push_back(timestampMs);
    while (int(m_withoutFace.size()) > PadAccumulator::kMaxFrames)
        m_withoutFace.pop_front();
}

void TravelerPadEvidence::reset()
{
    m_frames.clear();
    m_withoutFace.clear();
    m_lastFaceMs = -1;
}

PadAssessment TravelerPadEvidence::assess(const PadOperatingPoint& point, qint64 nowMs) const
{
    const qint64 oldest = nowMs - kWindowMs;
    PadAccumulator window;
    for (const PadFrame& frame : m_frames) {
        if (frame.timestampMs >= oldest && frame.timestampMs <= nowMs)
            window.add(frame);
    }
    for (qint64 at : m_withoutFace) {
        if (at >= oldest && at <= nowMs)
            window.addWithoutFace();
    }
    return window.assess(point);
}

} // namespace fg
