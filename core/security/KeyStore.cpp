#include "core/security/KeyStore.h"

#include "core/security/AuditLog.h"
#include "core/security/CryptoRandom.h"
#include "core/security/Envelope.h"
#include "core/security/Pkcs11Key.h"
#include "core/storage/Clock.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QSqlQuery>

#include <algorithm>
#include <vector>

#include <openssl/crypto.h>

namespace fg {
namespace {

const int kSaltBytes = 16;

struct RegisteredKek {
    QString id;
    QString kind;
    QByteArray salt;
    ScryptParams params;
    QByteArray checkValue;
    QVariant retiredAt; // null: in use
};

std::optional<std::vector<RegisteredKek>> registeredKeks(const Database& database, QString* error)
{
    QSqlQuery rows = database.query();
    rows.prepare(QStringLiteral("SELECT id, kind, salt, scrypt_n, scrypt_r, scrypt_p, check_value, retired_at FROM keks ORDER BY created_at"));
    if (!database.exec(rows, QStringLiteral("read the registered keys"), error))
        return std::nullopt;
    std::vector<RegisteredKek> result;
    while (rows.next()) {
        RegisteredKek kek;
        kek.id = rows.value(0).toString();
        kek.kind = rows.value(1).toString();
        kek.salt = rows.value(2).toByteArray();
        kek.params.n = rows.value(3).toULongLong();
        kek.params.r = rows.value(4).toUInt();
        kek.params.p = rows.value(5).toUInt();
        kek.checkValue = rows.value(6).toByteArray();
        kek.retiredAt = rows.value(7);
        result.push_back(std::move(kek));
    }
    return result;
}

// The keks.kind of a key's source (schema 9 adds "pkcs11").
QString kindOf(KeyStore::Source source)
{
    switch (source) {
    case KeyStore::Source::File:
        return QStringLiteral("file");
    case KeyStore::Source::Passphrase:
        return QStringLiteral("passphrase");
    case KeyStore::Source::Token:
        return QStringLiteral("pkcs11");
    }
    return QString();
}

bool sameBytes(const QByteArray& a, const QByteArray& b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

// Makes the first key of a database at `location` (a key file, a key in a
// token); a database sealed already is refused, naming the missing key.
bool makeFirstKey(const Database& database, const QString& location, QString* error)
{
    const auto registered = registeredKeks(database, error);
    if (!registered)
        return false;
    if (!registered->empty()) {
        *error = QStringLiteral("%1 is sealed with key %2, but %3 does not exist")
                     .arg(database.url().toDisplayString(), registered->front().id,
                          KeyEncryptionKey::displayLocation(location));
        return false;
    }
    if (database.isReadOnly()) {
        *error = QStringLiteral("%1 is open read-only; no key can be made for it").arg(database.url().toDisplayString());
        return false;
    }
    return KeyEncryptionKey::create(location, error);
}

} // namespace

KeyStore::KeyStore(const Database& database, const AuditLog& audit, KeyEncryptionKey kek)
    : m_database(database)
    , m_audit(audit)
    , m_kek(std::move(kek))
{
}

std::unique_ptr<KeyStore> KeyStore::openWithKeyFile(const Database& database, const AuditLog& audit,
                                                    const QString& location, const QString& actor, QString* error)
{
    if (KeyEncryptionKey::isTokenLocation(location)) {
        const std::optional<bool> exists = KeyEncryptionKey::exists(location, error);
        if (!exists || (!*exists && !makeFirstKey(database, location, error)))
            return nullptr;
    }
    std::optional<KeyEncryptionKey> kek = KeyEncryptionKey::open(location, error);
    if (!kek)
        return nullptr;
    const Source source = kek->token() ? Source::Token : Source::File;
    const QString origin = kek->token() ? QStringLiteral("the %1").arg(kek->token()->description())
                                        : QStringLiteral("the key file %1").arg(location);
    return adopt(database, audit, std::move(*kek), source, {}, {}, origin, actor, error);
}

QString KeyStore::defaultKeyFile()
{
    return QDir::homePath() + QStringLiteral("/.local/share/facegate/keys/facegate.kek");
}

std::unique_ptr<KeyStore> KeyStore::openDefaultKeyFile(const Database& database, const AuditLog& audit,
                                                       const QString& actor, QString* error)
{
    const QString keyFile = defaultKeyFile();
    if (!QFileInfo::exists(keyFile) && !makeFirstKey(database, keyFile, error)) {
        if (error->contains(keyFile))
            *error += QStringLiteral(" (the default key file: no key file was named)");
        return nullptr;
    }
    return openWithKeyFile(database, audit, keyFile, actor, error);
}

std::unique_ptr<KeyStore> KeyStore::openWithPassphrase(const Database& database, const AuditLog& audit,
                                                       const SecureBuffer& passphrase, const QString& actor,
                                                       QString* error, const ScryptParams& params)
{
    if (passphrase.isEmpty()) {
        *error = QStringLiteral("the passphrase is empty");
        return nullptr;
    }
    const auto registered = registeredKeks(database, error);
    if (!registered)
        return nullptr;
    // Try each registered passphrase key's salt; a new database gets a new salt.
    for (const RegisteredKek& candidate : *registered) {
        if (candidate.kind != QLatin1String("passphrase"))
            continue;
        std::optional<KeyEncryptionKey> kek = KeyEncryptionKey::fromPassphrase(passphrase, candidate.salt, candidate.params, error);
        if (!kek)
            return nullptr;
        if (sameBytes(kek->checkValue(), candidate.checkValue))
            return adopt(database, audit, std::move(*kek), Source::Passphrase, candidate.salt, candidate.params,
                         QStringLiteral("the passphrase"), actor, error);
    }
    if (!registered->empty()) {
        *error = QStringLiteral("the passphrase does not open %1 (wrong passphrase); nothing was changed")
                     .arg(database.url().toDisplayString());
        return nullptr;
    }
    const std::optional<QByteArray> salt = CryptoRandom::bytes(kSaltBytes, error);
    if (!salt)
        return nullptr;
    std::optional<KeyEncryptionKey> kek = KeyEncryptionKey::fromPassphrase(passphrase, *salt, params, error);
    if (!kek)
        return nullptr;
    return adopt(database, audit, std::move(*kek), Source::Passphrase, *salt, params, QStringLiteral("the passphrase"),
                 actor, error);
}

std::unique_ptr<KeyStore> KeyStore::adopt(const Database& database, const AuditLog& audit, KeyEncryptionKey kek,
                                          Source source, const QByteArray& salt, const ScryptParams& params,
                                          const QString& origin, const QString& actor, QString* error)
{
    const auto registered = registeredKeks(database, error);
    if (!registered)
        return nullptr;
    bool known = false;
    for (const RegisteredKek& candidate : *registered)
        known = known || (candidate.id == kek.id() && sameBytes(candidate.checkValue, kek.checkValue()));
    for (const RegisteredKek& candidate : *registered) {
        if (candidate.id == kek.id() && !candidate.retiredAt.isNull()) {
            *error = QStringLiteral("%1 is key %2, retired on %3 when %4 was rotated to a new key: open it with the new "
                                    "key; nothing was changed")
                         .arg(origin, kek.id(),
                              QDateTime::fromMSecsSinceEpoch(candidate.retiredAt.toLongLong(), Qt::UTC)
                                  .toString(Qt::ISODate),
                              database.url().toDisplayString());
            return nullptr;
        }
    }
    if (!known && !registered->empty()) {
        QStringList ids;
        for (const RegisteredKek& candidate : *registered) {
            if (candidate.retiredAt.isNull())
                ids.append(candidate.id);
        }
        *error = QStringLiteral("%1 does not open %2: it was sealed with key %3, this is key %4; nothing was changed")
                     .arg(origin, database.url().toDisplayString(), ids.join(QStringLiteral(", ")), kek.id());
        return nullptr;
    }
    if (database.isReadOnly()) {
        *error = QStringLiteral("%1 is open read-only; the key cannot be used").arg(database.url().toDisplayString());
        return nullptr;
    }

    Transaction transaction(database);
    if (!transaction.begin(error))
        return nullptr;
    if (!known) {
        QSqlQuery insert = database.query();
        insert.prepare(QStringLiteral("INSERT INTO keks (id, kind, salt, scrypt_n, scrypt_r, scrypt_p, check_value, created_at) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
        const bool passphrase = source == Source::Passphrase;
        insert.addBindValue(kek.id());
        insert.addBindValue(kindOf(source));
        insert.addBindValue(!passphrase ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(salt));
        insert.addBindValue(!passphrase ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(qint64(params.n)));
        insert.addBindValue(!passphrase ? QVariant(QMetaType(QMetaType::Int)) : QVariant(int(params.r)));
        insert.addBindValue(!passphrase ? QVariant(QMetaType(QMetaType::Int)) : QVariant(int(params.p)));
        insert.addBindValue(kek.checkValue());
        insert.addBindValue(audit.clock().nowMs());
        if (!database.exec(insert, QStringLiteral("register key %1").arg(kek.id()), error))
            return nullptr;
        if (!audit.append(actor, QStringLiteral("key.register"), QStringLiteral("kek:") + kek.id(),
                          QJsonObject{{QStringLiteral("source"), kindOf(source)}}, error))
            return nullptr;
    }
    // A key in a token is named with its token, so the log says which device holds it.
    QJsonObject opened;
    if (kek.token())
        opened = QJsonObject{{QStringLiteral("source"), kindOf(source)},
                             {QStringLiteral("token"), kek.token()->description()},
                             {QStringLiteral("uri"), kek.token()->uri()}};
    if (!audit.append(actor, QStringLiteral("key.open"), QStringLiteral("kek:") + kek.id(), opened, error)
        || !transaction.commit(error))
        return nullptr;
    return std::unique_ptr<KeyStore>(new KeyStore(database, audit, std::move(kek)));
}

std::optional<KeyStore::SealedRecord> KeyStore::seal(QByteArrayView plaintext, const QString& binding,
                                                     QString* error) const
{
    std::optional<Envelope::Sealed> sealed = Envelope::seal(m_kek, plaintext, binding.toUtf8(), error);
    if (!sealed)
        return std::nullopt;
    return SealedRecord{binding, std::move(sealed->key), std::move(sealed->data)};
}

bool KeyStore::keep(const SealedRecord& record, QString* error) const
{
    // Delete, then insert: the same statements on both back-ends, and a
    // replaced key goes the way of every destroyed one.
    QSqlQuery remove = m_database.query();
    remove.prepare(QStringLiteral("DELETE FROM data_keys WHERE binding = ?"));
    remove.addBindValue(record.binding);
    if (!m_database.exec(remove, QStringLiteral("replace the data key of %1").arg(record.binding), error))
        return false;
    QSqlQuery insert = m_database.query();
    insert.prepare(QStringLiteral("INSERT INTO data_keys (binding, kek_id, wrapped, created_at) VALUES (?, ?, ?, ?)"));
    insert.addBindValue(record.binding);
    insert.addBindValue(m_kek.id());
    insert.addBindValue(record.key);
    insert.addBindValue(m_audit.clock().nowMs());
    if (!m_database.exec(insert, QStringLiteral("keep the data key of %1").arg(record.binding), error))
        return false;
    // Read after the insert, in its transaction: a rotation that retired this
    // KEK meanwhile has committed before the insert could take its lock.
    const std::optional<QDateTime> retired = retiredAt(m_database, m_kek.id(), error);
    if (!retired)
        return false;
    if (retired->isValid()) {
        *error = QStringLiteral("key %1 was retired on %2 by a rotation to a new key: nothing sealed with it is kept; "
                                "restart with the new key")
                     .arg(m_kek.id(), retired->toString(Qt::ISODate));
        return false;
    }
    return true;
}

std::optional<QDateTime> KeyStore::retiredAt(const Database& database, const QString& kekId, QString* error)
{
    const std::optional<QVariant> retired = database.scalar(QStringLiteral("SELECT retired_at FROM keks WHERE id = ?"),
                                                            {kekId}, QStringLiteral("read key %1").arg(kekId), error);
    if (!retired)
        return std::nullopt;
    return retired->isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(retired->toLongLong(), Qt::UTC);
}

std::optional<KeyStore::RotationReport> KeyStore::rotate(KeyEncryptionKey next, const QString& actor, int batchSize,
                                                         const std::function<void(const RotationProgress&)>& progress,
                                                         QString* error)
{
    QElapsedTimer timer;
    timer.start();
    RotationReport report;
    report.from = m_kek.id();
    report.to = next.id();
    if (next.id() == m_kek.id()) {
        *error = QStringLiteral("the new key is the key in use (%1)").arg(next.id());
        return std::nullopt;
    }
    const QJsonObject keys{{QStringLiteral("from"), report.from}, {QStringLiteral("to"), report.to}};
    {
        Transaction transaction(m_database);
        if (!transaction.begin(error))
            return std::nullopt;
        const auto registered = registeredKeks(m_database, error);
        if (!registered)
            return std::nullopt;
        const auto known = std::find_if(registered->begin(), registered->end(),
                                        [&](const RegisteredKek& kek) { return kek.id == next.id(); });
        if (known != registered->end()) {
            if (!sameBytes(known->checkValue, next.checkValue())) {
                *error = QStringLiteral("the new key's id %1 is registered with another check value").arg(next.id());
                return std::nullopt;
            }
            if (!known->retiredAt.isNull()) {
                *error = QStringLiteral("the new key %1 was retired by an earlier rotation").arg(next.id());
                return std::nullopt;
            }
        } else {
            QSqlQuery insert = m_database.query();
            const QString kind = kindOf(next.token() ? Source::Token : Source::File);
            insert.prepare(QStringLiteral("INSERT INTO keks (id, kind, check_value, created_at) VALUES (?, ?, ?, ?)"));
            insert.addBindValue(next.id());
            insert.addBindValue(kind);
            insert.addBindValue(next.checkValue());
            insert.addBindValue(m_audit.clock().nowMs());
            if (!m_database.exec(insert, QStringLiteral("register key %1").arg(next.id()), error)
                || !m_audit.append(actor, QStringLiteral("key.register"), QStringLiteral("kek:") + next.id(),
                                   QJsonObject{{QStringLiteral("source"), kind}}, error)
                || !m_audit.append(actor, QStringLiteral("key.rotate"), QStringLiteral("kek:") + report.from,
                                   keys, error))
                return std::nullopt;
        }
        const std::optional<QVariant> before =
            m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM data_keys WHERE kek_id = ?"), {next.id()},
                              QStringLiteral("count the keys rewrapped before"), error);
        if (!before || !transaction.commit(error))
            return std::nullopt;
        report.before = before->toLongLong();
    }

    RotationProgress done;
    for (;;) {
        // One batch: the next keys still under the old KEK, rewrapped and written back.
        Transaction transaction(m_database);
        if (!transaction.begin(error))
            return std::nullopt;
        QSqlQuery select = m_database.query();
        select.prepare(QStringLiteral("SELECT binding, wrapped FROM data_keys WHERE kek_id = ? ORDER BY binding LIMIT %1")
                           .arg(std::max(1, batchSize))
                       + m_database.forUpdate());
        select.addBindValue(report.from);
        if (!m_database.exec(select, QStringLiteral("read the keys under %1").arg(report.from), error))
            return std::nullopt;
        std::vector<std::pair<QString, QByteArray>> batch;
        while (select.next())
            batch.emplace_back(select.value(0).toString(), select.value(1).toByteArray());
        select.finish();
        if (batch.empty()) {
            // None left: retire the old KEK, unless a key was kept under it meanwhile.
            if (!m_database.isSqlite()
                && !m_database.exec(QStringLiteral("LOCK TABLE data_keys IN SHARE MODE"),
                                    QStringLiteral("hold the data keys still"), error))
                return std::nullopt;
            const std::optional<QVariant> left =
                m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM data_keys WHERE kek_id = ?"), {report.from},
                                  QStringLiteral("count the keys under %1").arg(report.from), error);
            if (!left)
                return std::nullopt;
            if (left->toLongLong() > 0)
                continue; // the transaction rolls back; rewrap those too
            QSqlQuery retire = m_database.query();
            retire.prepare(QStringLiteral("UPDATE keks SET retired_at = ? WHERE id = ?"));
            retire.addBindValue(m_audit.clock().nowMs());
            retire.addBindValue(report.from);
            QJsonObject details = keys;
            details.insert(QStringLiteral("rewrapped"), report.before + done.rewrapped);
            if (!m_database.exec(retire, QStringLiteral("retire key %1").arg(report.from), error)
                || !m_audit.append(actor, QStringLiteral("key.retire"), QStringLiteral("kek:") + report.from,
                                   details, error)
                || !transaction.commit(error))
                return std::nullopt;
            break;
        }
        QSqlQuery update = m_database.query();
        update.prepare(QStringLiteral("UPDATE data_keys SET kek_id = ?, wrapped = ? WHERE binding = ? AND kek_id = ?"));
        for (const auto& [binding, wrapped] : batch) {
            const std::optional<QByteArray> rewrapped = Envelope::rewrap(m_kek, next, wrapped, binding.toUtf8(), error);
            if (!rewrapped) {
                *error = QStringLiteral("the data key of %1 does not unwrap under key %2: %3").arg(binding, report.from, *error);
                return std::nullopt;
            }
            update.addBindValue(report.to);
            update.addBindValue(*rewrapped);
            update.addBindValue(binding);
            update.addBindValue(report.from);
            if (!m_database.exec(update, QStringLiteral("rewrap the data key of %1").arg(binding), error))
                return std::nullopt;
        }
        QJsonObject details = keys;
        details.insert(QStringLiteral("count"), qint64(batch.size()));
        details.insert(QStringLiteral("first"), batch.front().first);
        details.insert(QStringLiteral("last"), batch.back().first);
        if (!m_audit.append(actor, QStringLiteral("key.rewrap"), QStringLiteral("kek:") + report.from, details,
                            error)
            || !transaction.commit(error))
            return std::nullopt;
        done.rewrapped += qint64(batch.size());
        ++done.batches;
        if (progress) {
            const std::optional<QVariant> left =
                m_database.scalar(QStringLiteral("SELECT COUNT(*) FROM data_keys WHERE kek_id = ?"), {report.from},
                                  QStringLiteral("count the keys under %1").arg(report.from), error);
            if (!left)
                return std::nullopt;
            done.remaining = left->toLongLong();
            progress(done);
        }
    }
    m_kek = std::move(next);
    // The old wrappings' dead row versions open under no key once the old KEK is destroyed; shred them all the same.
    QString why;
    if (!m_database.shred(QStringLiteral("data_keys"), &why))
        qWarning("FaceGate: key %s was retired, but the old wrappings remain in the database files until data_keys is "
                 "rewritten: %s",
                 qPrintable(report.from), qPrintable(why));
    report.rewrapped = done.rewrapped;
    report.batches = done.batches;
    report.seconds = double(timer.nsecsElapsed()) / 1e9;
    return report;
}

std::optional<QByteArray> KeyStore::keptKey(const QString& binding, QString* error) const
{
    QSqlQuery row = m_database.query();
    row.prepare(QStringLiteral("SELECT wrapped FROM data_keys WHERE binding = ?"));
    row.addBindValue(binding);
    if (!m_database.exec(row, QStringLiteral("read the data key of %1").arg(binding), error))
        return std::nullopt;
    if (!row.next()) {
        *error = QStringLiteral("the data key of %1 does not exist (destroyed when the record was deleted)").arg(binding);
        return std::nullopt;
    }
    return row.value(0).toByteArray();
}

bool KeyStore::audit(const QString& binding, const KeyAccess& access, bool withinTransaction, QString* error) const
{
    const QJsonObject details{{QStringLiteral("purpose"), access.purpose}, {QStringLiteral("kek"), m_kek.id()}};
    const QString actor = access.actor.isEmpty() ? QStringLiteral("unknown") : access.actor;
    return withinTransaction ? m_audit.append(actor, QStringLiteral("key.unwrap"), binding, details, error)
                             : m_audit.record(actor, QStringLiteral("key.unwrap"), binding, details, error);
}

std::optional<QByteArray> KeyStore::unseal(QByteArrayView data, const QString& binding, const KeyAccess& access,
                                           QString* error) const
{
    if (!audit(binding, access, false, error))
        return std::nullopt;
    const std::optional<QByteArray> key = keptKey(binding, error);
    if (!key)
        return std::nullopt;
    return Envelope::open(m_kek, *key, data, binding.toUtf8(), error);
}

std::optional<QByteArray> KeyStore::unsealWithin(QByteArrayView data, const QString& binding, const KeyAccess& access,
                                                 QString* error) const
{
    if (!audit(binding, access, true, error))
        return std::nullopt;
    const std::optional<QByteArray> key = keptKey(binding, error);
    if (!key)
        return std::nullopt;
    return Envelope::open(m_kek, *key, data, binding.toUtf8(), error);
}

std::optional<SecureBuffer> KeyStore::unsealSecret(QByteArrayView data, const QString& binding,
                                                   const KeyAccess& access, QString* error) const
{
    if (!audit(binding, access, false, error))
        return std::nullopt;
    const std::optional<QByteArray> key = keptKey(binding, error);
    if (!key)
        return std::nullopt;
    return Envelope::openSecret(m_kek, *key, data, binding.toUtf8(), error);
}

} // namespace fg
