#include "ui/supervision/QueueTableModel.h"

#include "core/storage/Clock.h"
#include "ui/desk/MatchPanel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

namespace fg {

QueueTableModel::QueueTableModel(const Clock& clock, std::chrono::minutes overdueAfter, QObject* parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
    , m_overdueAfter(overdueAfter)
{
}

void QueueTableModel::setRows(std::vector<QueueItem> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void QueueTableModel::clear()
{
    setRows({});
}

void QueueTableModel::setOverdueAfter(std::chrono::minutes overdueAfter)
{
    m_overdueAfter = overdueAfter;
    retranslate();
}

void QueueTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const QueueItem* QueueTableModel::itemAt(int row) const
{
    return row >= 0 && row < rowCount() ? &m_rows[std::size_t(row)] : nullptr;
}

bool QueueTableModel::isOverdue(const QueueItem& item) const
{
    // A resolved item is done, however long it waited.
    return item.state != QueueItem::State::Resolved && item.createdAt.isValid()
           && item.createdAt.secsTo(m_clock.now()) > qint64(m_overdueAfter.count()) * 60;
}

int QueueTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueueTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant QueueTableModel::data(const QModelIndex& index, int role) const
{
    const QueueItem* item = index.isValid() && index.column() >= 0 && index.column() < ColumnCount
                                ? itemAt(index.row())
                                : nullptr;
    if (!item)
        return {};
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return cellText(*item, index.column());
    case Qt::FontRole:
        if (isOverdue(*item)) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::BackgroundRole:
        if (isOverdue(*item))
            return QBrush(QColor(0xff, 0xe0, 0xb2)); // amber tint; the age says "overdue" in words
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Score)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant QueueTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    return columnTitle(section);
}

std::optional<QueueQuery::SortColumn> QueueTableModel::sortColumn(int column)
{
    switch (column) {
    case Age:
    case EnteredAt:
        return QueueQuery::SortColumn::Age;
    case Reason:
        return QueueQuery::SortColumn::Reason;
    case State:
        return QueueQuery::SortColumn::State;
    case Flight:
        return QueueQuery::SortColumn::Flight;
    case Camera:
        return QueueQuery::SortColumn::Camera;
    case Officer:
        return QueueQuery::SortColumn::Officer;
    case Score:
        return QueueQuery::SortColumn::MatchScore;
    default:
        return std::nullopt;
    }
}

int QueueTableModel::columnOf(QueueQuery::SortColumn sortColumn)
{
    switch (sortColumn) {
    case QueueQuery::SortColumn::Age:
        return Age;
    case QueueQuery::SortColumn::Reason:
        return Reason;
    case QueueQuery::SortColumn::State:
        return State;
    case QueueQuery::SortColumn::Flight:
        return Flight;
    case QueueQuery::SortColumn::Camera:
        return Camera;
    case QueueQuery::SortColumn::Officer:
        return Officer;
    case QueueQuery::SortColumn::MatchScore:
        return Score;
    }
    return Age;
}

QString QueueTableModel::columnTitle(int column)
{
    switch (column) {
    case Age:
        return tr("Waiting");
    case EnteredAt:
        return tr("Entered the queue");
    case Reason:
        return tr("Reason");
    case State:
        return tr("State");
    case Flight:
        return tr("Flight");
    case Camera:
        return tr("Camera");
    case Officer:
        return tr("Officer");
    case Score:
        return tr("Score");
    case Resolution:
        return tr("Resolution");
    default:
        return {};
    }
}

QString QueueTableModel::cellText(const QueueItem& item, int column) const
{
    switch (column) {
    case Age: {
        const QDateTime end = item.resolution ? item.resolution->decidedAt : m_clock.now();
        const QString waited = durationWords(item.createdAt.secsTo(end));
        return isOverdue(item) ? tr("overdue · %1").arg(waited) : waited;
    }
    case EnteredAt:
        return QLocale().toString(item.createdAt.toLocalTime(), QLocale::ShortFormat);
    case Reason:
        return reasonWords(item);
    case State:
        if (item.state == QueueItem::State::Claimed)
            return tr("claimed by %1").arg(item.claimedBy);
        return stateWords(item.state);
    case Flight:
        return item.flight.isEmpty() ? tr("none") : item.flight;
    case Camera:
        return item.camera;
    case Officer:
        return item.officer;
    case Score:
        if (!item.score)
            return decisionWords(item.decision);
        return item.threshold ? tr("%1 (threshold %2)")
                                    .arg(QLocale().toString(*item.score, 'f', 3), QLocale().toString(*item.threshold, 'f', 3))
                              : QLocale().toString(*item.score, 'f', 3);
    case Resolution:
        return item.resolution ? resolutionWords(item.resolution->resolution) : QString();
    default:
        return {};
    }
}

QString QueueTableModel::reasonWords(const QueueItem& item)
{
    if (item.reason == QueueItem::Reason::Override
        && item.officerAction == Encounter::OfficerAction::SendToSecondary)
        return tr("sent to secondary by the officer");
    return reasonWords(item.reason);
}

QString QueueTableModel::reasonWords(QueueItem::Reason reason)
{
    switch (reason) {
    case QueueItem::Reason::NoMatch:
        return tr("no match");
    case QueueItem::Reason::PoorQuality:
        return tr("poor quality");
    case QueueItem::Reason::Override:
        return tr("officer override");
    case QueueItem::Reason::DocumentNotGenuine:
        return tr("document not genuine (chip)");
    case QueueItem::Reason::PresentationAttack:
        return tr("presentation attack (photo or screen)");
    }
    return {};
}

QString QueueTableModel::stateWords(QueueItem::State state)
{
    switch (state) {
    case QueueItem::State::Open:
        return tr("open");
    case QueueItem::State::Claimed:
        return tr("claimed");
    case QueueItem::State::Resolved:
        return tr("resolved");
    }
    return {};
}

QString QueueTableModel::resolutionWords(SupervisorDecision::Resolution resolution)
{
    switch (resolution) {
    case SupervisorDecision::Resolution::IdentityConfirmed:
        return tr("identity confirmed (false non-match)");
    case SupervisorDecision::Resolution::SecondaryInspection:
        return tr("referred to secondary inspection");
    case SupervisorDecision::Resolution::SuspectedImpostor:
        return tr("suspected impostor");
    case SupervisorDecision::Resolution::CaptureProblem:
        return tr("capture problem (lighting, camera, pose)");
    }
    return {};
}

QString QueueTableModel::decisionWords(const std::optional<Encounter::Decision>& decision)
{
    // The words the officer saw on the match panel.
    return decision ? MatchPanel::decisionTitle(*decision) : tr("no decision");
}

QString QueueTableModel::durationWords(qint64 seconds)
{
    if (seconds < 60)
        return tr("under a minute");
    const qint64 minutes = seconds / 60;
    const qint64 hours = minutes / 60;
    const qint64 days = hours / 24;
    if (days > 0)
        return tr("%1 d %2 h").arg(days).arg(hours % 24);
    if (hours > 0)
        return tr("%1 h %2 min").arg(hours).arg(minutes % 60);
    return tr("%1 min").arg(minutes);
}

} // namespace fg
