#include "ui/supervision/SupervisorWindow.h"

#include "core/security/AuditLog.h"
#include "core/storage/Clock.h"
#include "core/workflow/Records.h"
#include "ui/desk/MainWindow.h"
#include "ui/supervision/FiguresView.h"
#include "ui/supervision/QueuePanel.h"
#include "ui/supervision/ReportsPanel.h"
#include "ui/supervision/ReviewDialog.h"

#include <QEvent>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace fg {

SupervisorWindow::SupervisorWindow(Records& records, const Clock& clock, std::chrono::minutes overdueAfter,
                                   QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_records(records)
    , m_clock(clock)
    , m_identity(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_queue(new QueuePanel(records.reviewQueue(), clock, overdueAfter, this))
    , m_figures(new FiguresView(records.figures(), clock, this))
    , m_reports(new ReportsPanel(records.reports(), clock, this))
{
    setObjectName(QStringLiteral("supervisorWindow"));
    m_identity->setObjectName(QStringLiteral("supervisorIdentity"));
    m_tabs->setObjectName(QStringLiteral("supervisorTabs"));
    m_identity->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_tabs->addTab(m_queue, QString());
    m_tabs->addTab(m_figures, QString());
    m_tabs->addTab(m_reports, QString());

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_identity);
    layout->addWidget(m_tabs, 1);

    QString error;
    m_figures->setCalibration(FiguresView::currentCalibration(&error));
    m_reports->setExportRecorder([this](const QString& kind, const QString& format, const QString& path, qint64 rows,
                                        QString* why) { return recordExport(kind, format, path, rows, why); });
    connect(m_queue, &QueuePanel::reviewRequested, this, [this](qint64 itemId, bool claim) { openReview(itemId, claim); });
    // The figures and reports are computed again when their tab is looked
    // at (the queue may have moved on meanwhile), not at every queue refresh.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_tabs->widget(index) == m_figures)
            m_figures->refresh();
        else if (m_tabs->widget(index) == m_reports)
            m_reports->refresh();
        else if (m_tabs->widget(index) == m_queue)
            m_queue->refresh();
    });
    resize(1280, 720);
    retranslate();
}

SupervisorWindow::~SupervisorWindow() = default;

void SupervisorWindow::setUser(const std::optional<UserAccount>& user)
{
    if (!user || !m_user || user->name != m_user->name)
        closeReviews();
    m_user = user;
    m_queue->setUser(user);
    m_figures->setUser(user);
    m_reports->setUser(user);
    retranslate();
}

ReviewDialog* SupervisorWindow::openReview(qint64 itemId, bool claim)
{
    if (!m_user)
        return nullptr;
    for (ReviewDialog* review : reviews()) {
        if (review->itemId() == itemId) {
            review->raise();
            review->activateWindow();
            return review;
        }
    }
    auto* review = new ReviewDialog(m_records.reviewQueue(), m_records.encounters(), m_clock, *m_user, itemId, this);
    review->setAttribute(Qt::WA_DeleteOnClose);
    connect(review, &ReviewDialog::itemChanged, m_queue, &QueuePanel::refresh);
    QString error;
    if (claim)
        review->claim(&error); // a refused claim is said in the review, which still opens read-only
    review->load(&error);
    review->show();
    return review;
}

QList<ReviewDialog*> SupervisorWindow::reviews() const
{
    return findChildren<ReviewDialog*>(QString(), Qt::FindDirectChildrenOnly);
}

void SupervisorWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void SupervisorWindow::retranslate()
{
    setWindowTitle(tr("FaceGate — supervision"));
    m_tabs->setTabText(m_tabs->indexOf(m_queue), tr("No-match &queue"));
    m_tabs->setTabText(m_tabs->indexOf(m_figures), tr("Port &figures"));
    m_tabs->setTabText(m_tabs->indexOf(m_reports), tr("&Reports"));
    if (!m_user) {
        m_identity->setText(tr("Nobody is signed in."));
        return;
    }
    const QString who = m_user->displayName.isEmpty() ? m_user->name
                                                      : tr("%1 (%2)").arg(m_user->displayName, m_user->name);
    m_identity->setText(tr("%1 · %2").arg(who, MainWindow::roleTitle(m_user->role)));
}

void SupervisorWindow::closeReviews()
{
    for (ReviewDialog* review : reviews())
        review->close();
}

bool SupervisorWindow::recordExport(const QString& kind, const QString& format, const QString& path, qint64 rows,
                                    QString* error)
{
    // Personal data leaving the workstation: who, what, how much, where.
    const QString actor = m_user ? m_user->actor() : QStringLiteral("officer:unknown");
    return m_records.audit().record(actor, QStringLiteral("report.export"), path,
                                    {{QStringLiteral("report"), kind},
                                     {QStringLiteral("format"), format},
                                     {QStringLiteral("rows"), rows}},
                                    error);
}

} // namespace fg
