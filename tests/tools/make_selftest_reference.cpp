// Makes the pipeline's self-test reference (resources/selftest/): the mean of
// the aligned faces of a labels CSV (an average of thousands of faces, not a
// photo of anyone), set on a plain canvas, and the template the pipeline gives
// for it. Run it again when the models or the recipe change:
//   make_selftest_reference ../shared/datasets/lfw-dev/labels.csv resources/selftest
#include "core/biometrics/FaceAligner.h"
#include "core/biometrics/FacePipeline.h"
#include "core/biometrics/ImageLoader.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTextStream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fprintf(stderr, "usage: make_selftest_reference LABELS_CSV OUT_DIR\n");
        return 2;
    }
    QFile csv(args[1]);
    if (!csv.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(args[1]), qPrintable(csv.errorString()));
        return 1;
    }
    fg::FacePipeline::Options options;
    options.selfTest = false; // this tool makes the self-test's reference
    QString error;
    auto pipeline = fg::FacePipeline::create(options, &error);
    if (!pipeline) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QDir root = QFileInfo(args[1]).absoluteDir();
    QTextStream lines(&csv);
    lines.readLine(); // header
    cv::Mat sum = cv::Mat::zeros(fg::FaceAligner::kSize, fg::FaceAligner::kSize, CV_64FC3);
    int count = 0;
    const fg::ImageLoader loader;
    while (!lines.atEnd()) {
        const QString path = root.absoluteFilePath(lines.readLine().section(QLatin1Char(','), 0, 0));
        const auto image = loader.loadFile(path, &error);
        if (!image)
            continue;
        const auto enrolment = pipeline->enrol(*image, &error);
        if (!enrolment)
            continue;
        cv::Mat aligned;
        pipeline->alignedFace(*image, enrolment->face).convertTo(aligned, CV_64FC3);
        sum += aligned;
        ++count;
    }
    if (count == 0) {
        std::fprintf(stderr, "no face enrolled from %s\n", qPrintable(args[1]));
        return 1;
    }
    cv::Mat mean;
    sum.convertTo(mean, CV_8UC3, 1.0 / count);
    // The detector needs context around a face: put the 112x112 mean face,
    // scaled up, in the middle of a canvas of its own border colour.
    cv::Mat big;
    cv::resize(mean, big, cv::Size(224, 224), 0, 0, cv::INTER_CUBIC);
    cv::Mat canvas;
    cv::copyMakeBorder(big, canvas, 48, 48, 88, 88, cv::BORDER_REPLICATE);
    const QString imagePath = QDir(args[2]).filePath(QStringLiteral("mean_face.png"));
    cv::imwrite(imagePath.toStdString(), canvas);

    // Read back exactly as the self-test will.
    const auto reread = loader.loadFile(imagePath, &error);
    const auto faces = reread ? pipeline->analyze(*reread, fg::FacePipeline::Depth::FacesOnly) : std::vector<fg::Face>{};
    if (faces.size() != 1) {
        std::fprintf(stderr, "the mean face gave %d faces instead of 1\n", int(faces.size()));
        return 1;
    }
    const fg::Template reference = pipeline->templateOf(*reread, faces.front());
    QFile out(QDir(args[2]).filePath(QStringLiteral("mean_face.fgtp")));
    if (!out.open(QIODevice::WriteOnly) || out.write(reference.serialize()) < 0) {
        std::fprintf(stderr, "%s: %s\n", qPrintable(out.fileName()), qPrintable(out.errorString()));
        return 1;
    }
    std::printf("mean of %d aligned faces -> %s (%dx%d), detector score %.3f, model %s\n", count, qPrintable(imagePath),
                canvas.cols, canvas.rows, double(faces.front().detection.score), qPrintable(reference.modelId()));
    return 0;
}
