#pragma once

#include "core/storage/Clock.h"

namespace fg {

// A clock stopped at one instant: "purge as of --now", reports at a given time.
class FixedClock final : public Clock {
public:
    explicit FixedClock(QDateTime instant)
        : m_instant(instant.toUTC())
    {
    }
    QDateTime now() const override { return m_instant; }

private:
    QDateTime m_instant;
};

} // namespace fg
