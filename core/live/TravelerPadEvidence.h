#pragma once

#include "core/biometrics/PresentationAttack.h"

#include <QtGlobal>

#include <deque>

namespace fg {

// The presentation-attack evidence of the traveler in front of one camera
// (issue 20): each analysed frame's subject face, scored (PadFrameScorer), or
// the fact that the frame had none; at capture, the frames of the last
// kWindowMs combined into one decision (PadAccumulator). Someone else
// stepping up must not inherit the last traveler's frames: once no face has
// been seen for over kGoneMs, the evidence starts afresh. Pure logic, kept
// on the analysis thread (FrameAnalyzer); times are the frames' own
// (the source's monotonic clock).
class TravelerPadEvidence {
public:
    static constexpr qint64 kWindowMs = 3000; // what a capture is decided on: the last 3 s
    static constexpr qint64 kGoneMs = 1000;   // no face this long: the traveler may have changed

    void addFrame(PadFrame frame);
    void addWithoutFace(qint64 timestampMs);
    // The next traveler: nothing seen so far counts.
    void reset();

    // Frames with a face held (within kWindowMs of the newest frame).
    int frames() const { return int(m_frames.size()); }
    int framesWithoutFace() const { return int(m_withoutFace.size()); }

    // The decision over the frames of [nowMs - kWindowMs, nowMs] at `point`.
    PadAssessment assess(const PadOperatingPoint& point, qint64 nowMs) const;

private:
    // Forgets everything when the face has been gone too long by `nowMs`,
    // then whatever fell out of the window.
    void advanceTo(qint64 nowMs);

    std::deque<PadFrame> m_frames;
    std::deque<qint64> m_withoutFace; // times of the frames without a face
    qint64 m_lastFaceMs = -1;         // -1: no face since the last reset
};

} // namespace fg
