#pragma once

#include "core/security/Role.h"

#include <QDateTime>
#include <QString>

namespace fg {

// A user as the rest of FaceGate sees one: never the password hash or the
// sealed TOTP secret (those stay in UserStore and Authenticator).
struct UserAccount {
    qint64 id = 0;
    QString name;        // the sign-in name: lower case, unique
    QString displayName; // shown beside the role while signed in
    Role role = Role::Officer;
    bool disabled = false;
    int failedAttempts = 0; // consecutive failed sign-ins
    QDateTime lockedUntil;  // invalid when not locked
    QDateTime createdAt;
    QString createdBy; // actor, "cli:root"
    bool passwordChangeRequired = false; // set by an administrator's reset, until the user chooses one

    bool locked(const QDateTime& now) const { return lockedUntil.isValid() && lockedUntil > now; }

    // The actor written into audit events for what this user does.
    QString actor() const { return QStringLiteral("officer:") + name; }
};

} // namespace fg
