#pragma once

#include "core/service/ClientIdentity.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace fg {

class Clock;
class Database;

// One verify or identify facegate-matchd answered: the encounter it stored
// and the client certificate it came from (table service_submissions).
struct ServiceSubmission {
    QString id;                 // a uuid, given to the client
    qint64 encounterId = 0;
    QByteArray clientFingerprint; // SHA-256 of the client certificate, hex
    QString clientSubject;      // "CN=ua-camera-7,O=United Airlines,OU=partner"
    QString clientRole;         // "partner", "workstation"
    QDateTime createdAt;
};

// The service's submissions, by id: written after the encounter is stored,
// read when a partner attests that it purged the photo.
class SubmissionStore {
public:
    SubmissionStore(const Database& database, const Clock& clock);

    // A new submission id for the encounter, or nullopt with *error.
    std::optional<QString> add(qint64 encounterId, const ClientIdentity& client, QString* error) const;
    // nullopt with *found = false for an unknown id (not an error), or with
    // *error when the database could not be read.
    std::optional<ServiceSubmission> find(const QString& id, bool* found, QString* error) const;

private:
    const Database& m_database;
    const Clock& m_clock;
};

} // namespace fg
