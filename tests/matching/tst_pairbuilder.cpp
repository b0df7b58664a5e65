#include "core/matching/PairBuilder.h"

#include <QtTest>

#include <algorithm>
#include <set>

using fg::ImagePair;
using fg::PairBuilder;

namespace {

bool sortedDistinct(const std::vector<ImagePair>& pairs)
{
    for (std::size_t i = 1; i < pairs.size(); ++i) {
        const ImagePair& a = pairs[i - 1];
        const ImagePair& b = pairs[i];
        if (!(a.left < b.left || (a.left == b.left && a.right < b.right)))
            return false;
    }
    return true;
}

} // namespace

class TestPairBuilder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void allPairsOfASmallSet()
    {
        const QStringList ids{"A", "A", "B", "B", "B", "C"};
        QString error;
        const auto set = PairBuilder::build(ids, &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->genuine, (std::vector<ImagePair>{{0, 1}, {2, 3}, {2, 4}, {3, 4}}));
        QCOMPARE(set->impostor.size(), std::size_t(15 - 4));
        QCOMPARE(set->impostorAvailable, std::uint64_t(11));
        QVERIFY(!set->impostorSampled);
        for (const ImagePair& p : set->impostor)
            QVERIFY(p.left < p.right && ids[p.left] != ids[p.right]);
        QVERIFY(sortedDistinct(set->impostor));
    }

    void sampledImpostors_data()
    {
        QTest::addColumn<int>("identities");
        QTest::addColumn<int>("perIdentity");
        QTest::addColumn<int>("maxImpostors");
        // 11 impostor pairs, 6 wanted: the dense (shuffle) path.
        QTest::newRow("dense") << 3 << 2 << 6;
        // ~2 million impostor pairs, 10,000 wanted: the sparse (draw) path.
        QTest::newRow("sparse") << 1000 << 2 << 10000;
    }
    void sampledImpostors()
    {
        QFETCH(int, identities);
        QFETCH(int, perIdentity);
        QFETCH(int, maxImpostors);
        QStringList ids;
        for (int i = 0; i < identities; ++i)
            for (int j = 0; j < perIdentity; ++j)
                ids << QStringLiteral("person%1").arg(i);
        QString error;
        const auto a = PairBuilder::build(ids, &error, std::uint64_t(maxImpostors));
        QVERIFY2(a, qPrintable(error));
        QVERIFY(a->impostorSampled);
        QCOMPARE(a->impostor.size(), std::size_t(maxImpostors));
        QCOMPARE(a->genuine.size(), std::size_t(identities * perIdentity * (perIdentity - 1) / 2));
        QVERIFY(sortedDistinct(a->impostor));
        for (const ImagePair& p : a->impostor)
            QVERIFY(p.left < p.right && ids[int(p.left)] != ids[int(p.right)]);
        // Same seed, same pairs.
        const auto b = PairBuilder::build(ids, &error, std::uint64_t(maxImpostors));
        QVERIFY(a->impostor == b->impostor);
        // A sample of all impostor pairs, not the first ones in order.
        const auto all = PairBuilder::build(ids, &error, a->impostorAvailable);
        QVERIFY(!all->impostorSampled);
        QCOMPARE(all->impostor.size(), std::size_t(a->impostorAvailable));
        QVERIFY(std::includes(all->impostor.begin(), all->impostor.end(), a->impostor.begin(), a->impostor.end(),
                              [](const ImagePair& x, const ImagePair& y) {
                                  return x.left < y.left || (x.left == y.left && x.right < y.right);
                              }));
        QVERIFY(!std::equal(a->impostor.begin(), a->impostor.end(), all->impostor.begin()));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QString>("reason");
        QTest::newRow("one image") << QStringList{"A"} << "at least two images";
        QTest::newRow("empty identity") << QStringList{"A", " "} << "image 1 has no identity";
    }
    void refusals()
    {
        QFETCH(QStringList, ids);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!PairBuilder::build(ids, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPairBuilder)
#include "tst_pairbuilder.moc"
