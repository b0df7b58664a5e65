#pragma once

#include "core/biometrics/PresentationAttack.h"
#include "core/matching/Template.h"

#include <QtGlobal>

#include <deque>
#include <optional>

namespace fg {

// The presentation-attack evidence of the traveler in front of one camera
// (issue 20): each analysed frame's subject face, scored (PadFrameScorer), or
// the fact that the frame had none; at capture, the frames of the last
// kWindowMs combined into one decision (PadAccumulator). Someone else
// stepping up must not inherit the last traveler's frames: once no face has
// been seen for over kGoneMs, the evidence starts afresh. Pure logic, kept
// on the analysis thread (FrameAnalyzer); times are the frames' own
// (the source's monotonic clock).
//
// Nor must another face's frames speak for the captured one: an impostor
// who shows their own live face for seconds and the victim's printed photo
// only while the capture window is open would dilute the print's frames in a
// mean over 3 s. With `sameFaceAt` (a cosine of the matcher's templates),
// each frame carries its face's template and a capture is decided only on
// the frames of the face captured.
class TravelerPadEvidence {
public:
    static constexpr qint64 kWindowMs = 3000; // what a capture is decided on: the last 3 s
    static constexpr qint64 kGoneMs = 1000;   // no face this long: the traveler may have changed

    // Without `sameFaceAt` every frame with a face counts, whoever's it is.
    explicit TravelerPadEvidence(std::optional<float> sameFaceAt = std::nullopt);

    // `face`: the frame's face template (FacePipeline::templateOf), null if
    // none was made.
    void addFrame(PadFrame frame, Template face = {});
    void addWithoutFace(qint64 timestampMs);
    // The next traveler: nothing seen so far counts.
    void reset();

    // Whether frames are told apart by their face (a sameFaceAt was given):
    // without it their templates need not be made.
    bool tellsFacesApart() const { return m_sameFaceAt.has_value(); }

    // Frames with a face held (within kWindowMs of the newest frame).
    int frames() const { return int(m_frames.size()); }
    int framesWithoutFace() const { return int(m_withoutFace.size()); }

    // The decision over the frames of [nowMs - kWindowMs, nowMs] at `point`;
    // given the captured face's template (and a sameFaceAt), over those of
    // that face only: a frame whose template is below sameFaceAt against it,
    // or has none, is counted in framesOfAnotherFace instead.
    PadAssessment assess(const PadOperatingPoint& point, qint64 nowMs, const Template& captured = {}) const;

private:
    // Forgets everything when the face has been gone too long by `nowMs`,
    // then whatever fell out of the window.
    void advanceTo(qint64 nowMs);

    // Whether `face` is the captured face's (true when nothing tells).
    bool isCapturedFace(const Template& face, const Template& captured) const;

    struct Seen {
        PadFrame frame;
        Template face;
    };
    std::optional<float> m_sameFaceAt;
    std::deque<Seen> m_frames;
    std::deque<qint64> m_withoutFace; // times of the frames without a face
    qint64 m_lastFaceMs = -1;         // -1: no face since the last reset
};

} // namespace fg
