#include "core/documents/MrzParser.h"
#include "core/documents/emrtd/ChipAccessKey.h"

#include "tests/emrtd/Doc9303Vectors.h"

#include <QTest>

using fg::ChipAccessKey;

class TestChipAccessKey : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void mrzInformation_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("birth");
        QTest::addColumn<QString>("expiry");
        QTest::addColumn<QString>("information");
        // Doc 9303 part 11 D.2, both examples; G.1.
        QTest::newRow("D.2") << "L898902C<" << "690806" << "940623" << doc9303::kMrzInformation;
        QTest::newRow("D.2, number without its filler") << "L898902C" << "690806" << "940623" << doc9303::kMrzInformation;
        QTest::newRow("D.2, lower case") << " l898902c " << "690806" << "940623" << doc9303::kMrzInformation;
        QTest::newRow("D.2, 12-character number") << "D23145890734" << "340712" << "950712" << doc9303::kLongNumberMrzInformation;
        QTest::newRow("G.1") << doc9303::kPaceDocumentNumber << doc9303::kPaceBirthDate << doc9303::kPaceExpiryDate
                             << doc9303::kPaceMrzInformation;
    }
    void mrzInformation()
    {
        QFETCH(QString, number);
        QFETCH(QString, birth);
        QFETCH(QString, expiry);
        QFETCH(QString, information);
        QString error;
        const auto key = ChipAccessKey::fromMrzFields(number, birth, expiry, &error);
        QVERIFY2(key, qPrintable(error));
        QCOMPARE(key->kind(), ChipAccessKey::Kind::Mrz);
        QCOMPARE(key->paceKeyReference(), 1);
        QCOMPARE(QString::fromLatin1(key->secret().view()), information);
    }

    void keys()
    {
        QString error;
        const auto bac = ChipAccessKey::fromMrzFields(QStringLiteral("L898902C<"), QStringLiteral("690806"),
                                                      QStringLiteral("940623"), &error);
        QVERIFY2(bac, qPrintable(error));
        const auto seed = bac->bacKeySeed(&error);
        QVERIFY2(seed, qPrintable(error));
        QCOMPARE(seed->view().toByteArray(), doc9303::kKeySeed);
        QCOMPARE(bac->pacePassword(&error)->view().toByteArray(), doc9303::kSha1OfMrzInformation);

        const auto pace = ChipAccessKey::fromMrzFields(doc9303::kPaceDocumentNumber, doc9303::kPaceBirthDate,
                                                       doc9303::kPaceExpiryDate, &error);
        QVERIFY2(pace, qPrintable(error));
        QCOMPARE(pace->pacePassword(&error)->view().toByteArray(), doc9303::kPacePassword);
    }

    // The TD3 specimen of Doc 9303 part 4 as the MRZ parser reads it (number
    // L898902C3, check digit 6); the same MRZ information is in the tests of a
    // Dart eMRTD reader found by searching for it.
    void fromParsedMrz()
    {
        const fg::MrzResult parsed = fg::MrzParser::parse(QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                                                         "L898902C36UTO7408122F1204159ZE184226B<<<<<10"),
                                                          QDate(2010, 1, 1));
        QVERIFY(parsed.document);
        QString error;
        const auto key = ChipAccessKey::fromMrz(*parsed.document, &error);
        QVERIFY2(key, qPrintable(error));
        QCOMPARE(QString::fromLatin1(key->secret().view()), QStringLiteral("L898902C3674081221204159"));
    }

    void can()
    {
        QString error;
        const auto key = ChipAccessKey::fromCan(QStringLiteral(" 123456 "), &error);
        QVERIFY2(key, qPrintable(error));
        QCOMPARE(key->kind(), ChipAccessKey::Kind::Can);
        QCOMPARE(key->paceKeyReference(), 2);
        // f(pi) of a CAN is the CAN itself (Doc 9303 part 11, 9.7.3).
        QCOMPARE(key->pacePassword(&error)->view().toByteArray(), QByteArray("123456"));
        QVERIFY(!key->bacKeySeed(&error));
        QCOMPARE(error, QStringLiteral("BAC needs the MRZ: a card access number opens the chip by PACE only"));
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("birth");
        QTest::addColumn<QString>("expiry");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty number") << "" << "690806" << "940623" << "the document number is empty";
        QTest::newRow("fillers only") << "<<<<<<<<<" << "690806" << "940623" << "the document number is empty";
        QTest::newRow("bad character") << "L8989-2C" << "690806" << "940623"
                                       << "the document number holds '-', which an MRZ cannot";
        QTest::newRow("short date") << "L898902C" << "69086" << "940623" << "the date of birth '69086' is not YYMMDD";
        QTest::newRow("letter in date") << "L898902C" << "690806" << "94O623" << "the date of expiry '94O623' is not YYMMDD";
    }
    void refuses()
    {
        QFETCH(QString, number);
        QFETCH(QString, birth);
        QFETCH(QString, expiry);
        QFETCH(QString, expected);
        QString error;
        QVERIFY(!ChipAccessKey::fromMrzFields(number, birth, expiry, &error));
        QCOMPARE(error, expected);
        QVERIFY(!ChipAccessKey::fromCan(QString(), &error));
        QCOMPARE(error, QStringLiteral("the card access number is empty"));
        QVERIFY(!ChipAccessKey::fromCan(QStringLiteral("12A456"), &error));
        QCOMPARE(error, QStringLiteral("the card access number holds 'A': it is digits only"));
    }
};

QTEST_GUILESS_MAIN(TestChipAccessKey)
#include "tst_chipaccesskey.moc"
