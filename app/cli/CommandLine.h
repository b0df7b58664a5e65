#pragma once

#include <QStringList>

namespace fg::cli {

// Dispatches `facegate-cli SUBCOMMAND ...` to its command; returns the exit status.
int runCommandLine(const QStringList& arguments);

} // namespace fg::cli
