#include "core/security/KeyStore.h"

#include "core/security/AuditLog.h"
#include "core/security/CryptoRandom.h"
#include "core/security/Envelope.h"
#include "core/storage/Clock.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonObject>
#include <QSqlQuery>

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
};

std::optional<std::vector<RegisteredKek>> registeredKeks(const Database& database, QString* error)
{
    QSqlQuery rows = database.query();
    rows.prepare(QStringLiteral("SELECT id, kind, salt, scrypt_n, scrypt_r, scrypt_p, check_value FROM keks ORDER BY created_at"));
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
        result.push_back(std::move(kek));
    }
    return result;
}

bool sameBytes(const QByteArray& a, const QByteArray& b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.constData(), b.constData(), static_cast<size_t>(a.size())) == 0;
}

} // namespace

KeyStore::KeyStore(const Database& database, const AuditLog& audit, KeyEncryptionKey kek)
    : m_database(database)
    , m_audit(audit)
    , m_kek(std::move(kek))
{
}

std::unique_ptr<KeyStore> KeyStore::openWithKeyFile(const Database& database, const AuditLog& audit,
                                                    const QString& keyFile, const QString& actor, QString* error)
{
    std::optional<KeyEncryptionKey> kek = KeyEncryptionKey::fromKeyFile(keyFile, error);
    if (!kek)
        return nullptr;
    return adopt(database, audit, std::move(*kek), Source::File, {}, {}, QStringLiteral("the key file %1").arg(keyFile),
                 actor, error);
}

QString KeyStore::defaultKeyFile()
{
    return QDir::homePath() + QStringLiteral("/.local/share/facegate/keys/facegate.kek");
}

std::unique_ptr<KeyStore> KeyStore::openDefaultKeyFile(const Database& database, const AuditLog& audit,
                                                       const QString& actor, QString* error)
{
    const QString keyFile = defaultKeyFile();
    if (!QFileInfo::exists(keyFile)) {
        const auto registered = registeredKeks(database, error);
        if (!registered)
            return nullptr;
        if (!registered->empty()) {
            *error = QStringLiteral("%1 is sealed with key %2, but no key file was named and the default one, %3, "
                                    "does not exist")
                         .arg(database.url().toDisplayString(), registered->front().id, keyFile);
            return nullptr;
        }
        if (database.isReadOnly()) {
            *error = QStringLiteral("%1 is open read-only; no key file can be made for it").arg(database.url().toDisplayString());
            return nullptr;
        }
        if (!KeyEncryptionKey::createKeyFile(keyFile, error))
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
    if (!known && !registered->empty()) {
        QStringList ids;
        for (const RegisteredKek& candidate : *registered)
            ids.append(candidate.id);
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
        const bool fromFile = source == Source::File;
        insert.addBindValue(kek.id());
        insert.addBindValue(fromFile ? QStringLiteral("file") : QStringLiteral("passphrase"));
        insert.addBindValue(fromFile ? QVariant(QMetaType(QMetaType::QByteArray)) : QVariant(salt));
        insert.addBindValue(fromFile ? QVariant(QMetaType(QMetaType::LongLong)) : QVariant(qint64(params.n)));
        insert.addBindValue(fromFile ? QVariant(QMetaType(QMetaType::Int)) : QVariant(int(params.r)));
        insert.addBindValue(fromFile ? QVariant(QMetaType(QMetaType::Int)) : QVariant(int(params.p)));
        insert.addBindValue(kek.checkValue());
        insert.addBindValue(audit.clock().nowMs());
        if (!database.exec(insert, QStringLiteral("register key %1").arg(kek.id()), error))
            return nullptr;
        if (!audit.append(actor, QStringLiteral("key.register"), QStringLiteral("kek:") + kek.id(),
                          QJsonObject{{QStringLiteral("source"), fromFile ? QStringLiteral("file") : QStringLiteral("passphrase")}},
                          error))
            return nullptr;
    }
    if (!audit.append(actor, QStringLiteral("key.open"), QStringLiteral("kek:") + kek.id(), {}, error)
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
    return m_database.exec(insert, QStringLiteral("keep the data key of %1").arg(record.binding), error);
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
