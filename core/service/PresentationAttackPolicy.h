#pragma once

#include "core/biometrics/PresentationAttack.h"
#include "core/service/ClientIdentity.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace fg {

// What facegate-matchd does with a partner's capture judged a presentation
// attack (a printed photo or a screen held up to the camera, issue 20): refuse
// to match it, or match it and flag it; and at which operating point (the
// BPCER whose calibrated threshold decides). A default, and overrides for
// partners by their certificate's subject (CN=, O= or OU=, as RoleMap): the
// first override that matches wins. Every operating point is read from the
// calibration table when the policy is made, so a service without a table
// for its BPCER refuses to start instead of deciding without one.
// A workstation is never refused: the officer's desk judges the face itself,
// over many frames; it gets the score.
class PresentationAttackPolicy {
public:
    enum class Action { Refuse, Flag };

    // A client's policy: its action and operating point.
    struct Applied {
        Action action = Action::Refuse;
        PadOperatingPoint point;

        bool refuses(const PadAssessment& assessment) const
        {
            return action == Action::Refuse && assessment.isAttack();
        }
    };

    // An override as written in service/padPartners: "O=Delta Air Lines:flag",
    // "CN=ua-camera-7:refuse:0.005" (attribute=value:refuse|flag[:BPCER]).
    struct Override {
        QString attribute; // "CN", "O" or "OU"
        QString value;     // compared exactly, as RoleMap does
        Action action = Action::Refuse;
        std::optional<double> bpcer; // none: the default BPCER
    };

    static std::optional<Override> parseOverride(const QString& entry, QString* error);

    // The default action and BPCER and the overrides, each BPCER's threshold
    // from the calibration table of `modelId` (PadCalibrationTable::operatingPoint);
    // nullopt with *error naming the entry or BPCER that has none.
    static std::optional<PresentationAttackPolicy> make(Action action, double bpcer, const QStringList& overrides,
                                                        const QString& modelId, QString* error);

    Applied forClient(const ClientIdentity& client) const;
    // For the service's log: "refuse at BPCER 0.01 (threshold 0.41, pad-dev/labels.csv); 1 partner override".
    QString describe() const;

    // One photo's assessment at `point` (a partner camera sends one frame):
    // the subject face's liveness score as the only frame of a PadAccumulator.
    // face: the photo's subject, nullptr when none was found; scorer nullptr:
    // not assessed, with the reason.
    static PadAssessment assessPhoto(PadFrameScorer* scorer, const cv::Mat& bgr, const Face* face,
                                     const PadOperatingPoint& point);

    static QString actionName(Action action); // "refuse", "flag"
    static std::optional<Action> actionFromName(const QString& name);

private:
    struct Rule {
        Override match;
        Applied applied;
    };

    Applied m_default;
    std::vector<Rule> m_rules;
};

} // namespace fg
