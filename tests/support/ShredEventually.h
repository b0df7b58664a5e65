#pragma once

// A purge's shred (Purger::reclaim, Database::shred) waits at most
// Database::kShredWaitMs for transactions older than itself anywhere on the
// PostgreSQL server; under ctest -j2 another test's (its DROP DATABASE at the
// end, say) can outlast that, and the purge then reports reclaimed = false,
// as documented: the next purge shreds again. The tests shred again until it
// is done, 30 s at the most, as the next purges would. Header-only: the tests
// that include it link the workflow library.
#include "core/storage/Database.h"
#include "core/workflow/Purger.h"

#include <QDeadlineTimer>
#include <QString>

namespace fg::test {

inline bool shredEventually(const Database& database, bool reclaimed, QString* why)
{
    QDeadlineTimer deadline(30000);
    while (!reclaimed && !deadline.hasExpired())
        reclaimed = Purger::reclaim(database, why);
    return reclaimed;
}

} // namespace fg::test
