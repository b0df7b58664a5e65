#include "core/matching/CalibrationTable.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using fg::CalibratedThreshold;
using fg::CalibrationFailure;
using fg::CalibrationRow;
using fg::CalibrationTable;

namespace {

// The model of the table compiled in from resources/calibration/lfw-dev.json.
const QString kShippedModel = QStringLiteral("faceplugin-face-recognition-js@0.0.1/fr_feature:87aacdfe5751+bgr");

// Sets $FACEGATE_CALIBRATION for one scope, restoring the previous value.
class ScopedCalibrationEnv {
public:
    explicit ScopedCalibrationEnv(const QString& value)
        : m_had(qEnvironmentVariableIsSet(kName))
        , m_previous(qgetenv(kName))
    {
        if (value.isEmpty())
            qunsetenv(kName);
        else
            qputenv(kName, value.toLocal8Bit());
    }
    ~ScopedCalibrationEnv()
    {
        if (m_had)
            qputenv(kName, m_previous);
        else
            qunsetenv(kName);
    }
    ScopedCalibrationEnv(const ScopedCalibrationEnv&) = delete;
    ScopedCalibrationEnv& operator=(const ScopedCalibrationEnv&) = delete;

private:
    static constexpr const char* kName = "FACEGATE_CALIBRATION";
    bool m_had;
    QByteArray m_previous;
};

const QString kModel = QStringLiteral("arcface-r100-v1");

CalibrationTable sampleTable()
{
    // Deliberately unsorted: the constructor sorts by FMR.
    return CalibrationTable("lfw", kModel, QDateTime(QDate(2026, 11, 26), QTime(10, 0), Qt::UTC), 100000,
                            {{1e-2, 0.30, 0.99}, {1e-4, 0.50, 0.90}, {1e-3, 0.40, 0.97}});
}

QByteArray editedJson(const std::function<void(QJsonObject&)>& edit)
{
    QJsonObject o = QJsonDocument::fromJson(sampleTable().toJson()).object();
    edit(o);
    return QJsonDocument(o).toJson();
}

} // namespace

class TestCalibrationTable : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void interpolation_data()
    {
        QTest::addColumn<double>("fmr");
        QTest::addColumn<double>("threshold");
        QTest::newRow("row 1e-4") << 1e-4 << 0.50;
        QTest::newRow("row 1e-3") << 1e-3 << 0.40;
        QTest::newRow("row 1e-2") << 1e-2 << 0.30;
        // Halfway in log10 between 1e-3 and 1e-2.
        QTest::newRow("10^-2.5") << std::pow(10.0, -2.5) << 0.35;
        // A quarter of the way from 1e-4 to 1e-3.
        QTest::newRow("10^-3.75") << std::pow(10.0, -3.75) << 0.475;
        // log10(5e-3) = -2.30103: log10(5) = 69.9% of the way from 1e-3 to 1e-2.
        QTest::newRow("5e-3") << 5e-3 << 0.40 - 0.10 * std::log10(5.0);
    }
    void interpolation()
    {
        QFETCH(double, fmr);
        QFETCH(double, threshold);
        QString error;
        const std::optional<float> t = sampleTable().thresholdFor(fmr, &error);
        QVERIFY2(t, qPrintable(error));
        QVERIFY2(std::abs(double(*t) - threshold) < 1e-6, qPrintable(QString::number(*t)));
    }

    void outOfRange_data()
    {
        QTest::addColumn<double>("fmr");
        QTest::newRow("below") << 1e-5;
        QTest::newRow("above") << 2e-2;
        QTest::newRow("zero") << 0.0;
        QTest::newRow("negative") << -1e-3;
        QTest::newRow("nan") << std::nan("");
    }
    void outOfRange()
    {
        QFETCH(double, fmr);
        QString error;
        QVERIFY(!sampleTable().thresholdFor(fmr, &error));
        QVERIFY2(error.contains("outside the calibrated range") && error.contains("\"lfw\""), qPrintable(error));
    }

    void otherModelRefused()
    {
        QString error;
        QVERIFY(sampleTable().thresholdFor(1e-3, kModel, &error));
        QVERIFY(!sampleTable().thresholdFor(1e-3, "facenet-v2", &error));
        QVERIFY2(error.contains("made for model \"arcface-r100-v1\", this pipeline uses \"facenet-v2\""),
                 qPrintable(error));
    }

    void jsonAndFileRoundTrip()
    {
        const CalibrationTable table = sampleTable();
        QTemporaryDir dir;
        const QString path = dir.filePath("calibration.json");
        QString error;
        QVERIFY2(table.save(path, &error), qPrintable(error));
        const std::optional<CalibrationTable> back = CalibrationTable::load(path, kModel, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->dataset(), QStringLiteral("lfw"));
        QCOMPARE(back->modelId(), kModel);
        QCOMPARE(back->date(), table.date());
        QCOMPARE(back->impostorCount(), 100000);
        QCOMPARE(back->rows().size(), std::size_t(3));
        for (std::size_t i = 0; i < 3; ++i) {
            QCOMPARE(back->rows()[i].fmr, table.rows()[i].fmr);
            QCOMPARE(back->rows()[i].threshold, table.rows()[i].threshold);
            QCOMPARE(back->rows()[i].tmr, table.rows()[i].tmr);
        }
        QCOMPARE(*back->thresholdFor(3e-4, &error), *table.thresholdFor(3e-4, &error));
    }

    void fromErrorRates()
    {
        fg::ErrorRates rates;
        rates.impostorCount = 20000;
        rates.operatingPoints = {{1e-2, 0.31f, 0.011, 0.98}, {1e-3, 0.42f, 0.001, 0.95}};
        const CalibrationTable t = CalibrationTable::fromErrorRates(rates, "dev", kModel, QDateTime::currentDateTimeUtc());
        QCOMPARE(t.impostorCount(), 20000);
        QCOMPARE(t.rows().front().fmr, 1e-3);
        QCOMPARE(float(t.rows().front().threshold), 0.42f);
        QCOMPARE(t.rows().back().tmr, 0.98);
    }

    void loadRefusals_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expectedModel");
        QTest::addColumn<QString>("reason");
        QTest::newRow("not json") << QByteArray("{fmr: oops") << kModel << "not a JSON object";
        QTest::newRow("array") << QByteArray("[]") << kModel << "not a JSON object";
        QTest::newRow("other format") << editedJson([](QJsonObject& o) { o["format"] = "x"; }) << kModel
                                      << "not a calibration table";
        QTest::newRow("future version") << editedJson([](QJsonObject& o) { o["version"] = 7; }) << kModel
                                        << "version 7 is not supported";
        QTest::newRow("no model id") << editedJson([](QJsonObject& o) { o.remove("model_id"); }) << kModel
                                     << "no \"model_id\"";
        QTest::newRow("bad date") << editedJson([](QJsonObject& o) { o["date"] = "yesterday"; }) << kModel
                                  << "not ISO 8601";
        QTest::newRow("no rows") << editedJson([](QJsonObject& o) { o["rows"] = QJsonArray(); }) << kModel
                                 << "no rows";
        QTest::newRow("unsorted rows") << editedJson([](QJsonObject& o) {
            QJsonArray rows = o["rows"].toArray();
            rows.append(rows.at(0));
            o["rows"] = rows;
        }) << kModel << "not in increasing FMR order";
        QTest::newRow("fmr above 1") << editedJson([](QJsonObject& o) {
            o["rows"] = QJsonArray{QJsonObject{{"fmr", 2.0}, {"threshold", 0.1}, {"tmr", 0.5}}};
        }) << kModel << "row 0 is invalid";
        QTest::newRow("other model") << sampleTable().toJson() << "facenet-v2"
                                     << "made for model \"arcface-r100-v1\", this pipeline uses \"facenet-v2\"";
    }
    void loadRefusals()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expectedModel);
        QFETCH(QString, reason);
        QTemporaryDir dir;
        const QString path = dir.filePath("calibration.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        QString error;
        QVERIFY(!CalibrationTable::load(path, expectedModel, &error));
        QVERIFY2(error.contains(reason) && error.contains(path), qPrintable(error));
    }

    // The table the program decides with: the compiled-in one of the model...
    void embeddedTableOfTheModel()
    {
        const ScopedCalibrationEnv env{QString()};
        QString error;
        const std::optional<CalibrationTable> table = CalibrationTable::forModel(kShippedModel, &error);
        QVERIFY2(table, qPrintable(error));
        QCOMPARE(table->modelId(), kShippedModel);
        QCOMPARE(table->dataset(), QStringLiteral("lfw-dev/labels.csv"));

        CalibrationFailure failure = CalibrationFailure::NoTable;
        const std::optional<CalibratedThreshold> at3 =
            CalibrationTable::calibrated(1e-3, kShippedModel, &error, &failure);
        QVERIFY2(at3, qPrintable(error));
        QCOMPARE(failure, CalibrationFailure::None);
        QCOMPARE(at3->threshold, *table->thresholdFor(1e-3, nullptr));
        QCOMPARE(at3->dataset, table->dataset());
        // A looser FMR target means a lower threshold.
        const std::optional<CalibratedThreshold> at2 = CalibrationTable::calibrated(1e-2, kShippedModel, &error);
        QVERIFY2(at2, qPrintable(error));
        QVERIFY(at2->threshold < at3->threshold);
    }

    // ...no table for another model, and an FMR outside the table said apart.
    void calibratedRefusals()
    {
        const ScopedCalibrationEnv env{QString()};
        QString error;
        CalibrationFailure failure = CalibrationFailure::None;
        QVERIFY(!CalibrationTable::calibrated(1e-3, QStringLiteral("facenet-v2"), &error, &failure));
        QCOMPARE(failure, CalibrationFailure::NoTable);
        QVERIFY2(error.contains("no calibration table for model facenet-v2") && error.contains("lfw-dev.json"),
                 qPrintable(error));

        QVERIFY(!CalibrationTable::calibrated(0.5, kShippedModel, &error, &failure));
        QCOMPARE(failure, CalibrationFailure::FmrOutOfRange);
        QVERIFY2(error.contains("outside the calibrated range"), qPrintable(error));
    }

    // $FACEGATE_CALIBRATION replaces the compiled-in table, and is refused when
    // made for another model or unreadable.
    void tableFromTheEnvironment()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath("calibration.json");
        QString error;
        QVERIFY2(sampleTable().save(path, &error), qPrintable(error));
        const ScopedCalibrationEnv env(path);

        const std::optional<CalibratedThreshold> t = CalibrationTable::calibrated(1e-3, kModel, &error);
        QVERIFY2(t, qPrintable(error));
        QCOMPARE(t->threshold, 0.40f);
        QCOMPARE(t->dataset, QStringLiteral("lfw"));

        CalibrationFailure failure = CalibrationFailure::None;
        QVERIFY(!CalibrationTable::calibrated(1e-3, kShippedModel, &error, &failure));
        QCOMPARE(failure, CalibrationFailure::NoTable);
        QVERIFY2(error.contains(path) && error.contains("made for model \"arcface-r100-v1\""), qPrintable(error));

        const ScopedCalibrationEnv missing(QStringLiteral("/nonexistent/calibration.json"));
        QVERIFY(!CalibrationTable::calibrated(1e-3, kModel, &error, &failure));
        QCOMPARE(failure, CalibrationFailure::NoTable);
        QVERIFY2(error.contains("/nonexistent/calibration.json"), qPrintable(error));
    }

    void missingFile()
    {
        QString error;
        QVERIFY(!CalibrationTable::load("/nonexistent/calibration.json", kModel, &error));
        QVERIFY2(error.contains("cannot open calibration table /nonexistent/calibration.json"), qPrintable(error));
    }

    // $FACEGATE_CALIBRATION may name any file: a huge one is refused unread.
    void hugeFileIsRefusedUnread()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("huge.json"));
        QFile huge(path);
        QVERIFY(huge.open(QIODevice::WriteOnly));
        QVERIFY(huge.resize(64 * 1024 * 1024)); // sparse: 64 MiB of nothing
        huge.close();
        QString error;
        QVERIFY(!CalibrationTable::load(path, kModel, &error));
        QVERIFY2(error.contains(QStringLiteral("67108864 bytes: not a calibration table")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestCalibrationTable)
#include "tst_calibrationtable.moc"
