// facegate-cli as scripts use it (ARCHITECTURE.md): JSON on stdout, exit 0 on
// success, 1 with a one-line reason on a processing error, 2 on bad usage.
#include "tests/support/ImageFixtures.h"
#include "tests/support/TestData.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>

namespace fx = fg::test::fixtures;

namespace {

struct Run {
    int status = -1;
    QJsonObject json;
    QString out;
    QString err;
};

Run runCli(const QStringList& arguments, const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    QProcessEnvironment env = environment;
    if (!env.contains(QStringLiteral("FACEGATE_MODELS")))
        env.insert(QStringLiteral("FACEGATE_MODELS"), fg::test::modelsDir());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(FACEGATE_CLI), arguments);
    process.waitForFinished(300000);
    Run run;
    run.status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2; // -2: crashed
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    run.json = QJsonDocument::fromJson(run.out.toUtf8()).object();
    return run;
}

QString data(const char* relative) { return fg::test::datasetPath(QString::fromLatin1(relative)); }

} // namespace

class TestFacegateCli : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    cv::Mat m_face;

private Q_SLOTS:
    void initTestCase()
    {
        FG_REQUIRE_DATASETS();
        QVERIFY(m_dir.isValid());
        m_face = cv::imread(data("faces-dev/single/obama/08-small.jpg").toStdString());
        QVERIFY(!m_face.empty());
    }

    void detectGivesEveryFace()
    {
        const Run run = runCli({QStringLiteral("detect"), data("faces-dev/multi/multiface.jpg")});
        QCOMPARE(run.status, 0);
        QCOMPARE(run.json.value(QStringLiteral("face_count")).toInt(), 6);
        QCOMPARE(run.json.value(QStringLiteral("faces")).toArray().size(), 6);
        const QJsonObject quality = run.json[QStringLiteral("faces")][0][QStringLiteral("quality")].toObject();
        QVERIFY(quality.contains(QStringLiteral("checks")));
    }

    void oddInputEnrols_data()
    {
        QTest::addColumn<QString>("path");
        for (const fx::NamedFile& file : fx::oddButValidFiles(m_face, m_dir.path()))
            QTest::newRow(file.name) << file.path;
    }

    void oddInputEnrols()
    {
        QFETCH(QString, path);
        const Run run = runCli({QStringLiteral("verify"), path, data("faces-dev/single/obama/08-small.jpg")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.json.value(QStringLiteral("decision")).toString(), QStringLiteral("match"));
    }

    void badInputFailsWithOneLine_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        for (const fx::NamedFile& file : fx::brokenFiles(m_face, m_dir.path()))
            QTest::newRow(file.name) << file.path << file.reason;
        QTest::newRow("photo with no face") << fx::noFacePhoto(m_dir.path()) << "no face found";
    }

    void badInputFailsWithOneLine()
    {
        QFETCH(QString, path);
        QFETCH(QString, reason);
        for (const QStringList& arguments : {QStringList{QStringLiteral("detect"), path},
                                             QStringList{QStringLiteral("verify"), path, data("faces-dev/single/obama/01.jpg")}}) {
            const Run run = runCli(arguments);
            QCOMPARE(run.status, 1);
            QVERIFY2(run.out.isEmpty(), qPrintable(run.out));
            QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
            QVERIFY2(run.err.contains(reason) && run.err.contains(path), qPrintable(run.err));
        }
    }

    void verifyDecidesAtTheCalibratedThreshold()
    {
        Run run = runCli({QStringLiteral("verify"), data("faces-dev/single/obama/01.jpg"), data("faces-dev/single/obama/04.jpg")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.json.value(QStringLiteral("decision")).toString(), QStringLiteral("match"));
        const double threshold3 = run.json.value(QStringLiteral("threshold")).toDouble();
        QVERIFY(run.json.value(QStringLiteral("score")).toDouble() >= threshold3);

        run = runCli({QStringLiteral("verify"), data("faces-dev/single/obama/01.jpg"), data("faces-dev/single/biden/02.jpg"),
                      QStringLiteral("--fmr"), QStringLiteral("1e-2")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.json.value(QStringLiteral("decision")).toString(), QStringLiteral("no-match"));
        // A looser FMR target means a lower threshold.
        QVERIFY(run.json.value(QStringLiteral("threshold")).toDouble() < threshold3);
    }

    void galleryBuildAndIdentify()
    {
        const QString manifest = m_dir.filePath(QStringLiteral("manifest.csv"));
        QFile file(manifest);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QDir single(data("faces-dev/single"));
        file.write("traveler_id,photo_path,name,citizenship,document_no\n");
        const char* people[] = {"obama/01.jpg", "biden/01.jpg", "rose_leslie/01.jpg", "kit_harington/01.jpg",
                                "alex_lacamoire/01.jpg", "angelina_jolie/01.jpg", "lin_manuel_miranda/01.png"};
        int n = 0;
        for (const char* person : people)
            file.write(QStringLiteral("T%1,%2,\"%3, test\",USA,X%1\n")
                           .arg(++n)
                           .arg(single.filePath(QString::fromLatin1(person)), QString::fromLatin1(person).section(QLatin1Char('/'), 0, 0))
                           .toUtf8());
        file.write("T99,does/not/exist.jpg,Nobody,FRA,X99\n");
        file.close();
        const QString gallery = m_dir.filePath(QStringLiteral("flight.fggal"));
        Run run = runCli({QStringLiteral("gallery"), QStringLiteral("build"), QStringLiteral("--manifest"), manifest,
                          QStringLiteral("--out"), gallery});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.json.value(QStringLiteral("enrolled")).toInt(), 7);
        QCOMPARE(run.json.value(QStringLiteral("failed")).toArray().size(), 1);

        run = runCli({QStringLiteral("identify"), QStringLiteral("--gallery"), gallery, data("faces-dev/single/obama/03.jpg"),
                      QStringLiteral("--top"), QStringLiteral("3")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.json.value(QStringLiteral("decision")).toString(), QStringLiteral("match"));
        QCOMPARE(run.json.value(QStringLiteral("traveler_id")).toString(), QStringLiteral("T1"));
        QCOMPARE(run.json.value(QStringLiteral("candidates")).toArray().size(), 3);
        QCOMPARE(run.json[QStringLiteral("candidates")][0][QStringLiteral("name")].toString(), QStringLiteral("obama, test"));

        // Someone not enrolled: no match, never a confident wrong name.
        run = runCli({QStringLiteral("identify"), QStringLiteral("--gallery"), gallery, data("lfw-dev/Aaron_Sorkin/Aaron_Sorkin_0001.jpg")});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.json.value(QStringLiteral("decision")).toString(), QStringLiteral("no-match"));

        // A damaged gallery file is refused.
        QFile damaged(gallery);
        QVERIFY(damaged.open(QIODevice::ReadWrite));
        damaged.seek(damaged.size() / 2);
        damaged.write("XXXX");
        damaged.close();
        run = runCli({QStringLiteral("identify"), QStringLiteral("--gallery"), gallery, data("faces-dev/single/obama/03.jpg")});
        QCOMPARE(run.status, 1);
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
    }

    // `eval --plot` draws the DET curve with QPainter alone (ui/render; the
    // CLI links no widgets): a PNG of the promised size comes out.
    void evalDrawsItsDetCurve()
    {
        const QString plot = m_dir.filePath(QStringLiteral("det.png"));
        const Run run = runCli({QStringLiteral("eval"), QStringLiteral("--labels"), data("faces-dev/labels.csv"),
                                QStringLiteral("--plot"), plot});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        const QImage image(plot);
        QVERIFY2(!image.isNull(), qPrintable(plot));
        QVERIFY(image.width() >= 400 && image.height() >= 300);
    }

    void badUsageIsStatusTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("nothing") << QStringList{};
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("enrol")};
        QTest::newRow("verify one image") << QStringList{QStringLiteral("verify"), QStringLiteral("a.jpg")};
        QTest::newRow("bad fmr") << QStringList{QStringLiteral("verify"), QStringLiteral("a.jpg"), QStringLiteral("b.jpg"),
                                                QStringLiteral("--fmr"), QStringLiteral("often")};
        QTest::newRow("eval both csvs") << QStringList{QStringLiteral("eval"), QStringLiteral("--labels"), QStringLiteral("a"),
                                                       QStringLiteral("--pairs"), QStringLiteral("b")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("detect"), QStringLiteral("--fast"), QStringLiteral("a.jpg")};
        QTest::newRow("bench what") << QStringList{QStringLiteral("bench"), QStringLiteral("everything")};
    }

    void badUsageIsStatusTwo()
    {
        QFETCH(QStringList, arguments);
        const Run run = runCli(arguments);
        QCOMPARE(run.status, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(!run.err.isEmpty());
    }

    void wrongModelHashStopsStartup()
    {
        QTemporaryDir models;
        const QDir from(fg::test::modelsDir());
        for (const QString& name : from.entryList({QStringLiteral("*.onnx")}, QDir::Files))
            QVERIFY(QFile::copy(from.filePath(name), models.filePath(name)));
        QFile detector(models.filePath(QStringLiteral("fr_detect.onnx")));
        QVERIFY(detector.open(QIODevice::Append));
        detector.write("tampered");
        detector.close();
        QVERIFY(detector.open(QIODevice::ReadOnly));
        const QByteArray actual = QCryptographicHash::hash(detector.readAll(), QCryptographicHash::Sha256).toHex();
        detector.close();

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FACEGATE_MODELS"), models.path());
        const Run run = runCli({QStringLiteral("detect"), data("faces-dev/single/obama/01.jpg")}, env);
        QCOMPARE(run.status, 1);
        QCOMPARE(run.err.count(QLatin1Char('\n')), 1);
        QVERIFY2(run.err.contains(models.filePath(QStringLiteral("fr_detect.onnx"))), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("6c0256ccd3164f844736a401faf936ec2930764a87ae39442180887d0c5c8854")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QString::fromLatin1(actual)), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestFacegateCli)
#include "tst_facegatecli.moc"
