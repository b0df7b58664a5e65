#pragma once

#include "core/matching/Gallery.h"
#include "core/matching/Template.h"
#include "core/workflow/Encounter.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace fg {

// Who the reference belongs to: the traveler on the document (1:1) or a
// gallery member (1:N).
struct ReferencePerson {
    QString travelerId;
    QString name;
    QString citizenship;    // ICAO 9303 code
    QString documentNumber;
    QString photoPath;      // the reference photo shown beside the capture
    // The reference photo's bytes when they are held in memory: a document
    // reader's photo, whose file is destroyed once read (DocumentReaderFiles).
    // Used before photoPath, which then only names where it was read from.
    QByteArray photo{};
    // When the photo is the passport chip's (issue 19): what the chip said of
    // the document, kept with the encounter (Encounter::documentVerdict and
    // documentCheck). documentVerdict empty: no chip was read.
    QString documentVerdict{}; // "genuine", "not-verifiable", "not-genuine"
    QString documentWords{};   // the verdict and the clone check in words, for the officer
    QJsonObject documentCheck{};
    QStringList chipMrz{}; // the chip's DG1 zone, line by line (held in memory, never stored)

    bool documentNotGenuine() const { return documentVerdict == QLatin1String("not-genuine"); }
};

// The decision on one capture (DOMAIN.md, step 3).
struct MatchOutcome {
    Encounter::Decision decision = Encounter::Decision::NoFace;
    std::optional<double> score;            // the document's, or the best candidate's
    double threshold = 0;
    double fmrTarget = 0;
    std::optional<ReferencePerson> reference; // 1:1: the document; 1:N: the best candidate
    std::vector<std::pair<ReferencePerson, double>> candidates; // 1:N: the top ones, best first
    QString reason;                         // in words, for NO FACE and POOR QUALITY

    // [{"traveler_id", "name", "score"}...] as stored with the encounter.
    QJsonArray candidatesJson() const;
};

// The reference a workstation matches against, and the decision rule:
// 1:1 against the document photo's template, or 1:N against the flight's
// gallery; score >= the threshold calibrated for the configured false match
// rate is a MATCH (never a fixed similarity). No face in the capture is
// NO FACE; a face that fails the quality checks is POOR QUALITY (its score
// is still given, for the officer). Holds templates; the only photo it
// holds is a document reader's, in the holder it is given (to show and keep
// beside the capture: its file is gone).
class Inspection {
public:
    enum class Mode { None, OneToOne, OneToMany };
    static constexpr int kCandidates = 5;
    // The threshold of a model at a false match rate; nullopt with *error
    // when there is none (no calibration for that model).
    using ThresholdSource = std::function<std::optional<double>(const QString& modelId, double fmr, QString* error)>;
    // The calibration table the program decides with (CalibrationTable::calibrated).
    static ThresholdSource calibratedThresholds();

    // The threshold comes from `thresholds` for the reference's model when
    // a reference is chosen.
    explicit Inspection(double fmrTarget, ThresholdSource thresholds = calibratedThresholds());

    Mode mode() const { return m_mode; }
    double threshold() const { return m_threshold; }
    double fmrTarget() const { return m_fmrTarget; }

    // 1:N against this flight's gallery (one model; shared, read-only).
    // Refused (the reference before stays) when the gallery is empty or its
    // model has no calibrated threshold.
    bool useGallery(std::shared_ptr<const Gallery> gallery, const QString& flight, QString* error);
    // 1:1 against the document photo's template.
    bool useDocument(const Template& documentTemplate, const ReferencePerson& holder, QString* error);
    void clear();

    QString flight() const { return m_flight; }
    const Gallery* gallery() const { return m_gallery.get(); }
    const std::optional<ReferencePerson>& documentHolder() const { return m_holder; }

    // nullopt with *error only when the probe cannot be compared (no
    // reference chosen, a template of another model).
    std::optional<MatchOutcome> decide(bool faceFound, bool qualityPassed, const std::optional<Template>& probe,
                                       QString* error) const;

private:
    bool adoptThreshold(const QString& modelId, QString* error);

    double m_fmrTarget;
    ThresholdSource m_thresholds;
    double m_threshold = 0;
    Mode m_mode = Mode::None;
    std::shared_ptr<const Gallery> m_gallery;
    QString m_flight;
    Template m_document;
    std::optional<ReferencePerson> m_holder;
};

} // namespace fg
