#include "ui/supervision/QueuePanel.h"

#include "core/storage/Clock.h"
#include "ui/supervision/QueueTableModel.h"
#include "ui/widgets/InlineMessage.h"

#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace fg {
namespace {

// The state filter's choices, in the combo's order.
enum StateChoice { Waiting, OpenOnly, ClaimedOnly, ResolvedOnly, AnyState, StateChoiceCount };
// How far back the filter looks, in hours (0: any time), in the combo's order.
constexpr int kSinceHours[] = {0, 24, 7 * 24, 30 * 24};

} // namespace

QueuePanel::QueuePanel(const ReviewQueue& queue, const Clock& clock, std::chrono::minutes overdueAfter, QWidget* parent)
    : QWidget(parent)
    , m_queue(queue)
    , m_clock(clock)
    , m_model(new QueueTableModel(clock, overdueAfter, this))
    , m_reasonLabel(new QLabel(this))
    , m_reason(new QComboBox(this))
    , m_stateLabel(new QLabel(this))
    , m_state(new QComboBox(this))
    , m_sinceLabel(new QLabel(this))
    , m_since(new QComboBox(this))
    , m_flightLabel(new QLabel(this))
    , m_flight(new QLineEdit(this))
    , m_cameraLabel(new QLabel(this))
    , m_camera(new QLineEdit(this))
    , m_officerLabel(new QLabel(this))
    , m_officer(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_countLabel(new QLabel(this))
    , m_message(new InlineMessage(this))
    , m_previous(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_refresh(new QPushButton(this))
    , m_review(new QPushButton(this))
    , m_claim(new QPushButton(this))
    , m_poll(new QTimer(this))
{
    m_reason->setObjectName(QStringLiteral("reasonFilter"));
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_since->setObjectName(QStringLiteral("sinceFilter"));
    m_flight->setObjectName(QStringLiteral("flightFilter"));
    m_camera->setObjectName(QStringLiteral("cameraFilter"));
    m_officer->setObjectName(QStringLiteral("officerFilter"));
    m_table->setObjectName(QStringLiteral("queueTable"));
    m_countLabel->setObjectName(QStringLiteral("queueCount"));
    m_message->setObjectName(QStringLiteral("queueMessage"));
    m_previous->setObjectName(QStringLiteral("previousPageButton"));
    m_next->setObjectName(QStringLiteral("nextPageButton"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_review->setObjectName(QStringLiteral("reviewButton"));
    m_claim->setObjectName(QStringLiteral("claimButton"));
    fillChoices();

    for (QLineEdit* edit : {m_flight, m_camera, m_officer})
        edit->setClearButtonEnabled(true);
    m_reasonLabel->setBuddy(m_reason);
    m_stateLabel->setBuddy(m_state);
    m_sinceLabel->setBuddy(m_since);
    m_flightLabel->setBuddy(m_flight);
    m_cameraLabel->setBuddy(m_camera);
    m_officerLabel->setBuddy(m_officer);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionsClickable(true);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);


    auto* filters = new QGridLayout;
    filters->addWidget(m_reasonLabel, 0, 0);
    filters->addWidget(m_reason, 0, 1);
    filters->addWidget(m_stateLabel, 0, 2);
    filters->addWidget(m_state, 0, 3);
    filters->addWidget(m_sinceLabel, 0, 4);
    filters->addWidget(m_since, 0, 5);
    filters->addWidget(m_flightLabel, 1, 0);
    filters->addWidget(m_flight, 1, 1);
    filters->addWidget(m_cameraLabel, 1, 2);
    filters->addWidget(m_camera, 1, 3);
    filters->addWidget(m_officerLabel, 1, 4);
    filters->addWidget(m_officer, 1, 5);
    for (int column : {1, 3, 5})
        filters->setColumnStretch(column, 1);

    auto* footer = new QHBoxLayout;
    footer->addWidget(m_countLabel, 1);
    footer->addWidget(m_previous);
    footer->addWidget(m_next);
    footer->addSpacing(16);
    footer->addWidget(m_refresh);
    footer->addWidget(m_review);
    footer->addWidget(m_claim);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addLayout(footer);

    auto refilter = [this] {
        m_page = 0;
        refresh();
    };
    for (QComboBox* combo : {m_reason, m_state, m_since})
        connect(combo, &QComboBox::currentIndexChanged, this, refilter);
    for (QLineEdit* edit : {m_flight, m_camera, m_officer})
        connect(edit, &QLineEdit::editingFinished, this, refilter);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this, &QueuePanel::sortBy);
    connect(m_previous, &QPushButton::clicked, this, [this] {
        --m_page;
        refresh();
    });
    connect(m_next, &QPushButton::clicked, this, [this] {
        ++m_page;
        refresh();
    });
    connect(m_refresh, &QPushButton::clicked, this, &QueuePanel::refresh);
    connect(m_review, &QPushButton::clicked, this, [this] { requestReview(false); });
    connect(m_claim, &QPushButton::clicked, this, [this] { requestReview(true); });
    connect(m_table, &QTableView::activated, this, [this] { requestReview(false); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &QueuePanel::updateActions);
    // The keys printed on the buttons. Not the buttons' own shortcut: setText()
    // with an '&' mnemonic replaces it. A click does nothing on a disabled
    // button, so the keys follow the buttons' state.
    const auto key = [this](const QKeySequence& sequence, QAbstractButton* button) {
        auto* shortcut = new QShortcut(sequence, this);
        connect(shortcut, &QShortcut::activated, button, &QAbstractButton::click);
    };
    key(QKeySequence(Qt::Key_F5), m_refresh);
    key(QKeySequence(Qt::CTRL | Qt::Key_K), m_claim);

    // Other supervisors claim and resolve meanwhile: re-read while shown.
    m_poll->setInterval(std::chrono::seconds(30));
    connect(m_poll, &QTimer::timeout, this, &QueuePanel::refresh);

    retranslate();
    updateActions();
}

QueuePanel::~QueuePanel() = default;

void QueuePanel::setUser(const std::optional<UserAccount>& user)
{
    m_user = user;
    m_page = 0;
    refresh();
}

QueueQuery QueuePanel::query() const
{
    QueueQuery query;
    if (m_reason->currentIndex() > 0)
        query.reason = QueueItem::Reason(m_reason->currentData().toInt());
    switch (m_state->currentIndex()) {
    case Waiting:
        query.states = {QueueItem::State::Open, QueueItem::State::Claimed};
        break;
    case OpenOnly:
        query.states = {QueueItem::State::Open};
        break;
    case ClaimedOnly:
        query.states = {QueueItem::State::Claimed};
        break;
    case ResolvedOnly:
        query.states = {QueueItem::State::Resolved};
        break;
    default:
        break;
    }
    const int hours = kSinceHours[qBound(0, m_since->currentIndex(), int(std::size(kSinceHours)) - 1)];
    if (hours > 0)
        query.from = m_clock.now().addSecs(-qint64(hours) * 3600);
    query.flight = m_flight->text().trimmed();
    query.camera = m_camera->text().trimmed();
    query.officer = m_officer->text().trimmed();
    query.sortBy = m_sortBy;
    query.order = m_order;
    query.limit = kPageSize;
    query.offset = m_page * kPageSize;
    return query;
}

qint64 QueuePanel::selectedItem() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const QueueItem* item = rows.isEmpty() ? nullptr : m_model->itemAt(rows.first().row());
    return item ? item->id : 0;
}

bool QueuePanel::selectItem(qint64 itemId)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->itemAt(row)->id == itemId) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

QString QueuePanel::messageText() const
{
    return m_message->said();
}

void QueuePanel::refresh()
{
    const qint64 selected = selectedItem();
    if (!m_user || !ReviewQueue::mayRead(m_user->role)) {
        m_model->clear();
        m_count = 0;
        showCount();
        showMessage([] { return tr("The no-match queue is for supervisors and auditors."); }, true);
        updateActions();
        return;
    }
    QueueQuery wanted = query();
    QString error;
    const std::optional<qint64> count = m_queue.count(wanted, *m_user, &error);
    if (!count) {
        showMessage([error] { return tr("The queue could not be read: %1").arg(error); }, true);
        return;
    }
    m_count = *count;
    m_page = qBound(0, m_page, pageCount() - 1);
    wanted.offset = m_page * kPageSize;
    std::optional<std::vector<QueueItem>> rows = m_queue.search(wanted, *m_user, &error);
    if (!rows) {
        showMessage([error] { return tr("The queue could not be read: %1").arg(error); }, true);
        return;
    }
    m_model->setRows(std::move(*rows));
    m_table->resizeColumnsToContents();
    if (selected != 0)
        selectItem(selected);
    showSortIndicator();
    showCount();
    m_message->dismiss();
    updateActions();
}

void QueuePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void QueuePanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    m_poll->start();
}

void QueuePanel::hideEvent(QHideEvent* event)
{
    m_poll->stop();
    QWidget::hideEvent(event);
}

void QueuePanel::retranslate()
{
    m_reasonLabel->setText(tr("&Reason"));
    m_stateLabel->setText(tr("S&tate"));
    m_sinceLabel->setText(tr("Entered"));
    m_flightLabel->setText(tr("&Flight"));
    m_cameraLabel->setText(tr("Ca&mera"));
    m_officerLabel->setText(tr("&Officer"));
    m_flight->setPlaceholderText(tr("any flight"));
    m_camera->setPlaceholderText(tr("any camera"));
    m_officer->setPlaceholderText(tr("any officer (user name)"));
    m_reason->setItemText(0, tr("every reason"));
    for (int index = 1; index < m_reason->count(); ++index)
        m_reason->setItemText(index, QueueTableModel::reasonWords(QueueItem::Reason(m_reason->itemData(index).toInt())));
    m_state->setItemText(Waiting, tr("open or claimed"));
    m_state->setItemText(OpenOnly, tr("open"));
    m_state->setItemText(ClaimedOnly, tr("claimed"));
    m_state->setItemText(ResolvedOnly, tr("resolved"));
    m_state->setItemText(AnyState, tr("any state"));
    m_since->setItemText(0, tr("any time"));
    m_since->setItemText(1, tr("in the last 24 hours"));
    m_since->setItemText(2, tr("in the last 7 days"));
    m_since->setItemText(3, tr("in the last 30 days"));
    m_previous->setText(tr("◀ &Previous"));
    m_next->setText(tr("&Next ▶"));
    m_refresh->setText(tr("Refresh (F5)"));
    m_review->setText(tr("&Review…"));
    m_claim->setText(tr("&Claim and review (Ctrl+K)"));
    m_model->retranslate();
    showCount();
}

void QueuePanel::fillChoices()
{
    m_reason->addItem(QString(), -1);
    for (QueueItem::Reason reason :
         {QueueItem::Reason::NoMatch, QueueItem::Reason::PoorQuality, QueueItem::Reason::Override,
          QueueItem::Reason::DocumentNotGenuine, QueueItem::Reason::PresentationAttack})
        m_reason->addItem(QString(), int(reason));
    for (int choice = 0; choice < StateChoiceCount; ++choice)
        m_state->addItem(QString());
    for (std::size_t choice = 0; choice < std::size(kSinceHours); ++choice)
        m_since->addItem(QString());
}

void QueuePanel::sortBy(int column)
{
    const std::optional<QueueQuery::SortColumn> wanted = QueueTableModel::sortColumn(column);
    if (!wanted) {
        showSortIndicator();
        return;
    }
    if (*wanted == m_sortBy)
        m_order = m_order == Qt::AscendingOrder ? Qt::DescendingOrder : Qt::AscendingOrder;
    else {
        m_sortBy = *wanted;
        m_order = Qt::AscendingOrder; // oldest, lowest score, A to Z first
    }
    m_page = 0;
    refresh();
}

void QueuePanel::showSortIndicator()
{
    m_table->horizontalHeader()->setSortIndicator(QueueTableModel::columnOf(m_sortBy), m_order);
}

void QueuePanel::showCount()
{
    if (m_count == 0) {
        m_countLabel->setText(tr("No items match."));
    } else {
        const qint64 first = qint64(m_page) * kPageSize + 1;
        const qint64 last = std::min(m_count, first + kPageSize - 1);
        m_countLabel->setText(tr("Items %1–%2 of %3 · page %4 of %5")
                                  .arg(QLocale().toString(first), QLocale().toString(last), QLocale().toString(m_count))
                                  .arg(m_page + 1)
                                  .arg(pageCount()));
    }
    m_previous->setEnabled(m_page > 0);
    m_next->setEnabled(m_page + 1 < pageCount());
}

void QueuePanel::showMessage(std::function<QString()> text, bool problem)
{
    m_message->say(std::move(text), problem ? InlineMessage::Kind::Problem : InlineMessage::Kind::Information);
}

void QueuePanel::updateActions()
{
    const qint64 item = selectedItem();
    m_review->setEnabled(item != 0);
    const QueueItem* row = nullptr;
    for (const QueueItem& candidate : m_model->rows())
        if (candidate.id == item)
            row = &candidate;
    m_claim->setEnabled(row && row->state != QueueItem::State::Resolved && m_user
                        && ReviewQueue::mayWork(m_user->role));
}

void QueuePanel::requestReview(bool claim)
{
    const qint64 item = selectedItem();
    if (item == 0)
        return;
    Q_EMIT reviewRequested(item, claim && m_user && ReviewQueue::mayWork(m_user->role));
}

int QueuePanel::pageCount() const
{
    return std::max<int>(1, int((m_count + kPageSize - 1) / kPageSize));
}

} // namespace fg
