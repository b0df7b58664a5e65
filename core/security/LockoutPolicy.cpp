#include "core/security/LockoutPolicy.h"

namespace fg {

LockoutPolicy::LockoutPolicy(int maxFailures, int lockMinutes)
    : m_maxFailures(maxFailures)
    , m_lockMinutes(lockMinutes)
{
}

std::optional<LockoutPolicy> LockoutPolicy::create(int maxFailures, int lockMinutes, QString* error)
{
    if (maxFailures < 1 || maxFailures > 100) {
        *error = QStringLiteral("lockout after %1 failed sign-ins: it must be 1 to 100").arg(maxFailures);
        return std::nullopt;
    }
    if (lockMinutes < 1 || lockMinutes > 1440) {
        *error = QStringLiteral("lockout of %1 minutes: it must be 1 to 1440 (one day)").arg(lockMinutes);
        return std::nullopt;
    }
    return LockoutPolicy(maxFailures, lockMinutes);
}

} // namespace fg
