#include "core/biometrics/QualityReport.h"

#include <algorithm>

namespace fg {

bool QualityReport::passed() const
{
    return std::all_of(checks.begin(), checks.end(), [](const QualityCheck& c) { return c.passed; });
}

QStringList QualityReport::failureReasons() const
{
    QStringList reasons;
    for (const QualityCheck& check : checks) {
        if (!check.passed)
            reasons << check.reason;
    }
    return reasons;
}

} // namespace fg
