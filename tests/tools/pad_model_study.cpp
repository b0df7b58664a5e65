// What fr_liveness.onnx expects and what its three classes mean
// (docs/pad-model.md): every preprocessing hypothesis is run through
// LivenessModel on each labelled frame of pad-dev (largest face of
// FaceDetector), and for each class the softmax is scored as a bona fide vs
// print-attack separator: AUC, best balanced error, and the balanced error
// with the threshold chosen leaving each subject out. Then the same for the
// studio portraits of faces-dev/single (all bona fide).
//   pad_model_study DATASETS_DIR [STEP]   (STEP: every STEP-th frame, default 1)
#include "core/biometrics/FaceDetector.h"
#include "core/biometrics/ImageLoader.h"
#include "core/biometrics/LivenessModel.h"
#include "core/biometrics/ModelRepository.h"

#include <QCoreApplication>
#include <QFile>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <numeric>
#include <string>
#include <vector>

namespace {

using fg::LivenessModel;

struct Hypothesis {
    std::string name;
    LivenessModel::Options options;
};

struct Sample {
    bool bonafide = false;
    int subject = 0;
    std::vector<std::array<double, 3>> softmax; // one per hypothesis
};

std::vector<Hypothesis> hypotheses()
{
    using C = LivenessModel::ColourOrder;
    using N = LivenessModel::Normalisation;
    using K = LivenessModel::Crop;
    const std::map<N, std::string> norms = {
        {N::Raw, "raw"}, {N::UnitRange, "/255"}, {N::ImageNet, "imagenet"}, {N::Centred, "(v-127.5)/128"}};
    const std::map<K, std::string> crops = {{K::Shifted, "shifted"}, {K::Clamped, "clamped"}, {K::Padded, "padded"}};
    std::vector<Hypothesis> list;
    auto add = [&](C c, N n, K k, bool square) {
        const std::string name = std::string(c == C::Rgb ? "RGB" : "BGR") + " " + norms.at(n) + " " + crops.at(k)
                                 + (square ? " square" : " box-shape");
        for (const Hypothesis& h : list)
            if (h.name == name)
                return;
        LivenessModel::Options o;
        o.colour = c;
        o.normalisation = n;
        o.crop = k;
        o.square = square;
        list.push_back({name, o});
    };
    // Colour order x normalisation, on the MODELS.md crop and the SDK's crop.
    for (K k : {K::Clamped, K::Shifted})
        for (C c : {C::Rgb, C::Bgr})
            for (N n : {N::Raw, N::UnitRange, N::ImageNet, N::Centred})
                add(c, n, k, k == K::Clamped);
    // Crop geometry, raw values, both colour orders.
    for (C c : {C::Rgb, C::Bgr})
        for (K k : {K::Shifted, K::Clamped, K::Padded})
            for (bool square : {false, true})
                add(c, N::Raw, k, square);
    return list;
}

// Probability that a bona fide score exceeds an attack score (ties count half).
double auc(const std::vector<double>& bona, const std::vector<double>& attack)
{
    std::vector<std::pair<double, int>> all;
    for (double v : bona)
        all.push_back({v, 1});
    for (double v : attack)
        all.push_back({v, 0});
    std::sort(all.begin(), all.end());
    double rankSum = 0;
    for (size_t i = 0; i < all.size();) {
        size_t j = i;
        while (j < all.size() && all[j].first == all[i].first)
            ++j;
        const double rank = (double(i) + double(j) + 1) / 2; // 1-based mean rank
        for (size_t k = i; k < j; ++k)
            if (all[k].second)
                rankSum += rank;
        i = j;
    }
    const double nb = double(bona.size()), na = double(attack.size());
    return (rankSum - nb * (nb + 1) / 2) / (nb * na);
}

struct Rule {
    double threshold = 0;
    int sign = 1; // +1: live when score >= threshold; -1: live when score <= threshold
};

// The threshold and direction of least balanced error, every observed value
// tried as the threshold (one sweep over the sorted scores).
std::pair<Rule, double> bestRule(const std::vector<double>& bona, const std::vector<double>& attack)
{
    std::vector<std::pair<double, int>> all;
    for (double v : bona)
        all.push_back({v, 1});
    for (double v : attack)
        all.push_back({v, 0});
    std::sort(all.begin(), all.end());
    const double nb = double(bona.size()), na = double(attack.size());
    Rule best;
    double bestBer = 2;
    double bonaBelow = 0, attackBelow = 0; // scores strictly below all[i].first
    for (size_t i = 0; i < all.size();) {
        const double t = all[i].first;
        size_t j = i;
        double bonaAt = 0, attackAt = 0;
        for (; j < all.size() && all[j].first == t; ++j)
            (all[j].second ? bonaAt : attackAt) += 1;
        // live when v >= t
        const double up = ((na - attackBelow) / na + bonaBelow / nb) / 2;
        // live when v <= t
        const double down = ((attackBelow + attackAt) / na + (nb - bonaBelow - bonaAt) / nb) / 2;
        if (up < bestBer) {
            bestBer = up;
            best = {t, 1};
        }
        if (down < bestBer) {
            bestBer = down;
            best = {t, -1};
        }
        bonaBelow += bonaAt;
        attackBelow += attackAt;
        i = j;
    }
    return {best, bestBer};
}

std::vector<Sample> readPad(const QString& datasets, int step, const std::vector<Hypothesis>& hyps,
                            std::vector<LivenessModel>& models, fg::FaceDetector& detector, int* notFound,
                            int* frames)
{
    QFile labels(datasets + QStringLiteral("/pad-dev/labels.csv"));
    if (!labels.open(QIODevice::ReadOnly))
        return {};
    labels.readLine();
    std::vector<Sample> samples;
    int row = 0;
    fg::ImageLoader loader;
    while (!labels.atEnd()) {
        const QStringList f = QString::fromUtf8(labels.readLine()).trimmed().split(QLatin1Char(','));
        if (f.size() < 4 || (row++ % step) != 0)
            continue;
        ++*frames;
        QString error;
        const auto image = loader.loadFile(datasets + QStringLiteral("/pad-dev/") + f[0], &error);
        const auto faces = image ? detector.detect(*image) : std::vector<fg::Detection>();
        if (faces.empty()) {
            ++*notFound;
            continue;
        }
        Sample s;
        s.bonafide = f[1] == QLatin1String("bonafide");
        s.subject = f[3].toInt();
        for (size_t h = 0; h < hyps.size(); ++h) {
            const auto scores = models[h].score(*image, faces.front().box);
            s.softmax.push_back(scores ? scores->softmax : std::array<double, 3>{});
        }
        samples.push_back(std::move(s));
        if (*frames % 200 == 0)
            std::fprintf(stderr, "%d frames\n", *frames);
    }
    return samples;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2 || args.size() > 3) {
        std::fprintf(stderr, "usage: pad_model_study DATASETS_DIR [STEP]\n");
        return 2;
    }
    const QString datasets = args[1];
    const int step = args.size() == 3 ? std::max(1, args[2].toInt()) : 1;
    QString error;
    const auto repository = fg::ModelRepository::open(fg::ModelRepository::defaultDirectory(), &error);
    auto detector = repository ? fg::FaceDetector::load(repository->path(QStringLiteral("fr_detect.onnx")),
                                                        fg::FaceDetector::Options(), &error)
                               : std::nullopt;
    if (!detector) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    std::vector<Hypothesis> hyps = hypotheses();
    std::vector<LivenessModel> models;
    for (const Hypothesis& h : hyps) {
        auto m = LivenessModel::load(repository->path(QStringLiteral("fr_liveness.onnx")), h.options, &error);
        if (!m) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        models.push_back(std::move(*m));
    }

    int notFound = 0, frames = 0;
    const std::vector<Sample> samples = readPad(datasets, step, hyps, models, *detector, &notFound, &frames);
    if (samples.empty()) {
        std::fprintf(stderr, "no pad-dev frames under %s\n", qPrintable(datasets));
        return 1;
    }
    int bonaCount = 0;
    for (const Sample& s : samples)
        bonaCount += s.bonafide;
    std::printf("pad-dev: %d frames read (every %d), no face in %d; scored %d bona fide, %d print attack\n\n", frames,
                step, notFound, bonaCount, int(samples.size()) - bonaCount);
    std::printf("| hypothesis | class | mean p bona fide | mean p attack | AUC (bona fide higher) | best BER | "
                "leave-subject-out BER (APCER/BPCER) | argmax=class bona fide / attack |\n");
    std::printf("|---|---|---|---|---|---|---|---|\n");
    for (size_t h = 0; h < hyps.size(); ++h) {
        for (size_t c = 0; c < 3; ++c) {
            std::vector<double> bona, attack;
            int argBona = 0, argAttack = 0;
            for (const Sample& s : samples) {
                const auto& p = s.softmax[h];
                const bool isArg = size_t(std::max_element(p.begin(), p.end()) - p.begin()) == c;
                (s.bonafide ? bona : attack).push_back(p[c]);
                (s.bonafide ? argBona : argAttack) += isArg;
            }
            const double a = auc(bona, attack);
            const double ber = bestRule(bona, attack).second;
            // Leave one subject out: rule chosen on the 8 others, applied to it.
            double acceptedAttacks = 0, rejectedBona = 0;
            for (int subject = 1; subject <= 9; ++subject) {
                std::vector<double> trainB, trainA, testB, testA;
                for (const Sample& s : samples) {
                    auto& v = s.subject == subject ? (s.bonafide ? testB : testA) : (s.bonafide ? trainB : trainA);
                    v.push_back(s.softmax[h][c]);
                }
                if (trainB.empty() || trainA.empty())
                    continue;
                const Rule r = bestRule(trainB, trainA).first;
                auto live = [&](double v) { return r.sign > 0 ? v >= r.threshold : v <= r.threshold; };
                acceptedAttacks += double(std::count_if(testA.begin(), testA.end(), live));
                rejectedBona += double(std::count_if(testB.begin(), testB.end(), [&](double v) { return !live(v); }));
            }
            const double apcer = acceptedAttacks / double(attack.size()), bpcer = rejectedBona / double(bona.size());
            auto mean = [](const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size()); };
            std::printf("| %s | %zu | %.3f | %.3f | %.3f | %.3f | %.3f (%.3f/%.3f) | %.2f / %.2f |\n", hyps[h].name.c_str(),
                        c, mean(bona), mean(attack), a, ber, (apcer + bpcer) / 2, apcer, bpcer,
                        double(argBona) / double(bona.size()), double(argAttack) / double(attack.size()));
        }
    }

    // Studio portraits: all bona fide in the sense of not re-captured on camera,
    // but photographs; what does each class say?
    QFile labels(datasets + QStringLiteral("/faces-dev/labels.csv"));
    if (!labels.open(QIODevice::ReadOnly))
        return 0;
    labels.readLine();
    std::vector<std::vector<std::array<double, 3>>> portraits(hyps.size());
    std::vector<QString> names;
    fg::ImageLoader loader;
    while (!labels.atEnd()) {
        const QString path = QString::fromUtf8(labels.readLine()).trimmed().section(QLatin1Char(','), 0, 0);
        if (path.isEmpty())
            continue;
        const auto image = loader.loadFile(datasets + QStringLiteral("/faces-dev/") + path, &error);
        const auto faces = image ? detector->detect(*image) : std::vector<fg::Detection>();
        if (faces.empty())
            continue;
        names.push_back(path);
        for (size_t h = 0; h < hyps.size(); ++h) {
            const auto scores = models[h].score(*image, faces.front().box);
            portraits[h].push_back(scores ? scores->softmax : std::array<double, 3>{});
        }
    }
    std::printf("\nfaces-dev/single: %zu portraits with a face\n\n", names.size());
    std::printf("| hypothesis | mean p0 | mean p1 | mean p2 | argmax 0/1/2 |\n|---|---|---|---|---|\n");
    for (size_t h = 0; h < hyps.size(); ++h) {
        std::array<double, 3> mean{};
        std::array<int, 3> arg{};
        for (const auto& p : portraits[h]) {
            for (size_t c = 0; c < 3; ++c)
                mean[c] += p[c] / double(portraits[h].size());
            ++arg[size_t(std::max_element(p.begin(), p.end()) - p.begin())];
        }
        std::printf("| %s | %.3f | %.3f | %.3f | %d/%d/%d |\n", hyps[h].name.c_str(), mean[0], mean[1], mean[2], arg[0],
                    arg[1], arg[2]);
    }
    return 0;
}
