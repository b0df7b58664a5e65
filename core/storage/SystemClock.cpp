#include "core/storage/SystemClock.h"

namespace fg {

QDateTime SystemClock::now() const
{
    return QDateTime::currentDateTimeUtc();
}

} // namespace fg
