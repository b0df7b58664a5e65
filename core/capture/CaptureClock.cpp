#include "core/capture/CaptureClock.h"

namespace fg {

CaptureClock::~CaptureClock() = default;

} // namespace fg
