#include "core/biometrics/LivenessModel.h"

#include "core/biometrics/OnnxNet.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace fg {
namespace {

// The class index meaning "live" (bona fide), established by experiment
// (2026-12-05, tests/tools/pad_model_study, docs/pad-model.md): on the 2,150
// labelled frames of pad-dev (789 bona fide webcam frames and 1,361 print
// attacks of 9 subjects, NUAA), with the default Options below (BGR, raw
// 0..255, square crop 2.7x the face box cut at the frame's edges):
// - class 0: mean 0.997 on bona fide, 0.002 on attacks, AUC 1.000, least
//   balanced error 0.000; with the threshold chosen leaving each subject out,
//   APCER 0.000 and BPCER 0.003;
// - class 1 is its mirror (0.002 / 0.998): "print attack";
// - class 2 stays near 0 on both (AUC 0.49): its meaning is not established
//   (perhaps another attack kind; pad-dev has prints only).
// Class 0 is higher on bona fide frames under all 12 raw-value hypotheses
// tried (AUC 0.95..1.00); inputs scaled to 0..1 or centred put every frame
// in class 1 (p1 ~0.985 on both labels), i.e. the network is not meant for
// them. The 22 studio portraits of faces-dev/single (photographs taken
// directly, not re-captured) get class 0 >= 0.99 on average.
constexpr int kLiveClass = 0;

cv::Rect2f scaledBox(const cv::Rect2f& box, bool square, float scale)
{
    float w = box.width, h = box.height;
    if (square)
        w = h = std::max(w, h);
    const float cx = box.x + box.width / 2, cy = box.y + box.height / 2;
    return {cx - w * scale / 2, cy - h * scale / 2, w * scale, h * scale};
}

} // namespace

std::optional<LivenessModel> LivenessModel::load(const QString& modelPath, Options options, QString* error)
{
    std::optional<cv::dnn::Net> net = loadOnnxNet(modelPath, error);
    if (!net)
        return std::nullopt;
    return LivenessModel(std::move(*net), options);
}

int LivenessModel::liveClass() { return kLiveClass; }

cv::Mat LivenessModel::crop(const cv::Mat& bgr, const cv::Rect2f& box) const
{
    const cv::Rect frame(0, 0, bgr.cols, bgr.rows);
    if (bgr.empty() || box.width < 1 || box.height < 1 || (cv::Rect(box) & frame).empty())
        return {};
    cv::Mat region;
    switch (m_options.crop) {
    case Crop::Shifted: {
        // Lower the scale until the crop fits the frame, keep its shape, and
        // move it inside the frame.
        float w = box.width, h = box.height;
        if (m_options.square)
            w = h = std::max(w, h);
        const float scale = std::min({m_options.scale, float(bgr.cols - 1) / w, float(bgr.rows - 1) / h});
        const cv::Rect2f wanted = scaledBox(cv::Rect2f(box.x + (box.width - w) / 2, box.y + (box.height - h) / 2, w, h),
                                            false, scale);
        const float x = std::clamp(wanted.x, 0.0f, float(bgr.cols) - wanted.width);
        const float y = std::clamp(wanted.y, 0.0f, float(bgr.rows) - wanted.height);
        region = bgr(cv::Rect(cv::Rect2f(x, y, wanted.width, wanted.height)) & frame);
        break;
    }
    case Crop::Clamped:
        region = bgr(cv::Rect(scaledBox(box, m_options.square, m_options.scale)) & frame);
        break;
    case Crop::Padded: {
        const cv::Rect wanted(scaledBox(box, m_options.square, m_options.scale));
        const cv::Rect inside = wanted & frame;
        cv::copyMakeBorder(bgr(inside), region, inside.y - wanted.y, wanted.br().y - inside.br().y,
                           inside.x - wanted.x, wanted.br().x - inside.br().x, cv::BORDER_CONSTANT, cv::Scalar::all(0));
        break;
    }
    }
    if (region.cols < 2 || region.rows < 2)
        return {};
    cv::Mat resized;
    cv::resize(region, resized, cv::Size(m_options.inputSize, m_options.inputSize), 0, 0, cv::INTER_LINEAR);
    return resized;
}

cv::Mat LivenessModel::blob(const cv::Mat& crop) const
{
    const bool swapRB = m_options.colour == ColourOrder::Rgb;
    switch (m_options.normalisation) {
    case Normalisation::Raw:
        return cv::dnn::blobFromImage(crop, 1.0, cv::Size(), cv::Scalar(), swapRB, false);
    case Normalisation::UnitRange:
        return cv::dnn::blobFromImage(crop, 1.0 / 255.0, cv::Size(), cv::Scalar(), swapRB, false);
    case Normalisation::Centred:
        return cv::dnn::blobFromImage(crop, 1.0 / 128.0, cv::Size(), cv::Scalar::all(127.5), swapRB, false);
    case Normalisation::ImageNet: {
        cv::Mat rgb, f;
        cv::cvtColor(crop, rgb, cv::COLOR_BGR2RGB);
        rgb.convertTo(f, CV_32FC3, 1.0 / 255.0);
        cv::subtract(f, cv::Scalar(0.485, 0.456, 0.406), f);
        cv::divide(f, cv::Scalar(0.229, 0.224, 0.225), f);
        // f is RGB now: swap back for a BGR-ordered input.
        return cv::dnn::blobFromImage(f, 1.0, cv::Size(), cv::Scalar(), !swapRB, false);
    }
    }
    return {};
}

std::optional<LivenessScores> LivenessModel::score(const cv::Mat& bgr, const cv::Rect2f& box)
{
    const cv::Mat input = crop(bgr, box);
    if (input.empty())
        return std::nullopt;
    m_net.setInput(blob(input));
    const cv::Mat out = m_net.forward();
    if (out.total() != 3)
        return std::nullopt;
    const float* logits = out.ptr<float>();
    const double top = *std::max_element(logits, logits + 3);
    LivenessScores scores;
    double sum = 0;
    for (size_t i = 0; i < 3; ++i) {
        scores.softmax[i] = std::exp(double(logits[i]) - top);
        sum += scores.softmax[i];
    }
    for (double& p : scores.softmax)
        p /= sum;
    scores.live = scores.softmax[size_t(kLiveClass)];
    return scores;
}

} // namespace fg
