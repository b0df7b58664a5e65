#pragma once

#include "core/biometrics/PresentationAttack.h"

#include <QStringList>

#include <opencv2/core/mat.hpp>

#include <deque>
#include <vector>

namespace fg {

// The cues of presentation-attack detection besides the liveness model
// (issue 20; docs/pad-cues.md gives what each measures, its figures on pad-dev
// and what it cannot catch). Each returns a PadCue: measured or not (with the
// reason in words), its own value, and what it says as an attack level 0..1
// (0: no evidence of an attack, 1: strong evidence). The mapping from value to
// attack level is fixed a priori from what the value means (a length as a
// fraction of the crop, a residual as a fraction of the eye distance); it is
// not fitted to pad-dev.
namespace padcues {

// --- Single-frame cues: a few ms at 640x480, run on every analysed frame. ---

// "screen_border": long straight edges around the face but outside it (in the
// 2.7x crop the liveness model sees): the edges of a print, a phone or a
// monitor held up to the camera frame the face in it. Straight segments
// (Canny + probabilistic Hough) at least kMinSegment of the crop's side long,
// running along a side of the face box (within 20 degrees) above, below, left
// or right of it. value: how many of the face's 4 sides are so framed (a
// room's desk or door frames one or two; attack 0 at 2, 1 at all 4).
// A print cut to the face's outline, or held so that its edges fall outside
// the crop, has no frame to see; a doorway around a traveler is one.
PadCue screenBorder(const cv::Mat& bgr, const cv::Rect2f& box);

// "moire": periodic peaks in the spectrum of the grey face (128x128, Hann
// window): the strongest off-axis peak in the high band (a third to the whole
// of Nyquist) over the band's median magnitude. A screen filmed by a camera
// beats its pixel grid against the sensor's (moire); a halftone print shows
// its dot screen. value: that ratio (a smooth face: ~4-5; JPEG's 8x8 blocks
// add peaks of their own: attack 0 at 12, 1 at 24).
PadCue moire(const cv::Mat& bgr, const cv::Rect2f& box);

// "texture": the high band's share of the face's spectral energy (same band
// and crop as moire). A recaptured face (print or screen) has passed two
// lenses and a printer or a display, and loses fine skin detail. value: the
// share; low is attack-like. Blur, compression and distance lower it too.
PadCue texture(const cv::Mat& bgr, const cv::Rect2f& box);

// --- Multi-frame cues, over the frames of one traveler's face. ---

// "blink": both eyes' open probability falls below kClosed and recovers above
// kOpen within kMaxBlinkMs. Measured when the frames span >= 1 s and are dense
// enough to see a blink (no gap over kMaxBlinkGapMs). value: blinks seen.
// A blink is evidence against a print (attack 0); no blink is weak evidence
// (people blink every 3-6 s): attack 0.3 over 6 s without one, else not
// counted (attack 0, measured, "no blink in 2.1 s: too short to mean much").
// A video replay blinks: this cue does not catch replays.
PadCue blink(const std::deque<PadFrame>& frames);

// "parallax": a planar object (a print, a screen) moves so that its landmarks
// map by a homography from one frame to another; a real head turning does not
// (the nose moves against the cheeks). For pairs of frames whose landmarks
// changed shape (a similarity transform leaves at least kMinShapeChange of the
// eye distance, RMS), the RMS residual of the least-squares homography over
// that of the similarity. value: the median ratio over such pairs (plane: ~0
// plus the landmarks' noise; head: the part of the shape change a plane cannot
// make). A replayed video of a turning head shows the same parallax on the
// screen: the cue catches prints and still pictures on screens, not replays.
PadCue parallax(const std::deque<PadFrame>& frames);

// The pieces of parallax(), for tests and the study: RMS residuals (pixels)
// of the best similarity and of the least-squares homography mapping `from`
// onto `to`.
struct PlanarFit {
    double similarityRms = 0.0;
    double homographyRms = 0.0;
    double interEyeDistance = 0.0; // of `from`
};
PlanarFit planarFit(const FaceLandmarks& from, const FaceLandmarks& to);

// --- Over frames and into one score. ---

// A single-frame cue over the frames: mean value and attack level of the
// frames where it was measured (not measured when in none; the first frame's
// reason is kept).
PadCue meanOverFrames(const std::deque<PadFrame>& frames, const QString& name);

// The rule that combines the model's mean attack score with the cues
// (docs/pad-cues.md). Attack cues raise it: the strongest measured attack
// level s of any cue, counted from 0.5 up (a = 2 * max(0, s - 0.5)), takes the
// score that part of the way to 1 scaled by kRaise: m + (1 - m) * kRaise * a.
// A live cue lowers it: a blink seen multiplies it by 1 - kLower. Only a blink
// can lower it: a print cannot blink, while what else a frame shows (depth
// included: a bent print and jittery landmarks read as depth) a print can.
// Cues named in `ignore` are left out (the study's "without this cue").
double combine(double modelMean, const std::vector<PadCue>& cues, const QStringList& ignore = {});

// Constants, named where the docs and tests refer to them.
inline constexpr double kMinSegment = 0.25;       // screen_border: fraction of the crop's side
inline constexpr double kClosed = 0.3;            // blink: eye-open probability
inline constexpr double kOpen = 0.6;
inline constexpr qint64 kMaxBlinkMs = 500;
inline constexpr qint64 kMinBlinkSpanMs = 1000;
inline constexpr qint64 kMaxBlinkGapMs = 400;
inline constexpr double kMinShapeChange = 0.04;   // parallax: similarity RMS / eye distance
inline constexpr int kMaxParallaxFrames = 12;     // frames compared pairwise (evenly spaced)
inline constexpr double kRaise = 0.5;             // combine(): how far a strong attack cue raises
inline constexpr double kLower = 0.5;             // combine(): how far a live cue lowers

} // namespace padcues
} // namespace fg
