#pragma once

#include "core/workflow/AlternateProcedure.h"
#include "core/workflow/AlternateProcedureQuery.h"

#include <QAbstractTableModel>

#include <optional>
#include <vector>

namespace fg {

// One page of the alternate procedures' log, as AlternateProcedureStore::search
// returned it, for a QTableView: one row a procedure, every cell in words.
// The rows are shown in the order given: sorting is the store's (header
// clicks become a new query), never done here in memory.
class AlternateProcedureTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        LoggedAt,     // date and time, local
        Officer,
        Workstation,  // "gate-b12 · lane 3"
        Flight,
        Document,     // "passport L898902C3 (UTO)"
        Nationality,
        Outcome,      // in words
        Checks,       // "3 passed, 1 failed"
        Reason,
        ColumnCount
    };

    explicit AlternateProcedureTableModel(QObject* parent = nullptr);

    void setRows(std::vector<AlternateProcedure> rows);
    void clear();
    // The interface language changed: the headers and every cell are words,
    // so the views ask for them again (headerDataChanged, dataChanged). The
    // dialog showing the model calls it on QEvent::LanguageChange.
    void retranslate();
    const std::vector<AlternateProcedure>& rows() const { return m_rows; }

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // The store's sort column behind a table column; nullopt: not sortable.
    static std::optional<AlternateProcedureQuery::SortColumn> sortColumn(int column);
    // The table column showing a sort column.
    static int columnOf(AlternateProcedureQuery::SortColumn sortColumn);
    // The first order a click on the column gives: newest first for the date, A to Z for the rest.
    static Qt::SortOrder initialOrder(int column);

    // The words in a column's header and cell, shared with the PDF export.
    static QString columnTitle(int column);
    static QString cellText(const AlternateProcedure& procedure, int column);
    static QString outcomeWords(AlternateProcedure::Outcome outcome);
    // "passport", "id-card", "visa" (as stored) in words.
    static QString documentKindWords(const QString& kind);
    static QString checksSummary(const std::vector<AlternateProcedure::Check>& checks);

private:
    std::vector<AlternateProcedure> m_rows;
};

} // namespace fg
