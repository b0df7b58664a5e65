#pragma once

class QCoreApplication;

namespace fg {

// facegate-matchd [--config FILE] [--listen ADDRESS:PORT]
// Reads the configuration ($FACEGATE_CONFIG, ~/.config/facegate/facegate.ini,
// /etc/facegate/facegate.ini, or --config), opens the records, loads the
// models, listens with mutual TLS and serves the matching routes until
// SIGTERM or SIGINT (exit 0). A bad setting, certificate or key: a line on
// stderr naming it and exit 1; a bad option: exit 2.
int runMatchDaemon(QCoreApplication& app);

} // namespace fg
