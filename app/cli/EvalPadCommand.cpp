#include "app/cli/EvalPadCommand.h"

#include "core/biometrics/ImageLoader.h"
#include "core/biometrics/PresentationAttack.h"
#include "core/matching/CsvReader.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QSaveFile>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace fg::cli {
namespace {

constexpr double kDefaultBpcer = 0.01;
constexpr int kDefaultWindow = 10;
constexpr qsizetype kMostFrames = 200'000;
// pad-dev's file names number the frames of the recording; the desk's
// multi-frame cues need times: the frame number at 25 fps.
constexpr qint64 kMsPerFrameNumber = 40;
// The calibration table's rows (the matcher's table is spaced the same way).
constexpr std::array<double, 8> kCalibrationBpcers{0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2};

const QString kBonaFide = QStringLiteral("bonafide");
const QString kAttack = QStringLiteral("attack");

double rounded(double value, int decimals)
{
    const double scale = std::pow(10.0, decimals);
    return std::round(value * scale) / scale;
}

double rate(qint64 count, qint64 total)
{
    return total > 0 ? double(count) / double(total) : 0.0;
}

// One listed frame, and what scoring it gave.
struct LabelledFrame {
    QString path; // absolute
    bool attack = false;
    QString attackType; // empty for bona fide
    QString subject;
    QString session; // folder + file name before the last '_'
    qint64 frameNumber = 0;
    std::optional<PadFrame> scored; // nothing: no face (failure to acquire)
    double score = 0.0;            // a one-frame capture's score, as the desk computes it
};

// "DIR/0001_00_00_01_102.jpg" -> session "DIR/0001_00_00_01", frame 102; a
// name without "_<number>" is a session of its own.
void splitSession(LabelledFrame& frame, const QString& relativePath)
{
    const QFileInfo info(relativePath);
    const QString stem = info.completeBaseName();
    const qsizetype cut = stem.lastIndexOf(QLatin1Char('_'));
    bool numeric = false;
    const qint64 number = cut > 0 ? stem.mid(cut + 1).toLongLong(&numeric) : 0;
    if (numeric && number >= 0) {
        frame.session = info.path() + QLatin1Char('/') + stem.left(cut);
        frame.frameNumber = number;
    } else {
        frame.session = relativePath;
        frame.frameNumber = 0;
    }
}

std::optional<std::vector<LabelledFrame>> readLabels(const QString& csvPath, const QDir& root, QString* error)
{
    const std::optional<CsvReader> csv = CsvReader::readFile(csvPath, error);
    if (!csv)
        return std::nullopt;
    const int path = csv->column(QStringLiteral("path")), label = csv->column(QStringLiteral("label"));
    const int type = csv->column(QStringLiteral("attack_type")), subject = csv->column(QStringLiteral("subject"));
    if (path < 0 || label < 0 || type < 0 || subject < 0) {
        *error = QStringLiteral("%1: a presentation-attack labels CSV needs the columns path,label,attack_type,subject "
                                "(read: %2)")
                     .arg(csvPath, csv->header().join(QLatin1Char(',')));
        return std::nullopt;
    }
    if (csv->rows().empty() || qsizetype(csv->rows().size()) > kMostFrames) {
        *error = QStringLiteral("%1: %2 frames listed; 1 to %3 are accepted")
                     .arg(csvPath)
                     .arg(csv->rows().size())
                     .arg(kMostFrames);
        return std::nullopt;
    }
    const int needed = std::max({path, label, type, subject}) + 1;
    std::vector<LabelledFrame> frames;
    std::map<QString, std::pair<QString, QString>> sessionOwner; // session -> (subject, label/type)
    for (size_t row = 0; row < csv->rows().size(); ++row) {
        const QStringList& f = csv->rows()[row];
        const auto bad = [&](const QString& why) {
            *error = QStringLiteral("%1:%2: %3, read \"%4\"")
                         .arg(csvPath)
                         .arg(csv->lineOf(row))
                         .arg(why, f.join(QLatin1Char(',')));
            return std::nullopt;
        };
        if (f.size() < needed || f[path].isEmpty() || f[subject].isEmpty())
            return bad(QStringLiteral("expected path,label,attack_type,subject"));
        if (f[label] != kBonaFide && f[label] != kAttack)
            return bad(QStringLiteral("the label is \"bonafide\" or \"attack\""));
        LabelledFrame frame;
        frame.path = root.absoluteFilePath(f[path]);
        frame.attack = f[label] == kAttack;
        frame.subject = f[subject];
        if (frame.attack) {
            frame.attackType = f[type];
            if (frame.attackType.isEmpty() || frame.attackType == QLatin1String("none"))
                return bad(QStringLiteral("an attack needs its attack_type (e.g. print:photo-paper-handheld)"));
        }
        splitSession(frame, f[path]);
        // A session is one presentation: one subject, one kind of presentation.
        const std::pair<QString, QString> owner{frame.subject, frame.attack ? frame.attackType : kBonaFide};
        const auto [it, added] = sessionOwner.emplace(frame.session, owner);
        if (!added && it->second != owner)
            return bad(QStringLiteral("session %1 mixes subjects or presentation kinds").arg(frame.session));
        frames.push_back(std::move(frame));
    }
    return frames;
}

// The threshold at which the share of these bona fide scores at or above it
// is the largest not above `bpcer` (an attack is a score at or above it).
double thresholdAt(std::vector<double> bonaFide, double bpcer)
{
    std::sort(bonaFide.begin(), bonaFide.end(), std::greater<>());
    const auto allowed = size_t(std::floor(bpcer * double(bonaFide.size()) + 1e-9));
    if (allowed >= bonaFide.size())
        return 0.0;
    // Just above the first score that must not be called an attack.
    return std::min(1.0, std::nextafter(bonaFide[allowed], std::numeric_limits<double>::infinity()));
}

// Error counts of one operating point (or one set of held-out thresholds).
struct ErrorCounts {
    qint64 bonaFide = 0, bonaFideFlagged = 0;
    std::map<QString, std::pair<qint64, qint64>> attacks; // type -> (attacks, missed)

    void count(const QString& attackType, bool isAttack, bool calledAttack)
    {
        if (!isAttack) {
            ++bonaFide;
            bonaFideFlagged += calledAttack ? 1 : 0;
        } else {
            auto& [total, missed] = attacks[attackType];
            ++total;
            missed += calledAttack ? 0 : 1;
        }
    }
    double worstApcer() const
    {
        double worst = 0.0;
        for (const auto& [type, c] : attacks)
            worst = std::max(worst, rate(c.second, c.first));
        return worst;
    }
    QJsonObject toJson() const
    {
        QJsonObject apcer;
        for (const auto& [type, c] : attacks)
            apcer.insert(type, QJsonObject{{QStringLiteral("rate"), rounded(rate(c.second, c.first), 4)},
                                           {QStringLiteral("missed"), c.second},
                                           {QStringLiteral("attacks"), c.first}});
        return QJsonObject{{QStringLiteral("bpcer"), rounded(rate(bonaFideFlagged, bonaFide), 4)},
                           {QStringLiteral("bona_fide"), bonaFide},
                           {QStringLiteral("bona_fide_flagged"), bonaFideFlagged},
                           {QStringLiteral("apcer"), apcer},
                           {QStringLiteral("apcer_worst"), rounded(worstApcer(), 4)}};
    }
};

std::vector<double> bonaFideScores(const std::vector<LabelledFrame>& frames, const QString& leftOut)
{
    std::vector<double> scores;
    for (const LabelledFrame& f : frames)
        if (!f.attack && f.scored && f.subject != leftOut)
            scores.push_back(f.score);
    return scores;
}

// Each subject's threshold chosen on the other subjects' bona fide frames.
struct HeldOut {
    std::map<QString, double> thresholds;
    QStringList unjudged; // subjects without other subjects' bona fide frames
};

HeldOut leaveSubjectsOut(const std::vector<LabelledFrame>& frames, double bpcer)
{
    std::set<QString> subjects;
    for (const LabelledFrame& f : frames)
        subjects.insert(f.subject);
    HeldOut held;
    for (const QString& subject : subjects) {
        const std::vector<double> others = bonaFideScores(frames, subject);
        if (others.empty())
            held.unjudged << subject;
        else
            held.thresholds[subject] = thresholdAt(others, bpcer);
    }
    return held;
}

QJsonObject failureToAcquire(const std::vector<LabelledFrame>& frames)
{
    std::map<QString, std::pair<qint64, qint64>> byKind; // "bonafide" or the attack type -> (frames, no face)
    qint64 bona = 0, bonaMissing = 0, attack = 0, attackMissing = 0;
    for (const LabelledFrame& f : frames) {
        auto& [total, missing] = byKind[f.attack ? f.attackType : kBonaFide];
        ++total;
        missing += f.scored ? 0 : 1;
        (f.attack ? attack : bona) += 1;
        (f.attack ? attackMissing : bonaMissing) += f.scored ? 0 : 1;
    }
    QJsonObject byType;
    for (const auto& [kind, c] : byKind)
        if (kind != kBonaFide)
            byType.insert(kind, QJsonObject{{QStringLiteral("frames"), c.first},
                                            {QStringLiteral("without_face"), c.second},
                                            {QStringLiteral("rate"), rounded(rate(c.second, c.first), 4)}});
    return QJsonObject{
        {QStringLiteral("bona_fide"), QJsonObject{{QStringLiteral("frames"), bona},
                                                  {QStringLiteral("without_face"), bonaMissing},
                                                  {QStringLiteral("rate"), rounded(rate(bonaMissing, bona), 4)}}},
        {QStringLiteral("attack"), QJsonObject{{QStringLiteral("frames"), attack},
                                               {QStringLiteral("without_face"), attackMissing},
                                               {QStringLiteral("rate"), rounded(rate(attackMissing, attack), 4)}}},
        {QStringLiteral("by_attack_type"), byType}};
}

QJsonObject heldOutFigures(const std::vector<LabelledFrame>& frames, const HeldOut& held, double bpcer)
{
    ErrorCounts pooled;
    std::map<QString, ErrorCounts> bySubject;
    for (const LabelledFrame& f : frames) {
        const auto t = held.thresholds.find(f.subject);
        if (!f.scored || t == held.thresholds.end())
            continue;
        const bool called = f.score >= t->second;
        pooled.count(f.attackType, f.attack, called);
        bySubject[f.subject].count(f.attackType, f.attack, called);
    }
    QJsonArray subjects;
    for (const auto& [subject, counts] : bySubject) {
        QJsonObject s = counts.toJson();
        s.insert(QStringLiteral("subject"), subject);
        s.insert(QStringLiteral("threshold"), rounded(held.thresholds.at(subject), 6));
        subjects.append(s);
    }
    QJsonObject json = pooled.toJson();
    json.insert(QStringLiteral("bpcer_target"), bpcer);
    json.insert(QStringLiteral("subjects"), subjects);
    json.insert(QStringLiteral("subjects_not_judged"), QJsonArray::fromStringList(held.unjudged));
    return json;
}

// Windows of `size` consecutive listed frames of each session (sorted by frame
// number; a shorter session is one window), fed to PadAccumulator and decided
// at the held-out subject's threshold.
QJsonObject windowFigures(const std::vector<LabelledFrame>& frames, const HeldOut& held, double bpcer, int size)
{
    std::map<QString, std::vector<const LabelledFrame*>> sessions;
    for (const LabelledFrame& f : frames)
        sessions[f.session].push_back(&f);
    ErrorCounts pooled;
    qint64 windows = 0, notAssessed = 0;
    for (auto& [session, list] : sessions) {
        std::sort(list.begin(), list.end(),
                  [](const LabelledFrame* a, const LabelledFrame* b) { return a->frameNumber < b->frameNumber; });
        const auto t = held.thresholds.find(list.front()->subject);
        if (t == held.thresholds.end())
            continue;
        const PadOperatingPoint point{bpcer, t->second, QString()};
        for (size_t start = 0; start < list.size(); start += size_t(size)) {
            const size_t end = std::min(list.size(), start + size_t(size));
            if (end - start < size_t(size) && start > 0)
                break; // the session's tail, shorter than a window
            PadAccumulator accumulator;
            for (size_t i = start; i < end; ++i) {
                if (list[i]->scored)
                    accumulator.add(*list[i]->scored);
                else
                    accumulator.addWithoutFace();
            }
            ++windows;
            const PadAssessment assessment = accumulator.assess(point);
            if (assessment.decision == PadDecision::NotAssessed) {
                ++notAssessed;
                continue;
            }
            pooled.count(list.front()->attackType, list.front()->attack, assessment.isAttack());
        }
    }
    QJsonObject json = pooled.toJson();
    json.insert(QStringLiteral("size"), size);
    json.insert(QStringLiteral("sessions"), qint64(sessions.size()));
    json.insert(QStringLiteral("windows"), windows);
    json.insert(QStringLiteral("not_assessed"), notAssessed);
    return json;
}

std::map<QString, std::vector<double>> attackScoresByType(const std::vector<LabelledFrame>& frames)
{
    std::map<QString, std::vector<double>> byType;
    for (const LabelledFrame& f : frames)
        if (f.attack && f.scored)
            byType[f.attackType].push_back(f.score);
    return byType;
}

double shareBelow(const std::vector<double>& scores, double threshold)
{
    return rate(std::count_if(scores.begin(), scores.end(), [&](double s) { return s < threshold; }),
                qint64(scores.size()));
}

double shareAtOrAbove(const std::vector<double>& scores, double threshold)
{
    return 1.0 - shareBelow(scores, threshold);
}

// APCER and BPCER at every threshold that changes either, per attack type.
bool writeDet(const QString& path, const std::vector<LabelledFrame>& frames, QString* error)
{
    const std::vector<double> bona = bonaFideScores(frames, QString());
    QByteArray csv("attack_type,threshold,apcer,bpcer\n");
    for (const auto& [type, attacks] : attackScoresByType(frames)) {
        std::vector<double> thresholds(bona);
        thresholds.insert(thresholds.end(), attacks.begin(), attacks.end());
        thresholds.push_back(std::nextafter(1.0, 2.0)); // nothing called an attack
        std::sort(thresholds.begin(), thresholds.end());
        thresholds.erase(std::unique(thresholds.begin(), thresholds.end()), thresholds.end());
        for (double t : thresholds)
            csv += QStringLiteral("%1,%2,%3,%4\n")
                       .arg(type)
                       .arg(t, 0, 'g', 9)
                       .arg(shareBelow(attacks, t), 0, 'g', 6)
                       .arg(shareAtOrAbove(bona, t), 0, 'g', 6)
                       .toUtf8();
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        *error = QStringLiteral("cannot write the DET curve %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

// The table the program decides with: thresholds from all bona fide frames of
// the set, the worst attack type's APCER at each.
PadCalibrationTable calibration(const std::vector<LabelledFrame>& frames, const QString& dataset, QJsonArray* rowsJson)
{
    const std::vector<double> bona = bonaFideScores(frames, QString());
    const auto attacks = attackScoresByType(frames);
    qint64 attackCount = 0;
    for (const auto& [type, scores] : attacks)
        attackCount += qint64(scores.size());
    std::vector<PadCalibrationRow> rows;
    for (double bpcer : kCalibrationBpcers) {
        const double t = thresholdAt(bona, bpcer);
        double worst = 0.0;
        for (const auto& [type, scores] : attacks)
            worst = std::max(worst, shareBelow(scores, t));
        rows.push_back({bpcer, t, worst});
        rowsJson->append(QJsonObject{{QStringLiteral("bpcer"), bpcer},
                                     {QStringLiteral("threshold"), rounded(t, 6)},
                                     {QStringLiteral("apcer"), rounded(worst, 4)},
                                     {QStringLiteral("bpcer_measured"), rounded(shareAtOrAbove(bona, t), 4)},
                                     // Fewer bona fide frames than 1/BPCER: the row's BPCER is not measured
                                     // but bounded (no bona fide frame at or above the threshold).
                                     {QStringLiteral("resolved"), double(bona.size()) * bpcer >= 1.0}});
    }
    return PadCalibrationTable(dataset, PadFrameScorer::modelId(), QDateTime::currentDateTimeUtc(),
                               qint64(bona.size()), attackCount, std::move(rows));
}

QJsonObject scoreSummary(const std::vector<LabelledFrame>& frames)
{
    const auto mean = [](const std::vector<double>& v) {
        double sum = 0.0;
        for (double x : v)
            sum += x;
        return v.empty() ? 0.0 : rounded(sum / double(v.size()), 4);
    };
    QJsonObject attacks;
    for (const auto& [type, scores] : attackScoresByType(frames))
        attacks.insert(type, mean(scores));
    return QJsonObject{{QStringLiteral("bona_fide_mean"), mean(bonaFideScores(frames, QString()))},
                       {QStringLiteral("attack_mean"), attacks}};
}

} // namespace

int runEvalPad(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    const QCommandLineOption labelsOption(QStringLiteral("labels"), QStringLiteral("path,label,attack_type,subject CSV"),
                                          QStringLiteral("CSV"));
    const QCommandLineOption rootOption(QStringLiteral("root"), QStringLiteral("folder the CSV's paths are relative to"),
                                        QStringLiteral("DIR"));
    const QCommandLineOption bpcerOption(QStringLiteral("bpcer"),
                                         QStringLiteral("bona fide presentations wrongly called attacks"),
                                         QStringLiteral("RATE"), QString::number(kDefaultBpcer));
    const QCommandLineOption calibrationOption(QStringLiteral("calibration-out"),
                                               QStringLiteral("write the BPCER -> threshold table"),
                                               QStringLiteral("FILE"));
    const QCommandLineOption detOption(QStringLiteral("det-out"), QStringLiteral("write the DET curve as CSV"),
                                       QStringLiteral("FILE"));
    const QCommandLineOption windowOption(QStringLiteral("window"),
                                          QStringLiteral("frames of a session decided together"), QStringLiteral("N"),
                                          QString::number(kDefaultWindow));
    parser.addOptions({labelsOption, rootOption, bpcerOption, calibrationOption, detOption, windowOption});
    const QString usage = QStringLiteral("usage: facegate-cli eval-pad --labels CSV [--root DIR] [--bpcer 0.01] "
                                         "[--calibration-out FILE] [--det-out FILE] [--window N]");
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    if (!parser.isSet(labelsOption) || !parser.positionalArguments().isEmpty())
        return context.fail(kUsageError, usage);
    bool numeric = false;
    const double bpcer = parser.value(bpcerOption).toDouble(&numeric);
    if (!numeric || !std::isfinite(bpcer) || bpcer <= 0.0 || bpcer >= 1.0)
        return context.fail(kUsageError, QStringLiteral("--bpcer \"%1\" is invalid: a bona fide presentation "
                                                        "classification error rate between 0 and 1 is expected "
                                                        "(e.g. 0.01)")
                                             .arg(parser.value(bpcerOption)));
    const int window = parser.value(windowOption).toInt(&numeric);
    if (!numeric || window < 1 || window > PadAccumulator::kMaxFrames)
        return context.fail(kUsageError, QStringLiteral("--window \"%1\" is invalid: 1 to %2 frames")
                                             .arg(parser.value(windowOption))
                                             .arg(PadAccumulator::kMaxFrames));
    const QString csvPath = parser.value(labelsOption);
    const QDir root(parser.isSet(rootOption) ? parser.value(rootOption) : QFileInfo(csvPath).absolutePath());

    QElapsedTimer timer;
    timer.start();
    QString error;
    std::optional<std::vector<LabelledFrame>> frames = readLabels(csvPath, root, &error);
    if (!frames)
        return context.fail(kProcessingError, error);
    FacePipeline* pipeline = context.pipeline(&error);
    if (!pipeline)
        return context.fail(kProcessingError, error);
    std::optional<PadFrameScorer> scorer = PadFrameScorer::load(context.pipelineOptions().modelDirectory, &error);
    if (!scorer)
        return context.fail(kProcessingError, error);

    // A frame is scored as the desk scores a one-frame capture: the subject's
    // face, its PadFrame, and PadAccumulator's score of that one frame (the
    // threshold of this point decides nothing here).
    const PadOperatingPoint scoringOnly{bpcer, 0.5, QString()};
    ImageLoader loader;
    for (LabelledFrame& f : *frames) {
        const std::optional<cv::Mat> image = loader.loadFile(f.path, &error);
        if (!image)
            return context.fail(kProcessingError, error);
        f.scored = scorer->scoreSubject(*pipeline, *image, f.frameNumber * kMsPerFrameNumber);
        if (f.scored) {
            PadAccumulator one;
            one.add(*f.scored);
            f.score = one.assess(scoringOnly).score;
        }
    }
    if (bonaFideScores(*frames, QString()).empty())
        return context.fail(kProcessingError,
                            QStringLiteral("%1: no bona fide frame with a face; no threshold can be chosen").arg(csvPath));

    const HeldOut held = leaveSubjectsOut(*frames, bpcer);
    if (held.thresholds.empty())
        return context.fail(kProcessingError, QStringLiteral("%1: leave-subjects-out needs bona fide frames of at least "
                                                             "two subjects")
                                                  .arg(csvPath));
    // "pad-dev/labels.csv": the data set the table was measured on.
    const QFileInfo csvInfo(csvPath);
    const QString dataset = csvInfo.absoluteDir().dirName() + QLatin1Char('/') + csvInfo.fileName();
    QJsonArray calibrationRows;
    const PadCalibrationTable table = calibration(*frames, dataset, &calibrationRows);

    QJsonObject counts;
    for (const LabelledFrame& f : *frames) {
        const QString kind = f.attack ? f.attackType : kBonaFide;
        counts.insert(kind, counts.value(kind).toInt() + 1);
    }
    QJsonObject report{{QStringLiteral("labels"), csvPath},
                       {QStringLiteral("dataset"), dataset},
                       {QStringLiteral("model_id"), PadFrameScorer::modelId()},
                       {QStringLiteral("frames"), qint64(frames->size())},
                       {QStringLiteral("frames_by_kind"), counts},
                       {QStringLiteral("failure_to_acquire"), failureToAcquire(*frames)},
                       {QStringLiteral("scores"), scoreSummary(*frames)},
                       {QStringLiteral("leave_subjects_out"), heldOutFigures(*frames, held, bpcer)},
                       {QStringLiteral("windows"), windowFigures(*frames, held, bpcer, window)},
                       {QStringLiteral("calibration"), calibrationRows}};
    if (parser.isSet(detOption)) {
        if (!writeDet(parser.value(detOption), *frames, &error))
            return context.fail(kProcessingError, error);
        report.insert(QStringLiteral("det_out"), parser.value(detOption));
    }
    if (parser.isSet(calibrationOption)) {
        if (!table.save(parser.value(calibrationOption), &error))
            return context.fail(kProcessingError, error);
        report.insert(QStringLiteral("calibration_out"), parser.value(calibrationOption));
    }
    report.insert(QStringLiteral("seconds"), rounded(double(timer.elapsed()) / 1000.0, 1));
    return context.printJson(report);
}

} // namespace fg::cli
