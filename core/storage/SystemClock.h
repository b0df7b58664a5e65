#pragma once

#include "core/storage/Clock.h"

namespace fg {

// The real clock: QDateTime::currentDateTimeUtc().
class SystemClock final : public Clock {
public:
    QDateTime now() const override;
};

} // namespace fg
