#include "core/service/RateLimiter.h"

#include "core/storage/Clock.h"

#include <algorithm>
#include <cmath>

namespace fg {

namespace {
// Above this many clients, buckets that are full again are dropped: a full
// bucket is the same as no bucket, so forgetting it changes no decision.
constexpr qsizetype kPruneAbove = 4096;
} // namespace

RateLimiter::RateLimiter(const Clock& clock, double ratePerSecond, int burst)
    : m_clock(clock)
    , m_ratePerSecond(ratePerSecond)
    , m_burst(std::max(1, burst))
{
}

double RateLimiter::refilled(const Bucket& bucket, qint64 nowMs) const
{
    const qint64 elapsedMs = std::max<qint64>(0, nowMs - bucket.updatedMs);
    return std::min<double>(m_burst, bucket.tokens + m_ratePerSecond * static_cast<double>(elapsedMs) / 1000.0);
}

RateLimiter::Decision RateLimiter::take(const QString& key)
{
    if (m_ratePerSecond <= 0)
        return {};
    const qint64 nowMs = m_clock.steadyMs();
    if (m_buckets.size() > kPruneAbove)
        forgetFullBuckets(nowMs);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{static_cast<double>(m_burst), nowMs});
    Bucket& bucket = it.value();
    bucket.tokens = refilled(bucket, nowMs);
    bucket.updatedMs = nowMs;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return {};
    }
    const double seconds = (1.0 - bucket.tokens) / m_ratePerSecond;
    return {false, std::max(1, static_cast<int>(std::ceil(seconds)))};
}

double RateLimiter::available(const QString& key) const
{
    const auto it = m_buckets.constFind(key);
    if (it == m_buckets.cend() || m_ratePerSecond <= 0)
        return m_burst;
    return refilled(it.value(), m_clock.steadyMs());
}

void RateLimiter::forgetFullBuckets(qint64 nowMs)
{
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        if (refilled(it.value(), nowMs) >= m_burst)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace fg
