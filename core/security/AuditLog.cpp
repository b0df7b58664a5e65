#include "core/security/AuditLog.h"

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

} // namespace

AuditLog::AuditLog(const Database& database, const Clock& clock)
    : m_database(database)
    , m_clock(clock)
{
}

QString AuditLog::genesisHash()
{
    return QString(64, QLatin1Char('0'));
}

QString AuditLog::hashOf(const QString& prevHash, qint64 seq, qint64 atMs, const QString& actor, const QString& action,
                         const QString& subject, const QString& detailsJson)
{
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

bool AuditLog::append(const QString& actor, const QString& action, const QString& subject, const QJsonObject& details,
                      QString* error, qint64* seq) const
{
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
    const qint64 previousSeq = head.value(0).toLongLong();
    const QString previousHash = previousSeq > 0 ? head.value(1).toString() : genesisHash();
    head.finish();

    const qint64 next = previousSeq + 1;
    const qint64 at = m_clock.nowMs();
    const QString detailsJson = compactJson(details);
    const QString hash = hashOf(previousHash, next, at, actor, action, subject, detailsJson);

    QSqlQuery insert = m_database.query();
    insert.prepare(QStringLiteral("INSERT INTO audit_events (seq, at, actor, action, subject, details, prev_hash, hash) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& value : {QVariant(next), QVariant(at), text(actor), text(action), text(subject),
                                  text(detailsJson), QVariant(previousHash), QVariant(hash)})
        insert.addBindValue(value);
    if (!m_database.exec(insert, QStringLiteral("append audit event %1 (%2)").arg(next).arg(action), error))
        return false;

    QSqlQuery move = m_database.query();
    move.prepare(QStringLiteral("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1"));
    move.addBindValue(next);
    move.addBindValue(hash);
    if (!m_database.exec(move, QStringLiteral("move the audit log's head"), error))
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

std::optional<AuditLog::Verification> AuditLog::verify(QString* error) const
{
    // One snapshot for the rows and the head, so an append meanwhile (another
    // workstation) is not mistaken for a gap.
    if (!m_database.exec(m_database.isSqlite() ? QStringLiteral("BEGIN")
                                               : QStringLiteral("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"),
                         QStringLiteral("start reading the audit log"), error))
        return std::nullopt;
    const auto result = verifyInSnapshot(error);
    QString ignored;
    m_database.exec(QStringLiteral("COMMIT"), QStringLiteral("finish reading the audit log"), &ignored);
    return result;
}

std::optional<AuditLog::Verification> AuditLog::verifyInSnapshot(QString* error) const
{
    Verification result;
    QSqlQuery rows = m_database.query();
    rows.prepare(QStringLiteral("SELECT seq, at, actor, action, subject, details, prev_hash, hash "
                                "FROM audit_events ORDER BY seq"));
    if (!m_database.exec(rows, QStringLiteral("read the audit log"), error))
        return std::nullopt;
    QString previousHash = genesisHash();
    qint64 expected = 1;
    const auto fail = [&result](qint64 seq, const QString& problem) {
        result.firstBadSeq = seq;
        result.problem = problem;
        return result;
    };
    while (rows.next()) {
        const qint64 seq = rows.value(0).toLongLong();
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
        const QString hash = hashOf(previousHash, seq, rows.value(1).toLongLong(), rows.value(2).toString(),
                                    rows.value(3).toString(), rows.value(4).toString(), rows.value(5).toString());
        if (hash != rows.value(7).toString())
            return fail(seq, QStringLiteral("event %1 was edited: its content does not match its hash").arg(seq));
        previousHash = hash;
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
