#pragma once

#include "core/security/UserAccount.h"

#include <QPointer>
#include <QWidget>

#include <chrono>
#include <optional>

class QLabel;
class QTabWidget;

namespace fg {

class Clock;
class FiguresView;
class QueuePanel;
class Records;
class ReportsPanel;
class ReviewDialog;

// The supervisor's window (DOMAIN.md: supervisors work the no-match queue,
// watch the figures of their port, answer audits; auditors read all of it
// and change none): the queue (QueuePanel) whose items open in a review
// (ReviewDialog), the port's figures (FiguresView) and the reports
// (ReportsPanel), over the workstation's records. The signed-in user's name
// and role are always visible; without a user (signed out, session locked)
// it shows nothing and its reviews are closed.
class SupervisorWindow : public QWidget {
    Q_OBJECT
public:
    SupervisorWindow(Records& records, const Clock& clock, std::chrono::minutes overdueAfter,
                     QWidget* parent = nullptr);
    ~SupervisorWindow() override;

    void setUser(const std::optional<UserAccount>& user);
    const std::optional<UserAccount>& user() const { return m_user; }

    QTabWidget& tabs() { return *m_tabs; }
    QueuePanel& queue() { return *m_queue; }
    FiguresView& figures() { return *m_figures; }
    ReportsPanel& reports() { return *m_reports; }

    // Opens the item's review (after claiming it, when claim is true; a
    // refused claim is said in the review): the open review of that item
    // if there is one. nullptr without a user.
    ReviewDialog* openReview(qint64 itemId, bool claim);
    // The reviews open now.
    QList<ReviewDialog*> reviews() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void closeReviews();
    bool recordExport(const QString& kind, const QString& format, const QString& path, qint64 rows, QString* error);

    Records& m_records;
    const Clock& m_clock;
    std::optional<UserAccount> m_user;
    QLabel* m_identity;
    QTabWidget* m_tabs;
    QueuePanel* m_queue;
    FiguresView* m_figures;
    ReportsPanel* m_reports;
};

} // namespace fg
