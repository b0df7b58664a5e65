#include "core/workflow/AlternateProcedureStore.h"

#include "core/security/AuditLog.h"
#include "core/storage/Clock.h"
#include "core/storage/Database.h"
#include "core/storage/SqlValue.h"
#include "core/storage/Transaction.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

#include <algorithm>

namespace fg {
namespace {

using sql::nullLong;
using sql::text;

constexpr int kMaxLimit = 10000;



QString checksJson(const std::vector<AlternateProcedure::Check>& checks)
{
    QJsonArray array;
    for (const AlternateProcedure::Check& check : checks)
        array.append(QJsonObject{{QStringLiteral("id"), check.id.trimmed()},
                                 {QStringLiteral("result"), AlternateProcedure::checkResultName(check.result)}});
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

std::optional<std::vector<AlternateProcedure::Check>> checksFromJson(const QString& json)
{
    std::vector<AlternateProcedure::Check> checks;
    if (json.isEmpty())
        return checks;
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8());
    if (!document.isArray())
        return std::nullopt;
    for (const QJsonValue& value : document.array()) {
        const QJsonObject object = value.toObject();
        const auto result = AlternateProcedure::checkResultFromName(object.value(QStringLiteral("result")).toString());
        if (!result)
            return std::nullopt;
        checks.push_back({object.value(QStringLiteral("id")).toString(), *result});
    }
    return checks;
}

// A row of the log: the procedure, its encounter, traveler and document.
const char* const kFrom = " FROM alternate_procedures ap "
                          "JOIN encounters e ON e.id = ap.encounter_id "
                          "LEFT JOIN travelers t ON t.id = e.traveler_id "
                          "LEFT JOIN documents d ON d.id = e.document_id";

// The columns readRow() reads, in this order.
const char* const kColumns =
    "SELECT ap.id, ap.encounter_id, e.traveler_id, e.document_id, ap.created_at, ap.officer, e.workstation, "
    "e.camera, e.kind, ap.flight, t.citizenship, t.surname, t.given_names, ap.document_kind, d.number, "
    "d.issuing_state, d.expiry_date, ap.mrz, ap.checks, ap.outcome, ap.reason";

std::optional<AlternateProcedure> readRow(const QSqlQuery& row, QString* error)
{
    AlternateProcedure procedure;
    procedure.id = row.value(0).toLongLong();
    procedure.encounterId = row.value(1).toLongLong();
    procedure.travelerId = row.value(2).isNull() ? 0 : row.value(2).toLongLong();
    procedure.documentId = row.value(3).isNull() ? 0 : row.value(3).toLongLong();
    procedure.createdAt = QDateTime::fromMSecsSinceEpoch(row.value(4).toLongLong(), Qt::UTC);
    procedure.officer = row.value(5).toString();
    procedure.workstation = row.value(6).toString();
    procedure.camera = row.value(7).toString();
    const auto kind = Encounter::kindFromName(row.value(8).toString());
    const auto outcome = AlternateProcedure::outcomeFromName(row.value(19).toString());
    const auto checks = checksFromJson(row.value(18).toString());
    if (!kind || !outcome || !checks) {
        *error = QStringLiteral("alternate procedure %1 has an unknown kind \"%2\", outcome \"%3\" or checklist \"%4\"")
                     .arg(procedure.id)
                     .arg(row.value(8).toString(), row.value(19).toString(), row.value(18).toString());
        return std::nullopt;
    }
    procedure.kind = *kind;
    procedure.flight = row.value(9).toString();
    procedure.citizenship = row.value(10).toString();
    procedure.surname = row.value(11).toString();
    procedure.givenNames = row.value(12).toString();
    procedure.document.kind = row.value(13).toString();
    procedure.document.number = row.value(14).toString();
    procedure.document.issuingState = row.value(15).toString();
    procedure.document.expiry = QDate::fromString(row.value(16).toString(), Qt::ISODate);
    procedure.document.mrz = row.value(17).toString();
    procedure.checks = *checks;
    procedure.outcome = *outcome;
    procedure.reason = row.value(20).toString();
    return procedure;
}

// "%part%" for LIKE ... ESCAPE '\', with the user's %, _ and \ taken literally.
QString likePattern(const QString& part)
{
    QString escaped = part;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

// The WHERE clause of a query's filters, with its values in order.
QString whereClause(const AlternateProcedureQuery& query, QVariantList* values)
{
    QStringList conditions;
    if (query.from.isValid()) {
        conditions << QStringLiteral("ap.created_at >= ?");
        values->append(query.from.toMSecsSinceEpoch());
    }
    if (query.until.isValid()) {
        conditions << QStringLiteral("ap.created_at < ?");
        values->append(query.until.toMSecsSinceEpoch());
    }
    // lower() on both sides: PostgreSQL's LIKE and = are case-sensitive, SQLite's = is too.
    if (!query.officer.trimmed().isEmpty()) {
        conditions << QStringLiteral("lower(ap.officer) = lower(CAST(? AS TEXT))");
        values->append(query.officer.trimmed());
    }
    if (!AlternateProcedure::normalizedFlight(query.flight).isEmpty()) {
        conditions << QStringLiteral("ap.flight = ?");
        values->append(AlternateProcedure::normalizedFlight(query.flight));
    }
    if (query.outcome) {
        conditions << QStringLiteral("ap.outcome = ?");
        values->append(AlternateProcedure::outcomeName(*query.outcome));
    }
    if (!query.text.trimmed().isEmpty()) {
        const QString like = QStringLiteral(" LIKE lower(CAST(? AS TEXT)) ESCAPE '\\'");
        conditions << QStringLiteral("(lower(COALESCE(d.number, ''))%1 OR lower(COALESCE(t.surname, ''))%1 "
                                     "OR lower(COALESCE(t.given_names, ''))%1 "
                                     "OR lower(COALESCE(t.given_names, '') || ' ' || COALESCE(t.surname, ''))%1)")
                          .arg(like);
        const QString pattern = likePattern(query.text.trimmed());
        for (int i = 0; i < 4; ++i)
            values->append(pattern);
    }
    return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

QString orderClause(const AlternateProcedureQuery& query, bool sqlite)
{
    const QString direction = query.order == Qt::AscendingOrder ? QStringLiteral(" ASC") : QStringLiteral(" DESC");
    // Text in code-point order on both back-ends: SQLite compares bytes, a
    // PostgreSQL database's default collation follows its locale.
    const QString collate = sqlite ? QString() : QStringLiteral(" COLLATE \"C\"");
    QString column;
    switch (query.sortBy) {
    case AlternateProcedureQuery::SortColumn::Date:
        return QStringLiteral(" ORDER BY ap.created_at%1, ap.id%1").arg(direction);
    case AlternateProcedureQuery::SortColumn::Officer:
        column = QStringLiteral("lower(ap.officer)");
        break;
    case AlternateProcedureQuery::SortColumn::Flight:
        column = QStringLiteral("ap.flight");
        break;
    case AlternateProcedureQuery::SortColumn::Outcome:
        column = QStringLiteral("ap.outcome");
        break;
    case AlternateProcedureQuery::SortColumn::Document:
        column = QStringLiteral("lower(COALESCE(d.number, ''))");
        break;
    }
    return QStringLiteral(" ORDER BY %1%2%3, ap.created_at DESC, ap.id DESC").arg(column, collate, direction);
}

} // namespace

AlternateProcedureStore::AlternateProcedureStore(const Database& database, const AuditLog& audit, const Clock& clock)
    : m_database(database)
    , m_audit(audit)
    , m_clock(clock)
{
}

std::optional<StoredAlternateProcedure> AlternateProcedureStore::record(const AlternateProcedure& procedure,
                                                                        const QString& actor, QString* error) const
{
    const QString problem = procedure.problem();
    if (!problem.isEmpty()) {
        *error = QStringLiteral("the alternate procedure cannot be logged: %1").arg(problem);
        return std::nullopt;
    }
    const QString officer = procedure.officer.trimmed().isEmpty() ? actor.trimmed() : procedure.officer.trimmed();
    if (officer.isEmpty()) {
        *error = QStringLiteral("the alternate procedure cannot be logged: the officer is not given");
        return std::nullopt;
    }
    StoredAlternateProcedure result;
    result.createdAt = m_clock.now().toUTC();
    const qint64 nowMs = result.createdAt.toMSecsSinceEpoch();
    const AlternateProcedure::Document& document = procedure.document;
    const QString flight = AlternateProcedure::normalizedFlight(procedure.flight);
    const QString outcome = AlternateProcedure::outcomeName(procedure.outcome);

    Transaction transaction(m_database);
    if (!transaction.begin(error))
        return std::nullopt;
    const std::optional<qint64> travelerId = m_database.insertReturningId(
        QStringLiteral("INSERT INTO travelers (citizenship, biometric_exempt, surname, given_names, created_at) "
                       "VALUES (?, 0, ?, ?, ?)"),
        {text(procedure.citizenship.trimmed()), text(procedure.surname.trimmed()), text(procedure.givenNames.trimmed()),
         nowMs},
        QStringLiteral("add the traveler"), error);
    if (!travelerId)
        return std::nullopt;
    result.travelerId = *travelerId;

    const std::optional<qint64> documentId = m_database.insertReturningId(
        QStringLiteral("INSERT INTO documents (traveler_id, kind, number, issuing_state, expiry_date, mrz, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)"),
        {result.travelerId, text(document.kind.trimmed()), text(document.number.trimmed()),
         text(document.issuingState.trimmed()),
         text(document.expiry.isValid() ? document.expiry.toString(Qt::ISODate) : QString()), text(document.mrz), nowMs},
        QStringLiteral("add the document"), error);
    if (!documentId)
        return std::nullopt;
    result.documentId = *documentId;

    // No decision, score or quality: nothing was captured or matched.
    const std::optional<qint64> encounterId = m_database.insertReturningId(
        QStringLiteral("INSERT INTO encounters (kind, mode, traveler_id, document_id, flight_id, flight, decision, "
                       "officer, workstation, camera, verified_at, decided_at, created_at) "
                       "VALUES (?, 'alternate', ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)"),
        {Encounter::kindName(procedure.kind), result.travelerId, result.documentId, nullLong(), text(flight), officer,
         text(procedure.workstation.trimmed()), text(procedure.camera.trimmed()), nowMs, nowMs, nowMs},
        QStringLiteral("add the encounter"), error);
    if (!encounterId)
        return std::nullopt;
    result.encounterId = *encounterId;

    const std::optional<qint64> id = m_database.insertReturningId(
        QStringLiteral("INSERT INTO alternate_procedures (encounter_id, officer, document_kind, mrz, checks, outcome, "
                       "reason, flight, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {result.encounterId, officer, text(document.kind.trimmed()), text(document.mrz), checksJson(procedure.checks),
         outcome, text(procedure.reason.trimmed()), text(flight), nowMs},
        QStringLiteral("log the alternate procedure"), error);
    if (!id)
        return std::nullopt;
    result.id = *id;

    const qint64 failed = std::count_if(procedure.checks.begin(), procedure.checks.end(), [](const auto& check) {
        return check.result == AlternateProcedure::CheckResult::Failed;
    });
    const QJsonObject details{{QStringLiteral("encounter"), result.encounterId},
                              {QStringLiteral("traveler"), result.travelerId},
                              {QStringLiteral("document"), result.documentId},
                              {QStringLiteral("kind"), Encounter::kindName(procedure.kind)},
                              {QStringLiteral("mode"), Encounter::modeName(Encounter::Mode::Alternate)},
                              {QStringLiteral("outcome"), outcome},
                              {QStringLiteral("flight"), flight},
                              {QStringLiteral("workstation"), procedure.workstation.trimmed()},
                              {QStringLiteral("checks"), qint64(procedure.checks.size())},
                              {QStringLiteral("checks_failed"), failed}};
    if (!m_audit.append(actor, QStringLiteral("alternate.record"), QStringLiteral("alternate:%1").arg(result.id),
                        details, error)
        || !transaction.commit(error))
        return std::nullopt;
    return result;
}

std::optional<AlternateProcedure> AlternateProcedureStore::find(qint64 id, QString* error) const
{
    QSqlQuery row = m_database.query();
    row.prepare(QString::fromLatin1(kColumns) + QString::fromLatin1(kFrom) + QStringLiteral(" WHERE ap.id = ?"));
    row.addBindValue(id);
    if (!m_database.exec(row, QStringLiteral("read alternate procedure %1").arg(id), error))
        return std::nullopt;
    if (!row.next()) {
        *error = QStringLiteral("there is no alternate procedure %1").arg(id);
        return std::nullopt;
    }
    return readRow(row, error);
}

std::optional<std::vector<AlternateProcedure>> AlternateProcedureStore::search(const AlternateProcedureQuery& query,
                                                                               QString* error) const
{
    if (query.limit < 1 || query.limit > kMaxLimit || query.offset < 0) {
        *error = QStringLiteral("search the alternate procedures: limit %1 and offset %2 (limit 1..%3, offset 0 or more)")
                     .arg(query.limit)
                     .arg(query.offset)
                     .arg(kMaxLimit);
        return std::nullopt;
    }
    QVariantList values;
    const QString sql = QString::fromLatin1(kColumns) + QString::fromLatin1(kFrom) + whereClause(query, &values)
                        + orderClause(query, m_database.isSqlite()) + QStringLiteral(" LIMIT ? OFFSET ?");
    values << qint64(query.limit) << qint64(query.offset);
    QSqlQuery rows = m_database.query();
    rows.prepare(sql);
    for (const QVariant& value : values)
        rows.addBindValue(value);
    if (!m_database.exec(rows, QStringLiteral("search the alternate procedures"), error))
        return std::nullopt;
    std::vector<AlternateProcedure> result;
    while (rows.next()) {
        std::optional<AlternateProcedure> procedure = readRow(rows, error);
        if (!procedure)
            return std::nullopt;
        result.push_back(std::move(*procedure));
    }
    return result;
}

std::optional<qint64> AlternateProcedureStore::count(const AlternateProcedureQuery& query, QString* error) const
{
    QVariantList values;
    const QString sql = QStringLiteral("SELECT COUNT(*)") + QString::fromLatin1(kFrom) + whereClause(query, &values);
    const std::optional<QVariant> value =
        m_database.scalar(sql, values, QStringLiteral("count the alternate procedures"), error);
    return value ? std::optional<qint64>(value->toLongLong()) : std::nullopt;
}

} // namespace fg
