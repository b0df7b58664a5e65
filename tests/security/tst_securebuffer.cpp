#include "core/security/SecureBuffer.h"

#include <QFile>
#include <QTest>

#include <unistd.h>

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

    // Issue 18: secrets are locked in memory (never swapped out), each in
    // pages of its own (unlocking one never unlocks another's page), and
    // unlocked when freed. Read from the kernel: VmLck of /proc/self/status.
    void secretsAreLockedInPagesOfTheirOwn()
    {
        const auto lockedKiB = [] {
            QFile status(QStringLiteral("/proc/self/status"));
            if (!status.open(QIODevice::ReadOnly))
                return qint64(-1);
            for (const QByteArray& line : status.readAll().split('\n')) {
                if (line.startsWith("VmLck:"))
                    return line.mid(6).trimmed().split(' ').front().toLongLong();
            }
            return qint64(-1);
        };
        const qint64 before = lockedKiB();
        QVERIFY(before >= 0);
        const auto page = qint64(::sysconf(_SC_PAGESIZE));
        {
            SecureBuffer key(32);
            SecureBuffer password(100);
            if (!key.isLocked())
                QSKIP("RLIMIT_MEMLOCK leaves nothing to lock here (ulimit -l); CI runs as root");
            QVERIFY(password.isLocked());
            QCOMPARE(quintptr(key.data()) % quintptr(page), quintptr(0));
            QCOMPARE(quintptr(password.data()) % quintptr(page), quintptr(0));
            QCOMPARE(lockedKiB(), before + 2 * page / 1024);
            QCOMPARE(key.view(), QByteArrayView(QByteArray(32, '\0')));
            SecureBuffer moved = std::move(key); // the lock goes with the bytes
            QVERIFY(moved.isLocked());
            QVERIFY(!key.isLocked());
            QCOMPARE(lockedKiB(), before + 2 * page / 1024);
        }
        QCOMPARE(lockedKiB(), before);
    }
};

QTEST_GUILESS_MAIN(TestSecureBuffer)
#include "tst_securebuffer.moc"
