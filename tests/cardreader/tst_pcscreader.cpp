// PcscContext/PcscCard through the real pcsc-lite: the test's own pcscd with
// vsmartcard-vpcd (tests/support/PcscRig.h) and a card answering over vpcd's
// socket (tests/support/VirtualCard.h). A card is waited for, connected and
// talked to (short and extended APDUs); pulled out in the middle of an
// exchange it gives an error saying so; an empty reader times out.
#include "core/documents/reader/PcscReader.h"
#include "tests/support/PcscRig.h"
#include "tests/support/VirtualCard.h"

#include <QTest>

using namespace fg;

namespace {

const QByteArray kSelectApplet = QByteArray::fromHex("00A4040C07A0000002471001");
const QByteArray kOk = QByteArray::fromHex("9000");

} // namespace

class TestPcscReader : public QObject {
    Q_OBJECT

    test::PcscRig m_rig;
    std::unique_ptr<PcscContext> m_context;

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_rig.start(&error), qPrintable(error));
        m_context = PcscContext::establish(&error);
        QVERIFY2(m_context, qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_context.reset();
        m_rig.stop();
    }

    void listsTheReader()
    {
        QString error;
        const auto readers = m_context->readers(&error);
        QVERIFY2(readers, qPrintable(error));
        QVERIFY2(readers->contains(test::PcscRig::reader()), qPrintable(readers->join(QLatin1String(", "))));
    }

    void anEmptyReaderTimesOut()
    {
        QString error;
        QCOMPARE(m_context->waitForCard(test::PcscRig::reader(), 300, &error), std::optional<bool>(false));
        QVERIFY(!m_context->connect(test::PcscRig::reader(), &error));
        QVERIFY2(error.contains(QLatin1String("the card was removed")) || error.contains(QLatin1String("no card")),
                 qPrintable(error));
    }

    void talksToACardShortAndExtended()
    {
        test::VirtualCard card([](const QByteArray& command) {
            if (command == kSelectApplet)
                return kOk;
            // An extended-length command of 300 bytes gets 1,000 bytes back.
            if (command.size() == 7 + 300 + 2 && command[4] == 0)
                return QByteArray(1000, 'x') + kOk;
            return QByteArray::fromHex("6D00");
        });
        QVERIFY(card.insert(m_rig.cardPort()));
        QString error;
        QCOMPARE(m_context->waitForCard(test::PcscRig::reader(), 5000, &error), std::optional<bool>(true));
        const std::unique_ptr<PcscCard> connected = m_context->connect(test::PcscRig::reader(), &error);
        QVERIFY2(connected, qPrintable(error));
        QCOMPARE(connected->atr(), test::VirtualCard::kAtr);
        const auto selected = connected->transmit(kSelectApplet, &error);
        QVERIFY2(selected, qPrintable(error));
        QCOMPARE(*selected, kOk);
        QByteArray extended = QByteArray::fromHex("80DA0000") + QByteArray::fromHex("00012C") + QByteArray(300, 'a')
            + QByteArray::fromHex("0000");
        const auto answer = connected->transmit(extended, &error);
        QVERIFY2(answer, qPrintable(error));
        QCOMPARE(answer->size(), 1002);
        QVERIFY(answer->endsWith(kOk));
        QCOMPARE(connected->apduCount(), 2);
    }

    void aCardPulledOutMidReadIsSaid()
    {
        QString error;
        QCOMPARE(m_context->waitForNoCard(test::PcscRig::reader(), 5000, &error), std::optional<bool>(true));
        int commands = 0;
        test::VirtualCard card([&commands](const QByteArray&) {
            // The second command never gets its answer: the card leaves.
            return ++commands == 1 ? kOk : QByteArray();
        });
        QVERIFY(card.insert(m_rig.cardPort()));
        QCOMPARE(m_context->waitForCard(test::PcscRig::reader(), 5000, &error), std::optional<bool>(true));
        const std::unique_ptr<PcscCard> connected = m_context->connect(test::PcscRig::reader(), &error);
        QVERIFY2(connected, qPrintable(error));
        QVERIFY2(connected->transmit(kSelectApplet, &error), qPrintable(error));
        QVERIFY(!connected->transmit(QByteArray::fromHex("00B0000000"), &error));
        QVERIFY2(error.contains(QLatin1String("the card was removed")), qPrintable(error));
        // And it stays so.
        QVERIFY(!connected->transmit(QByteArray::fromHex("00B0000000"), &error));
        QVERIFY2(error.contains(QLatin1String("the card was removed")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPcscReader)
#include "tst_pcscreader.moc"
