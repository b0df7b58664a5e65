#include "core/biometrics/PresentationAttack.h"

#include "core/biometrics/ModelRepository.h"
#include "core/biometrics/PadCues.h"
#include "core/matching/CalibrationFile.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <cmath>

namespace fg {

namespace {

const QString kTableFormat = QStringLiteral("facegate-pad-calibration");

// The version of the way a capture's score is made from the model and the
// cues. A calibration table is only valid for the method it was measured
// with, so it is part of the model id the tables are made for: change it
// whenever PadFrameScorer::score or PadAccumulator::assess changes a score.
const QString kMethodVersion = QStringLiteral("pad2"); // pad2: the cues of docs/pad-cues.md

const QString kTableWhat = QStringLiteral("presentation-attack calibration table");

bool fail(QString* error, const QString& why)
{
    if (error)
        *error = why;
    return false;
}

bool isProbability(double value)
{
    return value >= 0.0 && value <= 1.0;
}

QJsonObject cueToJson(const PadCue& cue)
{
    QJsonObject json{{QStringLiteral("name"), cue.name}, {QStringLiteral("measured"), cue.measured}};
    if (cue.measured) {
        json.insert(QStringLiteral("value"), cue.value);
        json.insert(QStringLiteral("attack"), cue.attack);
    }
    json.insert(QStringLiteral("detail"), cue.detail);
    return json;
}

std::optional<PadCue> cueFromJson(const QJsonObject& json, QString* error)
{
    PadCue cue;
    cue.name = json.value(QStringLiteral("name")).toString();
    if (cue.name.isEmpty()) {
        fail(error, QStringLiteral("a presentation-attack cue has no name"));
        return std::nullopt;
    }
    cue.measured = json.value(QStringLiteral("measured")).toBool(false);
    cue.detail = json.value(QStringLiteral("detail")).toString();
    if (cue.measured) {
        cue.value = json.value(QStringLiteral("value")).toDouble(NAN);
        cue.attack = json.value(QStringLiteral("attack")).toDouble(NAN);
        if (!std::isfinite(cue.value) || !isProbability(cue.attack)) {
            fail(error, QStringLiteral("presentation-attack cue \"%1\" has no valid value or attack score").arg(cue.name));
            return std::nullopt;
        }
    }
    return cue;
}

} // namespace

QString padDecisionName(PadDecision decision)
{
    switch (decision) {
    case PadDecision::BonaFide:
        return QStringLiteral("bona-fide");
    case PadDecision::Attack:
        return QStringLiteral("attack");
    case PadDecision::NotAssessed:
        break;
    }
    return QStringLiteral("not-assessed");
}

std::optional<PadDecision> padDecisionFromName(const QString& name)
{
    for (PadDecision decision : {PadDecision::BonaFide, PadDecision::Attack, PadDecision::NotAssessed}) {
        if (padDecisionName(decision) == name)
            return decision;
    }
    return std::nullopt;
}

// --- PadAssessment ----------------------------------------------------------

QJsonObject PadAssessment::toJson() const
{
    QJsonObject json{{QStringLiteral("decision"), padDecisionName(decision)},
                     {QStringLiteral("frames"), frames},
                     {QStringLiteral("frames_without_face"), framesWithoutFace}};
    if (framesOfAnotherFace > 0)
        json.insert(QStringLiteral("frames_of_another_face"), framesOfAnotherFace);
    if (decision != PadDecision::NotAssessed) {
        json.insert(QStringLiteral("score"), score);
        json.insert(QStringLiteral("threshold"), threshold);
        json.insert(QStringLiteral("bpcer"), bpcer);
        json.insert(QStringLiteral("calibration"), calibration);
    } else {
        json.insert(QStringLiteral("reason"), reason);
    }
    QJsonArray cueArray;
    for (const PadCue& cue : cues)
        cueArray.append(cueToJson(cue));
    json.insert(QStringLiteral("cues"), cueArray);
    return json;
}

std::optional<PadAssessment> PadAssessment::fromJson(const QJsonObject& json, QString* error)
{
    PadAssessment assessment;
    const std::optional<PadDecision> decision = padDecisionFromName(json.value(QStringLiteral("decision")).toString());
    if (!decision) {
        fail(error, QStringLiteral("presentation-attack decision \"%1\" is not bona-fide, attack or not-assessed")
                        .arg(json.value(QStringLiteral("decision")).toString()));
        return std::nullopt;
    }
    assessment.decision = *decision;
    assessment.frames = json.value(QStringLiteral("frames")).toInt(-1);
    assessment.framesWithoutFace = json.value(QStringLiteral("frames_without_face")).toInt(-1);
    assessment.framesOfAnotherFace = json.value(QStringLiteral("frames_of_another_face")).toInt(0);
    if (assessment.frames < 0 || assessment.framesWithoutFace < 0 || assessment.framesOfAnotherFace < 0) {
        fail(error, QStringLiteral("presentation-attack assessment has no valid frame counts"));
        return std::nullopt;
    }
    if (assessment.decision != PadDecision::NotAssessed) {
        assessment.score = json.value(QStringLiteral("score")).toDouble(NAN);
        assessment.threshold = json.value(QStringLiteral("threshold")).toDouble(NAN);
        assessment.bpcer = json.value(QStringLiteral("bpcer")).toDouble(NAN);
        assessment.calibration = json.value(QStringLiteral("calibration")).toString();
        if (!isProbability(assessment.score) || !std::isfinite(assessment.threshold)
            || !isProbability(assessment.bpcer)) {
            fail(error, QStringLiteral("presentation-attack assessment has no valid score, threshold or BPCER"));
            return std::nullopt;
        }
    } else {
        assessment.reason = json.value(QStringLiteral("reason")).toString();
    }
    for (const QJsonValue& value : json.value(QStringLiteral("cues")).toArray()) {
        std::optional<PadCue> cue = cueFromJson(value.toObject(), error);
        if (!cue)
            return std::nullopt;
        assessment.cues.push_back(std::move(*cue));
    }
    return assessment;
}

QString PadAssessment::words() const
{
    switch (decision) {
    case PadDecision::Attack:
        return QStringLiteral("possible presentation attack (score %1, threshold %2)")
            .arg(score, 0, 'f', 2)
            .arg(threshold, 0, 'f', 2);
    case PadDecision::BonaFide:
        return QStringLiteral("live face (score %1, threshold %2)").arg(score, 0, 'f', 2).arg(threshold, 0, 'f', 2);
    case PadDecision::NotAssessed:
        break;
    }
    return QStringLiteral("not assessed: %1").arg(reason.isEmpty() ? QStringLiteral("no reason given") : reason);
}

// --- PadCalibrationTable ----------------------------------------------------

PadCalibrationTable::PadCalibrationTable(QString dataset, QString modelId, QDateTime date, qint64 bonaFideCount,
                                         qint64 attackCount, std::vector<PadCalibrationRow> rows)
    : m_dataset(std::move(dataset))
    , m_modelId(std::move(modelId))
    , m_date(std::move(date))
    , m_bonaFideCount(bonaFideCount)
    , m_attackCount(attackCount)
    , m_rows(std::move(rows))
{
    std::sort(m_rows.begin(), m_rows.end(),
              [](const PadCalibrationRow& a, const PadCalibrationRow& b) { return a.bpcer < b.bpcer; });
}

std::optional<double> PadCalibrationTable::thresholdFor(double bpcer, QString* error) const
{
    // Linear in log10(BPCER) between the rows around it, as the matcher's
    // table is in log10(FMR): the rows are spaced by decades.
    return calibration::thresholdAt(m_rows, &PadCalibrationRow::bpcer, bpcer, QStringLiteral("BPCER"), kTableWhat,
                                    m_dataset, error);
}

QByteArray PadCalibrationTable::toJson() const
{
    QJsonArray rows;
    for (const PadCalibrationRow& r : m_rows)
        rows.append(QJsonObject{{"bpcer", r.bpcer}, {"threshold", r.threshold}, {"apcer", r.apcer}});
    const QJsonObject root{{"format", kTableFormat},
                           {"version", kFormatVersion},
                           {"dataset", m_dataset},
                           {"model_id", m_modelId},
                           {"date", m_date.toString(Qt::ISODateWithMs)},
                           {"bona_fide_count", m_bonaFideCount},
                           {"attack_count", m_attackCount},
                           {"rows", rows}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

std::optional<PadCalibrationTable> PadCalibrationTable::fromJson(const QByteArray& json,
                                                                 const QString& expectedModelId, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull() || !doc.isObject()) {
        fail(error, QStringLiteral("presentation-attack calibration table is not a JSON object: %1")
                        .arg(parseError.errorString()));
        return std::nullopt;
    }
    const QJsonObject root = doc.object();
    if (root.value("format").toString() != kTableFormat) {
        fail(error, QStringLiteral("not a presentation-attack calibration table (format \"%1\")")
                        .arg(root.value("format").toString()));
        return std::nullopt;
    }
    if (root.value("version").toInt(-1) != kFormatVersion) {
        fail(error, QStringLiteral("presentation-attack calibration table version %1 is not supported (this "
                                   "program reads version %2)")
                        .arg(root.value("version").toInt(-1))
                        .arg(kFormatVersion));
        return std::nullopt;
    }
    for (const char* key : {"dataset", "model_id", "date"}) {
        if (!root.value(key).isString() || root.value(key).toString().isEmpty()) {
            fail(error, QStringLiteral("presentation-attack calibration table has no \"%1\"").arg(key));
            return std::nullopt;
        }
    }
    const QString modelId = root.value("model_id").toString();
    if (!expectedModelId.isEmpty() && modelId != expectedModelId) {
        fail(error, QStringLiteral("the presentation-attack calibration table was made for \"%1\", this program "
                                   "scores with \"%2\"")
                        .arg(modelId, expectedModelId));
        return std::nullopt;
    }
    const QDateTime date = QDateTime::fromString(root.value("date").toString(), Qt::ISODateWithMs);
    if (!date.isValid()) {
        fail(error, QStringLiteral("presentation-attack calibration table date \"%1\" is not ISO 8601")
                        .arg(root.value("date").toString()));
        return std::nullopt;
    }
    for (const char* key : {"bona_fide_count", "attack_count"}) {
        if (!root.value(key).isDouble() || root.value(key).toDouble() < 0) {
            fail(error, QStringLiteral("presentation-attack calibration table has no valid \"%1\"").arg(key));
            return std::nullopt;
        }
    }
    const QJsonArray rowArray = root.value("rows").toArray();
    if (rowArray.isEmpty()) {
        fail(error, QStringLiteral("presentation-attack calibration table has no rows"));
        return std::nullopt;
    }
    std::vector<PadCalibrationRow> rows;
    for (qsizetype i = 0; i < rowArray.size(); ++i) {
        const QJsonObject o = rowArray.at(i).toObject();
        const PadCalibrationRow row{o.value("bpcer").toDouble(NAN), o.value("threshold").toDouble(NAN),
                                    o.value("apcer").toDouble(NAN)};
        if (!(row.bpcer > 0.0 && row.bpcer <= 1.0) || !isProbability(row.threshold) || !isProbability(row.apcer)) {
            fail(error, QStringLiteral("presentation-attack calibration table row %1 is invalid (bpcer %2, "
                                       "threshold %3, apcer %4)")
                            .arg(i)
                            .arg(row.bpcer)
                            .arg(row.threshold)
                            .arg(row.apcer));
            return std::nullopt;
        }
        // A higher BPCER (more bona fide presentations called attacks) can
        // only come from a threshold that is not higher.
        if (!rows.empty() && (row.bpcer <= rows.back().bpcer || row.threshold > rows.back().threshold)) {
            fail(error, QStringLiteral("presentation-attack calibration table rows are not in increasing BPCER "
                                       "and non-increasing threshold order (row %1)")
                            .arg(i));
            return std::nullopt;
        }
        rows.push_back(row);
    }
    return PadCalibrationTable(root.value("dataset").toString(), modelId, date,
                               qint64(root.value("bona_fide_count").toDouble()),
                               qint64(root.value("attack_count").toDouble()), std::move(rows));
}

std::optional<PadCalibrationTable> PadCalibrationTable::load(const QString& path, const QString& expectedModelId,
                                                             QString* error)
{
    const std::optional<QByteArray> bytes = calibration::readFile(path, kTableWhat, error);
    if (!bytes)
        return std::nullopt;
    QString why;
    std::optional<PadCalibrationTable> table = fromJson(*bytes, expectedModelId, &why);
    if (!table)
        fail(error, QStringLiteral("%1: %2").arg(path, why));
    return table;
}

bool PadCalibrationTable::save(const QString& path, QString* error) const
{
    return calibration::writeFile(path, toJson(), kTableWhat, error);
}

std::optional<PadCalibrationTable> PadCalibrationTable::forModel(const QString& modelId, QString* error)
{
    return calibration::forModel<PadCalibrationTable>(
        "FACEGATE_PAD_CALIBRATION", QStringLiteral(":/facegate/pad-calibration"), modelId, kTableWhat,
        QStringLiteral("run `facegate-cli eval-pad --labels CSV --calibration-out FILE` and set "
                       "FACEGATE_PAD_CALIBRATION=FILE"),
        [&modelId](const QString& path, QString* why) { return load(path, modelId, why); }, error);
}

std::optional<PadOperatingPoint> PadCalibrationTable::operatingPoint(double bpcer, const QString& modelId,
                                                                     QString* error)
{
    const std::optional<PadCalibrationTable> table = forModel(modelId, error);
    if (!table)
        return std::nullopt;
    const std::optional<double> threshold = table->thresholdFor(bpcer, error);
    if (!threshold)
        return std::nullopt;
    return PadOperatingPoint{bpcer, *threshold, table->dataset()};
}

// --- PadFrameScorer ---------------------------------------------------------

std::optional<PadFrameScorer> PadFrameScorer::load(const QString& modelDirectory, QString* error)
{
    const QString directory = modelDirectory.isEmpty() ? ModelRepository::defaultDirectory() : modelDirectory;
    const std::optional<ModelRepository> models = ModelRepository::open(directory, error);
    if (!models)
        return std::nullopt;
    std::optional<LivenessModel> model = LivenessModel::load(models->path(QStringLiteral("fr_liveness.onnx")), error);
    if (!model)
        return std::nullopt;
    return PadFrameScorer(std::move(*model));
}

QString PadFrameScorer::modelId()
{
    return ModelRepository::pinnedModelId(QStringLiteral("fr_liveness.onnx")) + QLatin1Char('/') + kMethodVersion;
}

std::optional<PadFrame> PadFrameScorer::score(const cv::Mat& bgr, const Face& face, qint64 timestampMs)
{
    const std::optional<LivenessScores> scores = m_model.score(bgr, face.detection.box);
    if (!scores)
        return std::nullopt;
    PadFrame frame;
    frame.timestampMs = timestampMs;
    frame.model = *scores;
    frame.modelAttack = std::clamp(1.0 - scores->live, 0.0, 1.0);
    frame.box = face.detection.box;
    frame.landmarks = face.landmarks;
    frame.leftEyeOpen = face.quality.leftEyeOpen;
    frame.rightEyeOpen = face.quality.rightEyeOpen;
    // The single-frame cues (docs/pad-cues.md): a few ms together at 640x480.
    frame.cues.push_back(padcues::screenBorder(bgr, frame.box));
    frame.cues.push_back(padcues::moire(bgr, frame.box));
    frame.cues.push_back(padcues::texture(bgr, frame.box));
    return frame;
}

std::optional<PadFrame> PadFrameScorer::scoreSubject(FacePipeline& pipeline, const cv::Mat& bgr, qint64 timestampMs)
{
    const std::vector<Face> faces = pipeline.analyze(bgr, FacePipeline::Depth::WithQuality);
    const int subject = pipeline.subjectIndex(faces, bgr.size());
    if (subject < 0)
        return std::nullopt;
    return score(bgr, faces[std::size_t(subject)], timestampMs);
}

// --- PadAccumulator ---------------------------------------------------------

void PadAccumulator::add(PadFrame frame)
{
    m_frames.push_back(std::move(frame));
    while (int(m_frames.size()) > kMaxFrames)
        m_frames.pop_front();
}

void PadAccumulator::reset()
{
    m_frames.clear();
    m_withoutFace = 0;
}

PadAssessment PadAccumulator::assess(const PadOperatingPoint& point) const
{
    PadAssessment assessment;
    assessment.frames = int(m_frames.size());
    assessment.framesWithoutFace = m_withoutFace;
    if (m_frames.empty()) {
        assessment.reason = m_withoutFace > 0 ? QStringLiteral("no face in any of %1 frames").arg(m_withoutFace)
                                              : QStringLiteral("no frame was scored");
        return assessment;
    }
    // The model's evidence: the mean of its per-frame attack scores (a
    // single frame's is that frame's, as calibrated by eval-pad).
    double sum = 0.0;
    double highest = 0.0;
    for (const PadFrame& frame : m_frames) {
        sum += frame.modelAttack;
        highest = std::max(highest, frame.modelAttack);
    }
    const double modelScore = sum / double(m_frames.size());
    PadCue model;
    model.name = QStringLiteral("model");
    model.measured = true;
    model.value = modelScore;
    model.attack = modelScore;
    model.detail = m_frames.size() == 1
        ? QStringLiteral("liveness model on one frame: attack %1").arg(modelScore, 0, 'f', 3)
        : QStringLiteral("liveness model over %1 frames: mean attack %2, highest %3")
              .arg(m_frames.size())
              .arg(modelScore, 0, 'f', 3)
              .arg(highest, 0, 'f', 3);
    assessment.cues.push_back(model);
    // The single-frame cues over the frames, then the cues only several
    // frames give; all of them listed, measured or not (docs/pad-cues.md).
    for (const QString& name : {QStringLiteral("screen_border"), QStringLiteral("moire"), QStringLiteral("texture")})
        assessment.cues.push_back(padcues::meanOverFrames(m_frames, name));
    assessment.cues.push_back(padcues::blink(m_frames));
    assessment.cues.push_back(padcues::parallax(m_frames));

    // The model's mean, raised by strong attack cues, lowered only by what a
    // print cannot fake (a blink, depth under motion): padcues::combine.
    // On one frame only the single-frame cues can act, so the score eval-pad
    // calibrates on single frames is this very score.
    assessment.score = padcues::combine(modelScore, assessment.cues);
    assessment.threshold = point.threshold;
    assessment.bpcer = point.bpcer;
    assessment.calibration = point.dataset;
    assessment.decision = assessment.score >= point.threshold ? PadDecision::Attack : PadDecision::BonaFide;
    return assessment;
}

} // namespace fg
