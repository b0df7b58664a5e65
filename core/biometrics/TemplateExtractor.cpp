#include "core/biometrics/TemplateExtractor.h"

#include "core/biometrics/OnnxNet.h"

#include <opencv2/core.hpp>

namespace fg {

std::optional<TemplateExtractor> TemplateExtractor::load(const QString& modelPath, QString modelId, Recipe recipe,
                                                         QString* error)
{
    std::optional<cv::dnn::Net> net = loadOnnxNet(modelPath, error);
    if (!net)
        return std::nullopt;
    return TemplateExtractor(std::move(*net), std::move(modelId), recipe);
}

Template TemplateExtractor::extract(const cv::Mat& alignedBgr)
{
    std::vector<cv::Mat> views{alignedBgr};
    if (m_recipe.flipFusion) {
        cv::Mat mirrored;
        cv::flip(alignedBgr, mirrored, 1);
        views.push_back(mirrored);
    }
    const int dim = Template::kDimension;
    std::vector<float> values(size_t(dim), 0.0f);
    // One view per forward pass: the network reshapes its output to 1 x (512 *
    // batch), so a batch of two would come back as one row of 1024 values.
    for (const cv::Mat& view : views) {
        m_net.setInput(cv::dnn::blobFromImage(view, 1.0 / 128.0, cv::Size(), cv::Scalar(127, 127, 127),
                                              !m_recipe.bgrInput, false));
        const cv::Mat out = m_net.forward();
        const float* v = out.ptr<float>();
        // Each view is normalised first so that both weigh the same.
        double norm = 0;
        for (int i = 0; i < dim; ++i)
            norm += double(v[i]) * double(v[i]);
        const float inv = norm > 0 ? float(1.0 / std::sqrt(norm)) : 0.0f;
        for (int i = 0; i < dim; ++i)
            values[size_t(i)] += v[i] * inv;
    }
    return Template(m_modelId, std::move(values));
}

} // namespace fg
