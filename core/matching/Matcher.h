#pragma once

#include "core/matching/Template.h"

#include <QString>

#include <optional>

namespace fg {

// The outcome of a 1:1 comparison against a decision threshold.
struct Decision {
    float score = 0.0f;
    float threshold = 0.0f;
    bool isMatch = false; // score >= threshold
};

// 1:1 comparison: the cosine similarity of two templates of the same model.
class Matcher {
public:
    // Cosine similarity in [-1, 1] (dot product of the unit vectors). Refuses
    // a null template or templates made by different models.
    static std::optional<float> compare(const Template& a, const Template& b, QString* error);

    // compare() followed by the threshold decision.
    static std::optional<Decision> decide(const Template& a, const Template& b, float threshold,
                                          QString* error);
};

} // namespace fg
