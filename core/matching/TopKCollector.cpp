#include "core/matching/TopKCollector.h"

#include <algorithm>
#include <limits>

namespace fg {

TopKCollector::TopKCollector(std::size_t k)
    : m_k(k)
    , m_floor(-std::numeric_limits<float>::infinity())
{
    m_heap.reserve(k);
}

void TopKCollector::offer(float score, std::size_t row)
{
    if (m_k == 0 || score < m_floor)
        return;
    const Item item{score, row};
    if (m_heap.size() < m_k) {
        m_heap.push_back(item);
        std::push_heap(m_heap.begin(), m_heap.end(), better);
    } else {
        if (!better(item, m_heap.front()))
            return;
        std::pop_heap(m_heap.begin(), m_heap.end(), better);
        m_heap.back() = item;
        std::push_heap(m_heap.begin(), m_heap.end(), better);
    }
    if (m_heap.size() == m_k)
        m_floor = m_heap.front().score;
}

void TopKCollector::merge(const TopKCollector& other)
{
    for (const Item& item : other.m_heap)
        offer(item.score, item.row);
}

std::vector<TopKCollector::Item> TopKCollector::sorted() const
{
    std::vector<Item> items = m_heap;
    std::sort(items.begin(), items.end(), better);
    return items;
}

} // namespace fg
