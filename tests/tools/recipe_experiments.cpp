// Measures what moves LFW accuracy (README, "What moves accuracy"): each
// variant of the recipe is computed for every image in one pass, from the
// pipeline's own components, and scored with the LFW fold protocol.
//   recipe_experiments ../shared/datasets/lfw-dev/pairs.csv
#include "core/biometrics/FaceAligner.h"
#include "core/biometrics/FaceDetector.h"
#include "core/biometrics/ImageLoader.h"
#include "core/biometrics/LandmarkDetector.h"
#include "core/biometrics/ModelRepository.h"
#include "core/biometrics/TemplateExtractor.h"
#include "core/matching/Evaluation.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTextStream>

#include <opencv2/calib3d.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>
#include <map>

namespace {

int nearestCentre(const std::vector<fg::Detection>& faces, cv::Size size)
{
    int best = -1;
    double bestDistance = 0;
    for (size_t i = 0; i < faces.size(); ++i) {
        const cv::Rect2f& b = faces[i].box;
        const double d = std::hypot(b.x + b.width / 2 - size.width / 2.0, b.y + b.height / 2 - size.height / 2.0);
        if (best < 0 || d < bestDistance) {
            best = int(i);
            bestDistance = d;
        }
    }
    return best;
}

std::vector<float> unit(const fg::Template& t) { return {t.values().begin(), t.values().end()}; }

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (app.arguments().size() != 2) {
        std::fprintf(stderr, "usage: recipe_experiments PAIRS_CSV\n");
        return 2;
    }
    QString error;
    const auto models = fg::ModelRepository::open(fg::ModelRepository::defaultDirectory(), &error);
    fg::FaceDetector::Options letterboxed;
    fg::FaceDetector::Options stretched;
    stretched.letterbox = false;
    auto detector = models ? fg::FaceDetector::load(models->path(QStringLiteral("fr_detect.onnx")), letterboxed, &error) : std::nullopt;
    auto stretchDetector = models ? fg::FaceDetector::load(models->path(QStringLiteral("fr_detect.onnx")), stretched, &error) : std::nullopt;
    auto landmarks = models ? fg::LandmarkDetector::load(models->path(QStringLiteral("fr_landmark.onnx")), &error) : std::nullopt;
    auto extractor = [&](bool flip, bool bgr) {
        return models ? fg::TemplateExtractor::load(models->path(QStringLiteral("fr_feature.onnx")), QStringLiteral("x"),
                                                    fg::TemplateExtractor::Recipe{flip, bgr}, &error)
                      : std::nullopt;
    };
    auto fused = extractor(true, true);
    auto single = extractor(false, true);
    auto fusedRgb = extractor(true, false);
    auto singleRgb = extractor(false, false);
    if (!detector || !stretchDetector || !landmarks || !single || !fused || !fusedRgb || !singleRgb) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }

    QFile csv(app.arguments()[1]);
    if (!csv.open(QIODevice::ReadOnly))
        return 1;
    const QDir root = QFileInfo(csv.fileName()).absoluteDir();
    QTextStream lines(&csv);
    lines.readLine();
    struct Pair {
        QString left, right;
        bool same;
        int fold;
    };
    std::vector<Pair> pairs;
    QStringList images;
    while (!lines.atEnd()) {
        const QStringList f = lines.readLine().split(QLatin1Char(','));
        if (f.size() < 4)
            continue;
        pairs.push_back({f[0], f[1], f[2] == QLatin1String("1"), f[3].toInt()});
        images << f[0] << f[1];
    }
    images.removeDuplicates();

    const std::vector<std::string> variants = {
        "shipped: letterbox, least-squares similarity, flip fusion, BGR, nearest-centre face",
        "no flip fusion",
        "estimateAffinePartial2D (RANSAC) alignment instead of least squares",
        "RGB channel order into the feature model (as MODELS.md)",
        "stretched to 320x240 instead of letterboxed",
        "largest face instead of nearest-centre",
        "RGB and no flip fusion (MODELS.md's recipe, with letterbox and least squares)",
    };
    std::map<QString, std::vector<std::optional<std::vector<float>>>> templates;
    const fg::ImageLoader loader;
    int done = 0;
    for (const QString& name : images) {
        auto& slot = templates[name];
        slot.assign(variants.size(), std::nullopt);
        const auto image = loader.loadFile(root.absoluteFilePath(name), &error);
        if (++done % 500 == 0)
            std::fprintf(stderr, "%d/%d images\n", done, int(images.size()));
        if (!image)
            continue;
        const std::vector<fg::Detection> faces = detector->detect(*image);
        const int centre = nearestCentre(faces, image->size());
        if (centre >= 0) {
            const auto points = landmarks->locate(*image, faces[size_t(centre)].box).alignmentPoints();
            const cv::Mat aligned = fg::FaceAligner::align(*image, points);
            slot[0] = unit(fused->extract(aligned));
            slot[1] = unit(single->extract(aligned));
            std::vector<cv::Point2f> from(points.begin(), points.end());
            std::vector<cv::Point2f> to(fg::FaceAligner::referencePoints().begin(), fg::FaceAligner::referencePoints().end());
            const cv::Mat ransac = cv::estimateAffinePartial2D(from, to);
            if (!ransac.empty()) {
                cv::Mat warped;
                cv::warpAffine(*image, warped, ransac, cv::Size(112, 112));
                slot[2] = unit(fused->extract(warped));
            }
            slot[3] = unit(fusedRgb->extract(aligned));
            slot[6] = unit(singleRgb->extract(aligned));
        }
        const std::vector<fg::Detection> stretchedFaces = stretchDetector->detect(*image);
        const int stretchedCentre = nearestCentre(stretchedFaces, image->size());
        if (stretchedCentre >= 0) {
            const auto points = landmarks->locate(*image, stretchedFaces[size_t(stretchedCentre)].box).alignmentPoints();
            slot[4] = unit(fused->extract(fg::FaceAligner::align(*image, points)));
        }
        if (!faces.empty()) { // detect() sorts largest first
            const auto points = landmarks->locate(*image, faces.front().box).alignmentPoints();
            slot[5] = unit(fused->extract(fg::FaceAligner::align(*image, points)));
        }
    }
    std::printf("| variant | LFW accuracy (folds 1-5) | failed to enrol |\n|---|---|---|\n");
    for (size_t v = 0; v < variants.size(); ++v) {
        std::vector<fg::LabelledScore> scored;
        int failed = 0;
        for (const auto& [name, slot] : templates)
            failed += slot[v] ? 0 : 1;
        for (const Pair& p : pairs) {
            const auto& a = templates[p.left][v];
            const auto& b = templates[p.right][v];
            fg::Score score;
            if (a && b) {
                float dot = 0;
                for (size_t i = 0; i < a->size(); ++i)
                    dot += (*a)[i] * (*b)[i];
                score = dot;
            }
            scored.push_back({score, p.same, p.fold});
        }
        const auto folds = fg::Evaluation::foldAccuracy(scored, &error);
        std::printf("| %s | %.2f%% +- %.2f | %d |\n", variants[v].c_str(), folds ? folds->mean * 100 : 0.0,
                    folds ? folds->std * 100 : 0.0, failed);
    }
    return 0;
}
