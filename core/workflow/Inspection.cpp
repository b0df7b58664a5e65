#include "core/workflow/Inspection.h"

#include "core/matching/CalibrationTable.h"
#include "core/matching/Matcher.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace fg {
namespace {

ReferencePerson personOf(const GalleryEntry& entry)
{
    return {entry.travelerId, entry.name, entry.citizenship, entry.documentNumber, entry.photoPath};
}

} // namespace

QJsonArray MatchOutcome::candidatesJson() const
{
    QJsonArray list;
    for (const auto& [person, candidateScore] : candidates)
        list.append(QJsonObject{{QStringLiteral("traveler_id"), person.travelerId},
                                {QStringLiteral("name"), person.name},
                                {QStringLiteral("score"), candidateScore}});
    return list;
}

Inspection::ThresholdSource Inspection::calibratedThresholds()
{
    return [](const QString& modelId, double fmr, QString* error) -> std::optional<double> {
        const std::optional<CalibratedThreshold> calibrated = CalibrationTable::calibrated(fmr, modelId, error);
        return calibrated ? std::optional<double>(double(calibrated->threshold)) : std::nullopt;
    };
}

Inspection::Inspection(double fmrTarget, ThresholdSource thresholds)
    : m_fmrTarget(fmrTarget)
    , m_thresholds(std::move(thresholds))
{
}

bool Inspection::adoptThreshold(const QString& modelId, QString* error)
{
    const std::optional<double> threshold = m_thresholds(modelId, m_fmrTarget, error);
    if (!threshold)
        return false;
    m_threshold = *threshold;
    return true;
}

bool Inspection::useGallery(std::shared_ptr<const Gallery> gallery, const QString& flight, QString* error)
{
    if (!gallery || gallery->isEmpty()) {
        *error = QCoreApplication::translate("fg::Inspection", "the gallery of %1 is empty: nobody to match against").arg(flight);
        return false;
    }
    if (!adoptThreshold(gallery->modelId(), error))
        return false;
    clear();
    m_gallery = std::move(gallery);
    m_flight = flight;
    m_mode = Mode::OneToMany;
    return true;
}

bool Inspection::useDocument(const Template& documentTemplate, const ReferencePerson& holder, QString* error)
{
    if (documentTemplate.isNull()) {
        *error = QCoreApplication::translate("fg::Inspection", "the document photo of %1 gave no face template").arg(holder.name);
        return false;
    }
    if (!adoptThreshold(documentTemplate.modelId(), error))
        return false;
    clear();
    m_document = documentTemplate;
    m_holder = holder;
    m_mode = Mode::OneToOne;
    return true;
}

void Inspection::clear()
{
    m_mode = Mode::None;
    m_gallery.reset();
    m_flight.clear();
    m_document = Template();
    m_holder.reset();
}

std::optional<MatchOutcome> Inspection::decide(bool faceFound, bool qualityPassed, const std::optional<Template>& probe,
                                               QString* error) const
{
    MatchOutcome outcome;
    outcome.threshold = m_threshold;
    outcome.fmrTarget = m_fmrTarget;
    if (m_mode == Mode::None) {
        *error = QCoreApplication::translate("fg::Inspection", "no reference chosen: load a flight's manifest (1:N) or a document photo (1:1)");
        return std::nullopt;
    }
    if (!faceFound || !probe || probe->isNull()) {
        outcome.decision = Encounter::Decision::NoFace;
        outcome.reason = QStringLiteral("no face in the capture");
        if (m_mode == Mode::OneToOne)
            outcome.reference = m_holder;
        return outcome;
    }
    if (m_mode == Mode::OneToOne) {
        const std::optional<float> score = Matcher::compare(*probe, m_document, error);
        if (!score)
            return std::nullopt;
        outcome.score = double(*score);
        outcome.reference = m_holder;
    } else {
        const auto found = m_gallery->identify(*probe, kCandidates, error);
        if (!found)
            return std::nullopt;
        for (const Candidate& candidate : *found)
            outcome.candidates.emplace_back(personOf(m_gallery->entry(candidate.index)), double(candidate.score));
        if (!outcome.candidates.empty()) {
            outcome.score = outcome.candidates.front().second;
            outcome.reference = outcome.candidates.front().first;
        }
    }
    if (!qualityPassed) {
        outcome.decision = Encounter::Decision::PoorQuality;
        outcome.reason = QStringLiteral("the capture failed the quality checks");
    } else {
        outcome.decision = outcome.score && *outcome.score >= m_threshold ? Encounter::Decision::Match
                                                                          : Encounter::Decision::NoMatch;
    }
    return outcome;
}

} // namespace fg
