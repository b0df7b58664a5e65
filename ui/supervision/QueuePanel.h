#pragma once

#include "core/security/UserAccount.h"
#include "core/workflow/ReviewQueue.h"

#include <QWidget>

#include <chrono>
#include <functional>
#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace fg {

class Clock;
class InlineMessage;
class QueueTableModel;

// The supervisor's no-match queue: filters (reason, state, flight, camera,
// officer, how long ago), the table (QueueTableModel, sorted by the store:
// oldest first by default, overdue items standing out), paging, and the
// actions: review the selected item (Enter, double-click), claim it and
// review it (Ctrl+K). It re-reads the queue every 30 seconds while shown, so
// another supervisor's claims appear. An auditor sees the same table; the
// claim is refused to them (by ReviewQueue; the button is off too).
class QueuePanel : public QWidget {
    Q_OBJECT
public:
    static constexpr int kPageSize = 100;

    QueuePanel(const ReviewQueue& queue, const Clock& clock, std::chrono::minutes overdueAfter,
               QWidget* parent = nullptr);
    ~QueuePanel() override;

    void setUser(const std::optional<UserAccount>& user);
    // The store's query for the filters, sort and page on screen.
    QueueQuery query() const;
    QueueTableModel& model() { return *m_model; }
    QTableView& table() { return *m_table; }
    qint64 matchingCount() const { return m_count; }
    // The selected item's id, or 0.
    qint64 selectedItem() const;
    bool selectItem(qint64 itemId);
    QString messageText() const;

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    // The supervisor wants to see this item (after claiming it, when claim is true).
    void reviewRequested(qint64 itemId, bool claim);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void retranslate();
    void fillChoices();
    void sortBy(int column);
    void showSortIndicator();
    void showCount();
    void showMessage(std::function<QString()> text, bool problem);
    void updateActions();
    void requestReview(bool claim);
    int pageCount() const;

    const ReviewQueue& m_queue;
    const Clock& m_clock;
    std::optional<UserAccount> m_user;
    QueueTableModel* m_model;
    QLabel* m_reasonLabel;
    QComboBox* m_reason;
    QLabel* m_stateLabel;
    QComboBox* m_state;
    QLabel* m_sinceLabel;
    QComboBox* m_since;
    QLabel* m_flightLabel;
    QLineEdit* m_flight;
    QLabel* m_cameraLabel;
    QLineEdit* m_camera;
    QLabel* m_officerLabel;
    QLineEdit* m_officer;
    QTableView* m_table;
    QLabel* m_countLabel;
    InlineMessage* m_message;
    QPushButton* m_previous;
    QPushButton* m_next;
    QPushButton* m_refresh;
    QPushButton* m_review;
    QPushButton* m_claim;
    QTimer* m_poll;
    QueueQuery::SortColumn m_sortBy = QueueQuery::SortColumn::Age;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    int m_page = 0;
    qint64 m_count = 0;
};

} // namespace fg
