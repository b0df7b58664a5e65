// The decision panel's own behaviour (issue 16, point 8): Override with an
// empty reason did nothing at all; it now says that an override needs its
// reason, and asks for nothing to be recorded.
#include "ui/desk/MatchPanel.h"

#include <QApplication>
#include <QBuffer>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace fg;

class TestMatchPanel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void overrideWithoutAReasonSaysSo()
    {
        MatchPanel panel;
        CaptureResult capture;
        capture.faceFound = true;
        capture.qualityPassed = true;
        MatchOutcome outcome;
        outcome.decision = Encounter::Decision::NoMatch;
        outcome.score = 0.21;
        outcome.threshold = 0.35;
        panel.showOutcome(capture, outcome);
        panel.show();
        QSignalSpy overrides(&panel, &MatchPanel::overrideRequested);
        const auto answer = [&](const QString& reason) {
            QTimer::singleShot(100, &panel, [reason] {
                auto* dialog = qobject_cast<QInputDialog*>(QApplication::activeModalWidget());
                QVERIFY(dialog);
                dialog->setTextValue(reason);
                dialog->accept();
            });
            panel.findChild<QPushButton*>(QStringLiteral("overrideButton"))->click();
        };
        answer(QStringLiteral("   "));
        QCOMPARE(overrides.count(), 0);
        const QString said = panel.findChild<QLabel*>(QStringLiteral("actionState"))->text();
        QVERIFY2(said.contains(QLatin1String("needs its reason")), qPrintable(said));
        answer(QStringLiteral("document checked by hand"));
        QCOMPARE(overrides.count(), 1);
        QCOMPARE(overrides.front().front().toString(), QStringLiteral("document checked by hand"));
    }

    // Issue 20: while the records thread stores the decision, the panel says
    // so and its buttons wait (the keys too); once stored they are back as
    // the outcome allows them (a forged chip's decision still has no Confirm).
    void theButtonsWaitWhileTheDecisionIsStored()
    {
        CaptureResult capture;
        capture.faceFound = true;
        capture.qualityPassed = true;
        MatchOutcome outcome;
        outcome.decision = Encounter::Decision::Match;
        outcome.score = 0.71;
        outcome.threshold = 0.35;
        outcome.reference = ReferencePerson{QStringLiteral("L898902C3"), QStringLiteral("ANNA MARIA ERIKSSON"),
                                            QStringLiteral("UTO"), QStringLiteral("L898902C3"), QString()};
        MatchPanel panel;
        panel.show();
        auto* confirm = panel.findChild<QPushButton*>(QStringLiteral("confirmButton"));
        auto* overrideButton = panel.findChild<QPushButton*>(QStringLiteral("overrideButton"));
        auto* next = panel.findChild<QPushButton*>(QStringLiteral("nextButton"));
        auto* said = panel.findChild<QLabel*>(QStringLiteral("actionState"));
        QSignalSpy confirms(&panel, &MatchPanel::confirmRequested);

        panel.showOutcome(capture, outcome);
        panel.showWaiting([] { return QStringLiteral("Storing the encounter…"); });
        QCOMPARE(said->text(), QStringLiteral("Storing the encounter…"));
        QVERIFY(!confirm->isEnabled() && !overrideButton->isEnabled());
        QVERIFY(next->isEnabled()); // the next traveler need not wait
        panel.confirmByKey();
        QCOMPARE(confirms.count(), 0);
        panel.stopWaiting();
        QVERIFY(said->text().isEmpty());
        QVERIFY(confirm->isEnabled() && overrideButton->isEnabled());
        panel.confirmByKey();
        QCOMPARE(confirms.count(), 1);

        outcome.reference->documentVerdict = QStringLiteral("not-genuine");
        outcome.reference->documentWords = QStringLiteral("NOT genuine");
        panel.showOutcome(capture, outcome);
        panel.showWaiting([] { return QStringLiteral("Storing the encounter…"); });
        panel.stopWaiting();
        QVERIFY(!confirm->isEnabled() && overrideButton->isEnabled());
        QVERIFY2(said->text().contains(QStringLiteral("cannot be confirmed")), qPrintable(said->text()));

        // Nothing on screen: nothing comes back.
        panel.clear();
        panel.stopWaiting();
        QVERIFY(!confirm->isEnabled() && !overrideButton->isEnabled());
    }

    // A reference held in memory (a document reader's photo, issue 18) is
    // shown though no file is there; from a path that is gone, nothing is.
    void aReferenceInMemoryIsShownWithoutItsFile()
    {
        QImage image(80, 100, QImage::Format_RGB32);
        image.fill(Qt::darkCyan);
        QByteArray photo;
        QBuffer buffer(&photo);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(image.save(&buffer, "PNG"));
        CaptureResult capture;
        capture.faceFound = true;
        capture.qualityPassed = true;
        capture.image = image;
        MatchOutcome outcome;
        outcome.decision = Encounter::Decision::Match;
        outcome.score = 0.61;
        outcome.threshold = 0.35;
        outcome.reference = ReferencePerson{QStringLiteral("L898902C3"), QStringLiteral("ANNA MARIA ERIKSSON"),
                                            QStringLiteral("UTO"), QStringLiteral("L898902C3"),
                                            QStringLiteral("/nonexistent/reader/scan-0001.png"), photo};
        MatchPanel panel;
        panel.resize(800, 600);
        panel.show();
        panel.showOutcome(capture, outcome);
        const auto* shown = panel.findChild<QLabel*>(QStringLiteral("referenceImage"));
        // Read off the GUI thread: said while it is read, shown once it is.
        QCOMPARE(shown->text(), QStringLiteral("Reading the reference photo…"));
        QTRY_VERIFY(!shown->pixmap().isNull());

        outcome.reference->photo.clear();
        panel.showOutcome(capture, outcome);
        QTRY_COMPARE(shown->text(), QStringLiteral("Reference photo unavailable"));
        QVERIFY(shown->pixmap().isNull());
    }

    // Issue 19: the chip's verdict beside the document data; a chip that is
    // not genuine leaves Override and Secondary, never Confirm, and says why.
    void theChipsVerdictIsShownAndAForgedOneCannotBeConfirmed()
    {
        CaptureResult capture;
        capture.faceFound = true;
        capture.qualityPassed = true;
        MatchOutcome outcome;
        outcome.decision = Encounter::Decision::Match;
        outcome.score = 0.71;
        outcome.threshold = 0.35;
        outcome.reference = ReferencePerson{QStringLiteral("L898902C3"), QStringLiteral("ANNA MARIA ERIKSSON"),
                                            QStringLiteral("UTO"), QStringLiteral("L898902C3"), QString()};
        MatchPanel panel;
        panel.show();
        auto* confirm = panel.findChild<QPushButton*>(QStringLiteral("confirmButton"));
        auto* check = panel.findChild<QLabel*>(QStringLiteral("documentCheck"));
        QVERIFY(confirm && check);

        panel.showOutcome(capture, outcome); // no chip read: nothing said of one
        QVERIFY(check->isHidden());
        QVERIFY(confirm->isEnabled());

        outcome.reference->documentVerdict = QStringLiteral("genuine");
        outcome.reference->documentWords = QStringLiteral("Genuine: signed by Utopia's CSCA");
        panel.showOutcome(capture, outcome);
        QVERIFY(!check->isHidden());
        QCOMPARE(check->text(), QStringLiteral("Passport chip: Genuine: signed by Utopia's CSCA"));
        QVERIFY(check->styleSheet().contains(QStringLiteral("#2e7d32")));
        QVERIFY(confirm->isEnabled());

        outcome.reference->documentVerdict = QStringLiteral("not-genuine");
        outcome.reference->documentWords =
            QStringLiteral("NOT genuine: DG2 hash differs from the signed hash: the photo was altered");
        panel.showOutcome(capture, outcome);
        QVERIFY(check->text().contains(QStringLiteral("photo was altered")));
        QVERIFY(check->styleSheet().contains(QStringLiteral("#c62828")));
        QVERIFY(!confirm->isEnabled());
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("overrideButton"))->isEnabled());
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("secondaryButton"))->isEnabled());
        const QString said = panel.findChild<QLabel*>(QStringLiteral("actionState"))->text();
        QVERIFY2(said.contains(QStringLiteral("cannot be confirmed")), qPrintable(said));
        QSignalSpy confirms(&panel, &MatchPanel::confirmRequested);
        panel.confirmByKey();
        QCOMPARE(confirms.count(), 0);
    }

    // Issue 20: beside the decision, whether the face was a live one. A
    // possible presentation attack is said in red words with its score and
    // threshold and leaves Override and Secondary, never Confirm; a live face
    // is green; not assessed is amber with its reason, and confirmable.
    void aPossiblePresentationAttackIsSaidAndCannotBeConfirmed()
    {
        CaptureResult capture;
        capture.faceFound = true;
        capture.qualityPassed = true;
        MatchOutcome outcome;
        outcome.decision = Encounter::Decision::Match;
        outcome.score = 0.71;
        outcome.threshold = 0.35;
        MatchPanel panel;
        panel.show();
        auto* confirm = panel.findChild<QPushButton*>(QStringLiteral("confirmButton"));
        auto* pad = panel.findChild<QLabel*>(QStringLiteral("presentationAttack"));
        auto* said = panel.findChild<QLabel*>(QStringLiteral("actionState"));
        QVERIFY(confirm && pad && said);
        QVERIFY(pad->isHidden()); // nothing on screen, nothing said

        PadAssessment& assessment = capture.presentationAttack;
        assessment.decision = PadDecision::BonaFide;
        assessment.score = 0.031;
        assessment.threshold = 0.5;
        assessment.frames = 30;
        assessment.cues.push_back(PadCue{QStringLiteral("model"), true, 0.031, 0.031,
                                         QStringLiteral("liveness model over 30 frames: mean attack 0.031")});
        panel.showOutcome(capture, outcome);
        QVERIFY(!pad->isHidden());
        QCOMPARE(pad->text(), QStringLiteral("Live face (score 0.03, threshold 0.50)"));
        QVERIFY(pad->styleSheet().contains(QStringLiteral("#2e7d32")));
        QVERIFY(pad->toolTip().contains(QStringLiteral("mean attack 0.031")));
        QVERIFY(confirm->isEnabled());

        assessment.decision = PadDecision::Attack;
        assessment.score = 0.964;
        panel.showOutcome(capture, outcome);
        QCOMPARE(pad->text(), QStringLiteral("Possible presentation attack (score 0.96, threshold 0.50)"));
        QVERIFY(pad->styleSheet().contains(QStringLiteral("#c62828")));
        QVERIFY(!confirm->isEnabled());
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("overrideButton"))->isEnabled());
        QVERIFY(panel.findChild<QPushButton*>(QStringLiteral("secondaryButton"))->isEnabled());
        QVERIFY2(said->text().contains(QStringLiteral("Possible presentation attack"))
                     && said->text().contains(QStringLiteral("cannot be confirmed")),
                 qPrintable(said->text()));
        QSignalSpy confirms(&panel, &MatchPanel::confirmRequested);
        panel.confirmByKey();
        QCOMPARE(confirms.count(), 0);

        assessment = PadAssessment();
        assessment.reason = QStringLiteral("no face in any of 12 frames");
        panel.showOutcome(capture, outcome);
        QCOMPARE(pad->text(), QStringLiteral("Presentation attack not assessed: no face in any of 12 frames"));
        QVERIFY(pad->styleSheet().contains(QStringLiteral("#f9a825")));
        QVERIFY(confirm->isEnabled());
        QVERIFY(said->text().isEmpty()); // the attack's words went with it

        panel.clear();
        QVERIFY(pad->isHidden());
    }
};

QTEST_MAIN(TestMatchPanel)
#include "tst_matchpanel.moc"
