#pragma once

#include "app/cli/CliContext.h"

#include <QStringList>

namespace fg::cli {

class RecordsSession;

// facegate-cli --db URL audit verify [--checkpoints DIR] [--audit-key FILE]
// Read-only; needs the audit key (--audit-key, else $FACEGATE_AUDIT_KEY_FILE,
// else audit/keyFile, else AuditKey::defaultKeyFile()), never the key-encryption
// key: without it, exit 1 saying so. Walks the keyed hash chain of the audit
// log (AuditLog::verify) and, with --checkpoints, checks it against the signed
// checkpoints in DIR (AuditLog::verifyWithCheckpoints).
// Intact: exit 0, {"intact": true, "events": N, "head": "<hash>", "audit_key":
// id, "keyed_from": seq|null [, "checkpoints": n]}. Broken: exit 1, {"intact":
// false, "events": N, "first_bad_event": seq, "problem": "..."} and a line on
// stderr naming the event.
//
// facegate-cli --db URL audit public-key [--audit-key FILE]
// {"audit_key": id, "ed25519_public_key": hex}: what checks the checkpoints'
// signatures (AuditCheckpoint::signedBytes) without the audit key.
int runAuditCommand(const QStringList& arguments, RecordsSession& session, CliContext& context);

} // namespace fg::cli
