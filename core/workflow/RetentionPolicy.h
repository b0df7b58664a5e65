#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace fg {

class Settings;

// How long photos and templates may be kept (DOMAIN.md, Rules): U.S. citizens
// and biometrically exempt travelers no more than 12 hours after their
// identity was verified, all others within 14 days. Both can be set shorter,
// never longer.
class RetentionPolicy {
public:
    enum class Rule { UsCitizenOrExempt, InScope };

    static constexpr qint64 kMaxShortHours = 12;
    static constexpr qint64 kMaxLongDays = 14;

    RetentionPolicy() = default;
    // nullopt (with *error naming the value) when a limit is <= 0 or longer than the rule allows.
    static std::optional<RetentionPolicy> create(qint64 usCitizenOrExemptSeconds, qint64 inScopeSeconds, QString* error);
    // The limits of retention/* in the settings; *error names the file.
    static std::optional<RetentionPolicy> fromSettings(const Settings& settings, QString* error);

    // Every rule, in the order purges run them.
    static constexpr Rule kRules[] = {Rule::UsCitizenOrExempt, Rule::InScope};

    // U.S. citizens, exempt travelers and travelers of unknown nationality
    // (empty or "XXX") get the shorter limit.
    static Rule ruleFor(const QString& citizenship, bool biometricExempt);
    static QString ruleName(Rule rule);     // "us-citizen-or-exempt-12h", "in-scope-14d"
    static std::optional<Rule> ruleFromName(const QString& name);

    qint64 keepSeconds(Rule rule) const;
    // The instant at or after which a record verified at verifiedAt must be gone.
    QDateTime dueAt(Rule rule, const QDateTime& verifiedAt) const;
    qint64 dueAtMs(Rule rule, qint64 verifiedAtMs) const { return verifiedAtMs + keepSeconds(rule) * 1000; }
    // Records of this rule verified at or before this instant are due at `now`.
    qint64 verifiedCutoffMs(Rule rule, qint64 nowMs) const { return nowMs - keepSeconds(rule) * 1000; }

private:
    qint64 m_shortSeconds = kMaxShortHours * 3600;
    qint64 m_longSeconds = kMaxLongDays * 24 * 3600;
};

} // namespace fg
