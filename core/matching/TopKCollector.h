#pragma once

#include <cstddef>
#include <vector>

namespace fg {

// Keeps the k best (score, row) pairs seen so far. Order: higher score first,
// and among equal scores the lower row index first (deterministic).
class TopKCollector {
public:
    struct Item {
        float score;
        std::size_t row;
    };

    explicit TopKCollector(std::size_t k);

    std::size_t capacity() const { return m_k; }
    // Lowest score still able to enter (−inf until full).
    float floor() const { return m_floor; }
    void offer(float score, std::size_t row);
    void merge(const TopKCollector& other);
    // Best first.
    std::vector<Item> sorted() const;

    static bool better(const Item& a, const Item& b)
    {
        return a.score > b.score || (a.score == b.score && a.row < b.row);
    }

private:
    std::size_t m_k;
    float m_floor;
    std::vector<Item> m_heap; // min-heap on better(): the worst item on top
};

} // namespace fg
