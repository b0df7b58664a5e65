#pragma once

#include <QString>

#include <opencv2/core/types.hpp>
#include <opencv2/dnn.hpp>

#include <array>
#include <optional>

namespace fg {

// What fr_liveness.onnx says about one face: the softmax of its three logits
// and the probability of the class established as "live" (see kLiveClass in
// LivenessModel.cpp and docs/pad-model.md for the experiment).
struct LivenessScores {
    std::array<double, 3> softmax{};
    double live = 0.0;
};

// fr_liveness.onnx: a 3-class network on a 128x128 crop around the face. The
// default Options are the preprocessing established by experiment on pad-dev
// (docs/pad-model.md); the other choices exist so that the experiment
// (tests/tools/pad_model_study.cpp) measures them with this very code.
class LivenessModel {
public:
    enum class ColourOrder { Rgb, Bgr };
    enum class Normalisation {
        Raw,       // 0..255
        UnitRange, // v / 255
        ImageNet,  // (v / 255 - mean) / std, ImageNet's RGB mean and std
        Centred,   // (v - 127.5) / 128
    };
    enum class Crop {
        Shifted, // scale lowered until the crop fits, then moved inside the frame (keeps its shape)
        Clamped, // the scaled box cut at the frame's edges (changes its shape)
        Padded,  // the scaled box with black outside the frame
    };
    struct Options {
        // The defaults: the recipe of MODELS.md except the colour order
        // (BGR, not RGB), the best of the hypotheses measured.
        ColourOrder colour = ColourOrder::Bgr;
        Normalisation normalisation = Normalisation::Raw;
        Crop crop = Crop::Clamped;
        bool square = true;  // grow the face box to a square before scaling
        float scale = 2.7f;  // crop side over face box side
        int inputSize = 128;
    };

    static std::optional<LivenessModel> load(const QString& modelPath, Options options, QString* error);
    static std::optional<LivenessModel> load(const QString& modelPath, QString* error)
    {
        return load(modelPath, Options(), error);
    }

    // The scores for the face in box (frame pixels) of a BGR frame; nothing
    // when the box is empty or outside the frame.
    std::optional<LivenessScores> score(const cv::Mat& bgr, const cv::Rect2f& box);

    // The model's input for that face before normalisation (BGR, inputSize
    // square), for inspection.
    cv::Mat crop(const cv::Mat& bgr, const cv::Rect2f& box) const;

    // The index of the class that means "live" (bona fide).
    static int liveClass();
    const Options& options() const { return m_options; }

private:
    LivenessModel(cv::dnn::Net net, Options options) : m_net(std::move(net)), m_options(options) {}
    cv::Mat blob(const cv::Mat& crop) const;
    cv::dnn::Net m_net;
    Options m_options;
};

} // namespace fg
