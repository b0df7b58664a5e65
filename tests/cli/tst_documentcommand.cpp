// `facegate-cli document verify` run as a script runs it (QProcess), on files
// written by the tests' own PKI and LDS builder: one JSON object, exit 0 for
// genuine or not verifiable, 1 for NOT genuine (the check named), 2 for bad
// usage.
#include "tests/cli/CliRun.h"
#include "tests/support/emrtd/LdsBuilder.h"
#include "tests/support/emrtd/TestPki.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using fg::test::emrtd::LdsBuilder;
using fg::test::emrtd::TestCertificate;
using fg::test::emrtd::TestPki;

namespace {

using Run = fg::test::CliRun;

Run cli(const QStringList& words)
{
    return fg::test::runCli(QStringList{QStringLiteral("document")} + words);
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

const QString kTd3 = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                    "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

} // namespace

class TestDocumentCommand : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    TestCertificate m_csca;
    TestCertificate m_ds;
    QString m_sod;
    QString m_dg;
    QString m_cscaDir;

    QString path(const QString& name) const { return m_dir.filePath(name); }

    QStringList verifyWords(const QString& dg) const
    {
        return {QStringLiteral("verify"), QStringLiteral("--sod"), m_sod, QStringLiteral("--dg"), dg,
                QStringLiteral("--csca"), m_cscaDir, QStringLiteral("--at"), QStringLiteral("2026-06-01T12:00:00Z")};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        TestPki::Options cscaOptions;
        cscaOptions.notAfter = QDateTime(QDate(2050, 1, 1), QTime(0, 0), Qt::UTC); // outlives the DS (2040)
        const auto csca = TestPki::makeCsca(cscaOptions, &error);
        QVERIFY2(csca, qPrintable(error));
        m_csca = *csca;
        const auto ds = TestPki::makeDocumentSigner(m_csca, {}, &error);
        QVERIFY2(ds, qPrintable(error));
        m_ds = *ds;
        const auto files = LdsBuilder::passport(kTd3, QByteArray::fromHex("FFD8FFE0") + QByteArray(3000, '\x24'), 300, 400,
                                                m_ds, {}, &error);
        QVERIFY2(files, qPrintable(error));
        m_sod = path(QStringLiteral("EF.SOD"));
        m_dg = path(QStringLiteral("dg"));
        m_cscaDir = path(QStringLiteral("csca"));
        QVERIFY(QDir().mkpath(m_dg) && QDir().mkpath(m_cscaDir) && QDir().mkpath(path(QStringLiteral("altered"))));
        QVERIFY(writeFile(m_sod, files->sod));
        QVERIFY(writeFile(m_cscaDir + QStringLiteral("/utopia.pem"), m_csca.pem()));
        for (const auto& [number, bytes] : files->dataGroups) {
            const QString name = QStringLiteral("/dg%1.bin").arg(number);
            QVERIFY(writeFile(m_dg + name, bytes));
            QByteArray altered = bytes;
            if (number == 2)
                altered[altered.size() - 10] = char(altered[altered.size() - 10] ^ 0x01);
            QVERIFY(writeFile(path(QStringLiteral("altered")) + name, altered));
        }
    }

    void genuine()
    {
        const Run run = cli(verifyWords(m_dg));
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.json.value(QStringLiteral("outcome")).toString(), QStringLiteral("genuine"));
        QCOMPARE(run.json.value(QStringLiteral("issuing_country")).toString(), QStringLiteral("UT"));
        QCOMPARE(run.json.value(QStringLiteral("csca")).toString(), m_csca.subject());
        QCOMPARE(run.json.value(QStringLiteral("document_signer")).toString(), m_ds.subject());
        QCOMPARE(run.json.value(QStringLiteral("failed_check")).toString(), QString());
        QCOMPARE(run.json.value(QStringLiteral("data_groups")).toArray(), (QJsonArray{1, 2}));
        const QJsonArray checks = run.json.value(QStringLiteral("checks")).toArray();
        QVERIFY(checks.size() >= 6);
        for (const QJsonValue& check : checks)
            QCOMPARE(check.toObject().value(QStringLiteral("result")).toString(), QStringLiteral("passed"));
    }

    void alteredPhoto()
    {
        const Run run = cli(verifyWords(path(QStringLiteral("altered"))));
        QCOMPARE(run.status, 1);
        QCOMPARE(run.json.value(QStringLiteral("outcome")).toString(), QStringLiteral("not-genuine"));
        QCOMPARE(run.json.value(QStringLiteral("failed_check")).toString(), QStringLiteral("DG2 hash"));
        QVERIFY2(run.json.value(QStringLiteral("summary")).toString().contains(QStringLiteral("the photo was altered")),
                 qPrintable(run.json.value(QStringLiteral("summary")).toString()));
    }

    void expiredAtAnotherInstant()
    {
        QStringList words = verifyWords(m_dg);
        words.last() = QStringLiteral("2045-01-01T00:00:00Z"); // the DS is valid until 2040, its CSCA until 2050
        const Run run = cli(words);
        QCOMPARE(run.status, 1);
        QCOMPARE(run.json.value(QStringLiteral("failed_check")).toString(), QStringLiteral("Document Signer validity"));
    }

    void revokedByACrl()
    {
        QString error;
        const auto crl = TestPki::makeCrl(m_csca, {m_ds}, QDateTime(QDate(2026, 5, 1), QTime(0, 0), Qt::UTC),
                                          QDateTime(QDate(2026, 8, 1), QTime(0, 0), Qt::UTC), &error);
        QVERIFY2(crl, qPrintable(error));
        QVERIFY(writeFile(path(QStringLiteral("utopia.crl")), *crl));
        const Run run = cli(verifyWords(m_dg) + QStringList{QStringLiteral("--crl"), path(QStringLiteral("utopia.crl"))});
        QCOMPARE(run.status, 1);
        QCOMPARE(run.json.value(QStringLiteral("failed_check")).toString(), QStringLiteral("Document Signer certificate chain"));
        QVERIFY(run.json.value(QStringLiteral("summary")).toString().contains(QStringLiteral("revoked")));
    }

    void untrustedCscaIsNotVerifiable()
    {
        QString error;
        TestPki::Options other;
        other.country = QStringLiteral("XO");
        other.organisation = QStringLiteral("Xanadu");
        const auto otherCsca = TestPki::makeCsca(other, &error);
        QVERIFY2(otherCsca, qPrintable(error));
        const QString folder = path(QStringLiteral("xanadu"));
        QVERIFY(QDir().mkpath(folder) && writeFile(folder + QStringLiteral("/xanadu.der"), otherCsca->der()));
        QStringList words = verifyWords(m_dg);
        words[words.indexOf(QStringLiteral("--csca")) + 1] = folder;
        const Run run = cli(words);
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.json.value(QStringLiteral("outcome")).toString(), QStringLiteral("not-verifiable"));
        QVERIFY(run.json.value(QStringLiteral("summary")).toString().contains(m_csca.subject()));
    }

    void badUsage_data()
    {
        QTest::addColumn<QStringList>("words");
        QTest::addColumn<QString>("expected");
        QTest::newRow("no --sod") << QStringList{QStringLiteral("verify"), QStringLiteral("--dg"), QStringLiteral("x"),
                                                 QStringLiteral("--csca"), QStringLiteral("y")}
                                  << "--sod is missing";
        QTest::newRow("no subcommand") << QStringList{} << "usage: facegate-cli document read";
        QTest::newRow("unknown subcommand") << QStringList{QStringLiteral("stamp")} << "unknown subcommand \"document stamp\"";
    }
    void badUsage()
    {
        QFETCH(QStringList, words);
        QFETCH(QString, expected);
        const Run run = cli(words);
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY(run.json.isEmpty());
    }

    void badFiles()
    {
        QStringList words = verifyWords(m_dg);
        words[words.indexOf(QStringLiteral("--at")) + 1] = QStringLiteral("yesterday");
        Run run = cli(words);
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains(QStringLiteral("not an ISO 8601")), qPrintable(run.err));

        words = verifyWords(m_dg);
        words[words.indexOf(QStringLiteral("--csca")) + 1] = path(QStringLiteral("nowhere"));
        run = cli(words);
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains(path(QStringLiteral("nowhere"))), qPrintable(run.err));

        words = verifyWords(m_dg);
        words[words.indexOf(QStringLiteral("--dg")) + 1] = m_cscaDir; // no dgN.bin there
        run = cli(words);
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains(QStringLiteral("holds no data group")), qPrintable(run.err));
    }

    void helpNamesTheFiles()
    {
        QProcess process;
        process.start(QStringLiteral(FACEGATE_CLI), {QStringLiteral("document"), QStringLiteral("verify"), QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        const QString help = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(help.contains(QStringLiteral("dg1.bin")) && help.contains(QStringLiteral("dg2.bin")), qPrintable(help));
    }
};

QTEST_GUILESS_MAIN(TestDocumentCommand)
#include "tst_documentcommand.moc"
