#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace fg {

struct ImagePair {
    std::uint32_t left = 0; // image index, left < right
    std::uint32_t right = 0;
    friend bool operator==(const ImagePair&, const ImagePair&) = default;
};

struct PairSet {
    std::vector<ImagePair> genuine;  // every pair of images of the same identity
    std::vector<ImagePair> impostor; // all impostor pairs, or a seeded sample
    std::uint64_t impostorAvailable = 0;
    bool impostorSampled = false;
};

// Builds comparison pairs from the identity of each image (a labels CSV).
// Genuine pairs: all of them. Impostor pairs: all of them when there are at
// most maxImpostors, else maxImpostors distinct pairs drawn uniformly with
// std::mt19937_64 seeded with kSeed: the same pairs on every run and every
// platform (no std::uniform_int_distribution). Pairs are sorted by (left, right).
class PairBuilder {
public:
    static constexpr std::uint64_t kMaxImpostorPairs = 5'000'000;
    static constexpr std::uint64_t kSeed = 20261126;

    // Refuses fewer than two images, an empty identity, or more than 2^32 images.
    static std::optional<PairSet> build(const QStringList& identities, QString* error,
                                        std::uint64_t maxImpostors = kMaxImpostorPairs);
};

} // namespace fg
