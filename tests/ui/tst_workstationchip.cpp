// Issue 19, end to end on the workstation as app/facegate builds it: a
// passport on the PC/SC reader (the simulated chip of a Utopian passport
// behind the test's own pcscd and vpcd; Lin-Manuel Miranda's photo in DG2,
// its EF.SOD signed by a Document Signer of a CSCA in documents/csca). The
// officer gives the MRZ; the chip is read off the GUI thread; its photo is
// the 1:1 reference with the verdict beside the document data; the capture
// from the replayed clip of the same man is a MATCH with the chip genuine,
// confirmed and stored with the chip's report, the reading an audit event
// naming no one. A chip whose photo was altered after signing is NOT
// genuine: shown in red, no Confirm, in the supervisor's queue.
#include "core/security/AuditLog.h"
#include "core/security/Base32.h"
#include "core/security/SecureBuffer.h"
#include "core/security/Totp.h"
#include "core/security/UserStore.h"
#include "core/storage/Database.h"
#include "core/storage/SystemClock.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/Records.h"
#include "core/workflow/RecordsThread.h"
#include "core/documents/reader/PcscReader.h"
#include "ui/desk/InspectionDesk.h"
#include "ui/desk/MainWindow.h"
#include "ui/desk/MatchPanel.h"
#include "ui/session/SignInDialog.h"
#include "ui/session/Workstation.h"

#include "tests/support/PcscRig.h"
#include "tests/support/TestData.h"
#include "tests/support/emrtd/ChipInReader.h"
#include "tests/support/emrtd/TestPassport.h"
#include "tests/ui/ClipCamera.h"
#include "tests/ui/Screenshots.h"
#include "tests/ui/TestRecords.h"
#include "tests/ui/WorkstationDriving.h"

#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace fg;
using test::SimulatedPassport;
using test::emrtd::TestPassport;

namespace {

const char* const kOlgaPassword = "staple-gun-lantern-7";

// Records, their thread, olga (an officer), a trust folder with the
// passport's CSCA, and the workstation on the replayed clip watching the
// reader of the test's own pcscd, as app/facegate puts them together.
struct ChipStation {
    QTemporaryDir dir;
    QTemporaryDir trust;
    SystemClock clock;
    std::unique_ptr<Records> records;
    std::unique_ptr<RecordsThread> recordsThread;
    std::unique_ptr<Workstation> workstation;
    QByteArray olgaSecret;

    bool open(const TestPassport& passport, QString* error, const QString& reader = test::PcscRig::reader())
    {
        const std::optional<Settings> settings = test::recordsSettings(dir, error);
        if (!settings)
            return false;
        records = Records::open(*settings, clock, QStringLiteral("test:setup"), error);
        if (!records)
            return false;
        recordsThread = RecordsThread::open(*settings, clock, QStringLiteral("test:records"), error);
        if (!recordsThread)
            return false;
        if (!records->users().createFirstAdmin(QStringLiteral("admin"), {}, SecureBuffer::copyOf("correct-horse-battery"),
                                               records->keys(), QStringLiteral("test:setup"), error))
            return false;
        const auto olga = records->users().add({QStringLiteral("olga"), Role::Officer, QStringLiteral("Olga Ortiz")},
                                               SecureBuffer::copyOf(kOlgaPassword), records->keys(),
                                               QStringLiteral("test:setup"), error);
        if (!olga)
            return false;
        olgaSecret = Base32::decode(olga->totpSecret).value_or(QByteArray());
        if (!passport.writeTrust(trust.path(), error))
            return false;
        Workstation::Options options;
        options.cameras = {test::clipCamera()};
        options.stationName = QStringLiteral("booth-7");
        options.actor = QStringLiteral("test:workstation");
        options.chipReader = reader;
        options.cscaPath = trust.path();
        workstation = std::make_unique<Workstation>(*records, *recordsThread, clock, options);
        workstation->watchPassportChip(*recordsThread);
        return true;
    }

    bool signIn(QString* error)
    {
        QSignalSpy started(workstation.get(), &Workstation::sessionStarted);
        workstation->run();
        SignInDialog* dialog = workstation->signInDialog();
        if (!dialog || !QTest::qWaitFor([dialog] { return dialog->isVisible(); }, 10000)) {
            *error = QStringLiteral("no sign-in dialog");
            return false;
        }
        dialog->findChild<QLineEdit*>(QStringLiteral("signInName"))->setText(QStringLiteral("olga"));
        dialog->findChild<QLineEdit*>(QStringLiteral("signInPassword"))->setText(QString::fromLatin1(kOlgaPassword));
        dialog->findChild<QLineEdit*>(QStringLiteral("signInCode"))
            ->setText(Totp::code(olgaSecret, QDateTime::currentSecsSinceEpoch()));
        QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
        if (!QTest::qWaitFor([&] { return started.count() == 1; }, 30000)) {
            *error = QStringLiteral("olga was not signed in");
            return false;
        }
        MainWindow& window = workstation->window();
        return QTest::qWaitForWindowExposed(&window) && test::activate(window);
    }

    QString referenceWords() const
    {
        return workstation->window().findChild<QLabel*>(QStringLiteral("referenceState"))->text();
    }

    std::vector<AuditEvent> chipReadings() const
    {
        QString error;
        std::vector<AuditEvent> found;
        const auto events = records->audit().events(1, 10000, &error);
        for (const AuditEvent& event : events.value_or(std::vector<AuditEvent>{}))
            if (event.action == QLatin1String("document.chip.read"))
                found.push_back(event);
        return found;
    }

    // The officer's capture key while the clip shows frames [from, to): the
    // encounter recorded and its decision.
    std::optional<std::pair<qint64, Encounter::Decision>> captureAt(qint64 from, qint64 to)
    {
        QString error;
        const qint64 loop = test::framesPerLoop(&error);
        MainWindow& window = workstation->window();
        LiveAnalysis& camera = window.liveAnalysis();
        QSignalSpy recorded(&workstation->desk(), &InspectionDesk::encounterRecorded);
        if (loop <= 0 || !test::waitForClipPosition(camera, loop, from, to))
            return std::nullopt;
        QTest::keyClick(&window, Qt::Key_Space);
        if (!QTest::qWaitFor([&] { return recorded.count() > 0; }, test::kGenerousMs))
            return std::nullopt;
        return std::pair{recorded.back().at(0).toLongLong(), recorded.back().at(1).value<Encounter::Decision>()};
    }
};

} // namespace

class TestWorkstationChip : public QObject {
    Q_OBJECT

    // One pcscd for the process: pcsc-lite's client keeps the first
    // service's socket.
    test::ChipReaderRig m_reader;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_reader.start(&error), qPrintable(error));
    }

    void init()
    {
        QString error; // the previous chip's ghost leaves the reader
        QCOMPARE(m_reader.waitForNoCard(&error), std::optional<bool>(true));
    }

    void cleanupTestCase()
    {
        m_reader.stop();
    }

    void theChipsPhotoIsTheReferenceAndTheMirandaCaptureMatches()
    {
        FG_REQUIRE_DATASETS();
        QString error;
        std::optional<test::CloneProof> proof = test::chipAuthenticationProof(&error);
        QVERIFY2(proof, qPrintable(error));
        TestPassport::Options passportOptions;
        passportOptions.proof = proof;
        const auto passport = TestPassport::make(passportOptions, &error);
        QVERIFY2(passport, qPrintable(error));
        ChipStation station;
        QVERIFY2(station.open(*passport, &error), qPrintable(error));
        QVERIFY2(station.signIn(&error), qPrintable(error));
        MainWindow& window = station.workstation->window();
        QTest::keyClick(&window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier); // capture by hand

        // The passport goes on the reader; the officer gives its zone (Ctrl+R's dialog does this).
        auto chip = SimulatedPassport::create(passport->files, *passport->key(&error), {}, &error);
        QVERIFY2(chip, qPrintable(error));
        passport->proof->install(*chip);
        QVERIFY2(m_reader.insert(*chip, &error), qPrintable(error));
        QVERIFY(station.workstation->readChipWith(passport->mrz));
        QTRY_VERIFY2_WITH_TIMEOUT(station.referenceWords().contains(QStringLiteral("1:1")),
                                  qPrintable(station.referenceWords()), test::kGenerousMs);
        QCOMPARE(station.referenceWords(), QStringLiteral("Passport chip LIN MANUEL MIRANDA · genuine · 1:1"));
        const std::optional<ReferencePerson>& holder = station.workstation->inspection().documentHolder();
        QVERIFY(holder);
        QCOMPARE(holder->photo, passport->jpeg); // DG2's JPEG, as signed
        QCOMPARE(holder->documentVerdict, QStringLiteral("genuine"));
        QCOMPARE(holder->documentNumber, QStringLiteral("UT4711X08"));

        // Lin-Manuel Miranda, facing the camera in the middle of the clip (3.3-4.7 s).
        const auto captured = station.captureAt(100, 140);
        QVERIFY(captured);
        QCOMPARE(captured->second, Encounter::Decision::Match);
        QCOMPARE(window.findChild<QLabel*>(QStringLiteral("decision"))->text(),
                 MatchPanel::decisionTitle(Encounter::Decision::Match));
        const auto* check = window.findChild<QLabel*>(QStringLiteral("documentCheck"));
        QVERIFY(check && check->isVisible());
        QVERIFY2(check->text().startsWith(QStringLiteral("Passport chip: Genuine")), qPrintable(check->text()));
        QVERIFY2(check->text().contains(QStringLiteral("Chip authentication (ECDH NIST P-256, AES-128) passed")),
                 qPrintable(check->text()));
        const std::optional<MatchOutcome>& outcome = window.matchPanel().outcome();
        qInfo("chip photo against the clip: %s at %.3f, threshold %.3f; %s",
              qPrintable(MatchPanel::decisionTitle(outcome->decision)), outcome->score.value_or(-1.0), outcome->threshold,
              qPrintable(check->text()));
        test::saveScreenshots(window, QStringLiteral("officer-chip"), {QSize(1366, 768)});

        QTest::keyClick(&window, Qt::Key_Return); // confirmed
        QTRY_COMPARE(station.records->encounters().find(captured->first, &error)->officerAction,
                     std::optional(Encounter::OfficerAction::Confirm));
        const std::optional<Encounter> stored = station.records->encounters().find(captured->first, &error);
        QVERIFY2(stored, qPrintable(error));
        QCOMPARE(stored->documentVerdict, QStringLiteral("genuine"));
        QCOMPARE(stored->documentCheck.value(QStringLiteral("clone_check")).toObject().value(QStringLiteral("result")),
                 QJsonValue(QStringLiteral("passed")));
        QCOMPARE(stored->citizenship, QStringLiteral("UTO"));
        // The chip's photo kept sealed beside the capture, under the same rule.
        const auto references = station.records->database().scalar(
            QStringLiteral("SELECT COUNT(*) FROM photos WHERE encounter_id = ? AND role = 'reference'"), {captured->first},
            QStringLiteral("count"), &error);
        QCOMPARE(references.value_or(QVariant(-1)).toInt(), 1);

        // Reading the chip is recorded, on the records thread, naming no one.
        QTRY_COMPARE_WITH_TIMEOUT(station.chipReadings().size(), size_t(1), 10000);
        const AuditEvent reading = station.chipReadings().front();
        QCOMPARE(reading.actor, QStringLiteral("officer:olga"));
        QCOMPARE(reading.subject, QStringLiteral("chip_reader:") + test::PcscRig::reader());
        QCOMPARE(reading.details.value(QStringLiteral("outcome")).toString(), QStringLiteral("genuine"));
        const QByteArray details = QJsonDocument(reading.details).toJson(QJsonDocument::Compact);
        QVERIFY2(!details.contains("MIRANDA") && !details.contains("UT4711X08"), details.constData());
        chip->remove();
    }

    void aForgedChipCannotBeConfirmedAndIsQueued()
    {
        FG_REQUIRE_DATASETS();
        QString error;
        auto passport = TestPassport::make({}, &error);
        QVERIFY2(passport, qPrintable(error));
        // Another man's face put in DG2 after the signature.
        TestPassport::Options impostorOptions;
        impostorOptions.photo = QStringLiteral("faces-dev/single/alex_lacamoire/01.jpg");
        const auto impostor = TestPassport::make(impostorOptions, &error);
        QVERIFY2(impostor, qPrintable(error));
        passport->files.dataGroups[2] = impostor->files.dataGroups.at(2);
        ChipStation station;
        QVERIFY2(station.open(*passport, &error), qPrintable(error));
        QVERIFY2(station.signIn(&error), qPrintable(error));
        MainWindow& window = station.workstation->window();
        QTest::keyClick(&window, Qt::Key_A, Qt::ControlModifier | Qt::ShiftModifier);

        auto chip = SimulatedPassport::create(passport->files, *passport->key(&error), {}, &error);
        QVERIFY2(chip, qPrintable(error));
        QVERIFY2(m_reader.insert(*chip, &error), qPrintable(error));
        QVERIFY(station.workstation->readChipWith(passport->mrz));
        QTRY_VERIFY2_WITH_TIMEOUT(station.referenceWords().contains(QStringLiteral("1:1")),
                                  qPrintable(station.referenceWords()), test::kGenerousMs);
        QCOMPARE(station.referenceWords(), QStringLiteral("Passport chip LIN MANUEL MIRANDA · NOT GENUINE · 1:1"));

        const auto captured = station.captureAt(100, 140);
        QVERIFY(captured);
        const auto* check = window.findChild<QLabel*>(QStringLiteral("documentCheck"));
        QVERIFY2(check->text().contains(QStringLiteral("the photo was altered")), qPrintable(check->text()));
        QVERIFY(!window.findChild<QPushButton*>(QStringLiteral("confirmButton"))->isEnabled());
        QVERIFY(window.findChild<QPushButton*>(QStringLiteral("overrideButton"))->isEnabled());
        QTest::keyClick(&window, Qt::Key_Return); // nothing: Confirm is off
        QTest::qWait(200);
        QVERIFY(!station.records->encounters().find(captured->first, &error)->officerAction);
        const auto reason = station.records->database().scalar(
            QStringLiteral("SELECT reason FROM queue_items WHERE encounter_id = ?"), {captured->first},
            QStringLiteral("queue"), &error);
        QVERIFY2(reason, qPrintable(error));
        QCOMPARE(reason->toString(), QStringLiteral("document-not-genuine"));
        qInfo("forged chip: %s; %s", qPrintable(MatchPanel::decisionTitle(captured->second)), qPrintable(check->text()));
        test::saveScreenshots(window, QStringLiteral("officer-chip-forged"), {QSize(1366, 768)});
        chip->remove();
    }

    // The officer is told, in the reference state, what keeps the chip from
    // being read: a zone that does not open it (type it again), a reader
    // that is not there (with the readers that are).
    void whatKeepsAChipFromBeingReadIsSaid()
    {
        FG_REQUIRE_DATASETS();
        QString error;
        const auto passport = TestPassport::make({}, &error);
        TestPassport::Options otherNumber;
        otherNumber.documentNumber = QStringLiteral("UT4711X09");
        const auto other = TestPassport::make(otherNumber, &error);
        QVERIFY2(passport && other, qPrintable(error));
        {
            ChipStation station;
            QVERIFY2(station.open(*passport, &error), qPrintable(error));
            QVERIFY2(station.signIn(&error), qPrintable(error));
            auto chip = SimulatedPassport::create(passport->files, *passport->key(&error), {}, &error);
            QVERIFY2(chip, qPrintable(error));
            QVERIFY2(m_reader.insert(*chip, &error), qPrintable(error));
            QVERIFY(!station.workstation->readChipWith(QStringLiteral("P<UTO"))); // no zone at all
            QVERIFY2(station.referenceWords().contains(QStringLiteral("the MRZ cannot be read")),
                     qPrintable(station.referenceWords()));
            QVERIFY(station.workstation->readChipWith(other->mrz));
            QTRY_VERIFY2_WITH_TIMEOUT(station.referenceWords().startsWith(QStringLiteral("Passport chip not read")),
                                      qPrintable(station.referenceWords()), 30000);
            const QString said = station.workstation->window().findChild<QLabel*>(QStringLiteral("referenceState"))->toolTip();
            QVERIFY2(said.contains(QStringLiteral("Type the MRZ again")), qPrintable(said));
            QTRY_COMPARE_WITH_TIMEOUT(station.chipReadings().size(), size_t(1), 10000);
            const QJsonObject notRead = station.chipReadings().front().details;
            QCOMPARE(notRead.value(QStringLiteral("outcome")).toString(), QStringLiteral("not-read"));
            QCOMPARE(notRead.value(QStringLiteral("error")).toString(),
                     QStringLiteral("the MRZ given does not open the chip")); // never the zone's words
            const QByteArray recorded = QJsonDocument(notRead).toJson(QJsonDocument::Compact);
            QVERIFY2(!recorded.contains("UT4711X09") && !recorded.contains("MIRANDA"), recorded.constData());
            QVERIFY(!station.workstation->inspection().documentHolder());
            chip->remove();
        }
        init();
        ChipStation station;
        QVERIFY2(station.open(*passport, &error, QStringLiteral("No Such Reader 00 00")), qPrintable(error));
        QTRY_VERIFY2_WITH_TIMEOUT(station.workstation->window()
                                      .findChild<QLabel*>(QStringLiteral("referenceState"))
                                      ->toolTip()
                                      .contains(QStringLiteral("\"No Such Reader 00 00\" is not connected (connected: %1")
                                                    .arg(test::PcscRig::reader())),
                                  qPrintable(station.workstation->window()
                                                 .findChild<QLabel*>(QStringLiteral("referenceState"))
                                                 ->toolTip()),
                                  10000);
    }
};

QTEST_MAIN(TestWorkstationChip)
#include "tst_workstationchip.moc"
