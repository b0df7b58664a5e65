#include "core/matching/Matcher.h"

#include "core/matching/VectorKernels.h"

#include <algorithm>

namespace fg {

std::optional<float> Matcher::compare(const Template& a, const Template& b, QString* error)
{
    if (a.isNull() || b.isNull()) {
        if (error)
            *error = QStringLiteral("cannot compare: %1 template is empty").arg(a.isNull() ? "first" : "second");
        return std::nullopt;
    }
    if (a.modelId() != b.modelId()) {
        if (error)
            *error = QStringLiteral("cannot compare templates of different models (\"%1\" and \"%2\")")
                         .arg(a.modelId(), b.modelId());
        return std::nullopt;
    }
    if (a.values().size() != b.values().size()) {
        if (error)
            *error = QStringLiteral("cannot compare templates of different sizes (%1 and %2)")
                         .arg(a.values().size())
                         .arg(b.values().size());
        return std::nullopt;
    }
    const float dot = kernels::dotF32(a.values().data(), b.values().data(), a.values().size());
    return std::clamp(dot, -1.0f, 1.0f);
}

std::optional<Decision> Matcher::decide(const Template& a, const Template& b, float threshold,
                                        QString* error)
{
    const std::optional<float> score = compare(a, b, error);
    if (!score)
        return std::nullopt;
    return Decision{*score, threshold, *score >= threshold};
}

} // namespace fg
