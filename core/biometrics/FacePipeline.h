#pragma once

#include "core/biometrics/EyeStateClassifier.h"
#include "core/biometrics/Face.h"
#include "core/biometrics/FaceDetector.h"
#include "core/biometrics/LandmarkDetector.h"
#include "core/biometrics/PoseEstimator.h"
#include "core/biometrics/QualityAssessor.h"
#include "core/biometrics/TemplateExtractor.h"
#include "core/matching/Template.h"

#include <QString>

#include <memory>
#include <vector>

namespace fg {

// Which face of a photo is "the traveler" (MODELS.md: a policy, not a detector
// detail). Largest: the biggest box. NearestCentre: the face whose centre is
// closest to the image centre (better on photos framed on their subject).
enum class SubjectPolicy { Largest, NearestCentre };

// The traveler's template from one photo, with what was found on the way.
struct Enrolment {
    Template faceTemplate;
    Face face;          // the subject's face
    int faceCount = 0;  // faces found in the photo
    int subjectIndex = -1;
};

// frame -> faces (box, 68 landmarks, 5 points, quality) -> aligned crop ->
// template, with the models of MODELS.md. Not thread-safe: give each worker
// thread its own pipeline.
class FacePipeline {
public:
    struct Options {
        QString modelDirectory;
        FaceDetector::Options detector;
        TemplateExtractor::Recipe recipe;
        QualityLimits quality = QualityLimits::referenceGrade();
        SubjectPolicy subject = SubjectPolicy::NearestCentre;
        bool selfTest = true;
    };

    // Verifies every model's hash, loads the networks once and runs the
    // self-test; any failure is returned in words and nothing is created.
    static std::unique_ptr<FacePipeline> create(const Options& options, QString* error);
    // The model id of templates made from that feature model with that
    // recipe: the recipe is part of the id, as templates made with another
    // channel order or without flip fusion are not comparable.
    static QString modelIdOf(const QString& featureModelId, const TemplateExtractor::Recipe& recipe);

    enum class Depth { FacesOnly, WithQuality };
    // All faces of the frame, largest first.
    std::vector<Face> analyze(const cv::Mat& bgr, Depth depth = Depth::WithQuality);
    // Index of the traveler's face under the configured policy; -1 when none.
    int subjectIndex(const std::vector<Face>& faces, cv::Size frameSize) const;

    cv::Mat alignedFace(const cv::Mat& bgr, const Face& face) const;
    Template templateOf(const cv::Mat& bgr, const Face& face);

    // The subject's template (policy above). Fails with "no face found"
    // when the detector finds nothing.
    std::optional<Enrolment> enrol(const cv::Mat& bgr, QString* error);

    // Runs the embedded known image through the pipeline and compares its
    // template with the expected one.
    bool selfTest(QString* error);

    const QString& modelId() const { return m_extractor.modelId(); }
    const Options& options() const { return m_options; }

private:
    FacePipeline(Options options, FaceDetector detector, LandmarkDetector landmarks, TemplateExtractor extractor,
                 PoseEstimator pose, EyeStateClassifier eyes);

    Options m_options;
    FaceDetector m_detector;
    LandmarkDetector m_landmarks;
    TemplateExtractor m_extractor;
    PoseEstimator m_pose;
    EyeStateClassifier m_eyes;
    QualityAssessor m_assessor;
};

} // namespace fg
