#include "core/service/RoleMap.h"

#include <QStringList>

namespace fg {

RoleMap RoleMap::defaults()
{
    RoleMap map;
    map.addRule(QStringLiteral("OU"), QStringLiteral("partner"), QStringLiteral("partner"));
    map.addRule(QStringLiteral("OU"), QStringLiteral("workstation"), QStringLiteral("workstation"));
    map.addRule(QStringLiteral("OU"), QStringLiteral("operator"), QStringLiteral("operator"));
    return map;
}

std::optional<RoleMap> RoleMap::parse(const QStringList& entries, QString* error)
{
    RoleMap map;
    for (const QString& entry : entries) {
        const qsizetype equals = entry.indexOf(QLatin1Char('='));
        const qsizetype colon = entry.lastIndexOf(QLatin1Char(':'));
        const QString attribute = entry.left(equals).trimmed().toUpper();
        const bool known = attribute == QLatin1String("CN") || attribute == QLatin1String("O")
            || attribute == QLatin1String("OU");
        if (equals <= 0 || colon < equals + 2 || colon == entry.size() - 1 || !known) {
            if (error)
                *error = QStringLiteral("role binding \"%1\" is not written CN|O|OU=value:role")
                             .arg(entry);
            return std::nullopt;
        }
        map.addRule(attribute, entry.mid(equals + 1, colon - equals - 1).trimmed(), entry.mid(colon + 1).trimmed());
    }
    return map;
}

void RoleMap::addRule(const QString& attribute, const QString& value, const QString& role)
{
    m_rules.push_back({attribute.toUpper(), value, role});
}

QString RoleMap::roleFor(const ClientIdentity& identity) const
{
    if (identity.isNull())
        return {};
    for (const Rule& rule : m_rules) {
        const QString* field = nullptr;
        if (rule.attribute == QLatin1String("CN"))
            field = &identity.commonName;
        else if (rule.attribute == QLatin1String("O"))
            field = &identity.organization;
        else if (rule.attribute == QLatin1String("OU"))
            field = &identity.organizationalUnit;
        if (field && *field == rule.value)
            return rule.role;
    }
    return {};
}

} // namespace fg
