#include "core/service/PresentationAttackPolicy.h"

#include <cmath>

namespace fg {

namespace {

const QString* fieldOf(const ClientIdentity& client, const QString& attribute)
{
    if (attribute == QLatin1String("CN"))
        return &client.commonName;
    if (attribute == QLatin1String("O"))
        return &client.organization;
    if (attribute == QLatin1String("OU"))
        return &client.organizationalUnit;
    return nullptr;
}

} // namespace

QString PresentationAttackPolicy::actionName(Action action)
{
    return action == Action::Flag ? QStringLiteral("flag") : QStringLiteral("refuse");
}

std::optional<PresentationAttackPolicy::Action> PresentationAttackPolicy::actionFromName(const QString& name)
{
    if (name == QLatin1String("refuse"))
        return Action::Refuse;
    if (name == QLatin1String("flag"))
        return Action::Flag;
    return std::nullopt;
}

std::optional<PresentationAttackPolicy::Override> PresentationAttackPolicy::parseOverride(const QString& entry,
                                                                                          QString* error)
{
    const auto refuse = [&](const QString& why) {
        *error = QStringLiteral("\"%1\" is not written CN|O|OU=value:refuse|flag[:BPCER]: %2").arg(entry, why);
        return std::nullopt;
    };
    const qsizetype equals = entry.indexOf(QLatin1Char('='));
    Override parsed;
    parsed.attribute = entry.left(equals).trimmed().toUpper();
    if (equals <= 0 || !QStringList{QStringLiteral("CN"), QStringLiteral("O"), QStringLiteral("OU")}.contains(parsed.attribute))
        return refuse(QStringLiteral("it must start with CN=, O= or OU="));
    // From the right: [":" BPCER] after the action, so a value may hold ':'.
    QStringList parts = entry.mid(equals + 1).split(QLatin1Char(':'));
    if (parts.size() >= 3) {
        bool isNumber = false;
        const double bpcer = parts.last().trimmed().toDouble(&isNumber);
        if (isNumber) {
            if (!std::isfinite(bpcer) || bpcer <= 0.0 || bpcer >= 1.0)
                return refuse(QStringLiteral("the BPCER must be a number between 0 and 1, not %1").arg(parts.last()));
            parsed.bpcer = bpcer;
            parts.removeLast();
        }
    }
    const std::optional<Action> action = parts.size() >= 2 ? actionFromName(parts.last().trimmed()) : std::nullopt;
    if (!action)
        return refuse(QStringLiteral("the action must be refuse or flag"));
    parsed.action = *action;
    parts.removeLast();
    parsed.value = parts.join(QLatin1Char(':')).trimmed();
    if (parsed.value.isEmpty())
        return refuse(QStringLiteral("the value is empty"));
    return parsed;
}

std::optional<PresentationAttackPolicy> PresentationAttackPolicy::make(Action action, double bpcer,
                                                                       const QStringList& overrides,
                                                                       const QString& modelId, QString* error)
{
    PresentationAttackPolicy policy;
    QString why;
    const std::optional<PadOperatingPoint> point = PadCalibrationTable::operatingPoint(bpcer, modelId, &why);
    if (!point) {
        *error = QStringLiteral("no presentation-attack threshold for the BPCER %1: %2").arg(bpcer).arg(why);
        return std::nullopt;
    }
    policy.m_default = Applied{action, *point};
    for (const QString& entry : overrides) {
        std::optional<Override> parsed = parseOverride(entry, error);
        if (!parsed)
            return std::nullopt;
        Applied applied{parsed->action, *point};
        if (parsed->bpcer) {
            const std::optional<PadOperatingPoint> own =
                PadCalibrationTable::operatingPoint(*parsed->bpcer, modelId, &why);
            if (!own) {
                *error = QStringLiteral("no presentation-attack threshold for the BPCER %1 of \"%2\": %3")
                             .arg(*parsed->bpcer)
                             .arg(entry, why);
                return std::nullopt;
            }
            applied.point = *own;
        }
        policy.m_rules.push_back(Rule{std::move(*parsed), applied});
    }
    return policy;
}

PresentationAttackPolicy::Applied PresentationAttackPolicy::forClient(const ClientIdentity& client) const
{
    Applied applied = m_default;
    for (const Rule& rule : m_rules) {
        const QString* field = fieldOf(client, rule.match.attribute);
        if (field && *field == rule.match.value) {
            applied = rule.applied;
            break;
        }
    }
    if (client.role == QLatin1String("workstation"))
        applied.action = Action::Flag;
    return applied;
}

QString PresentationAttackPolicy::describe() const
{
    return QStringLiteral("%1 at BPCER %2 (threshold %3, calibrated on %4); %5 partner override(s)")
        .arg(actionName(m_default.action))
        .arg(m_default.point.bpcer)
        .arg(m_default.point.threshold, 0, 'f', 3)
        .arg(m_default.point.dataset)
        .arg(m_rules.size());
}

PadAssessment PresentationAttackPolicy::assessPhoto(PadFrameScorer* scorer, const cv::Mat& bgr, const Face* face,
                                                   const PadOperatingPoint& point)
{
    PadAccumulator frames;
    if (!scorer) {
        PadAssessment assessment = frames.assess(point);
        assessment.reason = QStringLiteral("no presentation-attack model is loaded");
        return assessment;
    }
    if (!face) {
        frames.addWithoutFace();
        return frames.assess(point);
    }
    // One photo: its time matters to no single-frame cue.
    std::optional<PadFrame> frame = scorer->score(bgr, *face, 0);
    if (!frame) {
        frames.addWithoutFace();
        PadAssessment assessment = frames.assess(point);
        assessment.reason = QStringLiteral("the face's box is outside the photo");
        return assessment;
    }
    frames.add(std::move(*frame));
    return frames.assess(point);
}

} // namespace fg
