#pragma once

#include <QString>

namespace fg {

// The operating system's account this process runs as (its effective user
// id, from the user database), for the actor of audit events written before
// anyone signs in: "workstation:<account>", "cli:<account>". Never the
// environment ($USER, $LOGNAME), which whoever starts the process sets at
// will. "uid<N>" when the id has no entry (a container without /etc/passwd).
QString systemAccountName();

} // namespace fg
