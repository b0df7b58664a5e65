#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace fg {

class AuditKey;

// A signed statement of an audit log's head, kept outside the database: "the
// log of database D had event seq with hash H at time T". Signed with the
// audit key's Ed25519 key (AuditKey::sign) over a length-prefixed encoding of
// the fields; written as one JSON file per checkpoint into a folder
// (audit/checkpointFolder), never overwritten. AuditLog::verifyWithCheckpoints
// checks a database against them.
struct AuditCheckpoint {
    QString databaseId;
    qint64 seq = 0;
    QString headHash;
    qint64 atMs = 0;
    QString keyId;
    QByteArray signature; // raw Ed25519 signature

    QByteArray signedBytes() const;
    bool sign(const AuditKey& key, QString* error);
    bool signatureValid(QByteArrayView publicKey) const;

    // {"format", "database_id", "seq", "head_hash", "at", "key_id", "signature"}
    QJsonObject toJson() const;
    static std::optional<AuditCheckpoint> fromJson(const QJsonObject& json, QString* error);

    // <folder>/audit-checkpoint-<database id>-<seq>-<at ms>.json, created (0644,
    // folders 0700) with O_EXCL and fsync'ed. *path: the file written.
    bool write(const QString& folder, QString* path, QString* error) const;

    struct File;
    // Every audit-checkpoint-*.json of `folder`, by name. False with *error when the folder cannot be read.
    static bool readFolder(const QString& folder, std::vector<File>* files, QString* error);
};

// One file of a checkpoint folder.
struct AuditCheckpoint::File {
    QString path;
    std::optional<AuditCheckpoint> checkpoint; // nullopt: unreadable (problem says why)
    QString problem;
};

} // namespace fg
