#include "core/biometrics/FacePipeline.h"

#include "core/biometrics/FaceAligner.h"
#include "core/biometrics/ImageLoader.h"
#include "core/biometrics/ModelRepository.h"
#include "core/matching/Matcher.h"

#include <QFile>

#include <cmath>

namespace fg {
namespace {

constexpr double kSelfTestMinCosine = 0.99;
const char* const kSelfTestImage = ":/facegate/selftest/mean_face.png";
const char* const kSelfTestTemplate = ":/facegate/selftest/mean_face.fgtp";

} // namespace

FacePipeline::FacePipeline(Options options, FaceDetector detector, LandmarkDetector landmarks,
                           TemplateExtractor extractor, PoseEstimator pose, EyeStateClassifier eyes)
    : m_options(std::move(options)), m_detector(std::move(detector)), m_landmarks(std::move(landmarks)),
      m_extractor(std::move(extractor)), m_pose(std::move(pose)), m_eyes(std::move(eyes)),
      m_assessor(m_options.quality)
{
}

QString FacePipeline::modelIdOf(const QString& featureModelId, const TemplateExtractor::Recipe& recipe)
{
    return featureModelId + (recipe.bgrInput ? QStringLiteral("+bgr") : QStringLiteral("+rgb"))
           + (recipe.flipFusion ? QStringLiteral("+flip") : QString());
}

std::unique_ptr<FacePipeline> FacePipeline::create(const Options& options, QString* error)
{
    const QString dir = options.modelDirectory.isEmpty() ? ModelRepository::defaultDirectory() : options.modelDirectory;
    const std::optional<ModelRepository> models = ModelRepository::open(dir, error);
    if (!models)
        return nullptr;
    const QString modelId = modelIdOf(models->featureModelId(), options.recipe);
    auto detector = FaceDetector::load(models->path(QStringLiteral("fr_detect.onnx")), options.detector, error);
    if (!detector)
        return nullptr;
    auto landmarks = LandmarkDetector::load(models->path(QStringLiteral("fr_landmark.onnx")), error);
    if (!landmarks)
        return nullptr;
    auto extractor = TemplateExtractor::load(models->path(QStringLiteral("fr_feature.onnx")), modelId,
                                             options.recipe, error);
    if (!extractor)
        return nullptr;
    auto pose = PoseEstimator::load(models->path(QStringLiteral("fr_pose.onnx")), error);
    if (!pose)
        return nullptr;
    auto eyes = EyeStateClassifier::load(models->path(QStringLiteral("fr_eye.onnx")), error);
    if (!eyes)
        return nullptr;
    std::unique_ptr<FacePipeline> pipeline(new FacePipeline(options, std::move(*detector), std::move(*landmarks),
                                                            std::move(*extractor), std::move(*pose), std::move(*eyes)));
    if (options.selfTest && !pipeline->selfTest(error))
        return nullptr;
    return pipeline;
}

std::vector<Face> FacePipeline::analyze(const cv::Mat& bgr, Depth depth)
{
    std::vector<Face> faces;
    for (const Detection& detection : m_detector.detect(bgr)) {
        Face face;
        face.detection = detection;
        face.landmarks = m_landmarks.locate(bgr, detection.box);
        faces.push_back(face);
    }
    if (depth == Depth::WithQuality) {
        for (Face& face : faces) {
            QualityReport& q = face.quality;
            q.faceCount = int(faces.size());
            q.frameWidth = bgr.cols;
            q.interEyeDistance = face.landmarks.interEyeDistance();
            const HeadPose pose = m_pose.estimate(bgr, face.detection.box);
            q.yaw = pose.yaw;
            q.pitch = pose.pitch;
            q.roll = pose.roll;
            const EyeState eyes = m_eyes.classify(bgr, face.landmarks);
            q.leftEyeOpen = eyes.leftOpen;
            q.rightEyeOpen = eyes.rightOpen;
            QualityAssessor::measureAlignedFace(alignedFace(bgr, face), &q);
            m_assessor.judge(&q);
        }
    }
    return faces;
}

int FacePipeline::subjectIndex(const std::vector<Face>& faces, cv::Size frameSize) const
{
    if (faces.empty())
        return -1;
    if (m_options.subject == SubjectPolicy::Largest)
        return 0; // analyze() sorts largest first
    const cv::Point2f centre(float(frameSize.width) / 2.0f, float(frameSize.height) / 2.0f);
    int best = 0;
    double bestDistance = 0;
    for (size_t i = 0; i < faces.size(); ++i) {
        const cv::Rect2f& box = faces[i].detection.box;
        const cv::Point2f c(box.x + box.width / 2.0f, box.y + box.height / 2.0f);
        const double d = std::hypot(double(c.x - centre.x), double(c.y - centre.y));
        if (i == 0 || d < bestDistance) {
            best = int(i);
            bestDistance = d;
        }
    }
    return best;
}

cv::Mat FacePipeline::alignedFace(const cv::Mat& bgr, const Face& face) const
{
    return FaceAligner::align(bgr, face.landmarks.alignmentPoints());
}

Template FacePipeline::templateOf(const cv::Mat& bgr, const Face& face)
{
    return m_extractor.extract(alignedFace(bgr, face));
}

std::optional<Enrolment> FacePipeline::enrol(const cv::Mat& bgr, QString* error)
{
    const std::vector<Face> faces = analyze(bgr, Depth::FacesOnly);
    const int subject = subjectIndex(faces, bgr.size());
    if (subject < 0) {
        if (error)
            *error = QStringLiteral("no face found");
        return std::nullopt;
    }
    Enrolment enrolment;
    enrolment.face = faces[size_t(subject)];
    enrolment.faceCount = int(faces.size());
    enrolment.subjectIndex = subject;
    enrolment.faceTemplate = templateOf(bgr, enrolment.face);
    return enrolment;
}

bool FacePipeline::selfTest(QString* error)
{
    auto fail = [error](const QString& reason) {
        if (error)
            *error = QStringLiteral("pipeline self-test failed: %1").arg(reason);
        return false;
    };
    QFile imageFile(QString::fromLatin1(kSelfTestImage));
    QFile templateFile(QString::fromLatin1(kSelfTestTemplate));
    if (!imageFile.open(QIODevice::ReadOnly) || !templateFile.open(QIODevice::ReadOnly))
        return fail(QStringLiteral("the embedded known image or its template is missing from the program"));
    QString reason;
    const std::optional<cv::Mat> image = ImageLoader().decode(imageFile.readAll(), &reason);
    if (!image)
        return fail(QStringLiteral("known image: %1").arg(reason));
    const std::optional<Template> expected = Template::deserialize(templateFile.readAll(), QString(), &reason);
    if (!expected)
        return fail(QStringLiteral("known template: %1").arg(reason));
    const std::vector<Face> faces = analyze(*image, Depth::FacesOnly);
    if (faces.size() != 1)
        return fail(QStringLiteral("the known image gave %1 faces instead of 1 (detector)").arg(faces.size()));
    const Template actual = templateOf(*image, faces.front());
    const std::optional<float> cosine = Matcher::compare(actual, *expected, &reason);
    if (!cosine)
        return fail(QStringLiteral("known template: %1").arg(reason)); // e.g. made by another model
    if (*cosine < kSelfTestMinCosine)
        return fail(QStringLiteral("the known image's template differs from the expected one (cosine %1, at least %2 "
                                   "required): the models or OpenCV do not behave as when it was recorded")
                        .arg(double(*cosine), 0, 'f', 4)
                        .arg(kSelfTestMinCosine));
    return true;
}

} // namespace fg
