#pragma once

#include "app/cli/CliContext.h"
#include "core/workflow/RetentionPolicy.h"

#include <QStringList>

#include <optional>

namespace fg::cli {

class RecordsSession;

// An ICAO 9303 nationality code: three letters A-Z ("USA", "FRA"). False
// with *error naming the value otherwise.
bool checkCitizenship(const QString& code, QString* error);

// facegate-cli --db URL encounter add --photo IMAGE --citizenship CODE [--exempt]
//     [--verified-at ISO8601] [--decision match|no-match] [--kind entry|exit|checkpoint] [--key-file PATH]
// Makes the template of the photo's traveler (the face pipeline: models
// needed), then stores the encounter, the photo file's bytes and the template,
// sealed with the key (EncounterStore::add). Prints {"id", "decision",
// "photo_id", "template_id", "retention_rule", "verified_at", "purge_due_at",
// "queue_item_id", "kek_id"}. Exit 2: bad usage (a code that is not three
// letters, a time without a zone); exit 1: an unreadable image, no face, a
// key or database failure.
int runEncounterCommand(const QStringList& arguments, RecordsSession& session, CliContext& context);

} // namespace fg::cli
