// Passive authentication (core/documents/emrtd/PassiveAuthentication) of
// files made by the tests' own PKI: a genuine passport, and each way one can
// fail: altered data groups, an untrusted, expired or revoked Document
// Signer, no trust list, an unsigned data group, a corrupt EF.SOD; with ECDSA,
// RSA PKCS#1 v1.5 and RSA-PSS signers, SHA-256 and SHA-512.
#include "core/documents/emrtd/PassiveAuthentication.h"
#include "core/documents/emrtd/SecurityObject.h"
#include "tests/support/emrtd/LdsBuilder.h"
#include "tests/support/emrtd/TestPki.h"

#include <QTemporaryDir>
#include <QTest>

using fg::ChipVerdict;
using fg::CscaStore;
using fg::DocumentCheck;
using fg::LdsFiles;
using fg::PassiveAuthentication;
using fg::test::emrtd::LdsBuilder;
using fg::test::emrtd::TestCertificate;
using fg::test::emrtd::TestPki;

namespace {

const QString kTd3 = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                    "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
const QString kOtherTd3 = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                         "L898902C36UTO7408122F1304159ZE184226B<<<<<10");
const QDateTime kNow(QDate(2026, 6, 1), QTime(12, 0), Qt::UTC);

const DocumentCheck* checkNamed(const ChipVerdict& verdict, const QString& name)
{
    for (const DocumentCheck& check : verdict.checks) {
        if (check.name == name)
            return &check;
    }
    return nullptr;
}

QString describe(const ChipVerdict& verdict)
{
    QStringList lines{ChipVerdict::outcomeName(verdict.outcome) + QStringLiteral(": ") + verdict.summary};
    for (const DocumentCheck& check : verdict.checks)
        lines << QStringLiteral("  %1 [%2] %3").arg(check.name).arg(int(check.result)).arg(check.detail);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

Q_DECLARE_METATYPE(fg::test::emrtd::TestPki::KeyType)

#define VERIFY_OUTCOME(verdict, expected) \
    QVERIFY2((verdict).outcome == (expected), qPrintable(describe(verdict)))

class TestPassiveAuthentication : public QObject {
    Q_OBJECT

private:
    TestCertificate m_csca;
    TestCertificate m_ds;
    LdsFiles m_files;
    std::optional<CscaStore> m_store;

    CscaStore storeOf(const std::vector<TestCertificate>& cscas)
    {
        CscaStore store;
        QString error;
        for (const TestCertificate& csca : cscas)
            [&] { QVERIFY2(store.addCertificates(csca.der(), QStringLiteral("test"), &error), qPrintable(error)); }();
        return store;
    }

    LdsFiles passport(const TestCertificate& signer, const LdsBuilder::SodOptions& options = {})
    {
        QString error;
        std::optional<LdsFiles> files = LdsBuilder::passport(kTd3, QByteArray::fromHex("FFD8FFE0") + QByteArray(2000, '\x42'),
                                                             480, 600, signer, options, &error);
        [&] { QVERIFY2(files, qPrintable(error)); }();
        return files ? *files : LdsFiles{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        auto csca = TestPki::makeCsca({}, &error);
        QVERIFY2(csca, qPrintable(error));
        m_csca = *csca;
        auto ds = TestPki::makeDocumentSigner(m_csca, {}, &error);
        QVERIFY2(ds, qPrintable(error));
        m_ds = *ds;
        m_files = passport(m_ds);
        QVERIFY(!m_files.sod.isEmpty());
        m_store = storeOf({m_csca});
    }

    void genuine()
    {
        const ChipVerdict verdict = PassiveAuthentication::verify(m_files, &*m_store, kNow);
        VERIFY_OUTCOME(verdict, ChipVerdict::Outcome::Genuine);
        QCOMPARE(verdict.issuingCountry, QStringLiteral("UT"));
        QCOMPARE(verdict.csca, m_csca.subject());
        QCOMPARE(verdict.documentSigner, m_ds.subject());
        QVERIFY(verdict.failedCheck.isEmpty());
        QVERIFY2(verdict.summary.startsWith(QStringLiteral("Genuine")) && verdict.summary.contains(QStringLiteral("UT"))
                     && verdict.summary.contains(m_csca.subject()),
                 qPrintable(verdict.summary));
        for (const QString& name : {QStringLiteral("EF.SOD"), QStringLiteral("signature of EF.SOD"),
                                    QStringLiteral("Document Signer certificate chain"),
                                    QStringLiteral("Document Signer validity"), QStringLiteral("DG1 hash"),
                                    QStringLiteral("DG2 hash")}) {
            const DocumentCheck* check = checkNamed(verdict, name);
            QVERIFY2(check, qPrintable(name));
            QVERIFY2(check->result == DocumentCheck::Result::Passed, qPrintable(name + QStringLiteral(": ") + check->detail));
        }
        QCOMPARE(checkNamed(verdict, QStringLiteral("DG2 hash"))->detail, QStringLiteral("SHA-256 matches"));
    }

    void photoAlteredAfterSigning()
    {
        LdsFiles files = m_files;
        files.dataGroups[2][files.dataGroups[2].size() - 100] ^= 0x01; // one bit of the JPEG
        const ChipVerdict verdict = PassiveAuthentication::verify(files, &*m_store, kNow);
        VERIFY_OUTCOME(verdict, ChipVerdict::Outcome::NotGenuine);
        QCOMPARE(verdict.failedCheck, QStringLiteral("DG2 hash"));
        QVERIFY2(verdict.summary.contains(QStringLiteral("DG2 hash differs from the signed hash: the photo was altered")),
                 qPrintable(verdict.summary));
        QCOMPARE(checkNamed(verdict, QStringLiteral("DG2 hash"))->result, DocumentCheck::Result::Failed);
        QCOMPARE(checkNamed(verdict, QStringLiteral("DG1 hash"))->result, DocumentCheck::Result::Passed);
        QCOMPARE(checkNamed(verdict, QStringLiteral("signature of EF.SOD"))->result, DocumentCheck::Result::Passed);
    }

    void photoAndItsHashAltered()
    {
        // A forger who swaps the photo and writes its hash into EF.SOD breaks the signature instead.
        LdsFiles files = m_files;
        const QByteArray signedHash = fg::SecurityObject::digest(QStringLiteral("SHA-256"), files.dataGroups[2]);
        files.dataGroups[2][files.dataGroups[2].size() - 100] ^= 0x01;
        const qsizetype at = files.sod.indexOf(signedHash);
        QVERIFY(at > 0);
        files.sod.replace(at, signedHash.size(), fg::SecurityObject::digest(QStringLiteral("SHA-256"), files.dataGroups[2]));
        const ChipVerdict verdict = PassiveAuthentication::verify(files, &*m_store, kNow);
        VERIFY_OUTCOME(verdict, ChipVerdict::Outcome::NotGenuine);
        QCOMPARE(verdict.failedCheck, QStringLiteral("signature of EF.SOD"));
        QCOMPARE(checkNamed(verdict, QStringLiteral("DG2 hash"))->result, DocumentCheck::Result::Passed);
    }

    void mrzAlteredAfterSigning()
    {
        LdsFiles files = m_files;
        files.dataGroups[1] = LdsBuilder::dg1(kOtherTd3);
        const ChipVerdict verdict = PassiveAuthentication::verify(files, &*m_store, kNow);
        VERIFY_OUTCOME(verdict, ChipVerdict::Outcome::NotGenuine);
        QCOMPARE(verdict.failedCheck, QStringLiteral("DG1 hash"));
        QVERIFY2(verdict.summary.contains(QStringLiteral("the data page data (MRZ) was altered")), qPrintable(verdict.summary));
    }

    void signerFromAnUntrustedCsca()
    {
        QString error;
        TestPki::Options other;
        other.country = QStringLiteral("XO");
        other.organisation = QStringLiteral("Xanadu");
        const auto otherCsca = TestPki::makeCsca(other, &error);
        QVERIFY2(otherCsca, qPrintable(error));
        const auto otherDs = TestPki::makeDocumentSigner(*otherCsca, other, &error);
        QVERIFY2(otherDs, qPrintable(error));
        const ChipVerdict verdict = PassiveAuthentication::verify(passport(*otherDs), &*m_store, kNow);
        VERIFY_OUTCOME(verdict, ChipVerdict::Outcome::NotVerifiable);
        QCOMPARE(verdict.failedCheck, QStringLiteral("Document Signer certificate chain"));
        QVERIFY2(verdict.summary.contains(QStringLiteral("no trusted CSCA for XO"))
                     && verdict.summary.contains(otherCsca->subject()),
                 qPrintable(verdict.summary));
        QVERIFY(verdict.csca.isEmpty());
        QCOMPARE(verdict.issuingCountry, QStringLiteral("XO"));
    }

    void signerClaimingATrustedCscaItWasNotSignedBy()
    {
        // Same names as Utopia's CSCA, another key: a forgery, not a missing CSCA.
        QString error;
        const auto impostor = TestPki::makeCsca({}, &error);
        QVERIFY2(impostor, qPrintable(error));
        const auto forgedDs = TestPki::makeDocumentSigner(*impostor, {}, &error);
        QVERIFY2(forgedDs, qPrintable(error));
        const ChipVerdict verdict = PassiveAuthentication::verify(passport(*forgedDs), &*m_store, kNow);
        VERIFY_OUTCOME(verdict, ChipVerdict::Outcome::NotGenuine);
        QCOMPARE(verdict.failedCheck, QStringLiteral("Document Signer certificate chain"));
    }

    void expiredDocumentSigner()
    {
        QString error;
        TestPki::Options options;
        options.notBefore = QDateTime(QDate(2022, 1, 31), QTime(0, 0), Qt::UTC);
        options.notAfter = QDateTime(QDate(2025, 1, 31), QTime(0, 0), Qt::UTC);
        const auto expired = TestPki::makeDocumentSigner(m_csca, options, &error);
        QVERIFY2(expired, qPrintable(error));
        const ChipVerdict verdict = PassiveAuthentication::verify(passport(*expired), &*m_store, kNow);
        VERIFY_OUTCOME(verdict, ChipVerdict::Outcome::NotGenuine);
        QCOMPARE(verdict.failedCheck, QStringLiteral("Document Signer validity"));
        QVERIFY2(verdict.summary.contains(QStringLiteral("the Document Signer certificate expired on 2025-01-31")),
                 qPrintable(verdict.summary));
        // The chain itself holds: only the dates fail.
        QCOMPARE(checkNamed(verdict, QStringLiteral("Document Signer certificate chain"))->result, DocumentCheck::Result::Passed);
        // Checked at a time when it was valid, the same files are genuine.
        const ChipVerdict then = PassiveAuthentication::verify(passport(*expired), &*m_store,
                                                               QDateTime(QDate(2024, 6, 1), QTime(0, 0), Qt::UTC));
        VERIFY_OUTCOME(then, ChipVerdict::Outcome::Genuine);
    }

    void revokedDocumentSigner()
    {
        QString error;
        TestPki::Options options;
        options.serial = 77;
        const auto revoked = TestPki::makeDocumentSigner(m_csca, options, &error);
        QVERIFY2(revoked, qPrintable(error));
        const auto crl = TestPki::makeCrl(m_csca, {*revoked}, kNow.addDays(-10), kNow.addDays(80), &error);
        QVERIFY2(crl, qPrintable(error));
        CscaStore store = storeOf({m_csca});
        QVERIFY2(store.addCrl(*crl, QStringLiteral("utopia.crl"), &error), qPrintable(error));

        const ChipVerdict verdict = PassiveAuthentication::verify(passport(*revoked), &store, kNow);
        VERIFY_OUTCOME(verdict, ChipVerdict::Outcome::NotGenuine);
        QCOMPARE(verdict.failedCheck, QStringLiteral("Document Signer certificate chain"));
        QVERIFY2(verdict.summary.contains(QStringLiteral("(serial 0x4D) is revoked")), qPrintable(verdict.summary));
        // Another DS of the same CSCA, not on the CRL, stays genuine with the CRL checked.
        const ChipVerdict other = PassiveAuthentication::verify(m_files, &store, kNow);
        VERIFY_OUTCOME(other, ChipVerdict::Outcome::Genuine);
        QVERIFY2(checkNamed(other, QStringLiteral("Document Signer certificate chain"))->detail.contains(QStringLiteral("not revoked")),
                 qPrintable(describe(other)));
    }

    void noTrustList()
    {
        const ChipVerdict verdict = PassiveAuthentication::verify(m_files, nullptr, kNow);
        VERIFY_OUTCOME(verdict, ChipVerdict::Outcome::NotVerifiable);
        QCOMPARE(verdict.failedCheck, QStringLiteral("Document Signer certificate chain"));
        QVERIFY2(verdict.summary.contains(QStringLiteral("no CSCA trust list")), qPrintable(verdict.summary));
        // What could be checked was: the signature and the hashes.
        QCOMPARE(checkNamed(verdict, QStringLiteral("signature of EF.SOD"))->result, DocumentCheck::Result::Passed);
        QCOMPARE(checkNamed(verdict, QStringLiteral("DG2 hash"))->result, DocumentCheck::Result::Passed);
        // Altered data is NOT genuine even without a trust list.
        LdsFiles altered = m_files;
        altered.dataGroups[2][60] ^= 0x10;
        VERIFY_OUTCOME(PassiveAuthentication::verify(altered, nullptr, kNow), ChipVerdict::Outcome::NotGenuine);
    }

    void masterListStore()
    {
        QString error;
        TestPki::Options signerOptions;
        signerOptions.commonName = QStringLiteral("Utopia Master List Signer");
        signerOptions.serial = 9;
        const auto signer = TestPki::makeDocumentSigner(m_csca, signerOptions, &error);
        QVERIFY2(signer, qPrintable(error));
        TestPki::Options other;
        other.country = QStringLiteral("XO");
        other.organisation = QStringLiteral("Xanadu");
        const auto otherCsca = TestPki::makeCsca(other, &error);
        QVERIFY2(otherCsca, qPrintable(error));
        const auto list = TestPki::makeMasterList(*signer, {*otherCsca, m_csca}, &error);
        QVERIFY2(list, qPrintable(error));
        QTemporaryDir folder;
        QFile file(folder.filePath(QStringLiteral("icao.ml")));
        QVERIFY(file.open(QIODevice::WriteOnly) && file.write(*list) == list->size());
        file.close();

        const auto store = CscaStore::load(file.fileName(), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->certificates().size(), size_t(2));
        QCOMPARE(store->notes().size(), 1);
        QVERIFY2(store->notes().front().contains(QStringLiteral("not checked against a trusted master list signer")),
                 qPrintable(store->notes().front()));
        const ChipVerdict verdict = PassiveAuthentication::verify(m_files, &*store, kNow);
        VERIFY_OUTCOME(verdict, ChipVerdict::Outcome::Genuine);
        const DocumentCheck* note = checkNamed(verdict, QStringLiteral("CSCA master list"));
        QVERIFY(note);
        QCOMPARE(note->result, DocumentCheck::Result::NotChecked);

        // A master list whose content was changed after signing is refused.
        QByteArray tampered = *list;
        const qsizetype at = tampered.indexOf(m_csca.der().mid(40, 16));
        QVERIFY(at > 0);
        tampered[at] = char(tampered[at] ^ 0x01);
        CscaStore broken;
        QVERIFY(!broken.addMasterList(tampered, QStringLiteral("tampered.ml"), &error));
        QVERIFY2(error.contains(QStringLiteral("tampered.ml")), qPrintable(error));
    }

    void folderStore()
    {
        QTemporaryDir folder;
        QString error;
        QVERIFY(!CscaStore::load(folder.path(), &error));
        QVERIFY2(error.contains(folder.path()) && error.contains(QStringLiteral("no certificate")), qPrintable(error));
        QVERIFY(!CscaStore::load(folder.filePath(QStringLiteral("missing")), &error));
        QVERIFY2(error.contains(QStringLiteral("does not exist")), qPrintable(error));

        QFile pem(folder.filePath(QStringLiteral("utopia.pem")));
        QVERIFY(pem.open(QIODevice::WriteOnly) && pem.write(m_csca.pem()) > 0);
        pem.close();
        QFile readme(folder.filePath(QStringLiteral("README.txt")));
        QVERIFY(readme.open(QIODevice::WriteOnly) && readme.write("not a certificate") > 0);
        readme.close();
        const auto store = CscaStore::load(folder.path(), &error);
        QVERIFY2(store, qPrintable(error));
        QCOMPARE(store->certificates().size(), size_t(1));
        VERIFY_OUTCOME(PassiveAuthentication::verify(m_files, &*store, kNow), ChipVerdict::Outcome::Genuine);

        QFile broken(folder.filePath(QStringLiteral("broken.der")));
        QVERIFY(broken.open(QIODevice::WriteOnly) && broken.write("\x30\x03\x02\x01") > 0);
        broken.close();
        QVERIFY(!CscaStore::load(folder.path(), &error));
        QVERIFY2(error.contains(QStringLiteral("broken.der")), qPrintable(error));
    }

    void dataGroupWithoutASignedHash()
    {
        LdsFiles files = m_files;
        files.dataGroups[3] = LdsBuilder::tlv(0x63, QByteArray(30, '\x01'));
        const ChipVerdict verdict = PassiveAuthentication::verify(files, &*m_store, kNow);
        VERIFY_OUTCOME(verdict, ChipVerdict::Outcome::NotGenuine);
        QCOMPARE(verdict.failedCheck, QStringLiteral("DG3 hash"));
        QVERIFY2(verdict.summary.contains(QStringLiteral("EF.SOD holds no hash for DG3")), qPrintable(verdict.summary));
        // A data group signed but not read is reported, not failed.
        LdsFiles partial = m_files;
        partial.dataGroups.erase(2);
        const ChipVerdict fewer = PassiveAuthentication::verify(partial, &*m_store, kNow);
        VERIFY_OUTCOME(fewer, ChipVerdict::Outcome::Genuine);
        QCOMPARE(checkNamed(fewer, QStringLiteral("DG2 hash"))->result, DocumentCheck::Result::NotChecked);
    }

    void corruptSod_data()
    {
        QTest::addColumn<int>("cut");
        QTest::addColumn<int>("flip");
        QTest::addColumn<QString>("failedCheck");
        QTest::newRow("truncated") << 50 << -1 << "EF.SOD";
        QTest::newRow("one byte of the signature") << 0 << 3 << "signature of EF.SOD";
        QTest::newRow("garbage") << -1 << -1 << "EF.SOD";
    }
    void corruptSod()
    {
        QFETCH(int, cut);
        QFETCH(int, flip);
        QFETCH(QString, failedCheck);
        LdsFiles files = m_files;
        if (cut > 0)
            files.sod.chop(cut);
        if (cut < 0)
            files.sod = QByteArray::fromHex("7703010203");
        if (flip > 0) // counted from the end: in the signature value, the last field of the signer info
            files.sod[files.sod.size() - flip] = char(files.sod[files.sod.size() - flip] ^ 0x40);
        const ChipVerdict verdict = PassiveAuthentication::verify(files, &*m_store, kNow);
        VERIFY_OUTCOME(verdict, ChipVerdict::Outcome::NotGenuine);
        QCOMPARE(verdict.failedCheck, failedCheck);
        QVERIFY(verdict.summary.startsWith(QStringLiteral("NOT genuine: ")));
    }

    void signatureAlgorithms_data()
    {
        QTest::addColumn<TestPki::KeyType>("keyType");
        QTest::addColumn<bool>("pss");
        QTest::addColumn<QString>("hash");
        QTest::addColumn<QString>("algorithmName");
        QTest::newRow("ECDSA SHA-256") << TestPki::KeyType::EcP256 << false << "SHA-256" << "ecdsa-with-SHA256";
        QTest::newRow("ECDSA SHA-512") << TestPki::KeyType::EcP256 << false << "SHA-512" << "ecdsa-with-SHA512";
        QTest::newRow("RSA PKCS#1 v1.5 SHA-256") << TestPki::KeyType::Rsa2048 << false << "SHA-256" << "RSA PKCS#1 v1.5";
        QTest::newRow("RSA-PSS SHA-256") << TestPki::KeyType::Rsa2048 << true << "SHA-256" << "RSA-PSS";
        QTest::newRow("RSA-PSS SHA-512") << TestPki::KeyType::Rsa2048 << true << "SHA-512" << "RSA-PSS";
    }
    void signatureAlgorithms()
    {
        QFETCH(TestPki::KeyType, keyType);
        QFETCH(bool, pss);
        QFETCH(QString, hash);
        QFETCH(QString, algorithmName);
        QString error;
        TestPki::Options options;
        options.keyType = keyType;
        const auto csca = TestPki::makeCsca(options, &error);
        QVERIFY2(csca, qPrintable(error));
        const auto ds = TestPki::makeDocumentSigner(*csca, options, &error);
        QVERIFY2(ds, qPrintable(error));
        LdsBuilder::SodOptions sodOptions;
        sodOptions.hashAlgorithm = hash;
        sodOptions.rsaPss = pss;
        const LdsFiles files = passport(*ds, sodOptions);
        const CscaStore store = storeOf({*csca});
        const ChipVerdict verdict = PassiveAuthentication::verify(files, &store, kNow);
        VERIFY_OUTCOME(verdict, ChipVerdict::Outcome::Genuine);
        const QString detail = checkNamed(verdict, QStringLiteral("signature of EF.SOD"))->detail;
        QVERIFY2(detail.contains(algorithmName), qPrintable(detail));
        QCOMPARE(checkNamed(verdict, QStringLiteral("DG2 hash"))->detail, hash + QStringLiteral(" matches"));

        // And each of them refuses an altered photo.
        LdsFiles altered = files;
        altered.dataGroups[2][100] ^= 0x02;
        VERIFY_OUTCOME(PassiveAuthentication::verify(altered, &store, kNow), ChipVerdict::Outcome::NotGenuine);
    }
};

QTEST_GUILESS_MAIN(TestPassiveAuthentication)
#include "tst_passiveauthentication.moc"
