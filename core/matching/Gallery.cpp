#include "core/matching/Gallery.h"

#include "core/matching/GalleryFile.h"
#include "core/matching/VectorKernels.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <thread>

namespace fg {

namespace {

constexpr std::size_t kDim = Gallery::kDimension;
constexpr std::size_t kWords = Gallery::kCodeWords;
constexpr std::size_t kBlockRows = 256;
constexpr std::size_t kMinRowsPerThread = Gallery::kMinRowsPerThread;
// Int8 and Prefilter modes re-score this many of their best hits in fp32 (at least topK).
constexpr std::size_t kExactShortlist = 64;
constexpr std::size_t kBlockRowsSign = kernels::kSignBlockRows;

// Shortlisted rows are scattered: fetch the next ones while scoring this one.
constexpr std::size_t kPrefetchAhead = 4;
void prefetchRow(const void* row, std::size_t bytes)
{
    const char* p = static_cast<const char*>(row);
    for (std::size_t offset = 0; offset < bytes; offset += 64)
        __builtin_prefetch(p + offset);
}

// Symmetric per-vector quantisation to [-127, 127]; returns the scale.
float quantizeInt8(const float* v, std::int8_t* out)
{
    float maxAbs = 0.0f;
    for (std::size_t i = 0; i < kDim; ++i)
        maxAbs = std::max(maxAbs, std::abs(v[i]));
    const float scale = maxAbs > 0.0f ? maxAbs / 127.0f : 1.0f;
    for (std::size_t i = 0; i < kDim; ++i)
        out[i] = static_cast<std::int8_t>(std::lround(std::clamp(v[i] / scale, -127.0f, 127.0f)));
    return scale;
}

// Bit i set when component i is positive: the Hamming distance between two
// codes estimates the angle between the vectors (angle / pi of the bits differ).
void signCode(const float* v, std::uint64_t* out)
{
    for (std::size_t w = 0; w < kWords; ++w) {
        std::uint64_t bits = 0;
        for (std::size_t b = 0; b < 64; ++b)
            bits |= static_cast<std::uint64_t>(v[w * 64 + b] > 0.0f) << b;
        out[w] = bits;
    }
}

// Nibble tables of the asymmetric sign scan: entry m of table j is
// sum_k probe[4j + k] * (bit k of m ? +1 : -1), scaled to [-63, 63].
std::array<std::int8_t, 128 * 16> signTables(const float* probe)
{
    std::array<float, 128 * 16> exact{};
    float maxAbs = 0.0f;
    for (std::size_t j = 0; j < 128; ++j) {
        for (std::size_t m = 0; m < 16; ++m) {
            float sum = 0.0f;
            for (std::size_t k = 0; k < 4; ++k)
                sum += (m >> k & 1u) ? probe[4 * j + k] : -probe[4 * j + k];
            exact[j * 16 + m] = sum;
            maxAbs = std::max(maxAbs, std::abs(sum));
        }
    }
    const float scale = maxAbs > 0.0f ? 63.0f / maxAbs : 1.0f;
    std::array<std::int8_t, 128 * 16> tables;
    for (std::size_t i = 0; i < tables.size(); ++i)
        tables[i] = static_cast<std::int8_t>(std::lround(exact[i] * scale));
    return tables;
}

// The `count` rows of [0, rows) with the smallest bin (bins in [0, binCount)),
// ties broken by row order; returned in row order.
template <typename BinOf>
std::vector<std::size_t> smallestBins(std::size_t rows, std::size_t count, std::size_t binCount, BinOf&& binOf)
{
    std::vector<std::uint32_t> histogram(binCount, 0);
    for (std::size_t r = 0; r < rows; ++r)
        ++histogram[binOf(r)];
    std::size_t cutoff = 0;
    std::size_t below = 0;
    while (below + histogram[cutoff] < count) {
        below += histogram[cutoff];
        ++cutoff;
    }
    std::size_t atCutoff = count - below;
    std::vector<std::size_t> out;
    out.reserve(count);
    for (std::size_t r = 0; r < rows; ++r) {
        const std::size_t bin = binOf(r);
        if (bin < cutoff) {
            out.push_back(r);
        } else if (bin == cutoff && atCutoff > 0) {
            out.push_back(r);
            --atCutoff;
        }
    }
    return out;
}

std::size_t threadCountFor(std::size_t rows, int requested)
{
    const std::size_t wanted = static_cast<std::size_t>(std::max(1, requested));
    return std::max<std::size_t>(1, std::min(wanted, rows / kMinRowsPerThread));
}

// Calls fn(begin, end, slice) for `slices` contiguous slices of [0, rows), in parallel.
template <typename Fn>
void forEachSlice(std::size_t rows, std::size_t slices, Fn&& fn)
{
    if (slices <= 1) {
        fn(std::size_t{0}, rows, std::size_t{0});
        return;
    }
    const std::size_t chunk = (rows + slices - 1) / slices;
    std::vector<std::thread> pool;
    pool.reserve(slices - 1);
    for (std::size_t s = 1; s < slices; ++s) {
        const std::size_t begin = std::min(rows, s * chunk);
        const std::size_t end = std::min(rows, begin + chunk);
        pool.emplace_back([&fn, begin, end, s] { fn(begin, end, s); });
    }
    fn(std::size_t{0}, std::min(rows, chunk), std::size_t{0});
    for (std::thread& t : pool)
        t.join();
}

} // namespace

Gallery::Gallery(QString modelId)
    : m_modelId(std::move(modelId))
{
}

void Gallery::reserve(qsizetype rows)
{
    const auto n = static_cast<std::size_t>(std::max<qsizetype>(0, rows));
    m_entries.reserve(n);
    m_vectors.reserve(n * kDim);
    m_int8.reserve(n * kDim);
    m_int8Scales.reserve(n);
    m_codes.reserve(n * kWords);
    m_signBlocks.reserve((n + kBlockRowsSign - 1) / kBlockRowsSign * kernels::kSignBlockBytes);
}

std::span<const float> Gallery::vector(qsizetype row) const
{
    return {m_vectors.data() + static_cast<std::size_t>(row) * kDim, kDim};
}

bool Gallery::add(const GalleryEntry& entry, const Template& enrolled, QString* error)
{
    QString why;
    if (entry.travelerId.isEmpty())
        why = QStringLiteral("cannot enrol into the gallery: the traveler id is empty");
    else if (enrolled.isNull())
        why = QStringLiteral("cannot enrol traveler %1: the template is empty").arg(entry.travelerId);
    else if (enrolled.modelId() != m_modelId)
        why = QStringLiteral("cannot enrol traveler %1: template made by model \"%2\", this gallery holds model \"%3\"")
                  .arg(entry.travelerId, enrolled.modelId(), m_modelId);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return false;
    }
    appendRow(entry, enrolled.values().data());
    return true;
}

void Gallery::appendRow(const GalleryEntry& entry, const float* unitVector)
{
    m_entries.push_back(entry);
    m_vectors.insert(m_vectors.end(), unitVector, unitVector + kDim);
    m_int8.resize(m_int8.size() + kDim);
    m_int8Scales.push_back(quantizeInt8(unitVector, m_int8.data() + m_int8.size() - kDim));
    m_codes.resize(m_codes.size() + kWords);
    std::uint64_t* code = m_codes.data() + m_codes.size() - kWords;
    signCode(unitVector, code);
    // The same code, transposed into its block of 32 rows.
    const std::size_t row = m_entries.size() - 1;
    if (row % kBlockRowsSign == 0)
        m_signBlocks.resize(m_signBlocks.size() + kernels::kSignBlockBytes, 0);
    std::uint8_t* block = m_signBlocks.data() + row / kBlockRowsSign * kernels::kSignBlockBytes;
    for (std::size_t p = 0; p < 64; ++p)
        block[p * kBlockRowsSign + row % kBlockRowsSign] = static_cast<std::uint8_t>(code[p / 8] >> (8 * (p % 8)));
}

std::size_t Gallery::automaticRerankCount(std::size_t rows)
{
    // 1% of the gallery, at least 2000 and at most 20000 rows (10 MB of int8 reads).
    return std::clamp<std::size_t>(rows / 100, 2000, 20000);
}

std::optional<std::vector<Candidate>> Gallery::identify(const Template& probe, int topK,
                                                        const SearchOptions& options,
                                                        QString* error) const
{
    QString why;
    if (probe.isNull())
        why = QStringLiteral("cannot search the gallery: the probe template is empty");
    else if (probe.modelId() != m_modelId)
        why = QStringLiteral("cannot search the gallery: probe made by model \"%1\", the gallery holds model \"%2\"")
                  .arg(probe.modelId(), m_modelId);
    else if (topK < 1)
        why = QStringLiteral("cannot search the gallery: asked for %1 candidates").arg(topK);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return std::nullopt;
    }
    const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(topK), m_entries.size());
    const float* q = probe.values().data();
    Hits hits;
    switch (options.mode) {
    case SearchMode::ExactFp32:
        hits = exactSearch(q, k, options.threads);
        break;
    case SearchMode::Int8:
        hits = int8Search(q, k, options.threads);
        break;
    case SearchMode::Prefilter:
    case SearchMode::SignHamming: {
        const std::size_t r = std::max(k, options.rerankCount > 0 ? static_cast<std::size_t>(options.rerankCount)
                                                                  : automaticRerankCount(m_entries.size()));
        hits = options.mode == SearchMode::Prefilter ? prefilterSearch(q, k, r, options.threads)
                                                     : hammingSearch(q, k, r, options.threads);
        break;
    }
    }
    std::vector<Candidate> out;
    out.reserve(hits.size());
    for (const TopKCollector::Item& hit : hits)
        out.push_back(Candidate{static_cast<qsizetype>(hit.row), m_entries[hit.row].travelerId, hit.score});
    return out;
}

Gallery::Hits Gallery::exactSearch(const float* probe, std::size_t k, int threads) const
{
    const std::size_t rows = m_entries.size();
    const std::size_t slices = threadCountFor(rows, threads);
    std::vector<TopKCollector> partial(slices, TopKCollector(k));
    forEachSlice(rows, slices, [&](std::size_t begin, std::size_t end, std::size_t slice) {
        std::array<float, kBlockRows> scores;
        TopKCollector& best = partial[slice];
        for (std::size_t r = begin; r < end; r += kBlockRows) {
            const std::size_t n = std::min(kBlockRows, end - r);
            kernels::dotRowsF32(m_vectors.data() + r * kDim, n, kDim, probe, scores.data());
            for (std::size_t i = 0; i < n; ++i)
                if (scores[i] >= best.floor())
                    best.offer(scores[i], r + i);
        }
    });
    for (std::size_t s = 1; s < slices; ++s)
        partial[0].merge(partial[s]);
    return partial[0].sorted();
}

Gallery::Hits Gallery::int8Search(const float* probe, std::size_t k, int threads) const
{
    std::array<std::int8_t, kDim> q;
    quantizeInt8(probe, q.data());
    const std::size_t rows = m_entries.size();
    const std::size_t shortlist = std::max(k, kExactShortlist);
    const std::size_t slices = threadCountFor(rows, threads);
    std::vector<TopKCollector> partial(slices, TopKCollector(shortlist));
    forEachSlice(rows, slices, [&](std::size_t begin, std::size_t end, std::size_t slice) {
        TopKCollector& best = partial[slice];
        for (std::size_t r = begin; r < end; ++r) {
            // The probe's scale is common to all rows: rank by dot * row scale.
            const float approx = static_cast<float>(kernels::dotI8(m_int8.data() + r * kDim, q.data(), kDim))
                                 * m_int8Scales[r];
            if (approx >= best.floor())
                best.offer(approx, r);
        }
    });
    for (std::size_t s = 1; s < slices; ++s)
        partial[0].merge(partial[s]);
    std::vector<std::size_t> rowsToRescore;
    for (const TopKCollector::Item& item : partial[0].sorted())
        rowsToRescore.push_back(item.row);
    return rescore(rowsToRescore, probe, k);
}

Gallery::Hits Gallery::prefilterSearch(const float* probe, std::size_t k, std::size_t rerank,
                                       int threads) const
{
    const std::size_t rows = m_entries.size();
    if (rerank >= rows)
        return exactSearch(probe, k, threads);
    const std::array<std::int8_t, 128 * 16> tables = signTables(probe);
    const std::size_t blocks = (rows + kBlockRowsSign - 1) / kBlockRowsSign;
    // Reused per thread: a fresh 2 MB buffer per query would cost page faults.
    // (A thread_local is not captured by lambdas: the workers get the pointer.)
    thread_local std::vector<std::int16_t> scoreBuffer;
    scoreBuffer.resize(blocks * kBlockRowsSign);
    std::int16_t* const score = scoreBuffer.data();
    forEachSlice(blocks, threadCountFor(rows, threads), [&](std::size_t begin, std::size_t end, std::size_t) {
        kernels::signScanBlocks(m_signBlocks.data() + begin * kernels::kSignBlockBytes, end - begin,
                                tables.data(), score + begin * kBlockRowsSign);
    });
    // Scores lie in [-128 * 63, 128 * 63]: bin 0 holds the highest.
    constexpr int kMaxScore = 128 * 63;
    const std::vector<std::size_t> shortlist = smallestBins(
        rows, rerank, 2 * kMaxScore + 1, [&](std::size_t r) { return std::size_t(kMaxScore - score[r]); });
    // Second stage: int8 scores of the shortlist (512 B per row), then fp32.
    std::array<std::int8_t, kDim> q;
    quantizeInt8(probe, q.data());
    TopKCollector best(std::max(k, kExactShortlist));
    for (std::size_t i = 0; i < shortlist.size(); ++i) {
        if (i + kPrefetchAhead < shortlist.size())
            prefetchRow(m_int8.data() + shortlist[i + kPrefetchAhead] * kDim, kDim);
        const std::size_t r = shortlist[i];
        best.offer(static_cast<float>(kernels::dotI8(m_int8.data() + r * kDim, q.data(), kDim)) * m_int8Scales[r], r);
    }
    std::vector<std::size_t> finalists;
    for (const TopKCollector::Item& item : best.sorted())
        finalists.push_back(item.row);
    return rescore(finalists, probe, k);
}

Gallery::Hits Gallery::hammingSearch(const float* probe, std::size_t k, std::size_t rerank, int threads) const
{
    const std::size_t rows = m_entries.size();
    if (rerank >= rows)
        return exactSearch(probe, k, threads);
    std::array<std::uint64_t, kWords> code;
    signCode(probe, code.data());
    thread_local std::vector<std::uint16_t> distanceBuffer;
    distanceBuffer.resize(rows);
    std::uint16_t* const distance = distanceBuffer.data();
    forEachSlice(rows, threadCountFor(rows, threads), [&](std::size_t begin, std::size_t end, std::size_t) {
        kernels::hammingRows(m_codes.data() + begin * kWords, end - begin, kWords, code.data(),
                             distance + begin);
    });
    const std::vector<std::size_t> shortlist =
        smallestBins(rows, rerank, kDim + 1, [&](std::size_t r) { return std::size_t(distance[r]); });
    return rescore(shortlist, probe, k);
}

Gallery::Hits Gallery::rescore(const std::vector<std::size_t>& rows, const float* probe, std::size_t k) const
{
    TopKCollector best(k);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i + kPrefetchAhead < rows.size())
            prefetchRow(m_vectors.data() + rows[i + kPrefetchAhead] * kDim, kDim * sizeof(float));
        best.offer(kernels::dotF32(m_vectors.data() + rows[i] * kDim, probe, kDim), rows[i]);
    }
    return best.sorted();
}

bool Gallery::save(const QString& path, QString* error) const
{
    return GalleryFile::save(*this, path, error);
}

std::optional<Gallery> Gallery::load(const QString& path, const QString& expectedModelId, QString* error)
{
    return GalleryFile::load(path, expectedModelId, error);
}

} // namespace fg
