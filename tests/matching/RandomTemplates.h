#pragma once

#include "core/matching/Template.h"

#include <cmath>
#include <random>
#include <vector>

namespace fg::test {

// Gaussian random vectors (normalised by Template) and "mated" probes: the
// same vector plus noise, at a chosen cosine similarity with it.
class RandomTemplates {
public:
    explicit RandomTemplates(unsigned seed)
        : m_rng(seed)
    {
    }

    std::vector<float> gaussian(std::size_t n = Template::kDimension)
    {
        std::normal_distribution<float> normal(0.0f, 1.0f);
        std::vector<float> v(n);
        for (float& x : v)
            x = normal(m_rng);
        return v;
    }

    Template make(const QString& modelId) { return Template(modelId, gaussian()); }

    // A probe whose expected cosine with `mate` is `cosine`.
    Template mated(const Template& mate, double cosine)
    {
        const double sigma = std::sqrt((1.0 / (cosine * cosine) - 1.0) / Template::kDimension);
        std::normal_distribution<double> noise(0.0, sigma);
        std::vector<float> v(mate.values().begin(), mate.values().end());
        for (float& x : v)
            x = static_cast<float>(x + noise(m_rng));
        return Template(mate.modelId(), std::move(v));
    }

    std::mt19937& rng() { return m_rng; }

private:
    std::mt19937 m_rng;
};

} // namespace fg::test
