#pragma once

#include "core/biometrics/Face.h"
#include "core/biometrics/FacePipeline.h"
#include "core/biometrics/LivenessModel.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <opencv2/core/mat.hpp>

#include <deque>
#include <optional>
#include <vector>

namespace fg {

// Presentation-attack detection (ISO/IEC 30107-3 vocabulary): is the face in
// front of the camera a bona fide presentation (the traveler) or an attack (a
// printed photo, a screen)? Issue 20; docs/pad-model.md says what the model
// expects and what its classes mean.
//
// The presentation-attack score is 0..1, higher = more like an attack. A
// capture is an attack when its score is at or above the threshold the
// calibration table gives for the chosen BPCER (bona fide presentations
// wrongly called attacks).

enum class PadDecision { BonaFide, Attack, NotAssessed };

// "bona-fide", "attack", "not-assessed" (stored with the encounter, in JSON).
QString padDecisionName(PadDecision decision);
std::optional<PadDecision> padDecisionFromName(const QString& name);

// One cue's evidence for one capture.
struct PadCue {
    QString name;          // stable key: "model", "screen_border", "moire", "texture", "blink", "parallax"
    bool measured = false; // false: it could not be measured here (detail says why)
    double value = 0.0;    // the cue's own measure (each cue's doc says what it is)
    double attack = 0.0;   // 0..1: what the cue says, higher = more like an attack (when measured)
    QString detail;        // words: "blinked once in 2.4 s", "no motion to judge depth by"
};

// What one frame says: the model's score and the single-frame cues, with what
// the multi-frame cues need (face box, landmarks, eye openness).
struct PadFrame {
    qint64 timestampMs = 0;
    double modelAttack = 0.0;  // 1 - p(live) of LivenessModel (docs/pad-model.md)
    LivenessScores model;      // the three class probabilities, for the evidence
    cv::Rect2f box;
    FaceLandmarks landmarks;
    double leftEyeOpen = 0.0;  // EyeStateClassifier's, via the face's quality report
    double rightEyeOpen = 0.0;
    std::vector<PadCue> cues;  // single-frame cues (screen border, moire, ...)
};

// The decision for one capture (one frame or a window of frames), with its
// evidence; stored with the encounter and answered to partner cameras.
struct PadAssessment {
    PadDecision decision = PadDecision::NotAssessed;
    double score = 0.0;      // 0..1, higher = more like an attack (meaningless when not assessed)
    double threshold = 0.0;  // an attack at or above it
    double bpcer = 0.0;      // the operating point the threshold was calibrated for
    QString calibration;     // the calibration table's data set ("pad-dev/labels.csv")
    int frames = 0;          // frames with a face that were scored
    int framesWithoutFace = 0;
    int framesOfAnotherFace = 0; // at the desk: frames of a face other than the captured one, left out
    std::vector<PadCue> cues; // "model" first, then the others, measured or not
    QString reason;          // not assessed: why ("no face in any frame")

    bool isAttack() const { return decision == PadDecision::Attack; }
    // {"decision", "score", "threshold", "bpcer", "calibration", "frames",
    //  "frames_without_face", "frames_of_another_face" (when any), "reason" (when not assessed),
    //  "cues": [{"name", "measured", "value", "attack", "detail"}]}
    QJsonObject toJson() const;
    static std::optional<PadAssessment> fromJson(const QJsonObject& json, QString* error);
    // For the officer: "possible presentation attack (score 0.93, threshold 0.41)",
    // "live face (score 0.02, threshold 0.41)", "not assessed: no face in any frame".
    QString words() const;
};

// The threshold for a BPCER, from a calibration table.
struct PadOperatingPoint {
    double bpcer = 0.01;
    double threshold = 0.5;
    QString dataset;
};

// One row of the table: at this threshold, the BPCER measured and the APCER
// of the worst attack type (ISO/IEC 30107-3: per type, never pooled).
struct PadCalibrationRow {
    double bpcer = 0.0;
    double threshold = 0.0;
    double apcer = 0.0;
};

// BPCER -> threshold, measured by `facegate-cli eval-pad` with thresholds
// chosen leaving subjects out, for one liveness model. JSON:
// {"format": "facegate-pad-calibration", "version": 1, "dataset", "model_id",
//  "date", "bona_fide_count", "attack_count", "rows": [{"bpcer", "threshold", "apcer"}]}
class PadCalibrationTable {
public:
    static constexpr int kFormatVersion = 1;

    PadCalibrationTable() = default;
    PadCalibrationTable(QString dataset, QString modelId, QDateTime date, qint64 bonaFideCount,
                        qint64 attackCount, std::vector<PadCalibrationRow> rows);

    const QString& dataset() const { return m_dataset; }
    const QString& modelId() const { return m_modelId; }
    const QDateTime& date() const { return m_date; }
    qint64 bonaFideCount() const { return m_bonaFideCount; }
    qint64 attackCount() const { return m_attackCount; }
    const std::vector<PadCalibrationRow>& rows() const { return m_rows; }

    // The threshold for `bpcer`, interpolated linearly between the two rows
    // around it; refuses a BPCER outside [first row, last row].
    std::optional<double> thresholdFor(double bpcer, QString* error) const;

    QByteArray toJson() const;
    static std::optional<PadCalibrationTable> fromJson(const QByteArray& json, const QString& expectedModelId,
                                                       QString* error);
    static std::optional<PadCalibrationTable> load(const QString& path, const QString& expectedModelId,
                                                   QString* error);
    bool save(const QString& path, QString* error) const;

    // The table the program decides with: $FACEGATE_PAD_CALIBRATION when set,
    // else the compiled-in one (resources/calibration/pad-*.json) of that model.
    static std::optional<PadCalibrationTable> forModel(const QString& modelId, QString* error);
    // The operating point at `bpcer` of forModel(modelId).
    static std::optional<PadOperatingPoint> operatingPoint(double bpcer, const QString& modelId, QString* error);

private:
    QString m_dataset;
    QString m_modelId;
    QDateTime m_date;
    qint64 m_bonaFideCount = 0;
    qint64 m_attackCount = 0;
    std::vector<PadCalibrationRow> m_rows;
};

// Scores one frame: the liveness model on the face and the single-frame cues.
// Not thread-safe (it holds a network): one per thread, like FacePipeline.
class PadFrameScorer {
public:
    // Verifies fr_liveness.onnx's hash (ModelRepository) and loads it.
    static std::optional<PadFrameScorer> load(const QString& modelDirectory, QString* error);
    // The model id the calibration tables are made for ("fr_liveness:<sha256 prefix>").
    static QString modelId();

    // Nothing when the face box is empty or outside the frame. The face
    // should carry its quality report (eye openness for the blink cue).
    std::optional<PadFrame> score(const cv::Mat& bgr, const Face& face, qint64 timestampMs);
    // The traveler's face of a frame (the pipeline's subject policy),
    // analysed with quality and scored; nothing when no face is found.
    std::optional<PadFrame> scoreSubject(FacePipeline& pipeline, const cv::Mat& bgr, qint64 timestampMs);

private:
    explicit PadFrameScorer(LivenessModel model) : m_model(std::move(model)) {}
    LivenessModel m_model;
};

// The evidence of the frames of one traveler's face, combined into one
// decision: the mean of the frames' model scores, with the single-frame cues
// and, over several frames, the cues only a live face gives (blinks, depth
// parallax under head motion). Keeps the last kMaxFrames frames. Pure logic.
class PadAccumulator {
public:
    static constexpr int kMaxFrames = 75; // 3 s at 25 fps

    void add(PadFrame frame);
    void addWithoutFace() { ++m_withoutFace; }
    void reset();

    int frames() const { return int(m_frames.size()); }
    const std::deque<PadFrame>& frameList() const { return m_frames; }

    // The combined score and cues, decided at `point`. Not assessed when no
    // frame had a face.
    PadAssessment assess(const PadOperatingPoint& point) const;

private:
    std::deque<PadFrame> m_frames;
    int m_withoutFace = 0;
};

} // namespace fg
