#include "core/matching/PairBuilder.h"

#include <QHash>

#include <algorithm>
#include <limits>
#include <random>

namespace fg {

namespace {

// Unbiased integer in [0, n) by rejection: identical on every platform.
std::uint64_t bounded(std::mt19937_64& rng, std::uint64_t n)
{
    const std::uint64_t limit = std::numeric_limits<std::uint64_t>::max()
                                - std::numeric_limits<std::uint64_t>::max() % n;
    std::uint64_t x = rng();
    while (x >= limit)
        x = rng();
    return x % n;
}

bool lessPair(const ImagePair& a, const ImagePair& b)
{
    return a.left < b.left || (a.left == b.left && a.right < b.right);
}

std::vector<ImagePair> allImpostors(const std::vector<int>& id)
{
    std::vector<ImagePair> out;
    const auto n = static_cast<std::uint32_t>(id.size());
    for (std::uint32_t i = 0; i < n; ++i)
        for (std::uint32_t j = i + 1; j < n; ++j)
            if (id[i] != id[j])
                out.push_back(ImagePair{i, j});
    return out;
}

} // namespace

std::optional<PairSet> PairBuilder::build(const QStringList& identities, QString* error, std::uint64_t maxImpostors)
{
    const auto n = static_cast<std::uint64_t>(identities.size());
    QString why;
    if (n < 2)
        why = QStringLiteral("need at least two images to build pairs, got %1").arg(n);
    else if (n > std::numeric_limits<std::uint32_t>::max())
        why = QStringLiteral("too many images (%1)").arg(n);
    for (qsizetype i = 0; why.isEmpty() && i < identities.size(); ++i)
        if (identities[i].trimmed().isEmpty())
            why = QStringLiteral("image %1 has no identity").arg(i);
    if (!why.isEmpty()) {
        if (error)
            *error = why;
        return std::nullopt;
    }

    std::vector<int> id(n);
    QHash<QString, int> numbers;
    std::vector<std::vector<std::uint32_t>> members;
    for (std::uint32_t i = 0; i < n; ++i) {
        const auto it = numbers.constFind(identities[qsizetype(i)]);
        int number = 0;
        if (it == numbers.constEnd()) {
            number = int(members.size());
            numbers.insert(identities[qsizetype(i)], number);
            members.emplace_back();
        } else {
            number = it.value();
        }
        id[i] = number;
        members[std::size_t(number)].push_back(i);
    }

    PairSet out;
    for (const std::vector<std::uint32_t>& group : members)
        for (std::size_t a = 0; a < group.size(); ++a)
            for (std::size_t b = a + 1; b < group.size(); ++b)
                out.genuine.push_back(ImagePair{group[a], group[b]});
    std::sort(out.genuine.begin(), out.genuine.end(), lessPair);

    out.impostorAvailable = n * (n - 1) / 2 - out.genuine.size();
    if (out.impostorAvailable <= maxImpostors) {
        out.impostor = allImpostors(id);
        return out;
    }
    out.impostorSampled = true;
    std::mt19937_64 rng(kSeed);
    if (out.impostorAvailable <= 2 * maxImpostors) {
        // Dense case: a partial Fisher-Yates shuffle of all impostor pairs.
        std::vector<ImagePair> all = allImpostors(id);
        for (std::uint64_t i = 0; i < maxImpostors; ++i)
            std::swap(all[i], all[i + bounded(rng, all.size() - i)]);
        all.resize(maxImpostors);
        out.impostor = std::move(all);
    } else {
        // Sparse case: draw (i, j) uniformly, keep impostor pairs, drop repeats,
        // and top up until there are maxImpostors distinct pairs.
        std::vector<std::uint64_t> keys;
        keys.reserve(maxImpostors);
        while (keys.size() < maxImpostors) {
            while (keys.size() < maxImpostors) {
                const std::uint64_t i = bounded(rng, n);
                const std::uint64_t j = bounded(rng, n);
                if (i == j || id[i] == id[j])
                    continue;
                keys.push_back(std::min(i, j) * n + std::max(i, j));
            }
            std::sort(keys.begin(), keys.end());
            keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        }
        out.impostor.reserve(keys.size());
        for (std::uint64_t key : keys)
            out.impostor.push_back(ImagePair{std::uint32_t(key / n), std::uint32_t(key % n)});
    }
    std::sort(out.impostor.begin(), out.impostor.end(), lessPair);
    return out;
}

} // namespace fg
