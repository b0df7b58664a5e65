#pragma once

#include <QLoggingCategory>

namespace fg {

// "fg.service": refused handshakes, refused requests, handler failures.
Q_DECLARE_LOGGING_CATEGORY(lcService)

} // namespace fg
