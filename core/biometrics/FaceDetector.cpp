#include "core/biometrics/FaceDetector.h"

#include "core/biometrics/OnnxNet.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>

namespace fg {

std::optional<FaceDetector> FaceDetector::load(const QString& modelPath, Options options, QString* error)
{
    std::optional<cv::dnn::Net> net = loadOnnxNet(modelPath, error);
    if (!net)
        return std::nullopt;
    return FaceDetector(std::move(*net), options);
}

std::vector<Detection> FaceDetector::detect(const cv::Mat& bgr)
{
    if (bgr.empty())
        return {};
    const float inW = float(m_options.inputWidth);
    const float inH = float(m_options.inputHeight);
    // Canvas of the input's aspect ratio holding the whole frame at top-left.
    int canvasW = bgr.cols;
    int canvasH = bgr.rows;
    cv::Mat canvas = bgr;
    if (m_options.letterbox) {
        canvasW = std::max(bgr.cols, int(std::ceil(float(bgr.rows) * inW / inH)));
        canvasH = std::max(bgr.rows, int(std::ceil(float(bgr.cols) * inH / inW)));
        if (canvasW != bgr.cols || canvasH != bgr.rows)
            cv::copyMakeBorder(bgr, canvas, 0, canvasH - bgr.rows, 0, canvasW - bgr.cols, cv::BORDER_CONSTANT,
                               cv::Scalar(127, 127, 127));
    }
    cv::Mat resized;
    cv::resize(canvas, resized, cv::Size(m_options.inputWidth, m_options.inputHeight), 0, 0, cv::INTER_AREA);
    const cv::Mat blob = cv::dnn::blobFromImage(resized, 1.0 / 128.0, cv::Size(), cv::Scalar(127, 127, 127), true, false);
    m_net.setInput(blob, "input");
    std::vector<cv::Mat> outputs;
    m_net.forward(outputs, std::vector<cv::String>{"boxes", "scores"});
    const cv::Mat boxes = outputs[0].reshape(1, int(outputs[0].total() / 4));
    const cv::Mat scores = outputs[1].reshape(1, int(outputs[1].total() / 2));

    std::vector<cv::Rect2d> candidates;
    std::vector<float> candidateScores;
    for (int i = 0; i < scores.rows; ++i) {
        const float score = scores.at<float>(i, 1);
        if (score < m_options.scoreThreshold)
            continue;
        const float* b = boxes.ptr<float>(i);
        const double x1 = double(b[0]) * canvasW, y1 = double(b[1]) * canvasH;
        const double x2 = double(b[2]) * canvasW, y2 = double(b[3]) * canvasH;
        if (x2 <= x1 || y2 <= y1)
            continue;
        candidates.emplace_back(x1, y1, x2 - x1, y2 - y1);
        candidateScores.push_back(score);
    }
    std::vector<int> kept;
    cv::dnn::NMSBoxes(candidates, candidateScores, m_options.scoreThreshold, m_options.nmsIou, kept);

    const cv::Rect2f frame(0.0f, 0.0f, float(bgr.cols), float(bgr.rows));
    std::vector<Detection> faces;
    for (int index : kept) {
        const cv::Rect2f box = cv::Rect2f(candidates[size_t(index)]) & frame;
        if (box.width >= 4.0f && box.height >= 4.0f)
            faces.push_back({box, candidateScores[size_t(index)]});
    }
    std::sort(faces.begin(), faces.end(), [](const Detection& a, const Detection& b) { return a.box.area() > b.box.area(); });
    return faces;
}

} // namespace fg
