#pragma once

#include "app/cli/CliContext.h"

#include <QStringList>

namespace fg::cli {

class RecordsSession;

// facegate-cli --db URL stats
// Read-only, no key: the counts of RecordStatistics (encounters by decision,
// mode and kind; photos and templates by retention rule and the next purge
// due under the configured limits; deletions; queue items; users by role;
// audit events; schema version; back-end) as one JSON object.
int runStatsCommand(const QStringList& arguments, RecordsSession& session, CliContext& context);

} // namespace fg::cli
