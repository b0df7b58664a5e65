#include "core/workflow/RetentionPolicy.h"

#include "core/config/Settings.h"
#include "core/storage/EnumNames.h"

namespace fg {
namespace {

constexpr NameTable<RetentionPolicy::Rule, 2> kRuleNames{{
    {RetentionPolicy::Rule::UsCitizenOrExempt, "us-citizen-or-exempt-12h"},
    {RetentionPolicy::Rule::InScope, "in-scope-14d"},
}};
static_assert(listsEveryValueInOrder(kRuleNames));

QString describeSeconds(qint64 seconds)
{
    if (seconds % (24 * 3600) == 0 && seconds >= 2 * 24 * 3600)
        return QStringLiteral("%1 s (%2 days)").arg(seconds).arg(seconds / (24 * 3600));
    if (seconds % 3600 == 0)
        return QStringLiteral("%1 s (%2 h)").arg(seconds).arg(seconds / 3600);
    return QStringLiteral("%1 s").arg(seconds);
}

bool checkLimit(qint64 seconds, qint64 maximum, const QString& who, QString* error)
{
    if (seconds <= 0) {
        *error = QStringLiteral("retention for %1: %2 s is not a duration; it must be more than 0 and at most %3")
                     .arg(who)
                     .arg(seconds)
                     .arg(describeSeconds(maximum));
        return false;
    }
    if (seconds > maximum) {
        *error = QStringLiteral("retention for %1: %2 is longer than the rule allows (at most %3); "
                                "it may be set shorter, never longer")
                     .arg(who, describeSeconds(seconds), describeSeconds(maximum));
        return false;
    }
    return true;
}

} // namespace

std::optional<RetentionPolicy> RetentionPolicy::create(qint64 usCitizenOrExemptSeconds, qint64 inScopeSeconds,
                                                       QString* error)
{
    if (!checkLimit(usCitizenOrExemptSeconds, kMaxShortHours * 3600,
                    QStringLiteral("U.S. citizens and exempt travelers"), error)
        || !checkLimit(inScopeSeconds, kMaxLongDays * 24 * 3600, QStringLiteral("in-scope travelers"), error))
        return std::nullopt;
    RetentionPolicy policy;
    policy.m_shortSeconds = usCitizenOrExemptSeconds;
    policy.m_longSeconds = inScopeSeconds;
    return policy;
}

std::optional<RetentionPolicy> RetentionPolicy::fromSettings(const Settings& settings, QString* error)
{
    std::optional<RetentionPolicy> policy =
        create(settings.usCitizenOrExemptRetentionSeconds(), settings.inScopeRetentionSeconds(), error);
    if (!policy)
        *error = QStringLiteral("%1: %2").arg(settings.source(), *error);
    return policy;
}

RetentionPolicy::Rule RetentionPolicy::ruleFor(const QString& citizenship, bool biometricExempt)
{
    // A traveler whose nationality is not known (empty, or ICAO's "XXX",
    // e.g. nobody of the gallery matched) may be a U.S. citizen: the shorter
    // limit is the one that is lawful for everyone.
    const QString code = citizenship.trimmed().toUpper();
    if (biometricExempt || code == QLatin1String("USA") || code.isEmpty() || code == QLatin1String("XXX"))
        return Rule::UsCitizenOrExempt;
    return Rule::InScope;
}

QString RetentionPolicy::ruleName(Rule rule)
{
    return nameIn(kRuleNames, rule);
}

std::optional<RetentionPolicy::Rule> RetentionPolicy::ruleFromName(const QString& name)
{
    return valueIn(kRuleNames, name);
}

qint64 RetentionPolicy::keepSeconds(Rule rule) const
{
    return rule == Rule::UsCitizenOrExempt ? m_shortSeconds : m_longSeconds;
}

QDateTime RetentionPolicy::dueAt(Rule rule, const QDateTime& verifiedAt) const
{
    return verifiedAt.toUTC().addSecs(keepSeconds(rule));
}

} // namespace fg
