#include "core/biometrics/TemplateExtractor.h"

#include "core/biometrics/OnnxNet.h"

#include <opencv2/core.hpp>

namespace fg {

std::optional<TemplateExtractor> TemplateExtractor::load(const QString& modelPath, QString modelId, bool flipFusion,
                                                         QString* error)
{
    std::optional<cv::dnn::Net> net = loadOnnxNet(modelPath, error);
    if (!net)
        return std::nullopt;
    return TemplateExtractor(std::move(*net), std::move(modelId), flipFusion);
}

Template TemplateExtractor::extract(const cv::Mat& alignedBgr)
{
    std::vector<cv::Mat> faces{alignedBgr};
    if (m_flipFusion) {
        cv::Mat mirrored;
        cv::flip(alignedBgr, mirrored, 1);
        faces.push_back(mirrored);
    }
    const cv::Mat blob = cv::dnn::blobFromImages(faces, 1.0 / 128.0, cv::Size(), cv::Scalar(127, 127, 127), true, false);
    m_net.setInput(blob);
    const cv::Mat out = m_net.forward();
    const int dim = Template::kDimension;
    std::vector<float> values(size_t(dim), 0.0f);
    for (int row = 0; row < out.size[0]; ++row) {
        const float* v = out.ptr<float>(row);
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
