#pragma once

#include "app/cli/CliContext.h"

#include <QStringList>

namespace fg::cli {

// facegate-cli bench rotate [--db URL] [--count 100000] [--batch-size 1000]
// Seals --count records (a 2 KB template each) under one key file, keeping
// their data keys as the workstation does, then times KeyStore::rotate to a
// second key file: keys rewrapped per second, batches, and the whole rotation
// including the shred of the old wrappings; then opens a sample of 100
// records under the new key. A --db database must hold no keys yet.
int runRotateBench(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
