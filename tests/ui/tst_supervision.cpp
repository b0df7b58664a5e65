// Issue 5's acceptance, end to end, on the workstation as app/facegate
// builds it (Workstation over Records opened from settings), offscreen: a
// no-match is added by `facegate-cli encounter add --decision no-match`; a
// supervisor signs in with password and TOTP, finds it in the queue of the
// supervisor's window, claims it, reviews it and resolves it; meanwhile a
// second supervisor on a second connection to the same database cannot claim
// it; the resolution and the audit events are found in the records. Then
// retention purges the photos and an auditor reads the item (purged, with
// its deletion record) and can change nothing.
#include "core/config/Settings.h"
#include "core/security/AuditLog.h"
#include "core/security/Base32.h"
#include "core/security/SecureBuffer.h"
#include "core/security/Totp.h"
#include "core/security/UserStore.h"
#include "core/storage/Database.h"
#include "core/storage/DatabaseUrl.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/Purger.h"
#include "core/workflow/Records.h"
#include "core/workflow/ReviewQueue.h"
#include "core/live/LiveAnalysis.h"
#include "tests/support/TestAuditKey.h"
#include "ui/session/SignInDialog.h"
#include "ui/session/Workstation.h"
#include "ui/supervision/FiguresView.h"
#include "ui/supervision/QueuePanel.h"
#include "ui/supervision/QueueTableModel.h"
#include "ui/supervision/ReportsPanel.h"
#include "ui/supervision/ReviewDialog.h"
#include "ui/supervision/SupervisorWindow.h"
#include "ui/widgets/ZoomablePhoto.h"

#include "tests/support/ManualClock.h"
#include "tests/support/TestData.h"
#include "tests/ui/Screenshots.h"
#include "tests/ui/TestRecords.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fg;

namespace {

constexpr int kGenerousMs = 60000;
const char* const kPassword = "staple-gun-lantern-7";

// One port's records with its people: an administrator, two supervisors and an auditor.
struct Port {
    QTemporaryDir dir;
    std::optional<Settings> settings;
    test::ManualClock clock{QDateTime::currentDateTimeUtc()};
    std::unique_ptr<Records> records;
    std::unique_ptr<RecordsThread> recordsThread; // the same records, where a desk stores its encounters
    QHash<QString, QByteArray> totpSecrets;

    bool open(QString* error)
    {
        settings = test::recordsSettings(dir, error);
        if (!settings)
            return false;
        records = Records::open(*settings, clock, QStringLiteral("test:supervision"), error);
        if (!records
            || !records->users().createFirstAdmin(QStringLiteral("admin"), {}, SecureBuffer::copyOf("correct-horse-battery"),
                                                  records->keys(), QStringLiteral("test:setup"), error))
            return false;
        const std::pair<const char*, Role> people[] = {
            {"sam", Role::Supervisor}, {"sue", Role::Supervisor}, {"ada", Role::Auditor}};
        for (const auto& [name, role] : people) {
            const auto added = records->users().add({QString::fromLatin1(name), role, QString()},
                                                    SecureBuffer::copyOf(kPassword), records->keys(),
                                                    QStringLiteral("test:setup"), error);
            if (!added)
                return false;
            totpSecrets.insert(QString::fromLatin1(name), Base32::decode(added->totpSecret).value_or(QByteArray()));
        }
        recordsThread = RecordsThread::open(*settings, clock, QStringLiteral("test:records"), error);
        return recordsThread != nullptr;
    }

    QString databaseUrl() const { return settings->databaseUrl(); }
    QString keyFile() const { return settings->keyFile(); }

    UserAccount account(const QString& name) const
    {
        QString error;
        std::optional<UserAccount> found;
        return records->users().find(name, &found, &error) && found ? *found : UserAccount{};
    }
};

// `facegate-cli --db URL encounter add ...` as a script at the port runs it; its JSON answer.
QJsonObject runCli(const Port& port, const QStringList& words, QString* error)
{
    // An empty configuration: the defaults, never the machine's /etc/facegate.
    QFile config(port.dir.filePath(QStringLiteral("cli.ini")));
    if (!config.open(QIODevice::WriteOnly)) {
        *error = config.errorString();
        return {};
    }
    config.close();
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("FACEGATE_MODELS"), test::modelsDir());
    environment.insert(QStringLiteral("FACEGATE_CONFIG"), config.fileName());
    environment.insert(QStringLiteral("HOME"), port.dir.path());
    // The audit key the port's records were opened with (test::recordsSettings).
    environment.insert(QStringLiteral("FACEGATE_AUDIT_KEY_FILE"), port.dir.filePath(QStringLiteral("audit.key")));
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(FACEGATE_CLI), QStringList{QStringLiteral("--db"), port.databaseUrl()} + words);
    if (!process.waitForFinished(120000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("facegate-cli %1 failed (%2): %3")
                     .arg(words.join(QLatin1Char(' ')))
                     .arg(process.exitCode())
                     .arg(QString::fromUtf8(process.readAllStandardError()));
        return {};
    }
    return QJsonDocument::fromJson(process.readAllStandardOutput()).object();
}

// A no-match as the officer's desk writes one in 1:N: the flight, the
// camera, the top candidates, the capture and the best candidate's photo.
qint64 addDeskNoMatch(Records& records, QString* error)
{
    QFile capture(test::datasetPath(QStringLiteral("faces-dev/single/biden/01.jpg")));
    QFile reference(test::datasetPath(QStringLiteral("faces-dev/single/obama/01.jpg")));
    if (!capture.open(QIODevice::ReadOnly) || !reference.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("the photos of faces-dev/single cannot be read");
        return 0;
    }
    Encounter encounter;
    encounter.kind = Encounter::Kind::Exit;
    encounter.decision = Encounter::Decision::NoMatch;
    encounter.citizenship = QStringLiteral("XXX");
    encounter.score = 0.214;
    encounter.threshold = 0.335;
    encounter.fmrTarget = 1e-3;
    encounter.flight = QStringLiteral("UA901");
    encounter.camera = QStringLiteral("gate B12 camera 1");
    encounter.workstation = QStringLiteral("gate-b12");
    encounter.officer = QStringLiteral("olga");
    encounter.capturedAt = records.audit().clock().now();
    encounter.quality = QJsonObject{{QStringLiteral("passed"), true},   {QStringLiteral("yaw"), 4.2},
                                    {QStringLiteral("pitch"), -2.0},    {QStringLiteral("roll"), 1.1},
                                    {QStringLiteral("sharpness"), 41.0}, {QStringLiteral("inter_eye_distance"), 62.5},
                                    {QStringLiteral("face_count"), 1},  {QStringLiteral("checks"), QJsonArray()}};
    QJsonArray top;
    top.append(QJsonObject{{QStringLiteral("traveler_id"), QStringLiteral("obama")},
                           {QStringLiteral("name"), QStringLiteral("Barack Obama")},
                           {QStringLiteral("score"), 0.214}});
    top.append(QJsonObject{{QStringLiteral("traveler_id"), QStringLiteral("kit_harington")},
                           {QStringLiteral("name"), QStringLiteral("Kit Harington")},
                           {QStringLiteral("score"), 0.102}});
    encounter.candidates = QJsonObject{{QStringLiteral("flight"), QStringLiteral("UA901")}, {QStringLiteral("top"), top}};
    BiometricSample sample;
    sample.photo = capture.readAll();
    sample.format = QStringLiteral("jpeg");
    sample.referencePhoto = reference.readAll();
    sample.referenceFormat = QStringLiteral("jpeg");
    StoredEncounter stored;
    if (!records.encounters().add(encounter, &sample, QStringLiteral("officer:olga"), error, &stored))
        return 0;
    return stored.queueItemId;
}

// A camera that costs little: the photos of one person as an image folder.
LiveAnalysis::Options folderCamera()
{
    LiveAnalysis::Options options =
        LiveAnalysis::defaultOptions(test::datasetPath(QStringLiteral("faces-dev/single/obama")));
    options.pipeline.modelDirectory = test::modelsDir();
    return options;
}

std::unique_ptr<Workstation> signIn(Port& port, const QString& name, QString* error)
{
    Workstation::Options options;
    options.cameras = {folderCamera()};
    options.stationName = QStringLiteral("supervisor-desk");
    options.actor = QStringLiteral("test:supervision");
    auto workstation = std::make_unique<Workstation>(*port.records, *port.recordsThread, port.clock, options);
    QSignalSpy started(workstation.get(), &Workstation::sessionStarted);
    workstation->run();
    SignInDialog* dialog = workstation->signInDialog();
    if (!dialog || !QTest::qWaitFor([dialog] { return dialog->isVisible(); }, kGenerousMs)) {
        *error = QStringLiteral("no sign-in dialog");
        return nullptr;
    }
    dialog->findChild<QLineEdit*>(QStringLiteral("signInName"))->setText(name);
    dialog->findChild<QLineEdit*>(QStringLiteral("signInPassword"))->setText(QString::fromLatin1(kPassword));
    dialog->findChild<QLineEdit*>(QStringLiteral("signInCode"))
        ->setText(Totp::code(port.totpSecrets.value(name), port.clock.now().toSecsSinceEpoch()));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
    if (!QTest::qWaitFor([&started] { return started.count() == 1; }, kGenerousMs)) {
        *error = QStringLiteral("%1 could not sign in").arg(name);
        return nullptr;
    }
    return workstation;
}

int rowOf(QueuePanel& queue, qint64 itemId)
{
    for (int row = 0; row < queue.model().rowCount(); ++row)
        if (queue.model().itemAt(row)->id == itemId)
            return row;
    return -1;
}

// The audit events of an action on a subject, as another connection reads them.
QList<QJsonObject> auditEvents(const Database& database, const QString& action, const QString& subject)
{
    QSqlQuery query = database.query();
    query.prepare(QStringLiteral("SELECT actor, details FROM audit_events WHERE action = ? AND subject = ? ORDER BY seq"));
    query.addBindValue(action);
    query.addBindValue(subject);
    QList<QJsonObject> events;
    QString error;
    if (!database.exec(query, QStringLiteral("read the audit"), &error))
        return events;
    while (query.next()) {
        QJsonObject event = QJsonDocument::fromJson(query.value(1).toString().toUtf8()).object();
        event.insert(QStringLiteral("actor"), query.value(0).toString());
        events << event;
    }
    return events;
}

} // namespace

class TestSupervision : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        FG_REQUIRE_DATASETS();
        QString error;
        m_port = std::make_unique<Port>();
        QVERIFY2(m_port->open(&error), qPrintable(error));
        // The no-match a port's script adds, with the contract's command.
        const QJsonObject added = runCli(*m_port,
                                         {QStringLiteral("encounter"), QStringLiteral("add"), QStringLiteral("--photo"),
                                          test::datasetPath(QStringLiteral("faces-dev/single/biden/02.jpg")),
                                          QStringLiteral("--citizenship"), QStringLiteral("FRA"), QStringLiteral("--decision"),
                                          QStringLiteral("no-match"), QStringLiteral("--key-file"), m_port->keyFile()},
                                         &error);
        QVERIFY2(!added.isEmpty(), qPrintable(error));
        m_cliItem = added.value(QStringLiteral("queue_item_id")).toInteger();
        m_cliEncounter = added.value(QStringLiteral("id")).toInteger();
        QVERIFY2(m_cliItem > 0, "the CLI's no-match has no queue item");
        // The desk's no-match comes after it (the CLI stamps with the system clock).
        m_port->clock.set(QDateTime::currentDateTimeUtc().addSecs(1));
        m_deskItem = addDeskNoMatch(*m_port->records, &error);
        QVERIFY2(m_deskItem > 0, qPrintable(error));
    }

    void cleanup()
    {
        m_port.reset();
    }

    void supervisorClaimsReviewsAndResolves()
    {
        QString error;
        const std::unique_ptr<Workstation> workstation = signIn(*m_port, QStringLiteral("sam"), &error);
        QVERIFY2(workstation, qPrintable(error));
        SupervisorWindow& window = workstation->supervision();
        QTRY_VERIFY(window.isVisible()); // a supervisor comes for the queue
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("supervisorIdentity"))->text(), QStringLiteral("sam · Supervisor"));
        QueuePanel& queue = window.queue();
        QTRY_COMPARE(queue.model().rowCount(), 2);
        QCOMPARE(queue.matchingCount(), 2);
        QCOMPARE(queue.model().itemAt(0)->id, m_cliItem); // oldest first
        test::saveScreenshots(window, QStringLiteral("supervisor-queue"));

        // The review of the desk's 1:N no-match: both photos, the candidates.
        ReviewDialog* deskReview = window.openReview(m_deskItem, false);
        QVERIFY(deskReview);
        QVERIFY(QTest::qWaitForWindowExposed(deskReview));
        QVERIFY2(deskReview->capturePhoto().hasPhoto(), qPrintable(deskReview->capturePhoto().message()));
        QVERIFY2(deskReview->referencePhoto().hasPhoto(), qPrintable(deskReview->referencePhoto().message()));
        auto* candidates = deskReview->findChild<QTableWidget*>(QStringLiteral("candidatesTable"));
        QCOMPARE(candidates->rowCount(), 2);
        QCOMPARE(candidates->item(0, 1)->text(), QStringLiteral("Barack Obama"));
        QVERIFY(candidates->item(0, 2)->text().contains(QStringLiteral("below the threshold")));
        deskReview->capturePhoto().setZoom(1.0); // full resolution
        QCOMPARE(deskReview->capturePhoto().zoom(), 1.0);
        deskReview->capturePhoto().fitToView();
        test::saveScreenshots(*deskReview, QStringLiteral("supervisor-review"));
        deskReview->close();

        // Claim the CLI's no-match from the table (Ctrl+K's button) and review it.
        const int row = rowOf(queue, m_cliItem);
        QVERIFY(row >= 0);
        queue.table().selectRow(row);
        auto* claimButton = queue.findChild<QPushButton*>(QStringLiteral("claimButton"));
        QVERIFY(claimButton->isEnabled());
        QTest::mouseClick(claimButton, Qt::LeftButton);
        ReviewDialog* review = nullptr;
        QTRY_VERIFY((review = [&]() -> ReviewDialog* {
            for (ReviewDialog* open : window.reviews())
                if (open->itemId() == m_cliItem)
                    return open;
            return nullptr;
        }()));
        QVERIFY2(review->review(), qPrintable(review->messageText()));
        QCOMPARE(review->review()->item.state, QueueItem::State::Claimed);
        QCOMPARE(review->review()->item.claimedBy, QStringLiteral("sam"));
        QVERIFY2(review->capturePhoto().hasPhoto(), qPrintable(review->capturePhoto().message()));
        QVERIFY(review->referencePhoto().message().contains(QStringLiteral("No reference photo")));
        // The CLI's no-match has no quality report: said so, not "all passed" beside 0 px and 0 faces.
        const QString details = review->findChild<QLabel*>(QStringLiteral("reviewDetails"))->text();
        QVERIFY2(details.contains(QStringLiteral("No quality report")) && !details.contains(QStringLiteral("all passed")),
                 qPrintable(details));
        QTRY_VERIFY(queue.model().itemAt(rowOf(queue, m_cliItem))->state == QueueItem::State::Claimed);

        // Meanwhile at another workstation: sue, on her own connection, cannot take it.
        const std::optional<DatabaseUrl> url = DatabaseUrl::parse(m_port->databaseUrl(), &error);
        QVERIFY2(url, qPrintable(error));
        const std::unique_ptr<Database> other = Database::open(*url, &error);
        QVERIFY2(other, qPrintable(error));
        const AuditLog otherAudit(*other, m_port->clock, fg::test::auditKey());
        const ReviewQueue otherQueue(*other, otherAudit, m_port->clock);
        const UserAccount sue = m_port->account(QStringLiteral("sue"));
        QCOMPARE(sue.role, Role::Supervisor);
        QVERIFY(!otherQueue.claim(m_cliItem, sue, &error));
        QVERIFY2(error.contains(QStringLiteral("sam")), qPrintable(error));
        QVERIFY(!otherQueue.resolve(m_cliItem, SupervisorDecision::Resolution::SuspectedImpostor,
                                    QStringLiteral("not him"), sue, &error));

        // Resolve: the resolution, a note, Resolve.
        QVERIFY(!review->findChild<QPushButton*>(QStringLiteral("resolveButton"))->isEnabled()); // nothing chosen yet
        review->findChild<QRadioButton*>(QStringLiteral("identityConfirmedChoice"))->click();
        QTest::keyClicks(review->findChild<QPlainTextEdit*>(QStringLiteral("resolutionNote")),
                         QStringLiteral("Passport checked by hand; same person, older photo."));
        auto* resolveButton = review->findChild<QPushButton*>(QStringLiteral("resolveButton"));
        QVERIFY(resolveButton->isEnabled());
        // By the key its button names, "Resolve (Ctrl+Enter)", with the main
        // Enter key (it once worked only with the keypad's).
        review->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(review));
        QTest::keyClick(review, Qt::Key_Return, Qt::ControlModifier);
        QTRY_VERIFY2(review->messageText().startsWith(QStringLiteral("Resolved")), qPrintable(review->messageText()));
        QCOMPARE(review->review()->item.state, QueueItem::State::Resolved);

        // The resolution, as the other connection reads it.
        QSqlQuery decision = other->query();
        decision.prepare(QStringLiteral("SELECT d.supervisor, d.resolution, d.note, q.state FROM supervisor_decisions d "
                                        "JOIN queue_items q ON q.id = d.queue_item_id WHERE q.id = ?"));
        decision.addBindValue(m_cliItem);
        QVERIFY2(other->exec(decision, QStringLiteral("read the decision"), &error), qPrintable(error));
        QVERIFY(decision.next());
        QCOMPARE(decision.value(0).toString(), QStringLiteral("sam"));
        QCOMPARE(decision.value(1).toString(), QStringLiteral("identity-confirmed"));
        QCOMPARE(decision.value(2).toString(), QStringLiteral("Passport checked by hand; same person, older photo."));
        QCOMPARE(decision.value(3).toString(), QStringLiteral("resolved"));
        QVERIFY(!decision.next()); // one decision
        decision.finish();
        QVERIFY(!otherQueue.claim(m_cliItem, sue, &error)); // resolved: nobody claims it again

        // The audit events: sam's view, claim and resolution; sue's refused attempts wrote nothing.
        const QString subject = QStringLiteral("queue:%1").arg(m_cliItem);
        const QList<QJsonObject> claims = auditEvents(*other, QStringLiteral("queue.claim"), subject);
        QCOMPARE(claims.size(), 1);
        QCOMPARE(claims.first().value(QStringLiteral("actor")).toString(), QStringLiteral("officer:sam"));
        const QList<QJsonObject> resolutions = auditEvents(*other, QStringLiteral("queue.resolve"), subject);
        QCOMPARE(resolutions.size(), 1);
        QCOMPARE(resolutions.first().value(QStringLiteral("actor")).toString(), QStringLiteral("officer:sam"));
        QCOMPARE(resolutions.first().value(QStringLiteral("resolution")).toString(), QStringLiteral("identity-confirmed"));
        QVERIFY(!auditEvents(*other, QStringLiteral("queue.view"), subject).isEmpty());
        // Opening the capture was a key access by sam, with its reason.
        QSqlQuery unwraps = other->query();
        unwraps.prepare(QStringLiteral("SELECT COUNT(*) FROM audit_events WHERE action = 'key.unwrap' AND actor = ? "
                                       "AND details LIKE ?"));
        unwraps.addBindValue(QStringLiteral("officer:sam"));
        unwraps.addBindValue(QStringLiteral("%supervisor review of queue item %1%").arg(m_cliItem));
        QVERIFY2(other->exec(unwraps, QStringLiteral("count key accesses"), &error), qPrintable(error));
        QVERIFY(unwraps.next());
        QVERIFY(unwraps.value(0).toInt() >= 1);
        unwraps.finish();
        const std::optional<AuditLog::Verification> chain = otherAudit.verify(&error);
        QVERIFY2(chain && chain->intact, qPrintable(chain ? chain->problem : error));

        // Back in the queue: a resolved item leaves the waiting list.
        QTRY_COMPARE(queue.model().rowCount(), 1);
        QCOMPARE(queue.model().itemAt(0)->id, m_deskItem);
        review->close();

        // The reports tab reads the records again: the resolution is there.
        window.tabs().setCurrentWidget(&window.reports());
        auto* summary = window.reports().findChild<QLabel*>(QStringLiteral("reportSummary"));
        QVERIFY(summary);
        QVERIFY2(summary->text().contains(QStringLiteral("identity confirmed 1")), qPrintable(summary->text()));
        test::saveScreenshots(window, QStringLiteral("supervisor-reports"));
    }

    void auditorReadsPurgedItemAndChangesNothing()
    {
        // Fifteen days on: retention purged every photo (in-scope travelers, 14 days).
        m_port->clock.advanceSeconds(15 * 24 * 3600);
        QString error;
        const std::optional<PurgeReport> purged = m_port->records->purger().purge(&error);
        QVERIFY2(purged, qPrintable(error));

        const std::unique_ptr<Workstation> workstation = signIn(*m_port, QStringLiteral("ada"), &error);
        QVERIFY2(workstation, qPrintable(error));
        SupervisorWindow& window = workstation->supervision();
        QTRY_VERIFY(window.isVisible());
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("supervisorIdentity"))->text(), QStringLiteral("ada · Auditor"));
        QueuePanel& queue = window.queue();
        QTRY_COMPARE(queue.model().rowCount(), 2);
        const QueueItem* first = queue.model().itemAt(0);
        QVERIFY(queue.model().isOverdue(*first)); // 15 days waiting, 24 hours allowed
        QVERIFY(queue.model().data(queue.model().index(0, QueueTableModel::Age)).toString().startsWith(QStringLiteral("overdue")));
        queue.table().selectRow(0);
        QVERIFY(!queue.findChild<QPushButton*>(QStringLiteral("claimButton"))->isEnabled());

        ReviewDialog* review = window.openReview(m_deskItem, true); // asking to claim changes nothing for an auditor
        QVERIFY(review);
        QVERIFY2(review->review(), qPrintable(review->messageText()));
        QCOMPARE(review->review()->item.state, QueueItem::State::Open);
        QVERIFY(review->findChild<QLabel*>(QStringLiteral("readOnlyNotice"))->isVisibleTo(review));
        QVERIFY(!review->findChild<QPushButton*>(QStringLiteral("resolveButton"))->isVisibleTo(review));
        // Purged photos: said with the deletion record, never an error.
        QVERIFY(!review->capturePhoto().hasPhoto());
        QVERIFY2(review->capturePhoto().message().contains(QStringLiteral("deletion record")),
                 qPrintable(review->capturePhoto().message()));
        QVERIFY(review->referencePhoto().message().contains(QStringLiteral("deletion record")));
        // Each pane quotes its own photo's deletion record.
        QVERIFY(review->referencePhoto().message() != review->capturePhoto().message());
        QVERIFY(!review->messageText().contains(QStringLiteral("could not")));
        review->close();

        // The encounter entered with facegate-cli kept a capture only: its
        // reference pane says none was stored, not the capture's deletion.
        review = window.openReview(m_cliItem, false);
        QVERIFY(review);
        QVERIFY2(review->review(), qPrintable(review->messageText()));
        QVERIFY2(review->capturePhoto().message().contains(QStringLiteral("deletion record")),
                 qPrintable(review->capturePhoto().message()));
        QVERIFY2(!review->referencePhoto().message().contains(QStringLiteral("deletion record")),
                 qPrintable(review->referencePhoto().message()));

        // The core refuses the auditor whatever the widgets show.
        const UserAccount ada = m_port->account(QStringLiteral("ada"));
        QVERIFY(!m_port->records->reviewQueue().claim(m_deskItem, ada, &error));
        QVERIFY(!m_port->records->reviewQueue().resolve(m_deskItem, SupervisorDecision::Resolution::CaptureProblem,
                                                        QStringLiteral("x"), ada, &error));
        QVERIFY(auditEvents(m_port->records->database(), QStringLiteral("queue.claim"),
                            QStringLiteral("queue:%1").arg(m_deskItem))
                    .isEmpty());
        review->close();
    }

private:
    std::unique_ptr<Port> m_port;
    qint64 m_cliItem = 0;
    qint64 m_cliEncounter = 0;
    qint64 m_deskItem = 0;
};

QTEST_MAIN(TestSupervision)
#include "tst_supervision.moc"
