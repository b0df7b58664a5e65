#include "app/bench/SearchBench.h"

#include "core/matching/Gallery.h"
#include "core/matching/VectorKernels.h"

#include <QElapsedTimer>
#include <QJsonArray>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <functional>
#include <numbers>
#include <optional>
#include <span>
#include <thread>
#include <unistd.h>

#ifdef FACEGATE_HAVE_FAISS
#include <faiss/IndexFlat.h>
#endif

namespace fg::cli {

namespace {

constexpr int kDim = Template::kDimension;
constexpr int kTopK = 5;
const QString kModel = QStringLiteral("synthetic-gaussian-512");
// Each mode is timed over the whole query set, repeated until this long has passed.
constexpr qint64 kMinTimedNs = 300'000'000;

// xoshiro256** with Box-Muller: fast enough to draw 5e8 gaussians.
class FastGaussian {
public:
    explicit FastGaussian(std::uint64_t seed)
    {
        for (std::uint64_t& s : m_state) {
            seed += 0x9E3779B97F4A7C15ull;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
            s = z ^ (z >> 31);
        }
    }
    std::uint64_t next()
    {
        const std::uint64_t result = std::rotl(m_state[1] * 5, 7) * 9;
        const std::uint64_t t = m_state[1] << 17;
        m_state[2] ^= m_state[0];
        m_state[3] ^= m_state[1];
        m_state[1] ^= m_state[2];
        m_state[0] ^= m_state[3];
        m_state[2] ^= t;
        m_state[3] = std::rotl(m_state[3], 45);
        return result;
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; } // [0, 1)
    void fill(std::vector<float>& v, double sigma = 1.0)
    {
        for (std::size_t i = 0; i + 1 < v.size(); i += 2) {
            const double r = sigma * std::sqrt(-2.0 * std::log(1.0 - uniform()));
            const double a = 2.0 * std::numbers::pi * uniform();
            v[i] = float(r * std::cos(a));
            v[i + 1] = float(r * std::sin(a));
        }
    }

private:
    std::uint64_t m_state[4];
};

struct Query {
    Template probe;
    qsizetype mate = -1; // -1: unmated
};

struct ModeResult {
    QString name;
    int threads = 1;
    double msPerQuery = 0.0;
    std::vector<qsizetype> top1; // per query
};

// Runs `search` over all queries (repeated until kMinTimedNs) and keeps the top-1 of each.
ModeResult timeMode(const QString& name, int threads, const std::vector<Query>& queries,
                    const std::function<qsizetype(const Template&)>& search)
{
    ModeResult result{name, threads, 0.0, std::vector<qsizetype>(queries.size(), -1)};
    for (std::size_t i = 0; i < std::min<std::size_t>(queries.size(), 10); ++i)
        search(queries[i].probe); // warm-up: caches, page faults, lazy allocations
    QElapsedTimer timer;
    timer.start();
    qint64 done = 0;
    do {
        for (std::size_t i = 0; i < queries.size(); ++i)
            result.top1[i] = search(queries[i].probe);
        done += qint64(queries.size());
    } while (timer.nsecsElapsed() < kMinTimedNs);
    result.msPerQuery = double(timer.nsecsElapsed()) / 1e6 / double(done);
    return result;
}

QJsonObject recallAgainst(const ModeResult& mode, const ModeResult& exact, const std::vector<Query>& queries)
{
    int matedAgree = 0, mated = 0, unmatedAgree = 0, unmated = 0;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const bool agree = mode.top1[i] == exact.top1[i];
        if (queries[i].mate >= 0) {
            ++mated;
            matedAgree += agree ? 1 : 0;
        } else {
            ++unmated;
            unmatedAgree += agree ? 1 : 0;
        }
    }
    return QJsonObject{{"mated", mated ? double(matedAgree) / mated : 0.0},
                       {"unmated", unmated ? double(unmatedAgree) / unmated : 0.0}};
}

qsizetype firstIndex(const std::optional<std::vector<Candidate>>& hits)
{
    return hits && !hits->empty() ? hits->front().index : -1;
}

double physicalMemoryBytes()
{
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    return pages > 0 && pageSize > 0 ? double(pages) * double(pageSize) : 0.0;
}

} // namespace

QJsonObject runSearchBenchmark(qint64 gallerySize, QString* error)
{
    return runSearchBenchmark(gallerySize, 0, error);
}

QJsonObject runSearchBenchmark(qint64 gallerySize, int queriesPerKind, QString* error)
{
    const double bytesPerRow = kDim * 4.0 + kDim + 4 + 2 * 64 + 64 // fp32, int8 + scale, sign codes, entry
#ifdef FACEGATE_HAVE_FAISS
                               + kDim * 4.0
#endif
        ;
    const double needed = bytesPerRow * double(gallerySize);
    QString why;
    if (gallerySize < 1 || gallerySize > 20'000'000)
        why = QStringLiteral("gallery size %1 is out of range [1, 2e7]").arg(gallerySize);
    else if (const double memory = physicalMemoryBytes(); memory > 0 && needed > 0.8 * memory)
        why = QStringLiteral("a gallery of %1 rows needs about %2 GB, this machine has %3 GB")
                  .arg(gallerySize)
                  .arg(needed / 1e9, 0, 'f', 1)
                  .arg(memory / 1e9, 0, 'f', 1);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return {};
    }
    const auto n = std::size_t(gallerySize);
    const int perKind = queriesPerKind > 0 ? queriesPerKind
                                           : int(std::clamp<qint64>(50'000'000 / gallerySize, 50, 500));

    // Gallery: gaussian vectors, normalised by Template.
    QElapsedTimer buildTimer;
    buildTimer.start();
    FastGaussian random(20261126);
    Gallery gallery(kModel);
    gallery.reserve(gallerySize);
    std::vector<float> v(kDim);
    for (std::size_t i = 0; i < n; ++i) {
        random.fill(v);
        QString addError;
        gallery.add(GalleryEntry{QStringLiteral("S%1").arg(i), {}, {}, {}, {}}, Template(kModel, v), &addError);
    }
    const double buildSeconds = double(buildTimer.nsecsElapsed()) / 1e9;

    // Queries: mated (mate + noise at cosine 0.5-0.7) and unmated (fresh vectors).
    std::vector<Query> queries;
    double matedCosine = 0.0;
    for (int q = 0; q < perKind; ++q) {
        const auto mate = qsizetype((std::uint64_t(q) * 2654435761ull + 17) % n);
        const double cosine = 0.5 + 0.2 * random.uniform();
        const double sigma = std::sqrt((1.0 / (cosine * cosine) - 1.0) / kDim);
        random.fill(v, sigma);
        const std::span<const float> row = gallery.vector(mate);
        for (int i = 0; i < kDim; ++i)
            v[std::size_t(i)] += row[std::size_t(i)];
        Template probe(kModel, v);
        matedCosine += double(kernels::dotF32(probe.values().data(), row.data(), kDim));
        queries.push_back(Query{std::move(probe), mate});
    }
    for (int q = 0; q < perKind; ++q) {
        random.fill(v);
        queries.push_back(Query{Template(kModel, v), -1});
    }

    auto galleryMode = [&](const QString& name, SearchOptions options) {
        return timeMode(name, options.threads, queries, [&](const Template& probe) {
            return firstIndex(gallery.identify(probe, kTopK, options, nullptr));
        });
    };
    const bool twoThreadsUsed = gallerySize >= 2 * Gallery::kMinRowsPerThread;
    std::vector<ModeResult> modes;
    modes.push_back(galleryMode("fp32_exact_1_thread", SearchOptions{SearchMode::ExactFp32, 1, 0}));
    modes.push_back(galleryMode("fp32_exact_2_threads", SearchOptions{SearchMode::ExactFp32, 2, 0}));
    modes.back().threads = twoThreadsUsed ? 2 : 1;
    modes.push_back(galleryMode("int8", SearchOptions{SearchMode::Int8, 1, 0}));
    modes.push_back(galleryMode("prefilter_rerank", SearchOptions{SearchMode::Prefilter, 1, 0}));
    modes.push_back(galleryMode("prefilter_rerank_2_threads", SearchOptions{SearchMode::Prefilter, 2, 0}));
    modes.back().threads = twoThreadsUsed ? 2 : 1;
    modes.push_back(galleryMode("sign_hamming_rerank", SearchOptions{SearchMode::SignHamming, 1, 0}));

    QJsonObject report{{"gallery_size", gallerySize},
                       {"dimension", kDim},
                       {"top_k", kTopK},
                       {"queries_mated", perKind},
                       {"queries_unmated", perKind},
                       {"mated_mean_cosine", matedCosine / perKind},
                       {"build_seconds", buildSeconds},
                       {"avx2_kernels", kernels::usesAvx2()},
                       {"hardware_threads", int(std::thread::hardware_concurrency())},
                       {"prefilter_rerank_count", qint64(std::min(n, Gallery::automaticRerankCount(n)))},
                       {"fp32_gallery_mb", double(n) * kDim * 4 / 1e6}};

    std::optional<ModeResult> faissResult;
#ifdef FACEGATE_HAVE_FAISS
    {
        faiss::IndexFlatIP index(kDim); // its own copy of the vectors
        index.add(faiss::Index::idx_t(n), gallery.data());
        std::vector<float> distances(kTopK);
        std::vector<faiss::Index::idx_t> labels(kTopK);
        faissResult = timeMode("faiss_flat_ip", 1, queries, [&](const Template& probe) {
            index.search(1, probe.values().data(), kTopK, distances.data(), labels.data());
            return qsizetype(labels[0]);
        });
    }
#endif
    report.insert("faiss_available", faissResult.has_value());

    const ModeResult& exact = modes.front();
    int exactFindsMate = 0;
    for (std::size_t i = 0; i < queries.size(); ++i)
        exactFindsMate += queries[i].mate >= 0 && exact.top1[i] == queries[i].mate ? 1 : 0;
    report.insert("exact_mated_rank1_rate", double(exactFindsMate) / perKind);

    if (faissResult)
        modes.push_back(*faissResult);
    QJsonArray modeArray;
    for (const ModeResult& m : modes) {
        QJsonObject o{{"name", m.name},
                      {"threads", m.threads},
                      {"ms_per_query", m.msPerQuery},
                      {"qps", 1000.0 / m.msPerQuery},
                      {"recall_at_1_vs_exact_fp32", recallAgainst(m, exact, queries)}};
        if (faissResult)
            o.insert("speedup_vs_faiss", faissResult->msPerQuery / m.msPerQuery);
        modeArray.append(o);
    }
    report.insert("modes", modeArray);
    return report;
}

} // namespace fg::cli
