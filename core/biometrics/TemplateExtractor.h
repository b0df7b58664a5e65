#pragma once

#include "core/matching/Template.h"

#include <QString>

#include <opencv2/dnn.hpp>

#include <optional>

namespace fg {

// fr_feature.onnx: a 512-d template from a 112x112 aligned face, values
// (v - 127) / 128. With flip fusion the template is the normalised sum of the
// face's and its mirror image's features.
class TemplateExtractor {
public:
    // The defaults are what measured best on lfw-dev (README, "What moves
    // accuracy"): MODELS.md and the package's JavaScript feed RGB, but BGR
    // gives 99.47% against 99.03%; flip fusion gave no gain (99.33% with it)
    // for a second forward pass per face.
    struct Recipe {
        bool flipFusion = false;
        bool bgrInput = true;
    };

    static std::optional<TemplateExtractor> load(const QString& modelPath, QString modelId, Recipe recipe,
                                                 QString* error);
    Template extract(const cv::Mat& alignedBgr);
    const QString& modelId() const { return m_modelId; }

private:
    TemplateExtractor(cv::dnn::Net net, QString modelId, Recipe recipe)
        : m_net(std::move(net)), m_modelId(std::move(modelId)), m_recipe(recipe)
    {
    }
    cv::dnn::Net m_net;
    QString m_modelId;
    Recipe m_recipe;
};

} // namespace fg
