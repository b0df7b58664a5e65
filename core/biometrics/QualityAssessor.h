#pragma once

#include "core/biometrics/QualityLimits.h"
#include "core/biometrics/QualityReport.h"

#include <opencv2/core/mat.hpp>

namespace fg {

// Turns the measures of one face into pass/fail checks with reasons.
class QualityAssessor {
public:
    explicit QualityAssessor(QualityLimits limits) : m_limits(limits) {}

    // Sharpness and exposure of the aligned 112x112 face (so that they do not
    // depend on the photo's resolution); fills the corresponding fields.
    static void measureAlignedFace(const cv::Mat& alignedBgr, QualityReport* report);
    // Adds the checks for the measures already in `report`.
    void judge(QualityReport* report) const;

    const QualityLimits& limits() const { return m_limits; }

private:
    QualityLimits m_limits;
};

} // namespace fg
