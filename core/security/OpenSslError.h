#pragma once

#include <QString>

namespace fg {

// The reasons OpenSSL queued for the last failure on this thread, joined, and
// the queue emptied: "<what>: <reason>; <reason>" ("<what>: unknown OpenSSL
// error" when none was queued). For the error texts of core/security.
QString openSslError(const QString& what);

} // namespace fg
