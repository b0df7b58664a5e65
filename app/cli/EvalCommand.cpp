#include "app/cli/EvalCommand.h"

#include "app/cli/EvalReport.h"
#include "core/biometrics/BatchEnroller.h"
#include "core/matching/CsvReader.h"
#include "core/matching/Evaluation.h"
#include "core/matching/PairBuilder.h"
#include "core/matching/VectorKernels.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QThread>

namespace fg::cli {
namespace {

// The images of a CSV, each once, and the pairs to score as image indices.
struct EvalInput {
    QStringList images; // absolute paths
    std::vector<std::pair<qsizetype, qsizetype>> pairs;
    std::vector<bool> same;
    std::vector<int> folds; // empty without a fold column
    bool impostorsSampled = false;
    quint64 impostorsAvailable = 0;
};

qsizetype indexOf(EvalInput& input, QHash<QString, qsizetype>& seen, const QString& path)
{
    const auto it = seen.constFind(path);
    if (it != seen.constEnd())
        return it.value();
    input.images << path;
    seen.insert(path, input.images.size() - 1);
    return input.images.size() - 1;
}

std::optional<EvalInput> readPairs(const QString& csvPath, const QDir& root, QString* error)
{
    const std::optional<CsvReader> csv = CsvReader::readFile(csvPath, error);
    if (!csv)
        return std::nullopt;
    const int left = csv->column(QStringLiteral("left")), right = csv->column(QStringLiteral("right"));
    const int same = csv->column(QStringLiteral("same")), fold = csv->column(QStringLiteral("fold"));
    if (left < 0 || right < 0 || same < 0) {
        *error = QStringLiteral("%1: a pairs CSV needs the columns left,right,same (read: %2)")
                     .arg(csvPath, csv->header().join(QLatin1Char(',')));
        return std::nullopt;
    }
    EvalInput input;
    QHash<QString, qsizetype> seen;
    for (size_t row = 0; row < csv->rows().size(); ++row) {
        const QStringList& f = csv->rows()[row];
        const int needed = std::max({left, right, same, fold}) + 1;
        bool foldOk = true;
        const int foldValue = fold >= 0 && f.size() >= needed ? f[fold].toInt(&foldOk) : 0;
        if (f.size() < needed || (f[same] != QLatin1String("0") && f[same] != QLatin1String("1")) || !foldOk) {
            *error = QStringLiteral("%1:%2: expected left,right,same(0|1)%3, read \"%4\"")
                         .arg(csvPath)
                         .arg(csv->lineOf(row))
                         .arg(fold >= 0 ? QStringLiteral(",fold") : QString(), f.join(QLatin1Char(',')));
            return std::nullopt;
        }
        input.pairs.emplace_back(indexOf(input, seen, root.absoluteFilePath(f[left])),
                                 indexOf(input, seen, root.absoluteFilePath(f[right])));
        input.same.push_back(f[same] == QLatin1String("1"));
        if (fold >= 0)
            input.folds.push_back(foldValue);
    }
    return input;
}

std::optional<EvalInput> readLabels(const QString& csvPath, const QDir& root, QString* error)
{
    const std::optional<CsvReader> csv = CsvReader::readFile(csvPath, error);
    if (!csv)
        return std::nullopt;
    const int path = csv->column(QStringLiteral("path")), identity = csv->column(QStringLiteral("identity"));
    if (path < 0 || identity < 0) {
        *error = QStringLiteral("%1: a labels CSV needs the columns path,identity (read: %2)")
                     .arg(csvPath, csv->header().join(QLatin1Char(',')));
        return std::nullopt;
    }
    EvalInput input;
    QStringList identities;
    for (size_t row = 0; row < csv->rows().size(); ++row) {
        const QStringList& f = csv->rows()[row];
        if (f.size() <= std::max(path, identity) || f[path].isEmpty() || f[identity].isEmpty()) {
            *error = QStringLiteral("%1:%2: expected path,identity, read \"%3\"")
                         .arg(csvPath)
                         .arg(csv->lineOf(row))
                         .arg(f.join(QLatin1Char(',')));
            return std::nullopt;
        }
        input.images << root.absoluteFilePath(f[path]);
        identities << f[identity];
    }
    const std::optional<PairSet> pairs = PairBuilder::build(identities, error);
    if (!pairs)
        return std::nullopt;
    for (const ImagePair& p : pairs->genuine) {
        input.pairs.emplace_back(p.left, p.right);
        input.same.push_back(true);
    }
    for (const ImagePair& p : pairs->impostor) {
        input.pairs.emplace_back(p.left, p.right);
        input.same.push_back(false);
    }
    input.impostorsSampled = pairs->impostorSampled;
    input.impostorsAvailable = pairs->impostorAvailable;
    return input;
}

} // namespace

int runEval(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("labels"), QStringLiteral("path,identity CSV"), QStringLiteral("CSV")});
    parser.addOption({QStringLiteral("pairs"), QStringLiteral("left,right,same[,fold] CSV"), QStringLiteral("CSV")});
    parser.addOption({QStringLiteral("root"), QStringLiteral("folder the CSV's paths are relative to"), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("plot"), QStringLiteral("write a DET curve PNG"), QStringLiteral("PNG")});
    parser.addOption({QStringLiteral("calibration-out"), QStringLiteral("write the FMR -> threshold table"),
                      QStringLiteral("FILE")});
    const QString usage = QStringLiteral("usage: facegate-cli eval (--labels CSV | --pairs CSV) [--root DIR] [--plot det.png]");
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    const bool labels = parser.isSet(QStringLiteral("labels"));
    if (labels == parser.isSet(QStringLiteral("pairs")) || !parser.positionalArguments().isEmpty())
        return context.fail(kUsageError, usage);
    const QString csvPath = parser.value(labels ? QStringLiteral("labels") : QStringLiteral("pairs"));
    const QDir root(parser.isSet(QStringLiteral("root")) ? parser.value(QStringLiteral("root"))
                                                         : QFileInfo(csvPath).absolutePath());
    QElapsedTimer timer;
    timer.start();
    QString error;
    const std::optional<EvalInput> input = labels ? readLabels(csvPath, root, &error) : readPairs(csvPath, root, &error);
    if (!input)
        return context.fail(kProcessingError, error);

    const FacePipeline::Options options = context.pipelineOptions();
    const auto outcomes = BatchEnroller::enrolFiles(input->images, options, QThread::idealThreadCount(), &error);
    if (!outcomes)
        return context.fail(kProcessingError, error);

    std::vector<Score> genuine, impostor;
    std::vector<LabelledScore> folded;
    for (size_t i = 0; i < input->pairs.size(); ++i) {
        const auto& a = (*outcomes)[size_t(input->pairs[i].first)].faceTemplate;
        const auto& b = (*outcomes)[size_t(input->pairs[i].second)].faceTemplate;
        const Score score = a && b ? Score(kernels::dotF32(a->values().data(), b->values().data(), a->values().size()))
                                    : std::nullopt;
        (input->same[i] ? genuine : impostor).push_back(score);
        if (!input->folds.empty())
            folded.push_back({score, input->same[i], input->folds[i]});
    }

    EvalReport report;
    report.csvPath = csvPath;
    report.options = options;
    report.outcomes = &*outcomes;
    report.images = input->images;
    report.impostorsSampled = input->impostorsSampled;
    report.impostorsAvailable = input->impostorsAvailable;
    if (!report.compute(genuine, impostor, folded, &error))
        return context.fail(kProcessingError, error);
    report.seconds = double(timer.elapsed()) / 1000.0;
    if (parser.isSet(QStringLiteral("plot")) && !report.writePlot(parser.value(QStringLiteral("plot")), &error))
        return context.fail(kProcessingError, error);
    if (parser.isSet(QStringLiteral("calibration-out"))
        && !report.writeCalibration(parser.value(QStringLiteral("calibration-out")), &error))
        return context.fail(kProcessingError, error);
    return context.printJson(report.toJson());
}

} // namespace fg::cli
