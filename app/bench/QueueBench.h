#pragma once

#include "app/cli/CliContext.h"

#include <QStringList>

namespace fg::cli {

// facegate-cli bench queue [--db URL] [--encounters 100000] [--runs 5]
// Fills an empty records database (a temporary SQLite file by default) with
// --encounters encounters over 14 days (3 workstations of 4 cameras, 60
// flights, 18 officers; 88% match, 8% no-match, 3% poor-quality, 1% no-face;
// about 1% officer overrides), their queue items (about half resolved with a
// supervisor's decision, some claimed) in one transaction; then, on a fresh
// connection, times what the supervisor's table does (QueuePanel::refresh:
// count + the first page of 100) when it opens and for each filter change,
// --runs times each. Prints the median and the largest time of each, and
// whether every one stays under the 500 ms goal (issue 5). Over the goal is a
// measurement, not a failure: exit 0, with a line on stderr.
int runQueueBench(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
