// What each presentation-attack cue adds (docs/pad-cues.md): every labelled
// frame of pad-dev goes through FacePipeline (box, 68 landmarks, eye
// openness), PadFrameScorer::score (the liveness model and the single-frame
// cues) and PadAccumulator::assess, as the desk runs them. Reported, with the
// subjects left out where a threshold is chosen:
//   - each cue's AUC alone (its value in its own attack direction, fixed in
//     PadCues.h, not chosen here), on single frames and on windows;
//   - the combined score's APCER at BPCER 1% (threshold chosen on the other
//     8 subjects' bona fide frames, for each subject in turn), with every cue,
//     with the model alone, without each cue, and the model with each cue;
//   - the same on windows of ~10 consecutive frames of one session (frames of
//     a session share the file-name prefix before the last '_', ~0.7 s apart;
//     a session's last, shorter chunk is a window when it has >= half as many).
// With a second argument, the same figures on a synthetic screen-replay set
// (a labels.csv in pad-dev's format, made by tests/tools/pad_replay_synth).
//   pad_cue_study DATASETS_DIR [REPLAY_DIR] [--step N] [--window N]
// (DATASETS_DIR "-": the replay set alone)
#include "core/biometrics/FacePipeline.h"
#include "core/biometrics/ImageLoader.h"
#include "core/biometrics/ModelRepository.h"
#include "core/biometrics/PadCues.h"
#include "core/biometrics/PresentationAttack.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

namespace {

using fg::PadCue;
using fg::PadFrame;

constexpr qint64 kFrameSpacingMs = 700; // pad-dev: frames of a session ~0.7 s apart
constexpr double kBpcer = 0.01;

const QStringList kSingleCues = {QStringLiteral("screen_border"), QStringLiteral("moire"), QStringLiteral("texture")};
const QStringList kWindowCues = {QStringLiteral("screen_border"), QStringLiteral("moire"), QStringLiteral("texture"),
                                 QStringLiteral("blink"), QStringLiteral("parallax")};

struct Sample {
    bool bonafide = false;
    QString subject;
    QString type;    // attack type ("" for bona fide)
    std::vector<PadCue> cues; // the assessment's, "model" first
    double score = 0;         // the assessment's
};

struct LabelledFrame {
    bool bonafide = false;
    QString subject, type, session;
    int order = 0;
    PadFrame frame;
};

const PadCue* cueOf(const std::vector<PadCue>& cues, const QString& name)
{
    for (const PadCue& c : cues)
        if (c.name == name)
            return &c;
    return nullptr;
}

// The value of a cue in its attack direction (texture: low is attack-like;
// parallax: a low residual ratio is attack-like; blink: blinks are live).
double attackDirected(const PadCue& cue)
{
    if (cue.name == QLatin1String("texture") || cue.name == QLatin1String("parallax")
        || cue.name == QLatin1String("blink"))
        return -cue.value;
    return cue.value;
}

// Probability that an attack scores above a bona fide presentation (ties half).
double auc(const std::vector<double>& bona, const std::vector<double>& attack)
{
    if (bona.empty() || attack.empty())
        return NAN;
    std::vector<std::pair<double, int>> all;
    for (double v : bona)
        all.push_back({v, 0});
    for (double v : attack)
        all.push_back({v, 1});
    std::sort(all.begin(), all.end());
    double rankSum = 0;
    for (size_t i = 0; i < all.size();) {
        size_t j = i;
        while (j < all.size() && all[j].first == all[i].first)
            ++j;
        const double rank = (double(i) + double(j) + 1) / 2;
        for (size_t k = i; k < j; ++k)
            if (all[k].second)
                rankSum += rank;
        i = j;
    }
    const double na = double(attack.size()), nb = double(bona.size());
    return (rankSum - na * (na + 1) / 2) / (na * nb);
}

// The least threshold with at most `bpcer` of these bona fide scores at or above it.
double thresholdFor(std::vector<double> bona, double bpcer)
{
    std::sort(bona.begin(), bona.end(), std::greater<>());
    const size_t allowed = size_t(std::floor(bpcer * double(bona.size())));
    if (allowed >= bona.size())
        return 0.0;
    return std::nextafter(bona[allowed], 2.0);
}

struct Rates {
    double apcer = 0, bpcer = 0;
    int attacks = 0, bona = 0;
};

// Leave one subject out: the threshold at kBpcer on the other subjects' bona
// fide scores (of `trainSamples`: the same samples, or the single frames when
// windows are decided with the single-frame calibration), applied to that
// subject's `samples`; pooled.
Rates leaveSubjectsOut(const std::vector<Sample>& samples, const std::vector<double>& scores,
                       const std::vector<Sample>* trainSamples = nullptr, const std::vector<double>* trainScores = nullptr)
{
    if (!trainSamples) {
        trainSamples = &samples;
        trainScores = &scores;
    }
    std::set<QString> subjects;
    for (const Sample& s : samples)
        subjects.insert(s.subject);
    Rates r;
    double missed = 0, rejected = 0;
    for (const QString& held : subjects) {
        std::vector<double> train;
        for (size_t i = 0; i < trainSamples->size(); ++i)
            if ((*trainSamples)[i].subject != held && (*trainSamples)[i].bonafide)
                train.push_back((*trainScores)[i]);
        if (train.empty())
            continue;
        const double t = thresholdFor(train, kBpcer);
        for (size_t i = 0; i < samples.size(); ++i) {
            if (samples[i].subject != held)
                continue;
            if (samples[i].bonafide) {
                ++r.bona;
                rejected += scores[i] >= t;
            } else {
                ++r.attacks;
                missed += scores[i] < t;
            }
        }
    }
    r.apcer = r.attacks ? missed / r.attacks : NAN;
    r.bpcer = r.bona ? rejected / r.bona : NAN;
    return r;
}

std::vector<double> combined(const std::vector<Sample>& samples, const QStringList& ignore)
{
    std::vector<double> scores;
    for (const Sample& s : samples)
        scores.push_back(fg::padcues::combine(cueOf(s.cues, QStringLiteral("model"))->value, s.cues, ignore));
    return scores;
}

// `singles`: when `samples` are windows, their single frames, whose
// threshold (what eval-pad calibrates) is also applied to the windows.
void report(const char* title, const std::vector<Sample>& samples, const QStringList& cues,
            const std::vector<Sample>* singles = nullptr)
{
    int bona = 0;
    for (const Sample& s : samples)
        bona += s.bonafide;
    std::printf("\n## %s: %d bona fide, %d attack\n\n", title, bona, int(samples.size()) - bona);
    std::printf("| cue | measured bona fide | measured attack | mean value bona fide | mean value attack | AUC alone "
                "(measured) | attack level >= 0.5: bona fide / attack |\n|---|---|---|---|---|---|---|\n");
    for (const QString& name : QStringList{QStringLiteral("model")} + cues) {
        std::vector<double> b, a;
        double sb = 0, sa = 0;
        int strongB = 0, strongA = 0;
        for (const Sample& s : samples) {
            const PadCue* c = cueOf(s.cues, name);
            if (!c || !c->measured)
                continue;
            (s.bonafide ? b : a).push_back(attackDirected(*c));
            (s.bonafide ? sb : sa) += c->value;
            (s.bonafide ? strongB : strongA) += c->attack >= 0.5;
        }
        std::printf("| %s | %zu | %zu | %.4g | %.4g | %.3f | %.3f / %.3f |\n", qPrintable(name), b.size(), a.size(),
                    b.empty() ? NAN : sb / double(b.size()), a.empty() ? NAN : sa / double(a.size()), auc(b, a),
                    b.empty() ? NAN : strongB / double(b.size()), a.empty() ? NAN : strongA / double(a.size()));
    }
    // The spread of each cue's value (what its fixed mapping sits in).
    std::printf("\n| cue | value percentiles 10/50/90/99, bona fide | same, attack |\n|---|---|---|\n");
    for (const QString& name : cues) {
        std::vector<double> b, a;
        for (const Sample& s : samples)
            if (const PadCue* c = cueOf(s.cues, name); c && c->measured)
                (s.bonafide ? b : a).push_back(c->value);
        auto spread = [](std::vector<double> v) {
            if (v.empty())
                return QStringLiteral("-");
            std::sort(v.begin(), v.end());
            QStringList q;
            for (double p : {0.1, 0.5, 0.9, 0.99})
                q << QString::number(v[std::min(v.size() - 1, size_t(p * double(v.size())))], 'g', 3);
            return q.join(QLatin1Char('/'));
        };
        std::printf("| %s | %s | %s |\n", qPrintable(name), qPrintable(spread(b)), qPrintable(spread(a)));
    }
    std::printf("\nCombined score, threshold at BPCER %.0f%% chosen leaving each subject out:\n\n", 100 * kBpcer);
    if (!singles)
        std::printf("| combination | APCER | BPCER (held-out) |\n|---|---|---|\n");
    if (singles)
        std::printf("(windows; last two columns: the threshold chosen on the other subjects' single frames, as the "
                    "shipped single-frame calibration table would give it)\n\n| combination | APCER | BPCER (held-out) | "
                    "APCER, single-frame threshold | BPCER, single-frame threshold |\n|---|---|---|---|---|\n");
    auto row = [&](const QString& label, const QStringList& ignore) {
        const std::vector<double> scores = combined(samples, ignore);
        const Rates r = leaveSubjectsOut(samples, scores);
        if (!singles) {
            std::printf("| %s | %.4f | %.4f |\n", qPrintable(label), r.apcer, r.bpcer);
            return;
        }
        const std::vector<double> singleScores = combined(*singles, ignore);
        const Rates c = leaveSubjectsOut(samples, scores, singles, &singleScores);
        std::printf("| %s | %.4f | %.4f | %.4f | %.4f |\n", qPrintable(label), r.apcer, r.bpcer, c.apcer, c.bpcer);
    };
    row(QStringLiteral("all cues (the shipped rule)"), {});
    row(QStringLiteral("model alone"), cues);
    for (const QString& c : cues)
        row(QStringLiteral("all without ") + c, {c});
    for (const QString& c : cues) {
        QStringList others = cues;
        others.removeAll(c);
        row(QStringLiteral("model + ") + c, others);
    }
    // Each cue's own value as the score (its direction fixed a priori).
    for (const QString& name : cues) {
        std::vector<Sample> measured;
        std::vector<double> scores;
        for (const Sample& s : samples) {
            const PadCue* c = cueOf(s.cues, name);
            if (c && c->measured) {
                measured.push_back(s);
                scores.push_back(attackDirected(*c));
            }
        }
        if (measured.empty())
            continue;
        const Rates r = leaveSubjectsOut(measured, scores);
        std::printf("| %s's value alone (where measured) | %.4f | %.4f |%s\n", qPrintable(name), r.apcer, r.bpcer,
                    singles ? " | | |" : "");
    }
}

// Frames of labels.csv under `root`, through the pipeline and the scorer.
std::vector<LabelledFrame> readFrames(const QString& root, int step, fg::FacePipeline& pipeline,
                                      fg::PadFrameScorer& scorer, int* noFace, double* cueMs)
{
    QFile labels(root + QStringLiteral("/labels.csv"));
    std::vector<LabelledFrame> frames;
    if (!labels.open(QIODevice::ReadOnly))
        return frames;
    const QStringList header = QString::fromUtf8(labels.readLine()).trimmed().split(QLatin1Char(','));
    const qsizetype subjectColumn = header.indexOf(QStringLiteral("subject"));
    const qsizetype typeColumn = header.indexOf(QStringLiteral("attack_type"));
    fg::ImageLoader loader;
    int row = 0, timed = 0;
    while (!labels.atEnd()) {
        const QStringList f = QString::fromUtf8(labels.readLine()).trimmed().split(QLatin1Char(','));
        if (f.size() < 2 || (row++ % step) != 0)
            continue;
        QString error;
        const auto image = loader.loadFile(root + QLatin1Char('/') + f[0], &error);
        if (!image) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            continue;
        }
        const std::vector<fg::Face> faces = pipeline.analyze(*image, fg::FacePipeline::Depth::WithQuality);
        const int subject = pipeline.subjectIndex(faces, image->size());
        if (subject < 0) {
            ++*noFace;
            continue;
        }
        const QString base = QFileInfo(f[0]).completeBaseName();
        LabelledFrame lf;
        lf.bonafide = f[1] == QLatin1String("bonafide");
        lf.subject = subjectColumn >= 0 && subjectColumn < f.size() ? f[subjectColumn] : QString();
        lf.type = !lf.bonafide && typeColumn >= 0 && typeColumn < f.size() ? f[typeColumn] : QString();
        lf.session = QFileInfo(f[0]).path() + QLatin1Char('/') + base.section(QLatin1Char('_'), 0, -2);
        lf.order = base.section(QLatin1Char('_'), -1).toInt();
        const auto start = std::chrono::steady_clock::now();
        auto frame = scorer.score(*image, faces[size_t(subject)], 0);
        *cueMs += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
        ++timed;
        if (!frame) {
            ++*noFace;
            continue;
        }
        lf.frame = std::move(*frame);
        frames.push_back(std::move(lf));
        if (frames.size() % 200 == 0)
            std::fprintf(stderr, "%zu frames\n", frames.size());
    }
    if (timed > 0)
        *cueMs /= timed;
    return frames;
}

Sample assessed(const std::vector<const LabelledFrame*>& group)
{
    fg::PadAccumulator accumulator;
    for (const LabelledFrame* f : group)
        accumulator.add(f->frame);
    const fg::PadAssessment a = accumulator.assess(fg::PadOperatingPoint{kBpcer, 0.5, QStringLiteral("study")});
    Sample s;
    s.bonafide = group.front()->bonafide;
    s.subject = group.front()->subject;
    s.type = group.front()->type;
    s.cues = a.cues;
    s.score = a.score;
    const double recomputed = fg::padcues::combine(cueOf(s.cues, QStringLiteral("model"))->value, s.cues);
    if (std::abs(recomputed - s.score) > 1e-9)
        std::fprintf(stderr, "warning: the study's combination (%.6f) differs from assess() (%.6f)\n", recomputed, s.score);
    return s;
}

void study(const char* name, std::vector<LabelledFrame>& frames, int window)
{
    std::vector<Sample> singles;
    for (const LabelledFrame& f : frames)
        singles.push_back(assessed({&f}));
    report((std::string(name) + ", single frames").c_str(), singles, kSingleCues);

    // Windows: consecutive frames of one session, timestamps 0.7 s apart.
    std::map<QString, std::vector<LabelledFrame*>> sessions;
    for (LabelledFrame& f : frames)
        sessions[f.session].push_back(&f);
    std::vector<Sample> windows;
    for (auto& [session, list] : sessions) {
        std::sort(list.begin(), list.end(), [](const LabelledFrame* a, const LabelledFrame* b) { return a->order < b->order; });
        // Consecutive chunks of `window` frames; a shorter rest (pad-dev has
        // 7-frame sessions) is a window too when it has half as many.
        for (size_t i = 0; i < list.size(); i += size_t(window)) {
            const size_t size = std::min(size_t(window), list.size() - i);
            if (size * 2 < size_t(window))
                break;
            std::vector<const LabelledFrame*> group;
            for (size_t k = 0; k < size; ++k) {
                list[i + k]->frame.timestampMs = qint64(k) * kFrameSpacingMs;
                group.push_back(list[i + k]);
            }
            windows.push_back(assessed(group));
        }
    }
    report((std::string(name) + ", windows of " + std::to_string(window) + " frames").c_str(), windows, kWindowCues,
           &singles);
    // Why the multi-frame cues were not measured, most common reasons.
    for (const QString& cue : {QStringLiteral("blink"), QStringLiteral("parallax")}) {
        std::map<QString, int> reasons;
        for (const Sample& s : windows) {
            const PadCue* c = cueOf(s.cues, cue);
            if (c && !c->measured)
                ++reasons[c->detail.section(QLatin1Char('('), 0, 0).trimmed()];
        }
        for (const auto& [why, count] : reasons)
            std::printf("%s not measured in %d window(s): %s\n", qPrintable(cue), count, qPrintable(why));
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    int step = 1, window = 10;
    for (qsizetype i = 1; i + 1 < args.size();) {
        if (args[i] == QLatin1String("--step") || args[i] == QLatin1String("--window")) {
            (args[i] == QLatin1String("--step") ? step : window) = std::max(1, args[i + 1].toInt());
            args.remove(i, 2);
        } else {
            ++i;
        }
    }
    if (args.size() < 2 || args.size() > 3) {
        std::fprintf(stderr, "usage: pad_cue_study DATASETS_DIR [REPLAY_DIR] [--step N] [--window N]\n");
        return 2;
    }
    QString error;
    fg::FacePipeline::Options options;
    options.modelDirectory = fg::ModelRepository::defaultDirectory();
    options.selfTest = false;
    const auto pipeline = fg::FacePipeline::create(options, &error);
    auto scorer = pipeline ? fg::PadFrameScorer::load(options.modelDirectory, &error) : std::nullopt;
    if (!pipeline || !scorer) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    int noFace = 0;
    double ms = 0;
    // DATASETS_DIR "-": the replay set only.
    std::vector<LabelledFrame> pad;
    if (args[1] != QLatin1String("-"))
        pad = readFrames(args[1] + QStringLiteral("/pad-dev"), step, *pipeline, *scorer, &noFace, &ms);
    if (pad.empty() && args[1] != QLatin1String("-")) {
        std::fprintf(stderr, "no pad-dev frames under %s\n", qPrintable(args[1]));
        return 1;
    }
    if (!pad.empty()) {
        std::printf("# pad-dev (every %d-th frame): %zu frames with a face, %d without; scorer %.1f ms a frame "
                    "(model + single-frame cues)\n",
                    step, pad.size(), noFace, ms);
        study("pad-dev", pad, window);
    }
    if (args.size() == 3) {
        noFace = 0;
        ms = 0;
        std::vector<LabelledFrame> replay = readFrames(args[2], 1, *pipeline, *scorer, &noFace, &ms);
        std::printf("\n# SYNTHETIC screen replay (%s): %zu frames with a face, %d without\n", qPrintable(args[2]),
                    replay.size(), noFace);
        if (!replay.empty())
            study("synthetic replay", replay, window);
    }
    return 0;
}
