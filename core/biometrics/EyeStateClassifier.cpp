#include "core/biometrics/EyeStateClassifier.h"

#include "core/biometrics/OnnxNet.h"

#include <opencv2/imgproc.hpp>

#include <cmath>

namespace fg {
namespace {

// The class index meaning "eye open", established by experiment (2026-11-26,
// `facegate-cli detect` on faces-dev; softmax of class 1 shown):
// - 20 of the 22 single-face portraits, every one with both eyes open by eye:
//   class 1 >= 0.99 for both eyes (lowest 0.765, a small RGBA thumbnail);
// - the two exceptions are the ones with eyes not fully open: biden/02.jpg,
//   smiling with narrowed eyes (0.08 / 0.42), and obama/10-partial.jpg, whose
//   right eye is cut by the photo's edge (0.16);
// - short_hamilton_clip.mp4 frames 150 -> 151 (frame numbers from 0): the
//   eyelids come down between the two frames and the left eye goes from 0.83
//   to 0.13, the face and light otherwise unchanged.
// So class 1 is "open" and class 0 "closed"; the reverse reading would call
// every open-eyed portrait closed.
constexpr int kOpenClass = 1;

} // namespace

std::optional<EyeStateClassifier> EyeStateClassifier::load(const QString& modelPath, QString* error)
{
    std::optional<cv::dnn::Net> net = loadOnnxNet(modelPath, error);
    if (!net)
        return std::nullopt;
    return EyeStateClassifier(std::move(*net));
}

EyeState EyeStateClassifier::classify(const cv::Mat& bgr, const FaceLandmarks& landmarks)
{
    return {openProbability(bgr, landmarks.leftEyeCentre(), landmarks.leftEyeWidth()),
            openProbability(bgr, landmarks.rightEyeCentre(), landmarks.rightEyeWidth())};
}

double EyeStateClassifier::openProbability(const cv::Mat& bgr, cv::Point2f centre, float eyeWidth)
{
    const float side = std::max(4.0f, eyeWidth * 1.6f);
    const cv::Rect crop = cv::Rect(cv::Rect2f(centre.x - side / 2, centre.y - side / 2, side, side))
                          & cv::Rect(0, 0, bgr.cols, bgr.rows);
    if (crop.width < 2 || crop.height < 2)
        return 0.0;
    cv::Mat grey, small;
    cv::cvtColor(bgr(crop), grey, cv::COLOR_BGR2GRAY);
    cv::resize(grey, small, cv::Size(24, 24), 0, 0, cv::INTER_AREA);
    m_net.setInput(cv::dnn::blobFromImage(small, 1.0 / 255.0));
    const cv::Mat out = m_net.forward();
    const float* logits = out.ptr<float>();
    const double top = std::max(logits[0], logits[1]);
    const double e0 = std::exp(double(logits[0]) - top);
    const double e1 = std::exp(double(logits[1]) - top);
    return (kOpenClass == 0 ? e0 : e1) / (e0 + e1);
}

} // namespace fg
