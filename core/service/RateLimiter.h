#pragma once

#include <QHash>
#include <QString>

namespace fg {

class Clock;

// A token bucket per client (keyed by its certificate's fingerprint): each
// client may send `burst` requests at once and `ratePerSecond` on average.
// Time is the injected clock's steady time (Clock::steadyMs), so a wall clock
// set back or forward changes no refill; tests step it by hand.
class RateLimiter {
public:
    struct Decision {
        bool allowed = true;
        int retryAfterSeconds = 0; // when refused: whole seconds until a token is back (>= 1)
    };

    // ratePerSecond <= 0 turns limiting off.
    RateLimiter(const Clock& clock, double ratePerSecond, int burst);

    // Takes a token for key if there is one.
    Decision take(const QString& key);

    // Tokens left for key now (burst for a client not seen yet).
    double available(const QString& key) const;

private:
    struct Bucket {
        double tokens = 0;
        qint64 updatedMs = 0;
    };

    double refilled(const Bucket& bucket, qint64 nowMs) const;
    void forgetFullBuckets(qint64 nowMs);

    const Clock& m_clock;
    double m_ratePerSecond;
    int m_burst;
    QHash<QString, Bucket> m_buckets;
};

} // namespace fg
