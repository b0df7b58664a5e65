#pragma once

#include "core/service/ClientIdentity.h"

#include <QString>

#include <optional>
#include <vector>

namespace fg {

// Binds roles to client certificates by their subject, from configuration:
// "OU=partner -> partner", "OU=workstation -> workstation", or one device by
// "CN=gate-b12 -> supervisor". The first rule that matches wins; a client no
// rule matches has no role and is refused by every route that asks for one.
class RoleMap {
public:
    struct Rule {
        QString attribute; // "CN", "O" or "OU"
        QString value;     // compared exactly (case-sensitive, as in the certificate)
        QString role;
    };

    // The usual binding: OU=partner -> partner, OU=workstation -> workstation,
    // OU=operator -> operator (reads /v1/metrics).
    static RoleMap defaults();

    // Parses rules written "OU=partner:partner" (attribute=value:role), one per
    // entry; an error names the entry and what is wrong with it.
    static std::optional<RoleMap> parse(const QStringList& entries, QString* error);

    void addRule(const QString& attribute, const QString& value, const QString& role);
    QString roleFor(const ClientIdentity& identity) const;
    const std::vector<Rule>& rules() const { return m_rules; }

private:
    std::vector<Rule> m_rules;
};

} // namespace fg
