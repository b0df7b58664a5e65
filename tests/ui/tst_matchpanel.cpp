// The decision panel's own behaviour (issue 16, point 8): Override with an
// empty reason did nothing at all; it now says that an override needs its
// reason, and asks for nothing to be recorded.
#include "ui/desk/MatchPanel.h"

#include <QApplication>
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
};

QTEST_MAIN(TestMatchPanel)
#include "tst_matchpanel.moc"
