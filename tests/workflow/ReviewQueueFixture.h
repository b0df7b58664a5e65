#pragma once

// The records the ReviewQueue tests start from (tst_reviewqueuesearch: search,
// count and sort; tst_reviewqueue: claims, resolutions, roles, the review):
// the users, a seeded queue of labelled encounters with chosen times, scores,
// flights, cameras and officers, and the helpers both read it with.
#include "core/security/AuditLog.h"
#include "core/security/KeyEncryptionKey.h"
#include "core/security/KeyStore.h"
#include "core/storage/Database.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/Purger.h"
#include "core/workflow/ReviewQueue.h"
#include "tests/support/ManualClock.h"
#include "tests/support/SealedRecords.h"
#include "tests/support/TestDatabase.h"

#include <QDir>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTest>

#include <algorithm>
#include <latch>
#include <map>
#include <memory>
#include <thread>

using namespace fg;

using Decision = Encounter::Decision;
using Reason = QueueItem::Reason;
using Resolution = SupervisorDecision::Resolution;
using SortColumn = QueueQuery::SortColumn;
using State = QueueItem::State;

Q_DECLARE_METATYPE(fg::QueueQuery)

namespace fg::test::queue {


const QDateTime kStart(QDate(2026, 11, 26), QTime(9, 0), Qt::UTC);

inline UserAccount account(const QString& name, Role role)
{
    UserAccount user;
    user.name = name;
    user.role = role;
    return user;
}

const UserAccount kSup1 = account(QStringLiteral("sup1"), Role::Supervisor);
const UserAccount kSup2 = account(QStringLiteral("sup2"), Role::Supervisor);
const UserAccount kAuditor = account(QStringLiteral("aud"), Role::Auditor);

inline QString iso(const QDateTime& time)
{
    return time.toUTC().toString(Qt::ISODate);
}

// An encounter as the desk stores it, with what the queue shows of it.
struct Seed {
    QString label;
    std::optional<Decision> decision;
    QString flight;
    QString camera;
    QString officer;
    QString workstation;
    std::optional<double> score;
    int minutes = 0;          // after kStart: when it was stored (and queued, unless overridden)
    bool overridden = false;  // the officer overrides a match: queued (reason override) then
};

// A database with its audit log, key, encounters and queue, as the application wires them.
struct Records : test::SealedRecords {
    Records()
        : SealedRecords(kStart)
    {
    }
    std::unique_ptr<ReviewQueue> queue;
    std::map<QString, qint64> itemOf;      // label -> queue item
    std::map<qint64, QString> labelOfItem;

    bool open(QString* error, std::chrono::minutes claimExpiry = std::chrono::hours(8))
    {
        if (!SealedRecords::open(error))
            return false;
        queue = std::make_unique<ReviewQueue>(*database, *audit, clock, claimExpiry);
        return true;
    }

    // Stores the seed's encounter (and the officer's override); its queue item, 0 if none.
    std::optional<qint64> add(const Seed& seed, QString* error, const BiometricSample* sample = nullptr,
                              const QString& citizenship = QStringLiteral("FRA"))
    {
        clock.set(kStart.addSecs(seed.minutes * 60));
        Encounter encounter;
        encounter.citizenship = citizenship;
        encounter.decision = seed.decision;
        encounter.flight = seed.flight;
        encounter.camera = seed.camera;
        encounter.officer = seed.officer;
        encounter.workstation = seed.workstation;
        encounter.score = seed.score;
        encounter.threshold = 0.42;
        encounter.capturedAt = clock.now().addSecs(-2);
        StoredEncounter stored;
        if (!encounters->add(encounter, sample, QStringLiteral("officer:") + seed.officer, error, &stored))
            return std::nullopt;
        qint64 item = stored.queueItemId;
        if (seed.overridden
            && !encounters->recordOfficerAction(stored.id, Encounter::OfficerAction::Override,
                                           QStringLiteral("the passport photo is twenty years old"),
                                           QStringLiteral("officer:") + seed.officer, error, &item))
            return std::nullopt;
        if (item > 0) {
            itemOf[seed.label] = item;
            labelOfItem[item] = seed.label;
        }
        return item;
    }

    qint64 count(const QString& sql, const QVariantList& values = {}) const
    {
        QString error;
        const std::optional<QVariant> value = database->scalar(sql, values, sql, &error);
        if (!value)
            qWarning("%s", qPrintable(error));
        return value ? value->toLongLong() : -1;
    }

    // What a refused action must leave as it was: every item's state and
    // claim, the decisions, the audit log.
    QString snapshot() const
    {
        QSqlQuery rows = database->query();
        rows.exec(QStringLiteral("SELECT id, state, claimed_by, claimed_at FROM queue_items ORDER BY id"));
        QStringList parts;
        while (rows.next())
            parts << QStringLiteral("%1:%2:%3:%4")
                         .arg(rows.value(0).toLongLong())
                         .arg(rows.value(1).toString(), rows.value(2).toString(),
                              rows.value(3).isNull() ? QStringLiteral("null") : rows.value(3).toString());
        return parts.join(QLatin1Char(' '))
               + QStringLiteral(" decisions=%1 audit=%2")
                     .arg(count(QStringLiteral("SELECT COUNT(*) FROM supervisor_decisions")))
                     .arg(count(QStringLiteral("SELECT COUNT(*) FROM audit_events")));
    }

    std::optional<AuditEvent> lastEvent(QString* error) const
    {
        const auto events = audit->events(1, 10000, error);
        if (!events || events->empty())
            return std::nullopt;
        return events->back();
    }

    qint64 events(const QString& action) const
    {
        return count(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = ?"), {action});
    }

    QString auditProblem() const
    {
        QString error;
        const auto verification = audit->verify(&error);
        if (!verification)
            return error;
        return verification->intact ? QString() : verification->problem;
    }

    // The labels of what search() answers, in its order.
    QStringList labels(const QueueQuery& query, const UserAccount& user, QString* error) const
    {
        const auto items = queue->search(query, user, error);
        if (!items)
            return {QStringLiteral("error: ") + *error};
        QStringList result;
        for (const QueueItem& item : *items)
            result << labelOfItem.at(item.id);
        return result;
    }
};

// The queue the filter and sort tests search: six queued encounters (and a
// match that is not queued), one claimed, one resolved.
const std::vector<Seed> kSeeds = {
    {QStringLiteral("E1"), Decision::NoMatch, QStringLiteral("UA 901"), QStringLiteral("Gate-3"), QStringLiteral("jdoe"),
     QStringLiteral("ws-1"), 0.30, 0, false},
    {QStringLiteral("E2"), Decision::PoorQuality, QStringLiteral("ua901"), QStringLiteral("ba"), QStringLiteral("kim"),
     QStringLiteral("WS-2"), std::nullopt, 10, false},
    {QStringLiteral("E3"), Decision::NoMatch, QStringLiteral("AF 22"), QStringLiteral("Gate-10"), QStringLiteral("amy"),
     QStringLiteral("ws-1"), 0.35, 20, false},
    {QStringLiteral("E4"), Decision::Match, QString(), QStringLiteral("gate-3"), QStringLiteral("kim"),
     QStringLiteral("ws-2"), 0.80, 30, true},
    {QStringLiteral("E5"), Decision::Match, QStringLiteral("UA901"), QStringLiteral("gate-3"), QStringLiteral("kim"),
     QStringLiteral("ws-2"), 0.90, 40, false},
    {QStringLiteral("E6"), Decision::NoMatch, QStringLiteral("UA901"), QStringLiteral("b-lane"), QStringLiteral("zed"),
     QStringLiteral("ws-3"), 0.10, 50, false},
    {QStringLiteral("E7"), Decision::NoMatch, QStringLiteral("AF22"), QStringLiteral("GATE-3"), QStringLiteral("amy"),
     QStringLiteral("ws-1"), 0.30, 60, false},
};

inline QueueQuery sorted(SortColumn column, Qt::SortOrder order)
{
    QueueQuery query;
    query.sortBy = column;
    query.order = order;
    return query;
}


} // namespace fg::test::queue
