#pragma once

#include "app/cli/CliContext.h"

#include <QStringList>

namespace fg::cli {

class RecordsSession;

// facegate-cli --db URL key rotate --new-key-file PATH [--key-file PATH] [--batch N]
// Moves every data key from the key in use (--key-file, $FACEGATE_KEY_FILE,
// $FACEGATE_PASSPHRASE or the default key file, as for every command) to the
// key of --new-key-file (made, 0600, when it does not exist), without
// decrypting a record (KeyStore::rotate), in batches of N keys (default
// 1000), printing "rewrapped R, L left" on standard error after each. Stopped
// half-way (killed, a lost connection), the same command resumes. When done,
// the old key file is destroyed (overwritten, removed; event key.destroy):
// also when an earlier run retired the key but stopped before that. Prints
// {"from", "to", "rewrapped", "rewrapped_before", "batches", "seconds",
// "old_key_file": path or null (a passphrase), "destroyed": bool}.
int runKeyCommand(const QStringList& arguments, RecordsSession& session, CliContext& context);

} // namespace fg::cli
