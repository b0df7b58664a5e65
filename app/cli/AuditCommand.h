#pragma once

#include "app/cli/CliContext.h"

#include <QStringList>

namespace fg::cli {

class RecordsSession;

// facegate-cli --db URL audit verify
// Read-only, no key. Walks the hash chain of the audit log (AuditLog::verify).
// Intact: exit 0, {"intact": true, "events": N, "head": "<hash>"}. Broken:
// exit 1, {"intact": false, "events": N, "first_bad_event": seq, "problem": "..."}
// and a line on stderr naming the event.
int runAuditCommand(const QStringList& arguments, RecordsSession& session, CliContext& context);

} // namespace fg::cli
