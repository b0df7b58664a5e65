#include "ui/desk/AlternateProcedureTableModel.h"

#include <QStringList>

namespace fg {
namespace {

QString joinedNonEmpty(const QStringList& parts, const QString& separator)
{
    QStringList kept;
    for (const QString& part : parts)
        if (!part.trimmed().isEmpty())
            kept << part.trimmed();
    return kept.join(separator);
}

QString checkResultWords(AlternateProcedure::CheckResult result)
{
    switch (result) {
    case AlternateProcedure::CheckResult::Passed:
        return AlternateProcedureTableModel::tr("passed");
    case AlternateProcedure::CheckResult::Failed:
        return AlternateProcedureTableModel::tr("failed");
    case AlternateProcedure::CheckResult::NotApplicable:
        return AlternateProcedureTableModel::tr("not applicable");
    }
    return {};
}

QString holderName(const AlternateProcedure& procedure)
{
    return joinedNonEmpty({procedure.givenNames, procedure.surname}, QStringLiteral(" "));
}

} // namespace

AlternateProcedureTableModel::AlternateProcedureTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void AlternateProcedureTableModel::setRows(std::vector<AlternateProcedure> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void AlternateProcedureTableModel::clear()
{
    setRows({});
}

void AlternateProcedureTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int AlternateProcedureTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AlternateProcedureTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AlternateProcedureTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() < 0 || index.row() >= rowCount() || index.column() < 0
        || index.column() >= ColumnCount)
        return {};
    const AlternateProcedure& procedure = m_rows[std::size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return cellText(procedure, index.column());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case LoggedAt:
            return procedure.createdAt.toUTC().toString(Qt::ISODate);
        case Document: {
            const QString name = holderName(procedure);
            return name.isEmpty() ? QVariant() : QVariant(tr("Holder: %1").arg(name));
        }
        case Checks: {
            QStringList lines;
            for (const AlternateProcedure::Check& check : procedure.checks)
                lines << tr("%1: %2").arg(check.id, checkResultWords(check.result));
            return lines.join(QLatin1Char('\n'));
        }
        case Reason:
            return procedure.reason;
        default:
            return {};
        }
    case Qt::UserRole:
        return procedure.id;
    default:
        return {};
    }
}

QVariant AlternateProcedureTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (role) {
    case Qt::DisplayRole:
        return columnTitle(section);
    case Qt::ToolTipRole:
        return sortColumn(section) ? tr("Click to sort by this column") : tr("This column cannot be sorted");
    case Qt::InitialSortOrderRole:
        return int(initialOrder(section));
    default:
        return {};
    }
}

std::optional<AlternateProcedureQuery::SortColumn> AlternateProcedureTableModel::sortColumn(int column)
{
    switch (column) {
    case LoggedAt:
        return AlternateProcedureQuery::SortColumn::Date;
    case Officer:
        return AlternateProcedureQuery::SortColumn::Officer;
    case Flight:
        return AlternateProcedureQuery::SortColumn::Flight;
    case Document:
        return AlternateProcedureQuery::SortColumn::Document;
    case Outcome:
        return AlternateProcedureQuery::SortColumn::Outcome;
    default:
        return std::nullopt;
    }
}

int AlternateProcedureTableModel::columnOf(AlternateProcedureQuery::SortColumn sortColumn)
{
    switch (sortColumn) {
    case AlternateProcedureQuery::SortColumn::Date:
        return LoggedAt;
    case AlternateProcedureQuery::SortColumn::Officer:
        return Officer;
    case AlternateProcedureQuery::SortColumn::Flight:
        return Flight;
    case AlternateProcedureQuery::SortColumn::Outcome:
        return Outcome;
    case AlternateProcedureQuery::SortColumn::Document:
        return Document;
    }
    return LoggedAt;
}

Qt::SortOrder AlternateProcedureTableModel::initialOrder(int column)
{
    return column == LoggedAt ? Qt::DescendingOrder : Qt::AscendingOrder;
}

QString AlternateProcedureTableModel::columnTitle(int column)
{
    switch (column) {
    case LoggedAt:
        return tr("Date and time");
    case Officer:
        return tr("Officer");
    case Workstation:
        return tr("Workstation / lane");
    case Flight:
        return tr("Flight");
    case Document:
        return tr("Document");
    case Nationality:
        return tr("Nationality");
    case Outcome:
        return tr("Outcome");
    case Checks:
        return tr("Checks");
    case Reason:
        return tr("Reason");
    default:
        return {};
    }
}

QString AlternateProcedureTableModel::cellText(const AlternateProcedure& procedure, int column)
{
    switch (column) {
    case LoggedAt:
        return procedure.createdAt.isValid()
                   ? procedure.createdAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"))
                   : QString();
    case Officer:
        return procedure.officer;
    case Workstation:
        return joinedNonEmpty({procedure.workstation, procedure.camera}, QStringLiteral(" · "));
    case Flight:
        return procedure.flight;
    case Document: {
        const AlternateProcedure::Document& document = procedure.document;
        const QString kindAndNumber =
            joinedNonEmpty({documentKindWords(document.kind), document.number}, QStringLiteral(" "));
        return document.issuingState.isEmpty() ? kindAndNumber
                                               : tr("%1 (%2)").arg(kindAndNumber, document.issuingState);
    }
    case Nationality:
        return procedure.citizenship;
    case Outcome:
        return outcomeWords(procedure.outcome);
    case Checks:
        return checksSummary(procedure.checks);
    case Reason:
        return procedure.reason;
    default:
        return {};
    }
}

QString AlternateProcedureTableModel::outcomeWords(AlternateProcedure::Outcome outcome)
{
    switch (outcome) {
    case AlternateProcedure::Outcome::Verified:
        return tr("Verified");
    case AlternateProcedure::Outcome::NotVerified:
        return tr("Not verified");
    case AlternateProcedure::Outcome::ReferredToSecondary:
        return tr("Referred to secondary");
    }
    return {};
}

QString AlternateProcedureTableModel::documentKindWords(const QString& kind)
{
    if (kind == QLatin1String("passport"))
        return tr("passport");
    if (kind == QLatin1String("id-card"))
        return tr("identity card");
    if (kind == QLatin1String("visa"))
        return tr("visa");
    if (kind == QLatin1String("document"))
        return tr("document");
    return kind;
}

QString AlternateProcedureTableModel::checksSummary(const std::vector<AlternateProcedure::Check>& checks)
{
    if (checks.empty())
        return tr("none");
    int passed = 0;
    int failed = 0;
    int notApplicable = 0;
    for (const AlternateProcedure::Check& check : checks) {
        switch (check.result) {
        case AlternateProcedure::CheckResult::Passed:
            ++passed;
            break;
        case AlternateProcedure::CheckResult::Failed:
            ++failed;
            break;
        case AlternateProcedure::CheckResult::NotApplicable:
            ++notApplicable;
            break;
        }
    }
    QStringList parts;
    // %n: the plural of each language ("1 superada", "2 superadas").
    if (passed > 0)
        parts << tr("%n passed", nullptr, passed);
    if (failed > 0)
        parts << tr("%n failed", nullptr, failed);
    if (notApplicable > 0)
        parts << tr("%n not applicable", nullptr, notApplicable);
    return parts.join(tr(", "));
}

} // namespace fg
