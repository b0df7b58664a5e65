#pragma once

#include "core/matching/Template.h"

#include <QString>

#include <opencv2/dnn.hpp>

#include <optional>

namespace fg {

// fr_feature.onnx: a 512-d template from a 112x112 aligned face (RGB,
// (v - 127) / 128). With flip fusion the template is the normalised sum of
// the face's and its mirror image's features.
class TemplateExtractor {
public:
    static std::optional<TemplateExtractor> load(const QString& modelPath, QString modelId, bool flipFusion,
                                                 QString* error);
    Template extract(const cv::Mat& alignedBgr);
    const QString& modelId() const { return m_modelId; }

private:
    TemplateExtractor(cv::dnn::Net net, QString modelId, bool flipFusion)
        : m_net(std::move(net)), m_modelId(std::move(modelId)), m_flipFusion(flipFusion)
    {
    }
    cv::dnn::Net m_net;
    QString m_modelId;
    bool m_flipFusion = false;
};

} // namespace fg
