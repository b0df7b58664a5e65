#include "core/security/SecureBuffer.h"

#include <QTest>

using fg::SecureBuffer;

class TestSecureBuffer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void fromBytesTakesTheBytesAndEmptiesTheSource()
    {
        QByteArray source("correct horse battery staple");
        const QByteArray expected = QByteArray("correct horse battery staple");
        const SecureBuffer buffer = SecureBuffer::fromBytes(std::move(source));
        QCOMPARE(buffer.view(), QByteArrayView(expected));
        QCOMPARE(buffer.size(), expected.size());
        QVERIFY(source.isEmpty());
    }

    // A buffer shared with another QByteArray is not wiped under its other owner.
    void fromBytesLeavesSharedBuffersAlone()
    {
        const QByteArray other("shared bytes");
        QByteArray source = other;
        const SecureBuffer buffer = SecureBuffer::fromBytes(std::move(source));
        QCOMPARE(other, QByteArray("shared bytes"));
        QCOMPARE(buffer.view(), QByteArrayView("shared bytes"));
    }

    void fromBytesOfATruncatedArray()
    {
        QByteArray source("secret\r\n");
        source.truncate(6);
        const SecureBuffer buffer = SecureBuffer::fromBytes(std::move(source));
        QCOMPARE(buffer.view(), QByteArrayView("secret"));
    }

    void movedFromIsEmpty()
    {
        SecureBuffer a = SecureBuffer::copyOf("key material");
        SecureBuffer b(std::move(a));
        QVERIFY(a.isEmpty());
        QCOMPARE(a.size(), 0);
        QVERIFY(a.data() == nullptr);
        QCOMPARE(b.view(), QByteArrayView("key material"));

        SecureBuffer c = SecureBuffer::copyOf("older");
        c = std::move(b);
        QVERIFY(b.isEmpty());
        QCOMPARE(c.view(), QByteArrayView("key material"));
    }

    void clearEmpties()
    {
        SecureBuffer buffer = SecureBuffer::copyOf("x");
        QVERIFY(!buffer.isEmpty());
        buffer.clear();
        QVERIFY(buffer.isEmpty());
        QVERIFY(buffer.view().isEmpty());
        buffer.clear(); // twice is harmless
        QVERIFY(buffer.isEmpty());
    }

    void sizedIsZeroFilledAndWritable()
    {
        SecureBuffer buffer(4);
        QCOMPARE(buffer.view(), QByteArrayView(QByteArray(4, '\0')));
        buffer.data()[2] = 'z';
        QCOMPARE(buffer.view(), QByteArrayView(QByteArray("\0\0z\0", 4)));
        QVERIFY(SecureBuffer(0).isEmpty());
        QVERIFY(SecureBuffer(-3).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSecureBuffer)
#include "tst_securebuffer.moc"
