// QualityAssessor and QualityLimits: each measure against its limit, with a
// reason in words; limits read from settings are validated by key.
#include "core/biometrics/QualityAssessor.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

using namespace fg;

namespace {
QualityReport goodReport()
{
    QualityReport r;
    r.faceCount = 1;
    r.interEyeDistance = 120;
    r.sharpness = 500;
    r.meanBrightness = 130;
    r.leftEyeOpen = r.rightEyeOpen = 0.99;
    return r;
}
} // namespace

class TestQualityAssessor : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void goodFacePasses()
    {
        QualityReport r = goodReport();
        QualityAssessor(QualityLimits::referenceGrade()).judge(&r);
        QVERIFY2(r.passed(), qPrintable(r.failureReasons().join(QLatin1Char(';'))));
        QCOMPARE(r.checks.size(), size_t(10));
    }

    void eachFailureHasItsReason_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("check");
        QTest::addColumn<QString>("words");
        QTest::newRow("far") << "interEyeDistance" << 50.0 << "inter_eye_distance" << "too far";
        QTest::newRow("turned") << "yaw" << -12.0 << "yaw" << "turn head";
        QTest::newRow("tilted") << "pitch" << 9.0 << "pitch" << "look straight";
        QTest::newRow("rolled") << "roll" << 20.0 << "roll" << "straighten head";
        QTest::newRow("blurred") << "sharpness" << 5.0 << "sharpness" << "blurred";
        QTest::newRow("dark") << "meanBrightness" << 20.0 << "exposure_mean" << "too dark";
        QTest::newRow("bright") << "meanBrightness" << 240.0 << "exposure_mean" << "too bright";
        QTest::newRow("black") << "underExposedFraction" << 0.5 << "under_exposed" << "too dark";
        QTest::newRow("white") << "overExposedFraction" << 0.5 << "over_exposed" << "too bright";
        QTest::newRow("two faces") << "faceCount" << 2.0 << "face_count" << "one traveler at a time";
        QTest::newRow("eyes closed") << "leftEyeOpen" << 0.1 << "eyes_open" << "eyes closed";
    }

    void eachFailureHasItsReason()
    {
        QFETCH(QString, field);
        QFETCH(double, value);
        QFETCH(QString, check);
        QFETCH(QString, words);
        QualityReport r = goodReport();
        const std::map<QString, double*> fields = {
            {"interEyeDistance", &r.interEyeDistance}, {"yaw", &r.yaw}, {"pitch", &r.pitch}, {"roll", &r.roll},
            {"sharpness", &r.sharpness}, {"meanBrightness", &r.meanBrightness},
            {"underExposedFraction", &r.underExposedFraction}, {"overExposedFraction", &r.overExposedFraction},
            {"leftEyeOpen", &r.leftEyeOpen}};
        if (field == QLatin1String("faceCount"))
            r.faceCount = int(value);
        else
            *fields.at(field) = value;
        QualityAssessor(QualityLimits::referenceGrade()).judge(&r);
        QVERIFY(!r.passed());
        const QStringList reasons = r.failureReasons();
        QCOMPARE(reasons.size(), 1);
        QVERIFY2(reasons.front().contains(words), qPrintable(reasons.front()));
        for (const QualityCheck& c : r.checks)
            QCOMPARE(c.passed, c.name != check);
    }

    void liveProbeIsLooserThanReference()
    {
        QualityReport r = goodReport();
        r.yaw = 12;
        r.interEyeDistance = 60;
        QualityAssessor(QualityLimits::liveProbe()).judge(&r);
        QVERIFY(r.passed());
    }

    void settingsOverrideAndValidate()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("facegate.ini"));
        {
            QSettings settings(path, QSettings::IniFormat);
            settings.setValue(QStringLiteral("quality/maxYaw"), QStringLiteral("12.5"));
        }
        QSettings settings(path, QSettings::IniFormat);
        QString error;
        auto limits = QualityLimits::fromSettings(settings, QualityLimits::referenceGrade(), &error);
        QVERIFY2(limits, qPrintable(error));
        QCOMPARE(limits->maxYaw, 12.5);
        QCOMPARE(limits->maxPitch, QualityLimits::referenceGrade().maxPitch);

        settings.setValue(QStringLiteral("quality/minSharpness"), QStringLiteral("sharp"));
        QVERIFY(!QualityLimits::fromSettings(settings, QualityLimits::referenceGrade(), &error));
        QVERIFY2(error.contains(QStringLiteral("quality/minSharpness")) && error.contains(QStringLiteral("\"sharp\"")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestQualityAssessor)
#include "tst_qualityassessor.moc"
