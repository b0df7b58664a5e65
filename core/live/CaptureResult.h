#pragma once

#include "core/biometrics/PresentationAttack.h"
#include "core/biometrics/QualityReport.h"
#include "core/matching/Template.h"

#include <QByteArray>
#include <QDateTime>
#include <QElapsedTimer>
#include <QImage>
#include <QMetaType>
#include <QStringList>

#include <optional>

namespace fg {

// What one capture window kept (CaptureSelector): the traveler's best frame
// as a portrait crop, for the match panel (image) and for the records (JPEG
// bytes, sealed there), the face template, and its quality. No face in the
// window: faceFound is false, image is the last frame, nothing else is set
// but the presentation-attack decision over the frames before it (issue 20).
struct CaptureResult {
    bool faceFound = false;
    bool qualityPassed = false;
    QStringList qualityWords;        // the short reasons it failed ("turn head")
    QualityReport quality;
    QImage image;                    // portrait crop (or the whole last frame without a face)
    QByteArray jpeg;                 // the portrait crop, JPEG; empty without a face
    std::optional<Template> faceTemplate;
    qint64 frameIndex = -1;
    QDateTime capturedAt;            // wall time the window closed
    QElapsedTimer closedAt;          // started when the window closed: capture-to-screen latency
    bool automatic = false;          // opened by quality, not by the officer's key
    // Was the face a printed photo or a screen? Decided over the frames of
    // the last seconds up to the window's close (FrameAnalyzer); not
    // assessed, with its reason, when it could not be.
    PadAssessment presentationAttack;
};

} // namespace fg

Q_DECLARE_METATYPE(fg::CaptureResult)
