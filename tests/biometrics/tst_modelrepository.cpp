// ModelRepository: a model file that is missing or not the pinned one stops
// start-up with the file name, the expected and the actual hash.
#include "core/biometrics/FacePipeline.h"
#include "core/biometrics/ModelRepository.h"
#include "tests/support/TestData.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace fg;

class TestModelRepository : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    void copyModels()
    {
        const QDir from(fg::test::modelsDir());
        for (const QString& name : from.entryList({QStringLiteral("*.onnx")}, QDir::Files)) {
            QFile::remove(m_dir.filePath(name));
            QVERIFY(QFile::copy(from.filePath(name), m_dir.filePath(name)));
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(ModelRepository::open(fg::test::modelsDir(), &error),
                 qPrintable(QStringLiteral("the verified models are needed: %1").arg(error)));
    }

    void pinnedModelsOpen()
    {
        copyModels();
        QString error;
        const auto models = ModelRepository::open(m_dir.path(), &error);
        QVERIFY2(models, qPrintable(error));
        QVERIFY(models->featureModelId().contains(QStringLiteral("fr_feature:87aacdfe5751")));
    }

    void alteredModelIsNamedWithBothHashes()
    {
        copyModels();
        const QString path = m_dir.filePath(QStringLiteral("fr_feature.onnx"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadWrite));
        file.seek(file.size() / 2);
        const char byte = file.peek(1).at(0);
        file.write(QByteArray(1, char(byte ^ 0x5a)));
        file.close();
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString actual = QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
        file.close();

        QString error;
        QVERIFY(!ModelRepository::open(m_dir.path(), &error));
        QVERIFY2(error.contains(path), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("87aacdfe57510db2af90c0251df680e8eec88f122ee94712121d09bcaaaf3581")), qPrintable(error));
        QVERIFY2(error.contains(actual), qPrintable(error));

        // And the pipeline refuses to start on it, with the same words.
        FacePipeline::Options options;
        options.modelDirectory = m_dir.path();
        QString pipelineError;
        QVERIFY(!FacePipeline::create(options, &pipelineError));
        QCOMPARE(pipelineError, error);
    }

    void missingModelIsNamed()
    {
        copyModels();
        QVERIFY(QFile::remove(m_dir.filePath(QStringLiteral("fr_eye.onnx"))));
        QString error;
        QVERIFY(!ModelRepository::open(m_dir.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("fr_eye.onnx")), qPrintable(error));
    }

    void missingFolderSaysHowToFetch()
    {
        QString error;
        QVERIFY(!ModelRepository::open(m_dir.filePath(QStringLiteral("absent")), &error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")) && error.contains(QStringLiteral("fetch-models.sh")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestModelRepository)
#include "tst_modelrepository.moc"
