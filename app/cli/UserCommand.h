#pragma once

#include "app/cli/CliContext.h"

#include <QStringList>

namespace fg::cli {

class RecordsSession;

// facegate-cli --db URL user add NAME --role ROLE [--display-name TEXT] [--key-file PATH]
// Adds a user (core/security/UserStore). The password is the first line of
// standard input; on a terminal it is asked for twice on stderr, without
// echo. It is never taken from the command line. On a database without
// users only --role admin is accepted (the first admin); after that the
// operator, who has the database and its key, may add any role. Audit event
// user.add by "cli:<login>". Prints {"id", "name", "role", "display_name",
// "first_admin", "totp_secret", "totp_uri"}: the TOTP secret is shown this
// once, to enrol the user's authenticator app. Exit 2 for usage (unknown
// role, bad name, first user not an admin, no password given), 1 for a
// password the policy refuses, a name that exists, or a storage/key failure.
int runUserCommand(const QStringList& arguments, RecordsSession& session, CliContext& context);

} // namespace fg::cli
