#include "core/security/Role.h"

#include <array>
#include <utility>

namespace fg {
namespace {

const std::array<std::pair<Role, const char*>, 5> kRoles = {{
    {Role::Officer, "officer"},
    {Role::CheckpointOfficer, "checkpoint-officer"},
    {Role::Supervisor, "supervisor"},
    {Role::Auditor, "auditor"},
    {Role::Admin, "admin"},
}};

} // namespace

QString roleName(Role role)
{
    for (const auto& [value, name] : kRoles) {
        if (value == role)
            return QString::fromLatin1(name);
    }
    return {};
}

std::optional<Role> roleFromName(const QString& name)
{
    for (const auto& [value, text] : kRoles) {
        if (name == QLatin1String(text))
            return value;
    }
    return std::nullopt;
}

QStringList roleNames()
{
    QStringList names;
    for (const auto& entry : kRoles)
        names.append(QString::fromLatin1(entry.second));
    return names;
}

} // namespace fg
