#include "app/bench/ExpiredPhotos.h"

#include "core/storage/Database.h"
#include "core/storage/Transaction.h"
#include "core/workflow/RetentionPolicy.h"

#include <QRandomGenerator>
#include <QSqlQuery>
#include <QStringList>
#include <QUuid>

#include <algorithm>
#include <vector>

namespace fg::cli {
namespace {

constexpr int kRowsPerTransaction = 1000;
constexpr int kRowsPerStatement = 25; // QSQLITE looks up every bound value's name: keep statements short

std::optional<qint64> insertReturningId(const Database& database, const QString& sql, const QVariantList& values,
                                        const QString& what, QString* error)
{
    const std::optional<QVariant> id = database.scalar(sql + QStringLiteral(" RETURNING id"), values, what, error);
    return id ? std::optional(id->toLongLong()) : std::nullopt;
}

} // namespace

std::optional<ExpiredPhotoOwners> addExpiredPhotoOwners(const Database& database, qint64 nowMs, QString* error)
{
    Transaction transaction(database);
    if (!transaction.begin(error))
        return std::nullopt;
    const QString traveler = QStringLiteral("INSERT INTO travelers (citizenship, biometric_exempt, created_at) VALUES (?, 0, ?)");
    const QString encounter = QStringLiteral("INSERT INTO encounters (kind, mode, traveler_id, officer, verified_at, created_at) "
                                             "VALUES ('entry', 'biometric', ?, 'bench', ?, ?)");
    const auto us = insertReturningId(database, traveler, {QStringLiteral("USA"), nowMs}, QStringLiteral("add a traveler"), error);
    const auto other = us ? insertReturningId(database, traveler, {QStringLiteral("FRA"), nowMs}, QStringLiteral("add a traveler"), error)
                          : std::nullopt;
    if (!us || !other)
        return std::nullopt;
    const auto usEncounter = insertReturningId(database, encounter, {*us, nowMs, nowMs}, QStringLiteral("add an encounter"), error);
    const auto otherEncounter = usEncounter ? insertReturningId(database, encounter, {*other, nowMs, nowMs},
                                                                QStringLiteral("add an encounter"), error)
                                            : std::nullopt;
    if (!usEncounter || !otherEncounter || !transaction.commit(error))
        return std::nullopt;
    return ExpiredPhotoOwners{*usEncounter, *otherEncounter, *us, *other};
}

bool addExpiredPhotos(const Database& database, const ExpiredPhotoOwners& owners, const QString& kekId, qint64 count,
                      int blobBytes, qint64 nowMs, QString* error)
{
    blobBytes -= blobBytes % 4;
    std::vector<QByteArray> blobs(64);
    for (QByteArray& blob : blobs) {
        blob.resize(blobBytes);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32*>(blob.data()), blobBytes / 4);
    }
    const QString row = QStringLiteral("(?, ?, ?, 'capture', 'jpeg', ?, ?, ?, ?, ?)");
    const qint64 oldest = nowMs - 16LL * 24 * 3600 * 1000;
    const QString usRule = RetentionPolicy::ruleName(RetentionPolicy::Rule::UsCitizenOrExempt);
    const QString otherRule = RetentionPolicy::ruleName(RetentionPolicy::Rule::InScope);
    for (qint64 first = 0; first < count; first += kRowsPerTransaction) {
        Transaction transaction(database);
        if (!transaction.begin(error))
            return false;
        const qint64 end = std::min(count, first + kRowsPerTransaction);
        for (qint64 chunk = first; chunk < end; chunk += kRowsPerStatement) {
            const qint64 rows = std::min<qint64>(kRowsPerStatement, end - chunk);
            QStringList values;
            for (qint64 i = 0; i < rows; ++i)
                values.append(row);
            QSqlQuery insert = database.query();
            insert.prepare(QStringLiteral("INSERT INTO photos (id, encounter_id, traveler_id, role, format, kek_id, sealed, "
                                          "retention_rule, verified_at, created_at) VALUES ")
                           + values.join(QLatin1Char(',')));
            for (qint64 i = chunk; i < chunk + rows; ++i) {
                const bool us = i % 2 == 0;
                const qint64 verifiedAt = oldest + (i * 1000) % (24LL * 3600 * 1000);
                insert.addBindValue(QUuid::createUuid().toString(QUuid::WithoutBraces));
                insert.addBindValue(us ? owners.encounterUs : owners.encounterOther);
                insert.addBindValue(us ? owners.travelerUs : owners.travelerOther);
                insert.addBindValue(kekId);
                insert.addBindValue(blobs[size_t(i) % blobs.size()]);
                insert.addBindValue(us ? usRule : otherRule);
                insert.addBindValue(verifiedAt);
                insert.addBindValue(verifiedAt);
            }
            if (!database.exec(insert, QStringLiteral("add %1 photos").arg(rows), error))
                return false;
        }
        if (!transaction.commit(error))
            return false;
    }
    return true;
}

} // namespace fg::cli
