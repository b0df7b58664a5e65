#include "core/security/AuditLog.h"

#include "core/security/AuditCheckpoint.h"
#include "core/security/AuditKey.h"

#include "core/storage/Clock.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QtEndian>

namespace fg {
namespace {

void addField(QCryptographicHash& hash, const QByteArray& bytes)
{
    const quint64 length = qToBigEndian(static_cast<quint64>(bytes.size()));
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(&length), sizeof length));
    hash.addData(bytes);
}

QString compactJson(const QJsonObject& object)
{
    return object.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// Qt's SQL drivers bind a null QString as SQL NULL; the text columns are NOT NULL DEFAULT ''.
QVariant text(const QString& value)
{
    return value.isNull() ? QVariant(QStringLiteral("")) : QVariant(value);
}

QString utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

const QString kKeyedAction = QStringLiteral("audit.keyed");

} // namespace

AuditLog::AuditLog(const Database& database, const Clock& clock, std::shared_ptr<const AuditKey> key)
    : m_database(database)
    , m_clock(clock)
    , m_key(std::move(key))
{
}

QString AuditLog::genesisHash()
{
    return QString(64, QLatin1Char('0'));
}

QString AuditLog::hashOf(const QString& prevHash, qint64 seq, qint64 atMs, const QString& actor, const QString& action,
                         const QString& subject, const QString& detailsJson, const AuditKey* key)
{
    if (key) {
        QByteArray message;
        const auto add = [&message](const QByteArray& bytes) {
            const quint64 length = qToBigEndian(static_cast<quint64>(bytes.size()));
            message.append(reinterpret_cast<const char*>(&length), sizeof length);
            message.append(bytes);
        };
        add(QByteArrayLiteral("FaceGate audit event v2 (HMAC-SHA256)"));
        add(prevHash.toLatin1());
        add(QByteArray::number(seq));
        add(QByteArray::number(atMs));
        add(actor.toUtf8());
        add(action.toUtf8());
        add(subject.toUtf8());
        add(detailsJson.toUtf8());
        return QString::fromLatin1(key->mac(message).toHex());
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    addField(hash, QByteArrayLiteral("FaceGate audit event v1"));
    addField(hash, prevHash.toLatin1());
    addField(hash, QByteArray::number(seq));
    addField(hash, QByteArray::number(atMs));
    addField(hash, actor.toUtf8());
    addField(hash, action.toUtf8());
    addField(hash, subject.toUtf8());
    addField(hash, detailsJson.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

bool AuditLog::requireKey(const QString& what, QString* error) const
{
    if (m_key)
        return true;
    *error = QStringLiteral("cannot %1 without the audit key (AuditKey: ~/.local/share/facegate/keys/audit.key by "
                            "default, or the file named by audit/keyFile or FACEGATE_AUDIT_KEY_FILE)")
                 .arg(what);
    return false;
}

std::optional<std::optional<AuditLog::Registration>> AuditLog::registration(QString* error) const
{
    QSqlQuery query = m_database.query();
    query.prepare(QStringLiteral("SELECT key_id, check_value, from_seq FROM audit_keys ORDER BY from_seq LIMIT 1"));
    if (!m_database.exec(query, QStringLiteral("read the audit key's registration"), error))
        return std::nullopt;
    if (!query.next())
        return std::optional<Registration>();
    return std::optional<Registration>(
        Registration{query.value(0).toString(), query.value(1).toString(), query.value(2).toLongLong()});
}

bool AuditLog::checkRegistration(const Registration& registered, QString* error) const
{
    if (registered.keyId == m_key->id() && registered.checkValue == m_key->checkValue())
        return true;
    *error = QStringLiteral("the audit log of %1 is keyed with audit key %2 (from event %3), but the audit key given "
                            "is %4: without its own key the log can be neither extended nor verified")
                 .arg(m_database.url().toDisplayString(), registered.keyId)
                 .arg(registered.fromSeq)
                 .arg(m_key->id());
    return false;
}

bool AuditLog::insertEvent(qint64 seq, qint64 at, const QString& actor, const QString& action, const QString& subject,
                           const QString& detailsJson, const QString& previousHash, QString* hash,
                           QString* error) const
{
    *hash = hashOf(previousHash, seq, at, actor, action, subject, detailsJson, m_key.get());
    QSqlQuery insert = m_database.query();
    insert.prepare(QStringLiteral("INSERT INTO audit_events (seq, at, actor, action, subject, details, prev_hash, hash) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value : {QVariant(seq), QVariant(at), text(actor), text(action), text(subject),
                                  text(detailsJson), QVariant(previousHash), QVariant(*hash)})
        insert.addBindValue(value);
    if (!m_database.exec(insert, QStringLiteral("append audit event %1 (%2)").arg(seq).arg(action), error))
        return false;
    // One step forward, onto this event (the triggers of migration 008 refuse any other move).
    QSqlQuery move = m_database.query();
    move.prepare(QStringLiteral("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1"));
    move.addBindValue(seq);
    move.addBindValue(*hash);
    return m_database.exec(move, QStringLiteral("move the audit log's head"), error);
}

bool AuditLog::append(const QString& actor, const QString& action, const QString& subject, const QJsonObject& details,
                      QString* error, qint64* seq) const
{
    if (!requireKey(QStringLiteral("append to the audit log"), error))
        return false;
    QSqlQuery head = m_database.query();
    head.prepare(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1") + m_database.forUpdate());
    if (!m_database.exec(head, QStringLiteral("read the audit log's head"), error))
        return false;
    if (!head.next()) {
        // The first event ever: create the head row first, so there is a row
        // to lock. Without it, two PostgreSQL writers would both read "no
        // head" (FOR UPDATE locks nothing) and both write event 1. A second
        // writer's insert waits for the first one's commit, then does nothing,
        // and its SELECT ... FOR UPDATE reads the committed head.
        head.finish();
        QSqlQuery genesis = m_database.query();
        genesis.prepare(QStringLiteral("INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, ?) ON CONFLICT (id) DO NOTHING"));
        genesis.addBindValue(genesisHash());
        if (!m_database.exec(genesis, QStringLiteral("start the audit log's head"), error)
            || !m_database.exec(head, QStringLiteral("read the audit log's head"), error))
            return false;
        if (!head.next()) {
            *error = QStringLiteral("read the audit log's head: the head row is missing");
            return false;
        }
    }
    qint64 previousSeq = head.value(0).toLongLong();
    QString previousHash = previousSeq > 0 ? head.value(1).toString() : genesisHash();
    head.finish();

    // Times never go backwards: the last event's time is the floor.
    const qint64 now = m_clock.nowMs();
    qint64 lastAt = now;
    if (previousSeq > 0) {
        const std::optional<QVariant> last =
            m_database.scalar(QStringLiteral("SELECT at FROM audit_events WHERE seq = ?"), {previousSeq},
                              QStringLiteral("read the time of the last audit event"), error);
        if (!last)
            return false;
        lastAt = last->isNull() ? now : last->toLongLong();
    }
    if (now < lastAt - kClockSkewMs) {
        *error = QStringLiteral("refused to append audit event %1 (%2) dated %3: the last event, %4, is dated %5, more "
                                "than %6 minutes later; audit times never go backwards (is this machine's clock "
                                "wrong?)")
                     .arg(previousSeq + 1)
                     .arg(action, utc(now))
                     .arg(previousSeq)
                     .arg(utc(lastAt))
                     .arg(kClockSkewMs / 60000);
        return false;
    }
    const qint64 at = std::max(now, lastAt);

    const auto registered = registration(error);
    if (!registered)
        return false;
    if (*registered) {
        if (!checkRegistration(**registered, error))
            return false;
    } else {
        // The first event under this key: register it (id, check value and
        // public key, never the key). A log with unkeyed events before gets an
        // "audit.keyed" event first, the first one under the key.
        QSqlQuery insert = m_database.query();
        insert.prepare(QStringLiteral("INSERT INTO audit_keys (key_id, check_value, public_key, from_seq, registered_at) "
                                      "VALUES (?, ?, ?, ?, ?)"));
        for (const QVariant& value : {QVariant(m_key->id()), QVariant(m_key->checkValue()),
                                      QVariant(QString::fromLatin1(m_key->publicKey().toHex())),
                                      QVariant(previousSeq + 1), QVariant(at)})
            insert.addBindValue(value);
        if (!m_database.exec(insert, QStringLiteral("register the audit key"), error))
            return false;
        if (previousSeq > 0) {
            const QString keyedDetails = compactJson(QJsonObject{{QStringLiteral("key_id"), m_key->id()},
                                                                 {QStringLiteral("unkeyed_events"), previousSeq}});
            QString hash;
            if (!insertEvent(previousSeq + 1, at, actor, kKeyedAction, m_key->id(), keyedDetails, previousHash, &hash,
                             error))
                return false;
            ++previousSeq;
            previousHash = hash;
        }
    }

    const qint64 next = previousSeq + 1;
    QString hash;
    if (!insertEvent(next, at, actor, action, subject, compactJson(details), previousHash, &hash, error))
        return false;
    if (seq)
        *seq = next;
    return true;
}

bool AuditLog::record(const QString& actor, const QString& action, const QString& subject, const QJsonObject& details,
                      QString* error, qint64* seq) const
{
    Transaction transaction(m_database);
    return transaction.begin(error) && append(actor, action, subject, details, error, seq) && transaction.commit(error);
}

std::optional<AuditLog::Verification> AuditLog::verify(QString* error, const std::set<qint64>& wantedHashes) const
{
    if (!requireKey(QStringLiteral("verify the audit log"), error))
        return std::nullopt;
    // One snapshot for the rows and the head, so an append meanwhile (another
    // workstation) is not mistaken for a gap.
    if (!m_database.exec(m_database.isSqlite() ? QStringLiteral("BEGIN")
                                               : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"),
                         QStringLiteral("start reading the audit log"), error))
        return std::nullopt;
    const auto result = verifyInSnapshot(error, wantedHashes);
    QString ignored;
    m_database.exec(QStringLiteral("COMMIT"), QStringLiteral("finish reading the audit log"), &ignored);
    return result;
}

std::optional<AuditLog::Verification> AuditLog::verifyInSnapshot(QString* error,
                                                                  const std::set<qint64>& wantedHashes) const
{
    Verification result;
    const auto registered = registration(error);
    if (!registered || (*registered && !checkRegistration(**registered, error)))
        return std::nullopt;
    const qint64 keyedFrom = *registered ? (*registered)->fromSeq : 0;
    result.keyedFromSeq = keyedFrom;

    QSqlQuery rows = m_database.query();
    rows.prepare(QStringLiteral("SELECT seq, at, actor, action, subject, details, prev_hash, hash "
                                "FROM audit_events ORDER BY seq"));
    if (!m_database.exec(rows, QStringLiteral("read the audit log"), error))
        return std::nullopt;
    QString previousHash = genesisHash();
    qint64 previousAt = 0;
    qint64 expected = 1;
    const auto fail = [&result](qint64 seq, const QString& problem) {
        result.firstBadSeq = seq;
        result.problem = problem;
        return result;
    };
    while (rows.next()) {
        const qint64 seq = rows.value(0).toLongLong();
        const qint64 at = rows.value(1).toLongLong();
        ++result.events;
        if (seq > expected) {
            return fail(expected, QStringLiteral("event %1 is missing (removed): the next stored event is %2")
                                      .arg(expected)
                                      .arg(seq));
        }
        if (seq < expected) {
            // Rows come in seq order and seq is unique: only a number below 1 gets here.
            return fail(seq, QStringLiteral("event %1 precedes the first event: it was not written by the log (forged)")
                                 .arg(seq));
        }
        if (rows.value(6).toString() != previousHash) {
            return fail(seq, QStringLiteral("event %1 does not follow event %2: its link to the previous event does "
                                            "not match (an event before it was removed, reordered or edited)")
                                 .arg(seq)
                                 .arg(seq - 1));
        }
        const bool keyed = keyedFrom > 0 && seq >= keyedFrom;
        if (keyed && seq == keyedFrom && seq > 1 && rows.value(3).toString() != kKeyedAction) {
            return fail(seq, QStringLiteral("event %1 should be the switch to the audit key (%2), the first keyed event "
                                            "after %3 unkeyed ones, but it is \"%4\"")
                                 .arg(seq)
                                 .arg(kKeyedAction)
                                 .arg(seq - 1)
                                 .arg(rows.value(3).toString()));
        }
        const QString hash = hashOf(previousHash, seq, at, rows.value(2).toString(), rows.value(3).toString(),
                                    rows.value(4).toString(), rows.value(5).toString(), keyed ? m_key.get() : nullptr);
        if (hash != rows.value(7).toString()) {
            return fail(seq, keyed ? QStringLiteral("event %1 was edited or forged: its content does not match its "
                                                    "hash under the audit key")
                                         .arg(seq)
                                   : QStringLiteral("event %1 was edited: its content does not match its hash").arg(seq));
        }
        // Times are checked from the key on: older logs were written when --now could date events.
        if (keyed && seq > 1 && at < previousAt) {
            return fail(seq, QStringLiteral("event %1 is dated %2, before event %3 (%4): audit times went backwards")
                                 .arg(seq)
                                 .arg(utc(at))
                                 .arg(seq - 1)
                                 .arg(utc(previousAt)));
        }
        if (wantedHashes.count(seq))
            result.hashesAt[seq] = hash;
        previousHash = hash;
        previousAt = at;
        ++expected;
    }
    rows.finish();

    QSqlQuery head = m_database.query();
    head.prepare(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1"));
    if (!m_database.exec(head, QStringLiteral("read the audit log's head"), error))
        return std::nullopt;
    const qint64 last = expected - 1;
    const qint64 headSeq = head.next() ? head.value(0).toLongLong() : 0;
    const QString headHash = headSeq > 0 ? head.value(1).toString() : genesisHash();
    if (keyedFrom > last + 1) {
        return fail(last + 1, QStringLiteral("event %1 is missing: the audit key was registered from event %2 on, but "
                                             "the log ends at event %3 (events were removed)")
                                  .arg(last + 1)
                                  .arg(keyedFrom)
                                  .arg(last));
    }
    if (headSeq > last) {
        return fail(last + 1, QStringLiteral("event %1 is missing: the log ends at event %2 but its head records %3 "
                                             "events (events %1 to %3 were removed)")
                                  .arg(last + 1)
                                  .arg(last)
                                  .arg(headSeq));
    }
    if (headSeq < last) {
        return fail(headSeq + 1, QStringLiteral("event %1 is not recorded at the head of the log: the head records %2 "
                                                "events but %3 are stored (events appended by someone else, or the "
                                                "head moved back)")
                                     .arg(headSeq + 1)
                                     .arg(headSeq)
                                     .arg(last));
    }
    if (headHash != previousHash)
        return fail(last, QStringLiteral("event %1 does not match the hash recorded at the head of the log").arg(last));
    result.intact = true;
    result.headHash = previousHash;
    return result;
}

std::optional<AuditLog::Verification> AuditLog::verifyWithCheckpoints(const QString& folder, QString* error) const
{
    if (!requireKey(QStringLiteral("verify the audit log"), error))
        return std::nullopt;
    const std::optional<QString> id = databaseId(error);
    if (!id)
        return std::nullopt;
    std::vector<AuditCheckpoint::File> files;
    if (!AuditCheckpoint::readFolder(folder, &files, error))
        return std::nullopt;
    std::set<qint64> wanted;
    for (const AuditCheckpoint::File& file : files) {
        if (file.checkpoint && file.checkpoint->databaseId == *id)
            wanted.insert(file.checkpoint->seq);
    }
    std::optional<Verification> result = verify(error, wanted);
    if (!result || !result->intact)
        return result;
    const qint64 last = result->events;
    const auto fail = [&result](qint64 seq, const QString& problem) {
        result->intact = false;
        result->firstBadSeq = seq;
        result->problem = problem;
        result->headHash.clear();
        return result;
    };
    for (const AuditCheckpoint::File& file : files) {
        if (!file.checkpoint)
            return fail(1, QStringLiteral("the checkpoint %1 is not a valid checkpoint: it %2").arg(file.path, file.problem));
        const AuditCheckpoint& checkpoint = *file.checkpoint;
        if (checkpoint.databaseId != *id)
            continue; // another database's, sharing the folder (perhaps under another key)
        if (checkpoint.keyId != m_key->id() || !checkpoint.signatureValid(m_key->publicKey())) {
            return fail(std::min(checkpoint.seq, last + 1),
                        QStringLiteral("the checkpoint %1 is not signed by this audit key (%2): it is forged, "
                                       "altered or unsigned")
                            .arg(file.path, m_key->id()));
        }
        ++result->checkpoints;
        if (checkpoint.seq > last) {
            return fail(last + 1, QStringLiteral("the log was cut short: the checkpoint %1 signed at %2 records event "
                                                 "%3, but the log ends at event %4 (events %5 to %3 were removed)")
                                      .arg(file.path, utc(checkpoint.atMs))
                                      .arg(checkpoint.seq)
                                      .arg(last)
                                      .arg(last + 1));
        }
        const auto stored = result->hashesAt.find(checkpoint.seq);
        if (stored == result->hashesAt.end() || stored->second != checkpoint.headHash) {
            return fail(checkpoint.seq, QStringLiteral("event %1 differs from the checkpoint %2 signed at %3: the log "
                                                       "was rewritten up to that event")
                                            .arg(checkpoint.seq)
                                            .arg(file.path, utc(checkpoint.atMs)));
        }
    }
    if (result->checkpoints == 0) {
        return fail(1, QStringLiteral("%1 holds no checkpoint of this database (id %2): nothing to check the log "
                                      "against")
                           .arg(folder, *id));
    }
    return result;
}

std::optional<QString> AuditLog::databaseId(QString* error) const
{
    const std::optional<QVariant> id = m_database.scalar(QStringLiteral("SELECT database_id FROM audit_identity WHERE id = 1"),
                                                         {}, QStringLiteral("read the database's identity"), error);
    if (!id)
        return std::nullopt;
    if (id->isNull() || id->toString().isEmpty()) {
        *error = QStringLiteral("the database has no identity (table audit_identity is empty)");
        return std::nullopt;
    }
    return id->toString();
}

bool AuditLog::writeCheckpoint(QString* path, QString* error) const
{
    path->clear();
    if (m_checkpointFolder.isEmpty())
        return true;
    if (!requireKey(QStringLiteral("sign an audit checkpoint"), error))
        return false;
    AuditCheckpoint checkpoint;
    const std::optional<QString> id = databaseId(error);
    if (!id)
        return false;
    checkpoint.databaseId = *id;
    QSqlQuery head = m_database.query();
    head.prepare(QStringLiteral("SELECT seq, hash FROM audit_head WHERE id = 1"));
    if (!m_database.exec(head, QStringLiteral("read the audit log's head"), error))
        return false;
    if (!head.next() || head.value(0).toLongLong() < 1)
        return true; // nothing to vouch for yet
    checkpoint.seq = head.value(0).toLongLong();
    checkpoint.headHash = head.value(1).toString();
    head.finish();
    checkpoint.atMs = m_clock.nowMs();
    return checkpoint.sign(*m_key, error) && checkpoint.write(m_checkpointFolder, path, error);
}

std::optional<std::vector<AuditEvent>> AuditLog::events(qint64 fromSeq, int limit, QString* error) const
{
    QSqlQuery rows = m_database.query();
    rows.prepare(QStringLiteral("SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit_events "
                                "WHERE seq >= ? ORDER BY seq LIMIT ?"));
    rows.addBindValue(fromSeq);
    rows.addBindValue(limit);
    if (!m_database.exec(rows, QStringLiteral("read audit events"), error))
        return std::nullopt;
    std::vector<AuditEvent> result;
    while (rows.next()) {
        AuditEvent event;
        event.seq = rows.value(0).toLongLong();
        event.at = QDateTime::fromMSecsSinceEpoch(rows.value(1).toLongLong(), Qt::UTC);
        event.actor = rows.value(2).toString();
        event.action = rows.value(3).toString();
        event.subject = rows.value(4).toString();
        event.details = QJsonDocument::fromJson(rows.value(5).toString().toUtf8()).object();
        event.prevHash = rows.value(6).toString();
        event.hash = rows.value(7).toString();
        result.push_back(std::move(event));
    }
    return result;
}

} // namespace fg
