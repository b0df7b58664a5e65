#pragma once

#include "core/matching/AlignedAllocator.h"
#include "core/matching/Template.h"
#include "core/matching/TopKCollector.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace fg {

// Who an enrolled template belongs to.
struct GalleryEntry {
    QString travelerId;
    QString name;           // optional
    QString citizenship;    // optional, ICAO 9303 code
    QString documentNumber; // optional
    QString photoPath;
};

// One answer of a 1:N search.
struct Candidate {
    qsizetype index = -1; // row in the gallery
    QString travelerId;
    float score = 0.0f; // exact fp32 cosine in every mode
};

enum class SearchMode {
    ExactFp32,   // brute-force fp32 scan
    Int8,        // brute-force scan of int8 codes (per-vector scale), top hits re-scored in fp32
    Prefilter,   // asymmetric sign-code scan (fp32 probe x 1-bit rows, nibble tables, 64 B/row),
                 // best R re-scored with int8 codes, best 64 of those re-scored in fp32
    SignHamming, // symmetric: 512-bit sign codes of probe and rows, popcount Hamming
                 // distance, best R re-scored in fp32 (weaker than Prefilter; kept to compare)
};

struct SearchOptions {
    SearchMode mode = SearchMode::ExactFp32;
    int threads = 1;      // rows are split across this many threads (large galleries only)
    int rerankCount = 0;  // Prefilter/SignHamming: candidates kept by the scan (0 = automatic)
};

// A typed collection of enrolled templates of ONE model, for 1:N search.
// Templates live in one contiguous, 64-byte aligned, row-major N x 512 float
// buffer; the gallery also keeps int8 codes (512 B/row) and sign codes
// (64 B/row, twice: row-major and in blocks of 32 rows) for the approximate modes.
class Gallery {
public:
    static constexpr int kDimension = Template::kDimension;
    static constexpr int kCodeWords = kDimension / 64;
    // Below this many rows per thread, extra threads are not started.
    static constexpr qsizetype kMinRowsPerThread = 32768;

    explicit Gallery(QString modelId = {});

    const QString& modelId() const { return m_modelId; }
    qsizetype size() const { return static_cast<qsizetype>(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    void reserve(qsizetype rows);

    // Refuses a null template or one made by another model than the gallery's.
    bool add(const GalleryEntry& entry, const Template& enrolled, QString* error);

    const GalleryEntry& entry(qsizetype row) const { return m_entries[static_cast<std::size_t>(row)]; }
    std::span<const float> vector(qsizetype row) const;
    // The N x 512 row-major buffer (64-byte aligned).
    const float* data() const { return m_vectors.data(); }

    // The topK best candidates, best first (score descending, then row).
    // Refuses a null probe, a probe of another model, or topK < 1.
    std::optional<std::vector<Candidate>> identify(const Template& probe, int topK,
                                                   const SearchOptions& options,
                                                   QString* error) const;
    std::optional<std::vector<Candidate>> identify(const Template& probe, int topK, QString* error) const
    {
        return identify(probe, topK, SearchOptions{}, error);
    }

    // Versioned, SHA-256 checksummed file (see GalleryFile).
    bool save(const QString& path, QString* error) const;
    static std::optional<Gallery> load(const QString& path, const QString& expectedModelId, QString* error);

    // Number of prefilter candidates re-ranked when SearchOptions::rerankCount is 0.
    static std::size_t automaticRerankCount(std::size_t rows);

private:
    friend class GalleryFile;
    void appendRow(const GalleryEntry& entry, const float* unitVector);
    using Hits = std::vector<TopKCollector::Item>;
    Hits exactSearch(const float* probe, std::size_t k, int threads) const;
    Hits int8Search(const float* probe, std::size_t k, int threads) const;
    Hits prefilterSearch(const float* probe, std::size_t k, std::size_t rerank, int threads) const;
    Hits hammingSearch(const float* probe, std::size_t k, std::size_t rerank, int threads) const;
    Hits rescore(const std::vector<std::size_t>& rows, const float* probe, std::size_t k) const;

    QString m_modelId;
    std::vector<GalleryEntry> m_entries;
    std::vector<float, AlignedAllocator<float>> m_vectors;
    std::vector<std::int8_t, AlignedAllocator<std::int8_t>> m_int8;
    std::vector<float> m_int8Scales;
    std::vector<std::uint64_t, AlignedAllocator<std::uint64_t>> m_codes;
    std::vector<std::uint8_t, AlignedAllocator<std::uint8_t>> m_signBlocks;
};

} // namespace fg
