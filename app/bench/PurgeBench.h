#pragma once

#include "app/cli/CliContext.h"

#include <QStringList>

namespace fg::cli {

// facegate-cli bench purge [--db URL] [--count 100000] [--blob-bytes 8192] [--batch-size 1000]
// Fills an empty records database (a temporary SQLite file by default) with
// --count photos, all past their retention (half under each rule), each a
// random blob of --blob-bytes standing in for a sealed photo, one transaction
// per 1,000 rows; then times Purger::purge as of 15 days later and reports
// photos purged per second, the reclaim time, and the file sizes (SQLite).
// A --db database must hold no photos or encounters yet: the benchmark
// writes and deletes its own.
int runPurgeBench(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
