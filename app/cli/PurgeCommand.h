#pragma once

#include "app/cli/CliContext.h"

#include <QDateTime>
#include <QStringList>

#include <optional>

namespace fg::cli {

class RecordsSession;

// An ISO 8601 instant with a zone ("2026-11-26T09:00:00Z", "...+02:00"); a
// value without a zone is refused: local time would depend on the machine.
std::optional<QDateTime> parseInstant(const QString& text, const QString& option, QString* error);

// `--now ISO8601` among a subcommand's words (nullopt in *now when absent).
// False with *error naming the value when it has no zone or does not parse
// (exit status 2). Only purge takes it (a drill); the dispatcher refuses it
// on every other subcommand.
bool sessionInstant(const QStringList& words, std::optional<QDateTime>* now, QString* error);

// facegate-cli --db URL purge [--now ISO8601]
// Deletes every photo and template past its retention as of now, with the
// limits of the configuration file (Settings::defaultPath(), retention/*; the
// built-in maxima without one). `--now` makes it a drill: it purges as of
// that instant, but its deletion records (deleted_at, drill_as_of) and audit
// events keep the real time, the events marked {"drill": true, "as_of"}.
// The key is not needed; the audit key is. Deletion records and audit events
// name the actor "cli:<login>". Afterwards the audit log's head is signed
// into the checkpoint folder (audit/checkpointFolder). Prints {"now",
// "photos_deleted", "templates_deleted", "by_rule": {rule: {"photos",
// "templates"}}, "keep_seconds": {rule: s}, "batches", "seconds", "reclaimed"
// [, "drill": true] [, "checkpoint": FILE]}; exit 1 (after printing it) when
// the freed pages could not be reclaimed or the checkpoint not written.
int runPurgeCommand(const QStringList& arguments, RecordsSession& session, CliContext& context);

} // namespace fg::cli
