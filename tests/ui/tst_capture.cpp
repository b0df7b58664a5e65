// Capture over the replayed clip: a window opens by itself when the
// traveler's face passes quality, or on the officer's key, and hands back the
// best frame's portrait (JPEG), template and quality; one capture per
// traveler until the next.
#include "core/live/LiveAnalysis.h"

#include "tests/support/TestData.h"
#include "tests/ui/ClipCamera.h"

#include <QSignalSpy>
#include <QTest>

using namespace fg;

namespace {

constexpr int kGenerousMs = 120000;

} // namespace

class TestCapture : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void capturesByItselfThenOnTheKey()
    {
        FG_REQUIRE_DATASETS();
        LiveAnalysis live(test::clipCamera());
        QSignalSpy captured(&live, &LiveAnalysis::captured);
        QSignalSpy failed(&live, &LiveAnalysis::startupFailed);
        live.start();
        QTRY_VERIFY_WITH_TIMEOUT(!captured.isEmpty() || !failed.isEmpty(), kGenerousMs);
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.front().front().toString()));

        const auto first = captured.takeFirst().front().value<CaptureResult>();
        QVERIFY(first.automatic);
        QVERIFY(first.faceFound);
        QVERIFY(first.qualityPassed); // automatic capture waits for quality
        QVERIFY(first.faceTemplate && !first.faceTemplate->isNull());
        QVERIFY(first.jpeg.startsWith(QByteArray("\xFF\xD8\xFF", 3)));
        QVERIFY(!first.image.isNull());
        QVERIFY(first.image.width() < 640 || first.image.height() < 360); // a portrait, not the frame
        QVERIFY(first.capturedAt.isValid());

        // One capture per traveler: nothing more while the clip goes on.
        QTest::qWait(1500);
        QCOMPARE(captured.count(), 0);

        // Next traveler, automatic off: only the key captures.
        live.setAutoCapture(false);
        live.nextTraveler();
        QTest::qWait(1500);
        QCOMPARE(captured.count(), 0);
        live.requestCapture();
        QTRY_VERIFY_WITH_TIMEOUT(!captured.isEmpty(), kGenerousMs);
        const auto second = captured.takeFirst().front().value<CaptureResult>();
        QVERIFY(!second.automatic);
        QVERIFY(!second.image.isNull());
        if (second.faceFound)
            QVERIFY(second.faceTemplate && !second.faceTemplate->isNull());
        live.stop();
    }
};

QTEST_MAIN(TestCapture)
#include "tst_capture.moc"
