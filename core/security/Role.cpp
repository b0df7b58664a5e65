#include "core/security/Role.h"

#include "core/storage/EnumNames.h"

namespace fg {
namespace {

constexpr NameTable<Role, 5> kRoles{{
    {Role::Officer, "officer"},
    {Role::CheckpointOfficer, "checkpoint-officer"},
    {Role::Supervisor, "supervisor"},
    {Role::Auditor, "auditor"},
    {Role::Admin, "admin"},
}};
static_assert(listsEveryValueInOrder(kRoles));

} // namespace

QString roleName(Role role)
{
    return nameIn(kRoles, role);
}

std::optional<Role> roleFromName(const QString& name)
{
    return valueIn(kRoles, name);
}

QStringList roleNames()
{
    return namesIn(kRoles);
}

} // namespace fg
