#include "core/service/ServiceLog.h"

namespace fg {

Q_LOGGING_CATEGORY(lcService, "fg.service")

} // namespace fg
