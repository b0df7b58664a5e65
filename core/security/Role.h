#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace fg {

// What a signed-in user may do. The names are those of the users table's
// CHECK constraint and of `facegate-cli user add --role`.
enum class Role {
    Officer,           // primary inspection, boarding gate
    CheckpointOfficer, // TSA checkpoint
    Supervisor,        // resolves the no-match queue
    Auditor,           // reads records and the audit log, changes nothing
    Admin,             // users, keys, configuration
};

// "officer", "checkpoint-officer", "supervisor", "auditor", "admin".
QString roleName(Role role);
// The role of that name (exact, lower case); nullopt for anything else.
std::optional<Role> roleFromName(const QString& name);
// Every role name, in the order above (for usage and error texts).
QStringList roleNames();

} // namespace fg
