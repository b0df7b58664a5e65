#pragma once

#include "app/cli/CliContext.h"

#include <QStringList>

namespace fg::cli {

class RecordsSession;

// facegate-cli --db URL user add NAME --role ROLE [--display-name TEXT]
//                            list | disable NAME | enable NAME | unlock NAME |
//                            reset-totp NAME | set-role NAME --role ROLE
//                            [--admin NAME [--code CODE]] [--key-file PATH]
// Manages users (core/security/UserStore). Passwords and codes are read from
// standard input, one a line, never from the command line; on a terminal they
// are asked on stderr, passwords without echo (a new one twice).
//
// The first admin of a database without users: `user add NAME --role admin`,
// the password on the first line, audit event user.add by "cli:<login>".
// Everything else is done by an administrator, --admin NAME, who signs in
// as at the workstation (Authenticator: audited, lockout, a used code
// refused) on the real clock (--now is refused on every user subcommand): their password
// on the first line, their current authenticator code with --code or on the
// next line, then, for add, the new user's password. They must be an enabled
// admin without a temporary password to replace. The audit events of the
// change name them ("officer:<name>") as the actor, with "via": "cli:<login>"
// in the details.
//
// Prints one JSON object: add {"id", "name", "role", "display_name",
// "first_admin", "by", "totp_secret", "totp_uri"} (the TOTP secret shown this
// once, to enrol the authenticator app); list {"users": [{"name",
// "display_name", "role", "disabled", "locked_until" (while locked, else null),
// "failed_attempts", "password_change_required", "created_at", "created_by"}]};
// the others {"action", "name", "by", ...what changed}, reset-totp with the new
// "totp_secret" and "totp_uri". Exit 2 for usage (unknown role, bad name,
// missing --admin, first user not an admin, no password or code given), 1 for
// a refused sign-in or administrator, a password the policy refuses, a name
// that exists or does not, the last enabled administrator disabled or
// demoted, a storage or key failure.
int runUserCommand(const QStringList& arguments, RecordsSession& session, CliContext& context);

} // namespace fg::cli
