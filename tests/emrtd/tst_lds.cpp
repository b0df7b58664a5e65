// The LDS parsers of core/documents/emrtd: EF.COM, DG1, DG2 and EF.SOD, on
// files made by tests/support/emrtd's LdsBuilder (a real JPEG of a face in a
// real ISO/IEC 19794-5 record) and on hand-made malformed ones.
#include "core/documents/MrzParser.h"
#include "core/documents/emrtd/DataGroup1.h"
#include "core/documents/emrtd/DataGroup2.h"
#include "core/documents/emrtd/LdsCom.h"
#include "core/documents/emrtd/PassiveAuthentication.h"
#include "core/documents/emrtd/SecurityObject.h"
#include "tests/support/TestData.h"
#include "tests/support/emrtd/LdsBuilder.h"
#include "tests/support/emrtd/TestPki.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QTest>

using fg::test::emrtd::LdsBuilder;

namespace {

const QString kTd3 = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                    "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
const QString kTd1 = QStringLiteral("I<UTOD231458907<<<<<<<<<<<<<<<\n"
                                    "7408122F1204159UTO<<<<<<<<<<<6\n"
                                    "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");

// The same bytes with the 4-byte big-endian field at `offset` replaced.
QByteArray patched(QByteArray bytes, qsizetype offset, const QByteArray& replacement)
{
    bytes.replace(offset, replacement.size(), replacement);
    return bytes;
}

} // namespace

class TestLds : public QObject {
    Q_OBJECT

private:
    QByteArray m_jpeg;
    QSize m_size;

private Q_SLOTS:
    void initTestCase()
    {
        FG_REQUIRE_DATASETS();
        const QString path = fg::test::datasetPath(QStringLiteral("faces-dev/single/lin_manuel_miranda/01.png"));
        QImage image(path);
        QVERIFY2(!image.isNull(), qPrintable(path));
        image = image.scaledToWidth(qMin(image.width(), 420), Qt::SmoothTransformation);
        // A passport photo's size: re-encoded until it is at most 20 KB.
        for (int quality = 90; quality >= 10; quality -= 5) {
            QBuffer buffer(&m_jpeg);
            buffer.open(QIODevice::WriteOnly);
            m_jpeg.clear();
            QVERIFY(image.save(&buffer, "JPEG", quality));
            buffer.close();
            if (m_jpeg.size() <= 20 * 1024)
                break;
        }
        QVERIFY2(m_jpeg.size() > 8 * 1024 && m_jpeg.size() <= 20 * 1024, qPrintable(QString::number(m_jpeg.size())));
        m_size = image.size();
    }

    void comReadsVersionsAndDataGroups()
    {
        // Doc 9303 part 10's layout, written out by hand: LDS 1.7, Unicode 4.0.0, DG1 and DG2.
        const QByteArray com = QByteArray::fromHex("6014" "5F0104" "30313037" "5F3606" "303430303030" "5C026175");
        QString error;
        const auto parsed = fg::LdsCom::parse(com, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->ldsVersion, QStringLiteral("1.7"));
        QCOMPARE(parsed->unicodeVersion, QStringLiteral("4.0.0"));
        QCOMPARE(parsed->dataGroups, (std::vector<int>{1, 2}));

        const auto built = fg::LdsCom::parse(LdsBuilder::com({1, 2, 3, 4, 5, 11, 14, 15, 16}), &error);
        QVERIFY2(built, qPrintable(error));
        QCOMPARE(built->dataGroups, (std::vector<int>{1, 2, 3, 4, 5, 11, 14, 15, 16}));
    }

    void comRefusesMalformed_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        QTest::newRow("another tag") << QByteArray::fromHex("6102" "5C00") << "tag 61 where EF.COM's 60";
        QTest::newRow("no tag list") << QByteArray::fromHex("6010" "5F0104" "30313037" "5F3606" "303430303030")
                                     << "tag list (5C) is missing";
        QTest::newRow("not a data group") << QByteArray::fromHex("6014" "5F0104" "30313037" "5F3606" "303430303030" "5C02617A")
                                          << "tag 7A (position 2), which is no data group";
        QTest::newRow("twice") << QByteArray::fromHex("6014" "5F0104" "30313037" "5F3606" "303430303030" "5C026161")
                               << "DG1 twice";
        QTest::newRow("letters as version") << QByteArray::fromHex("6014" "5F0104" "3031303A" "5F3606" "303430303030" "5C026175")
                                            << "LDS version is not 4 decimal digits";
        QTest::newRow("length past the end") << QByteArray::fromHex("6040" "5F0104" "30313037") << "EF.COM: BER-TLV:";
        QTest::newRow("empty") << QByteArray() << "EF.COM: BER-TLV:";
    }
    void comRefusesMalformed()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!fg::LdsCom::parse(data, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void dg1GivesTheZoneToTheMrzParser_data()
    {
        QTest::addColumn<QString>("mrz");
        QTest::addColumn<int>("lineLength");
        QTest::addColumn<fg::MrzFormat>("format");
        QTest::newRow("TD3") << kTd3 << 44 << fg::MrzFormat::TD3;
        QTest::newRow("TD1") << kTd1 << 30 << fg::MrzFormat::TD1;
    }
    void dg1GivesTheZoneToTheMrzParser()
    {
        QFETCH(QString, mrz);
        QFETCH(int, lineLength);
        QFETCH(fg::MrzFormat, format);
        QString error;
        const auto dg1 = fg::DataGroup1::parse(LdsBuilder::dg1(mrz), &error);
        QVERIFY2(dg1, qPrintable(error));
        QCOMPARE(dg1->mrz, mrz);
        QCOMPARE(dg1->lineLength, lineLength);
        const fg::MrzResult result = fg::MrzParser::parse(dg1->mrz, QDate(2010, 1, 1));
        QVERIFY2(result.isValid(), qPrintable(result.summary()));
        QCOMPARE(result.document->format, format);
        QCOMPARE(result.document->primaryIdentifier, QStringLiteral("ERIKSSON"));
        QCOMPARE(result.document->birthDate, QDate(1974, 8, 12));
    }

    void dg1RefusesMalformed_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        QTest::newRow("short zone") << LdsBuilder::tlv(0x61, LdsBuilder::tlv(0x5F1F, QByteArray(87, '<')))
                                    << "holds 87 characters";
        QTest::newRow("no 5F1F") << LdsBuilder::tlv(0x61, LdsBuilder::tlv(0x5F20, QByteArray(88, '<')))
                                 << "no MRZ data object (5F1F)";
        QByteArray zone(88, '<');
        zone[40] = '\x01';
        QTest::newRow("control byte") << LdsBuilder::tlv(0x61, LdsBuilder::tlv(0x5F1F, zone))
                                      << "byte 01 at position 41";
        QTest::newRow("another tag") << LdsBuilder::tlv(0x75, LdsBuilder::tlv(0x5F1F, QByteArray(88, '<')))
                                     << "tag 75 where DG1's 61";
        QTest::newRow("length past the end") << QByteArray::fromHex("615B5F1F58") + QByteArray(40, '<') << "DG1: BER-TLV:";
    }
    void dg1RefusesMalformed()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!fg::DataGroup1::parse(data, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void dg2GivesTheJpegBack()
    {
        const QByteArray dg2 = LdsBuilder::dg2(m_jpeg, m_size.width(), m_size.height());
        QString error;
        const auto faces = fg::DataGroup2::parse(dg2, &error);
        QVERIFY2(faces, qPrintable(error));
        QCOMPARE(faces->size(), size_t(1));
        const fg::FaceImage& face = faces->front();
        QCOMPARE(face.format, QStringLiteral("JPEG"));
        QCOMPARE(face.width, m_size.width());
        QCOMPARE(face.height, m_size.height());
        QCOMPARE(face.faceImageType, 1);
        QCOMPARE(face.data, m_jpeg);
        const QImage decoded = QImage::fromData(face.data, "JPEG");
        QCOMPARE(decoded.size(), m_size);
    }

    void dg2NamesJpeg2000()
    {
        const QByteArray codestream = QByteArray::fromHex("FF4FFF51") + QByteArray(200, '\x11');
        QString error;
        const auto faces = fg::DataGroup2::parse(LdsBuilder::dg2(codestream, 240, 320, LdsBuilder::ImageType::Jpeg2000), &error);
        QVERIFY2(faces, qPrintable(error));
        QCOMPARE(faces->front().format, QStringLiteral("JPEG 2000"));
        QCOMPARE(faces->front().data, codestream);
        QCOMPARE(faces->front().width, 240);
    }

    void dg2AcceptsAnEnciphered7F2EBlock()
    {
        // 7F2E instead of 5F2E: constructed by its tag, yet holding a record, not data objects.
        const QByteArray record = LdsBuilder::facialRecord(QByteArray(100, '\x22'), 10, 20, LdsBuilder::ImageType::Jpeg);
        const QByteArray dg2 = LdsBuilder::tlv(
            0x75, LdsBuilder::tlv(0x7F61, LdsBuilder::tlv(0x02, QByteArray(1, '\x01'))
                                              + LdsBuilder::tlv(0x7F60, LdsBuilder::tlv(0xA1, {}) + LdsBuilder::tlv(0x7F2E, record))));
        QString error;
        const auto faces = fg::DataGroup2::parse(dg2, &error);
        QVERIFY2(faces, qPrintable(error));
        QCOMPARE(faces->front().data.size(), 100);
    }

    void dg2RefusesMalformed_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        const QByteArray image(300, '\x33');
        const QByteArray record = LdsBuilder::facialRecord(image, 10, 20, LdsBuilder::ImageType::Jpeg);
        const auto wrap = [](const QByteArray& facialRecord, int count = 1) {
            return LdsBuilder::tlv(
                0x75, LdsBuilder::tlv(0x7F61, LdsBuilder::tlv(0x02, QByteArray(1, char(count)))
                                                  + LdsBuilder::tlv(0x7F60, LdsBuilder::tlv(0x5F2E, facialRecord))));
        };
        const QByteArray good = wrap(record);
        QTest::newRow("cut short") << good.left(good.size() - 10) << "claims";
        QTest::newRow("another tag") << LdsBuilder::tlv(0x61, {}) << "tag 61 where DG2's 75";
        QTest::newRow("no 7F61") << LdsBuilder::tlv(0x75, LdsBuilder::tlv(0x02, "\x01")) << "no biometric information template group";
        QTest::newRow("count 2, one template") << wrap(record, 2) << "the template count says 2, but 7F61 holds 1";
        QTest::newRow("count 0") << wrap(record, 0) << "the template count is 0";
        QTest::newRow("not FAC") << wrap(patched(record, 0, "FAB")) << "not 'FAC'";
        QTest::newRow("record length past its block") << wrap(patched(record, 8, QByteArray::fromHex("00010000")))
                                                      << "says it is 65536 bytes long, but its data object holds";
        QTest::newRow("record length 4 GB") << wrap(patched(record, 8, QByteArray::fromHex("FFFFFFFF")))
                                            << "says it is 4294967295 bytes long";
        QTest::newRow("no images") << wrap(patched(record, 12, QByteArray::fromHex("0000"))) << "counts 0 images";
        QTest::newRow("65535 images") << wrap(patched(record, 12, QByteArray::fromHex("FFFF"))) << "counts 65535 images";
        QTest::newRow("two images, one there") << wrap(patched(record, 12, QByteArray::fromHex("0002")))
                                               << "image 2 of 2: the facial record ends";
        QTest::newRow("block length past the record") << wrap(patched(record, 14, QByteArray::fromHex("7FFFFFFF")))
                                                      << "image 1: its facial record data length (2147483647 bytes";
        QTest::newRow("feature points past the block") << wrap(patched(record, 18, QByteArray::fromHex("00FF")))
                                                       << "255 feature points do not fit";
        // The image information follows 20 bytes of facial information and 2 feature points.
        QTest::newRow("image data type 7") << wrap(patched(record, 14 + 20 + 16 + 1, QByteArray(1, '\x07')))
                                           << "image data type 7 is neither JPEG (0) nor JPEG 2000 (1)";
        QTest::newRow("60000 pixels wide") << wrap(patched(record, 14 + 20 + 16 + 2, QByteArray::fromHex("EA60")))
                                           << "60000 x 20 pixels is beyond";
        QTest::newRow("header only") << wrap(record.left(14)) << "but its data object holds 14";
        QTest::newRow("5F2E longer than 7F60")
            << LdsBuilder::tlv(0x75, LdsBuilder::tlv(0x7F61, LdsBuilder::tlv(0x02, "\x01")
                                                              + LdsBuilder::tlv(0x7F60, QByteArray::fromHex("5F2E8200FF") + record.left(20))))
            << "tag 5F2E at offset";
        QTest::newRow("indefinite length") << QByteArray::fromHex("7580") << "indefinite length";
    }
    void dg2RefusesMalformed()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!fg::DataGroup2::parse(data, &error));
        QVERIFY2(error.startsWith(QStringLiteral("DG2: ")), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void sodReadsTheSecurityObject_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<bool>("versionInfo");
        QTest::newRow("SHA-256, v0") << "SHA-256" << false;
        QTest::newRow("SHA-512, v1") << "SHA-512" << true;
        QTest::newRow("SHA-1") << "SHA-1" << false;
    }
    void sodReadsTheSecurityObject()
    {
        QFETCH(QString, algorithm);
        QFETCH(bool, versionInfo);
        QString error;
        const auto csca = fg::test::emrtd::TestPki::makeCsca({}, &error);
        QVERIFY2(csca, qPrintable(error));
        const auto ds = fg::test::emrtd::TestPki::makeDocumentSigner(*csca, {}, &error);
        QVERIFY2(ds, qPrintable(error));
        const std::map<int, QByteArray> groups{{1, LdsBuilder::dg1(kTd3)}, {2, LdsBuilder::dg2(m_jpeg, 10, 10)}};
        LdsBuilder::SodOptions options;
        options.hashAlgorithm = algorithm;
        options.ldsVersionInfo = versionInfo;
        const auto sod = LdsBuilder::sod(groups, *ds, options, &error);
        QVERIFY2(sod, qPrintable(error));
        const auto parsed = fg::SecurityObject::parse(*sod, &error);
        QVERIFY2(parsed, qPrintable(error));
        QCOMPARE(parsed->hashAlgorithm, algorithm);
        QCOMPARE(parsed->version, versionInfo ? 1 : 0);
        QCOMPARE(parsed->ldsVersion, versionInfo ? QStringLiteral("0108") : QString());
        QCOMPARE(parsed->hashes.size(), size_t(2));
        QCOMPARE(parsed->hashes.at(2), fg::SecurityObject::digest(algorithm, groups.at(2)));
        QCOMPARE(parsed->documentSigner, ds->der());
    }

    // Files made without LdsBuilder (Python, and `openssl cms -sign` for
    // EF.SOD: the fuzz target's seeds) read alike, and their hashes and
    // signature check out.
    void filesMadeIndependently()
    {
        const auto read = [](const char* name) {
            QFile file(QStringLiteral(FACEGATE_LDS_CORPUS "/") + QLatin1String(name));
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        };
        fg::LdsFiles files;
        files.com = read("ef_com.bin");
        files.sod = read("ef_sod.bin");
        files.dataGroups[1] = read("dg1_td3.bin");
        files.dataGroups[2] = read("dg2_jpeg.bin");
        QString error;
        const auto com = fg::LdsCom::parse(files.com, &error);
        QVERIFY2(com, qPrintable(error));
        QCOMPARE(com->dataGroups, (std::vector<int>{1, 2, 14, 15}));
        const auto dg1 = fg::DataGroup1::parse(files.dataGroups[1], &error);
        QVERIFY2(dg1, qPrintable(error));
        QCOMPARE(dg1->mrz, kTd3);
        const auto faces = fg::DataGroup2::parse(files.dataGroups[2], &error);
        QVERIFY2(faces, qPrintable(error));
        QCOMPARE(faces->front().width, 120);
        QCOMPARE(faces->front().height, 160);
        QVERIFY(faces->front().data.startsWith(QByteArray::fromHex("FFD8")));
        const auto sod = fg::SecurityObject::parse(files.sod, &error);
        QVERIFY2(sod, qPrintable(error));
        QCOMPARE(sod->hashAlgorithm, QStringLiteral("SHA-256"));
        const fg::ChipVerdict verdict = fg::PassiveAuthentication::verify(files, nullptr, QDateTime::currentDateTimeUtc());
        QCOMPARE(verdict.outcome, fg::ChipVerdict::Outcome::NotVerifiable); // no trust list
        for (const fg::DocumentCheck& check : verdict.checks) {
            if (check.name != QLatin1String("Document Signer certificate chain"))
                QVERIFY2(check.result == fg::DocumentCheck::Result::Passed, qPrintable(check.name + QStringLiteral(": ") + check.detail));
        }
    }

    void sodRefusesMalformed_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QString>("expected");
        QTest::newRow("another tag") << LdsBuilder::tlv(0x60, "x") << "tag 60 where EF.SOD's 77";
        QTest::newRow("not CMS") << LdsBuilder::tlv(0x77, QByteArray::fromHex("3003020100")) << "the CMS structure cannot be read";
        QTest::newRow("length past the end") << QByteArray::fromHex("778210003000") << "tag 77 claims 4096 bytes";
        QTest::newRow("empty") << QByteArray() << "EF.SOD: BER-TLV:";
    }
    void sodRefusesMalformed()
    {
        QFETCH(QByteArray, data);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!fg::SecurityObject::parse(data, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void securityObjectRefusesMalformedContent_data()
    {
        QTest::addColumn<QByteArray>("der");
        QTest::addColumn<QString>("expected");
        const QByteArray sha256 = LdsBuilder::tlv(0x30, LdsBuilder::tlv(0x06, QByteArray::fromHex("608648016503040201")));
        const auto hash = [](int number, int size) {
            return LdsBuilder::tlv(0x30, LdsBuilder::tlv(0x02, QByteArray(1, char(number))) + LdsBuilder::tlv(0x04, QByteArray(size, 'h')));
        };
        const QByteArray v0 = LdsBuilder::tlv(0x02, QByteArray(1, '\0'));
        QTest::newRow("DG 17") << LdsBuilder::tlv(0x30, v0 + sha256 + LdsBuilder::tlv(0x30, hash(17, 32))) << "data group 17";
        QTest::newRow("twice") << LdsBuilder::tlv(0x30, v0 + sha256 + LdsBuilder::tlv(0x30, hash(1, 32) + hash(1, 32))) << "two hashes for DG1";
        QTest::newRow("short hash") << LdsBuilder::tlv(0x30, v0 + sha256 + LdsBuilder::tlv(0x30, hash(2, 20)))
                                    << "the hash of DG2 is 20 bytes, not the 32 of SHA-256";
        QTest::newRow("MD5") << LdsBuilder::tlv(0x30, v0 + LdsBuilder::tlv(0x30, LdsBuilder::tlv(0x06, QByteArray::fromHex("2a864886f70d0205")))
                                                  + LdsBuilder::tlv(0x30, hash(1, 16)))
                             << "is none of SHA-1";
        QTest::newRow("version 5") << LdsBuilder::tlv(0x30, LdsBuilder::tlv(0x02, "\x05") + sha256 + LdsBuilder::tlv(0x30, hash(1, 32)))
                                   << "version is not 0 or 1";
    }
    void securityObjectRefusesMalformedContent()
    {
        QFETCH(QByteArray, der);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!fg::SecurityObject::parseContent(der, &error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestLds)
#include "tst_lds.moc"
