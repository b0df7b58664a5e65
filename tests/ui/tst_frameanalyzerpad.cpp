// Issue 20, the dilution attack on the analysis thread as the desk runs it
// (FrameAnalyzer with the pinned models, the compiled-in matcher calibration):
// an impostor shows their own live face (pad-dev bona fide 0001) for over two
// seconds, the officer presses capture, and only then is the victim's printed
// photo (pad-dev attack 0004) held up. Over every face of the last 3 s the
// print would be outweighed by the live frames; the capture is decided on the
// captured face's frames only, and is an attack.
//
// The presentation-attack threshold is the test's own (0.5 at BPCER 1%,
// TestPadCalibration.h); frames are offered by hand at 80 ms
// apart on their own clock, each analysed before the next is offered.
#include "core/biometrics/PresentationAttack.h"
#include "core/live/FrameAnalyzer.h"

#include "tests/support/TestData.h"
#include "tests/support/TestPadCalibration.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <opencv2/imgcodecs.hpp>

using namespace fg;

namespace {

constexpr qint64 kFrameMs = 80;
constexpr int kGenerousMs = 60000; // one frame's analysis on a loaded machine

std::vector<cv::Mat> padImages(const QString& kind, const QString& subject, int count)
{
    const QDir folder(test::datasetPath(QStringLiteral("pad-dev/%1/%2").arg(kind, subject)));
    std::vector<cv::Mat> images;
    for (const QString& name : folder.entryList({QStringLiteral("*.jpg")}, QDir::Files, QDir::Name)) {
        if (int(images.size()) == count)
            break;
        cv::Mat image = cv::imread(QFile::encodeName(folder.filePath(name)).toStdString(), cv::IMREAD_COLOR);
        if (!image.empty())
            images.push_back(image);
    }
    return images;
}

} // namespace

class TestFrameAnalyzerPad : public QObject {
    Q_OBJECT

    QTemporaryDir m_calibration;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_calibration.isValid());
        QString error;
        QVERIFY2(test::usePadCalibration(m_calibration.path(), &error), qPrintable(error));
    }

    void anImpostorsLiveFaceDoesNotDiluteThePrintCaptured()
    {
        FG_REQUIRE_DATASETS();
        const std::vector<cv::Mat> impostor = padImages(QStringLiteral("bonafide"), QStringLiteral("0001"), 28);
        const std::vector<cv::Mat> print = padImages(QStringLiteral("attack"), QStringLiteral("0004"), 24);
        QCOMPARE(int(impostor.size()), 28);
        QCOMPARE(int(print.size()), 24);

        FacePipeline::Options options;
        options.modelDirectory = test::modelsDir();
        options.quality = QualityLimits::liveProbe();
        FrameAnalyzer analyzer(options, 0.01);
        QSignalSpy failed(&analyzer, &FrameAnalyzer::failed);
        QSignalSpy captured(&analyzer, &FrameAnalyzer::captured);
        analyzer.initialize();
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        analyzer.setAutoCapture(false);

        qint64 index = 0;
        const auto show = [&](const cv::Mat& image) {
            const qint64 before = analyzer.framesAnalysed();
            analyzer.offer(Frame{image.clone(), index * kFrameMs, index});
            ++index;
            return QTest::qWaitFor([&] { return analyzer.framesAnalysed() > before; }, kGenerousMs);
        };
        for (const cv::Mat& image : impostor) // 2.2 s of the impostor's own live face
            QVERIFY(show(image));
        analyzer.requestCapture();
        for (std::size_t i = 0; i < print.size() && captured.isEmpty(); ++i)
            QVERIFY(show(print[i]));
        QCOMPARE(captured.count(), 1);

        const CaptureResult capture = captured.first().first().value<CaptureResult>();
        QVERIFY(capture.faceFound);
        const PadAssessment& pad = capture.presentationAttack;
        qInfo("capture after %lld frames: %s over %d frames of the captured face, %d of another face left out",
              index, qPrintable(pad.words()), pad.frames, pad.framesOfAnotherFace);
        QCOMPARE(pad.decision, PadDecision::Attack);
        // The impostor's frames were there to outweigh the print's, and were left out.
        QVERIFY2(pad.framesOfAnotherFace >= 2 * pad.frames,
                 qPrintable(QStringLiteral("%1 of another face, %2 of the captured one")
                                .arg(pad.framesOfAnotherFace)
                                .arg(pad.frames)));
        analyzer.release();
    }
};

QTEST_MAIN(TestFrameAnalyzerPad)
#include "tst_frameanalyzerpad.moc"
