#pragma once

#include <QString>

#include <optional>

namespace fg {
class Database;
}

namespace fg::cli {

// Whose the expired photos are: one U.S. and one other traveler, an encounter each.
struct ExpiredPhotoOwners {
    qint64 encounterUs = 0;
    qint64 encounterOther = 0;
    qint64 travelerUs = 0;
    qint64 travelerOther = 0;
};

// Adds the two travelers and their encounters in one transaction.
std::optional<ExpiredPhotoOwners> addExpiredPhotoOwners(const Database& database, qint64 nowMs, QString* error);

// Adds count photos past their retention as of nowMs (verified 15 to 16 days
// before it, alternately a U.S. citizen's and another traveler's), each a
// random blob of blobBytes recorded as sealed under kekId: never opened, only
// purged (bench purge, and the tests that need a purge of some size). One
// transaction per 1,000 rows.
bool addExpiredPhotos(const Database& database, const ExpiredPhotoOwners& owners, const QString& kekId, qint64 count,
                      int blobBytes, qint64 nowMs, QString* error);

} // namespace fg::cli
