#pragma once

#include "core/workflow/QueueItem.h"
#include "core/workflow/ReviewQueue.h"

#include <QAbstractTableModel>

#include <chrono>
#include <optional>
#include <vector>

namespace fg {

class Clock;

// One page of the supervisor's no-match queue, as ReviewQueue::search
// returned it, for a QTableView: one row an item, every cell in words. Items
// older than the overdue limit stand out in bold, on a tinted row, and say
// "overdue" in their age (never colour alone). Sorting is the store's
// (header clicks become a new query), never done here in memory.
class QueueTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Age,        // "3 h 12 min", "overdue · 2 d 4 h"
        EnteredAt,  // local date and time
        Reason,     // no match, poor quality, officer override / referral
        State,      // open, "claimed by sam", resolved
        Flight,
        Camera,
        Officer,
        Score,      // "0.21 (threshold 0.34)"
        Resolution, // the supervisor's, once resolved
        ColumnCount
    };

    QueueTableModel(const Clock& clock, std::chrono::minutes overdueAfter, QObject* parent = nullptr);

    void setRows(std::vector<QueueItem> rows);
    void clear();
    void setOverdueAfter(std::chrono::minutes overdueAfter);
    std::chrono::minutes overdueAfter() const { return m_overdueAfter; }
    // The interface language changed (or time passed): headers and cells again.
    void retranslate();
    const std::vector<QueueItem>& rows() const { return m_rows; }
    const QueueItem* itemAt(int row) const;
    bool isOverdue(const QueueItem& item) const;

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The store's sort column behind a table column; nullopt: not sortable.
    static std::optional<QueueQuery::SortColumn> sortColumn(int column);
    static int columnOf(QueueQuery::SortColumn sortColumn);

    static QString columnTitle(int column);
    QString cellText(const QueueItem& item, int column) const;
    // Words shared with the review and the filters.
    static QString reasonWords(const QueueItem& item);
    static QString reasonWords(QueueItem::Reason reason);
    static QString stateWords(QueueItem::State state);
    static QString resolutionWords(SupervisorDecision::Resolution resolution);
    static QString decisionWords(const std::optional<Encounter::Decision>& decision);
    // "2 d 4 h", "3 h 12 min", "4 min", "under a minute".
    static QString durationWords(qint64 seconds);

private:
    const Clock& m_clock;
    std::chrono::minutes m_overdueAfter;
    std::vector<QueueItem> m_rows;
};

} // namespace fg
