// `facegate-cli eval-pad` as a script runs it (QProcess), on a small CSV the
// test writes: two bona fide and two print-attack frames of one session of
// each of three pad-dev subjects. It checks the report's figures against the
// counts they are made of (not the model's quality, which eval-pad measures),
// that the DET curve is a DET curve, that the calibration table it writes loads
// for the scorer's model (and so does the compiled-in one), and the exit
// statuses of bad input.
#include "core/biometrics/PresentationAttack.h"
#include "tests/cli/CliRun.h"
#include "tests/support/TestData.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using fg::test::CliRun;

namespace {

const QString kPrint = QStringLiteral("print:photo-paper-handheld");

// subject -> two bona fide frames and two attack frames of one session each.
const QStringList kRows{
    QStringLiteral("bonafide/0001/0001_00_00_01_0.jpg,bonafide,none,0001"),
    QStringLiteral("bonafide/0001/0001_00_00_01_112.jpg,bonafide,none,0001"),
    QStringLiteral("attack/0001/0001_00_00_01_0.jpg,attack,print:photo-paper-handheld,0001"),
    QStringLiteral("attack/0001/0001_00_00_01_102.jpg,attack,print:photo-paper-handheld,0001"),
    QStringLiteral("bonafide/0002/0002_01_00_01_116.jpg,bonafide,none,0002"),
    QStringLiteral("bonafide/0002/0002_01_00_01_132.jpg,bonafide,none,0002"),
    QStringLiteral("attack/0002/0002_01_00_01_0.jpg,attack,print:photo-paper-handheld,0002"),
    QStringLiteral("attack/0002/0002_01_00_01_102.jpg,attack,print:photo-paper-handheld,0002"),
    QStringLiteral("bonafide/0003/0003_01_00_01_0.jpg,bonafide,none,0003"),
    QStringLiteral("bonafide/0003/0003_01_00_01_112.jpg,bonafide,none,0003"),
    QStringLiteral("attack/0003/0003_01_00_01_109.jpg,attack,print:photo-paper-handheld,0003"),
    QStringLiteral("attack/0003/0003_01_00_01_127.jpg,attack,print:photo-paper-handheld,0003"),
};

} // namespace

class TestEvalPad : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_environment = QProcessEnvironment::systemEnvironment();
    CliRun m_run; // the full run, made once

    CliRun evalPad(const QStringList& words) const
    {
        return fg::test::runCli(QStringList{QStringLiteral("eval-pad")} + words, m_environment, 600000);
    }

    QString writeCsv(const QString& name, const QStringList& rows) const
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write((QStringLiteral("path,label,attack_type,subject\n") + rows.join(QLatin1Char('\n'))
                    + QLatin1Char('\n'))
                       .toUtf8());
        return path;
    }

    static QString padRoot() { return fg::test::datasetPath(QStringLiteral("pad-dev")); }

private Q_SLOTS:
    void initTestCase()
    {
        FG_REQUIRE_DATASETS();
        QVERIFY(m_dir.isValid());
        m_environment.insert(QStringLiteral("FACEGATE_MODELS"), fg::test::modelsDir());
        const QString csv = writeCsv(QStringLiteral("small.csv"), kRows);
        QVERIFY(!csv.isEmpty());
        m_run = evalPad({QStringLiteral("--labels"), csv, QStringLiteral("--root"), padRoot(), QStringLiteral("--bpcer"),
                         QStringLiteral("0.1"), QStringLiteral("--window"), QStringLiteral("2"),
                         QStringLiteral("--calibration-out"), m_dir.filePath(QStringLiteral("table.json")),
                         QStringLiteral("--det-out"), m_dir.filePath(QStringLiteral("det.csv"))});
        QVERIFY2(m_run.status == 0, qPrintable(m_run.err));
    }

    void countsAndFailureToAcquire()
    {
        const QJsonObject& json = m_run.json;
        QCOMPARE(json.value(QStringLiteral("frames")).toInt(), 12);
        QCOMPARE(json.value(QStringLiteral("dataset")).toString(),
                 QFileInfo(m_dir.path()).fileName() + QStringLiteral("/small.csv"));
        QCOMPARE(json.value(QStringLiteral("model_id")).toString(), fg::PadFrameScorer::modelId());
        const QJsonObject kinds = json.value(QStringLiteral("frames_by_kind")).toObject();
        QCOMPARE(kinds.value(QStringLiteral("bonafide")).toInt(), 6);
        QCOMPARE(kinds.value(kPrint).toInt(), 6);
        const QJsonObject fta = json.value(QStringLiteral("failure_to_acquire")).toObject();
        const QJsonObject bona = fta.value(QStringLiteral("bona_fide")).toObject();
        const QJsonObject attack = fta.value(QStringLiteral("attack")).toObject();
        QCOMPARE(bona.value(QStringLiteral("frames")).toInt(), 6);
        QCOMPARE(attack.value(QStringLiteral("frames")).toInt(), 6);
        QCOMPARE(fta.value(QStringLiteral("by_attack_type")).toObject().value(kPrint).toObject()
                     .value(QStringLiteral("frames")).toInt(),
                 6);
        // pad-dev's faces are found (docs/pad-model.md: no failure to acquire).
        QCOMPARE(bona.value(QStringLiteral("without_face")).toInt(), 0);
        QCOMPARE(attack.value(QStringLiteral("without_face")).toInt(), 0);
    }

    void leaveSubjectsOut()
    {
        const QJsonObject loso = m_run.json.value(QStringLiteral("leave_subjects_out")).toObject();
        QCOMPARE(loso.value(QStringLiteral("bpcer_target")).toDouble(), 0.1);
        QCOMPARE(loso.value(QStringLiteral("bona_fide")).toInt(), 6);
        const QJsonObject print = loso.value(QStringLiteral("apcer")).toObject().value(kPrint).toObject();
        QCOMPARE(print.value(QStringLiteral("attacks")).toInt(), 6);
        // Rates are printed to 4 decimals.
        QVERIFY(std::abs(print.value(QStringLiteral("rate")).toDouble()
                         - print.value(QStringLiteral("missed")).toInt() / 6.0) < 1e-4);
        QVERIFY(std::abs(loso.value(QStringLiteral("bpcer")).toDouble()
                         - loso.value(QStringLiteral("bona_fide_flagged")).toInt() / 6.0) < 1e-4);
        // Each subject judged with a threshold of its own, from the others' frames.
        const QJsonArray subjects = loso.value(QStringLiteral("subjects")).toArray();
        QCOMPARE(subjects.size(), 3);
        int flagged = 0;
        for (const QJsonValue& value : subjects) {
            const QJsonObject s = value.toObject();
            QCOMPARE(s.value(QStringLiteral("bona_fide")).toInt(), 2);
            const double t = s.value(QStringLiteral("threshold")).toDouble();
            QVERIFY(t >= 0.0 && t <= 1.0);
            flagged += s.value(QStringLiteral("bona_fide_flagged")).toInt();
        }
        QCOMPARE(flagged, loso.value(QStringLiteral("bona_fide_flagged")).toInt());
        QVERIFY(loso.value(QStringLiteral("subjects_not_judged")).toArray().isEmpty());
    }

    void windows()
    {
        // Six sessions of two frames: one window of 2 each.
        const QJsonObject w = m_run.json.value(QStringLiteral("windows")).toObject();
        QCOMPARE(w.value(QStringLiteral("size")).toInt(), 2);
        QCOMPARE(w.value(QStringLiteral("sessions")).toInt(), 6);
        QCOMPARE(w.value(QStringLiteral("windows")).toInt(), 6);
        QCOMPARE(w.value(QStringLiteral("not_assessed")).toInt(), 0);
        QCOMPARE(w.value(QStringLiteral("bona_fide")).toInt(), 3);
        QCOMPARE(w.value(QStringLiteral("apcer")).toObject().value(kPrint).toObject().value(QStringLiteral("attacks")).toInt(),
                 3);
    }

    void calibrationTableLoads()
    {
        const QJsonArray rows = m_run.json.value(QStringLiteral("calibration")).toArray();
        QCOMPARE(rows.size(), 8);
        QString error;
        const auto table = fg::PadCalibrationTable::load(m_dir.filePath(QStringLiteral("table.json")),
                                                         fg::PadFrameScorer::modelId(), &error);
        QVERIFY2(table, qPrintable(error));
        QCOMPARE(int(table->rows().size()), 8);
        QCOMPARE(table->rows().front().bpcer, 0.001);
        QCOMPARE(table->rows().back().bpcer, 0.2);
        QCOMPARE(table->bonaFideCount(), qint64(6));
        QCOMPARE(table->attackCount(), qint64(6));
        QVERIFY2(table->thresholdFor(0.01, &error), qPrintable(error));
        // With six bona fide frames, BPCER 0.2 allows one at or above the
        // threshold: it lies below the highest bona fide score, 0.001's above it.
        QVERIFY(table->rows().back().threshold <= table->rows().front().threshold);
        QCOMPARE(rows.last().toObject().value(QStringLiteral("resolved")).toBool(), true);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("resolved")).toBool(), false);
        QCOMPARE(rows.first().toObject().value(QStringLiteral("bpcer_measured")).toDouble(), 0.0);
    }

    // The table compiled in (resources/calibration/pad-dev.json, made by
    // eval-pad) is the one of the scorer's model and method: remade whenever
    // the method version changes.
    void compiledInTable()
    {
        qunsetenv("FACEGATE_PAD_CALIBRATION");
        QString error;
        const auto table = fg::PadCalibrationTable::forModel(fg::PadFrameScorer::modelId(), &error);
        QVERIFY2(table, qPrintable(error));
        QCOMPARE(table->dataset(), QStringLiteral("pad-dev/labels.csv"));
        QVERIFY2(table->thresholdFor(0.01, &error), qPrintable(error));
    }

    void detCurve()
    {
        QFile file(m_dir.filePath(QStringLiteral("det.csv")));
        QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
        QCOMPARE(file.readLine().trimmed(), QByteArray("attack_type,threshold,apcer,bpcer"));
        double lastThreshold = -1.0, lastApcer = -1.0, lastBpcer = 2.0;
        int rows = 0;
        while (!file.atEnd()) {
            const QList<QByteArray> f = file.readLine().trimmed().split(',');
            QCOMPARE(f.size(), 4);
            QCOMPARE(QString::fromUtf8(f[0]), kPrint);
            const double t = f[1].toDouble(), apcer = f[2].toDouble(), bpcer = f[3].toDouble();
            // Rising thresholds: fewer bona fide flagged, more attacks missed.
            QVERIFY(t > lastThreshold);
            QVERIFY(apcer >= lastApcer && bpcer <= lastBpcer);
            lastThreshold = t, lastApcer = apcer, lastBpcer = bpcer;
            ++rows;
        }
        QVERIFY(rows >= 2);
        QCOMPARE(lastApcer, 1.0); // above every score: nothing called an attack
        QCOMPARE(lastBpcer, 0.0);
    }

    void badInput()
    {
        const QString csv = m_dir.filePath(QStringLiteral("small.csv"));
        QCOMPARE(evalPad({}).status, 2);
        QCOMPARE(evalPad({QStringLiteral("--labels"), csv, QStringLiteral("--window"), QStringLiteral("0")}).status, 2);
        QCOMPARE(evalPad({QStringLiteral("--labels"), csv, QStringLiteral("--bpcer"), QStringLiteral("1.5")}).status, 2);
        const QString badLabel = writeCsv(QStringLiteral("bad-label.csv"),
                                          {QStringLiteral("bonafide/0001/0001_00_00_01_0.jpg,live,none,0001")});
        CliRun run = evalPad({QStringLiteral("--labels"), badLabel, QStringLiteral("--root"), padRoot()});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(QStringLiteral("bad-label.csv:2")), qPrintable(run.err));
        const QString noType = writeCsv(QStringLiteral("no-type.csv"),
                                        {QStringLiteral("attack/0001/0001_00_00_01_0.jpg,attack,none,0001")});
        QCOMPARE(evalPad({QStringLiteral("--labels"), noType, QStringLiteral("--root"), padRoot()}).status, 1);
        // One subject: no other subject to choose its threshold on.
        const QString oneSubject = writeCsv(QStringLiteral("one-subject.csv"), kRows.mid(0, 4));
        run = evalPad({QStringLiteral("--labels"), oneSubject, QStringLiteral("--root"), padRoot()});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(QStringLiteral("two subjects")), qPrintable(run.err));
        const QString missing = writeCsv(QStringLiteral("missing.csv"),
                                         {QStringLiteral("bonafide/0001/no-such-frame_1.jpg,bonafide,none,0001")});
        QCOMPARE(evalPad({QStringLiteral("--labels"), missing, QStringLiteral("--root"), padRoot()}).status, 1);
    }
};

QTEST_GUILESS_MAIN(TestEvalPad)
#include "tst_evalpad.moc"
