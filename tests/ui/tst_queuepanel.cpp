// The supervisor's queue table (QueuePanel over ReviewQueue, offscreen):
// who sees it, its filters, the store's sort and paging, overdue items.
#include "core/security/UserAccount.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/Records.h"
#include "core/workflow/ReviewQueue.h"
#include "tests/support/ManualClock.h"
#include "tests/ui/TestRecords.h"
#include "ui/supervision/QueuePanel.h"
#include "ui/supervision/QueueTableModel.h"

#include <QComboBox>
#include <QFont>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fg;

namespace {

UserAccount person(const QString& name, Role role)
{
    UserAccount account;
    account.id = 1;
    account.name = name;
    account.role = role;
    return account;
}

void setText(QueuePanel& panel, const char* objectName, const QString& text)
{
    auto* edit = panel.findChild<QLineEdit*>(QString::fromLatin1(objectName));
    QVERIFY(edit);
    edit->setText(text);
    Q_EMIT edit->editingFinished();
}

} // namespace

class TestQueuePanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        QString error;
        m_dir = std::make_unique<QTemporaryDir>();
        m_clock = std::make_unique<test::ManualClock>(QDateTime(QDate(2026, 11, 20), QTime(8, 0), Qt::UTC));
        m_records = test::openRecords(*m_dir, *m_clock, &error);
        QVERIFY2(m_records, qPrintable(error));
        // 230 no-matches, one a minute, on two flights and two cameras, with
        // scores going down; then 5 poor-quality captures.
        for (int i = 0; i < 235; ++i) {
            Encounter encounter;
            encounter.decision = i < 230 ? Encounter::Decision::NoMatch : Encounter::Decision::PoorQuality;
            encounter.citizenship = QStringLiteral("FRA");
            encounter.score = 0.30 - 0.001 * i;
            encounter.threshold = 0.335;
            encounter.flight = i % 2 == 0 ? QStringLiteral("UA901") : QStringLiteral("AF 22");
            encounter.camera = i % 3 == 0 ? QStringLiteral("gate B12 camera 1") : QStringLiteral("gate B12 camera 2");
            encounter.officer = i % 5 == 0 ? QStringLiteral("olga") : QStringLiteral("omar");
            QVERIFY2(m_records->encounters().add(encounter, nullptr, QStringLiteral("officer:olga"), &error), qPrintable(error));
            m_clock->advanceSeconds(60);
        }
    }

    void cleanup()
    {
        m_records.reset();
        m_clock.reset();
        m_dir.reset();
    }

    void onlySupervisorsAndAuditorsSeeTheQueue()
    {
        QueuePanel panel(m_records->reviewQueue(), *m_clock, std::chrono::hours(24));
        panel.setUser(person(QStringLiteral("olga"), Role::Officer));
        QCOMPARE(panel.model().rowCount(), 0);
        QVERIFY(panel.messageText().contains(QStringLiteral("supervisors and auditors")));
        panel.setUser(person(QStringLiteral("ada"), Role::Auditor));
        QCOMPARE(panel.model().rowCount(), QueuePanel::kPageSize);
        QVERIFY(panel.messageText().isEmpty());
        panel.setUser(std::nullopt);
        QCOMPARE(panel.model().rowCount(), 0);
    }

    void pagesOldestFirst()
    {
        QueuePanel panel(m_records->reviewQueue(), *m_clock, std::chrono::hours(24));
        panel.setUser(person(QStringLiteral("sam"), Role::Supervisor));
        QCOMPARE(panel.matchingCount(), 235);
        QCOMPARE(panel.model().rowCount(), 100);
        QVERIFY(panel.model().itemAt(0)->createdAt < panel.model().itemAt(1)->createdAt);
        auto* count = panel.findChild<QLabel*>(QStringLiteral("queueCount"));
        QCOMPARE(count->text(), QStringLiteral("Items 1–100 of 235 · page 1 of 3"));
        auto* next = panel.findChild<QPushButton*>(QStringLiteral("nextPageButton"));
        auto* previous = panel.findChild<QPushButton*>(QStringLiteral("previousPageButton"));
        QVERIFY(!previous->isEnabled());
        next->click();
        next->click();
        QCOMPARE(panel.model().rowCount(), 35);
        QCOMPARE(count->text(), QStringLiteral("Items 201–235 of 235 · page 3 of 3"));
        QVERIFY(!next->isEnabled());
        QVERIFY(previous->isEnabled());
        // The newest item is the last row of the last page.
        QCOMPARE(panel.model().itemAt(34)->reason, QueueItem::Reason::PoorQuality);
    }

    void filtersNarrowTheStoresQuery()
    {
        QueuePanel panel(m_records->reviewQueue(), *m_clock, std::chrono::hours(24));
        panel.setUser(person(QStringLiteral("sam"), Role::Supervisor));
        auto* reason = panel.findChild<QComboBox*>(QStringLiteral("reasonFilter"));
        reason->setCurrentIndex(reason->findData(int(QueueItem::Reason::PoorQuality)));
        QCOMPARE(panel.matchingCount(), 5);
        QCOMPARE(panel.query().reason, QueueItem::Reason::PoorQuality);
        reason->setCurrentIndex(0);
        QCOMPARE(panel.matchingCount(), 235);

        setText(panel, "flightFilter", QStringLiteral("af22")); // compared normalised
        QCOMPARE(panel.matchingCount(), 117);
        for (const QueueItem& item : panel.model().rows())
            QCOMPARE(item.flight, QStringLiteral("AF22"));
        setText(panel, "cameraFilter", QStringLiteral("GATE B12 CAMERA 1")); // case-insensitive
        QCOMPARE(panel.matchingCount(), 39); // odd i (AF 22) that are multiples of 3: 3, 9, ..., 231
        setText(panel, "officerFilter", QStringLiteral("olga"));
        QCOMPARE(panel.matchingCount(), 8); // odd multiples of 15 below 235: 15, 45, ..., 225
        setText(panel, "flightFilter", QString());
        setText(panel, "cameraFilter", QString());
        setText(panel, "officerFilter", QString());

        // Only the last 24 hours: all of them (235 minutes), then none a day later.
        auto* since = panel.findChild<QComboBox*>(QStringLiteral("sinceFilter"));
        since->setCurrentIndex(1);
        QCOMPARE(panel.matchingCount(), 235);
        m_clock->advanceSeconds(2 * 24 * 3600);
        panel.refresh();
        QCOMPARE(panel.matchingCount(), 0);
        QCOMPARE(panel.findChild<QLabel*>(QStringLiteral("queueCount"))->text(), QStringLiteral("No items match."));
    }

    void headerClickSortsInTheStore()
    {
        QueuePanel panel(m_records->reviewQueue(), *m_clock, std::chrono::hours(24));
        panel.setUser(person(QStringLiteral("sam"), Role::Supervisor));
        QHeaderView* header = panel.table().horizontalHeader();
        header->sectionClicked(QueueTableModel::Score); // lowest score first
        QCOMPARE(panel.query().sortBy, QueueQuery::SortColumn::MatchScore);
        QCOMPARE(panel.query().order, Qt::AscendingOrder);
        QCOMPARE(*panel.model().itemAt(0)->score, 0.30 - 0.001 * 234);
        header->sectionClicked(QueueTableModel::Score); // again: highest first
        QCOMPARE(panel.query().order, Qt::DescendingOrder);
        QCOMPARE(*panel.model().itemAt(0)->score, 0.30);
        QCOMPARE(header->sortIndicatorSection(), int(QueueTableModel::Score));
        header->sectionClicked(QueueTableModel::Resolution); // not sortable: the order stays
        QCOMPARE(panel.query().sortBy, QueueQuery::SortColumn::MatchScore);
    }

    void overdueItemsStandOutInWords()
    {
        QueuePanel panel(m_records->reviewQueue(), *m_clock, std::chrono::hours(2));
        panel.setUser(person(QStringLiteral("sam"), Role::Supervisor));
        // The clock is 235 minutes past the first item: items older than 2 h are overdue.
        const QueueTableModel& model = panel.model();
        const QModelIndex oldest = model.index(0, QueueTableModel::Age);
        QCOMPARE(model.data(oldest).toString(), QStringLiteral("overdue · 3 h 55 min"));
        QVERIFY(model.data(oldest, Qt::FontRole).value<QFont>().bold());
        QVERIFY(model.data(oldest, Qt::BackgroundRole).isValid());
        const QModelIndex recent = model.index(99, QueueTableModel::Age); // 136 minutes
        QCOMPARE(model.data(recent).toString(), QStringLiteral("overdue · 2 h 16 min"));
        panel.findChild<QPushButton*>(QStringLiteral("nextPageButton"))->click();
        panel.findChild<QPushButton*>(QStringLiteral("nextPageButton"))->click();
        const QModelIndex newest = model.index(model.rowCount() - 1, QueueTableModel::Age);
        QCOMPARE(model.data(newest).toString(), QStringLiteral("1 min"));
        QVERIFY(!model.data(newest, Qt::BackgroundRole).isValid());
    }

    // The key printed on the button works: "Claim and review (Ctrl+K)" (the
    // button's '&' mnemonic once replaced the shortcut, so Ctrl+K did nothing),
    // and not for an auditor, who may not claim.
    void ctrlKClaimsAsItsButtonSays()
    {
        QueuePanel panel(m_records->reviewQueue(), *m_clock, std::chrono::hours(24));
        QSignalSpy requested(&panel, &QueuePanel::reviewRequested);
        panel.show();
        panel.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&panel));
        panel.setUser(person(QStringLiteral("ada"), Role::Auditor));
        panel.table().selectRow(0);
        QTest::keyClick(&panel, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(requested.count(), 0);
        panel.setUser(person(QStringLiteral("sam"), Role::Supervisor));
        panel.table().selectRow(0);
        QTest::keyClick(&panel, Qt::Key_K, Qt::ControlModifier);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.front().at(1).toBool(), true);
    }

    void claimIsOfferedToSupervisorsOnly()
    {
        QueuePanel panel(m_records->reviewQueue(), *m_clock, std::chrono::hours(24));
        QSignalSpy requested(&panel, &QueuePanel::reviewRequested);
        auto* claim = panel.findChild<QPushButton*>(QStringLiteral("claimButton"));
        auto* review = panel.findChild<QPushButton*>(QStringLiteral("reviewButton"));
        panel.setUser(person(QStringLiteral("ada"), Role::Auditor));
        panel.table().selectRow(0);
        QVERIFY(review->isEnabled());
        QVERIFY(!claim->isEnabled());
        review->click();
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.takeFirst().at(1).toBool(), false);

        panel.setUser(person(QStringLiteral("sam"), Role::Supervisor));
        panel.table().selectRow(3);
        QVERIFY(claim->isEnabled());
        claim->click();
        QCOMPARE(requested.count(), 1);
        const QList<QVariant> arguments = requested.takeFirst();
        QCOMPARE(arguments.at(0).toLongLong(), panel.model().itemAt(3)->id);
        QCOMPARE(arguments.at(1).toBool(), true);
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<test::ManualClock> m_clock;
    std::unique_ptr<Records> m_records;
};

QTEST_MAIN(TestQueuePanel)
#include "tst_queuepanel.moc"
