#include "core/matching/VectorKernels.h"

#include <QtTest>

#include <bit>
#include <cmath>
#include <random>
#include <vector>

namespace k = fg::kernels;

class TestVectorKernels : public QObject {
    Q_OBJECT

private:
    std::mt19937_64 m_rng{42};

    std::vector<float> floats(std::size_t n)
    {
        std::normal_distribution<float> normal(0.0f, 1.0f);
        std::vector<float> v(n);
        for (float& x : v)
            x = normal(m_rng);
        return v;
    }

private Q_SLOTS:
    void initTestCase() { qInfo("AVX2/FMA kernels in use: %s", k::usesAvx2() ? "yes" : "no (generic)"); }

    void lengths_data()
    {
        QTest::addColumn<int>("n");
        for (int n : {0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 32, 33, 63, 100, 511, 512, 513, 1001})
            QTest::newRow(qPrintable(QString::number(n))) << n;
    }

    void dotF32_data() { lengths_data(); }
    void dotF32()
    {
        QFETCH(int, n);
        // +1: unaligned starts.
        const std::vector<float> a = floats(std::size_t(n) + 1);
        const std::vector<float> b = floats(std::size_t(n) + 1);
        double reference = 0.0;
        for (int i = 0; i < n; ++i)
            reference += double(a[std::size_t(i) + 1]) * double(b[std::size_t(i) + 1]);
        const float generic = k::dotF32Generic(a.data() + 1, b.data() + 1, std::size_t(n));
        const float dispatched = k::dotF32(a.data() + 1, b.data() + 1, std::size_t(n));
        const double tolerance = 1e-5 * std::max(1.0, std::sqrt(double(n)));
        QVERIFY2(std::abs(generic - reference) < tolerance, qPrintable(QString::number(generic - reference)));
        QVERIFY2(std::abs(dispatched - reference) < tolerance, qPrintable(QString::number(dispatched - reference)));
    }

    void dotRowsF32_data() { lengths_data(); }
    void dotRowsF32()
    {
        QFETCH(int, n);
        const std::size_t rows = 7; // odd: exercises the two-row loop and its tail
        const std::vector<float> m = floats(rows * std::size_t(n));
        const std::vector<float> q = floats(std::size_t(n));
        std::vector<float> generic(rows), dispatched(rows);
        k::dotRowsF32Generic(m.data(), rows, std::size_t(n), q.data(), generic.data());
        k::dotRowsF32(m.data(), rows, std::size_t(n), q.data(), dispatched.data());
        for (std::size_t r = 0; r < rows; ++r) {
            const float single = k::dotF32Generic(m.data() + r * std::size_t(n), q.data(), std::size_t(n));
            QCOMPARE(generic[r], single);
            QVERIFY(std::abs(dispatched[r] - single) < 1e-4f * std::max(1.0f, std::sqrt(float(n))));
        }
    }

    void dotI8_data() { lengths_data(); }
    void dotI8()
    {
        QFETCH(int, n);
        std::uniform_int_distribution<int> value(-127, 127);
        std::vector<std::int8_t> a(std::size_t(n) + 1), b(std::size_t(n) + 1);
        for (std::size_t i = 0; i < a.size(); ++i) {
            a[i] = std::int8_t(value(m_rng));
            b[i] = std::int8_t(value(m_rng));
        }
        // Extremes: +-127 products must not saturate.
        if (n > 2) {
            a[1] = 127, b[1] = 127, a[2] = -127, b[2] = -127;
        }
        std::int64_t reference = 0;
        for (int i = 1; i <= n; ++i)
            reference += std::int64_t(a[std::size_t(i)]) * b[std::size_t(i)];
        QCOMPARE(std::int64_t(k::dotI8Generic(a.data() + 1, b.data() + 1, std::size_t(n))), reference);
        QCOMPARE(std::int64_t(k::dotI8(a.data() + 1, b.data() + 1, std::size_t(n))), reference);
        std::vector<std::int8_t> maxA(std::size_t(n), 127), maxB(std::size_t(n), 127);
        QCOMPARE(k::dotI8(maxA.data(), maxB.data(), std::size_t(n)), 127 * 127 * n);
    }

    void hamming_data()
    {
        QTest::addColumn<int>("words");
        for (int w : {0, 1, 2, 3, 4, 5, 7, 8, 9, 16, 17})
            QTest::newRow(qPrintable(QString::number(w))) << w;
    }
    void hamming()
    {
        QFETCH(int, words);
        const auto nw = std::size_t(words);
        const std::size_t rows = 5;
        std::vector<std::uint64_t> codes(rows * nw + 1), q(nw);
        for (auto& c : codes)
            c = m_rng();
        for (auto& c : q)
            c = m_rng();
        if (words > 0)
            codes[1] = ~q[0]; // 64 differing bits in the first word of row 0
        std::vector<std::uint16_t> generic(rows), dispatched(rows);
        k::hammingRowsGeneric(codes.data() + 1, rows, nw, q.data(), generic.data());
        k::hammingRows(codes.data() + 1, rows, nw, q.data(), dispatched.data());
        for (std::size_t r = 0; r < rows; ++r) {
            std::uint32_t reference = 0;
            for (std::size_t w = 0; w < nw; ++w)
                reference += std::uint32_t(std::popcount(codes[1 + r * nw + w] ^ q[w]));
            const std::uint64_t* row = codes.data() + 1 + r * nw;
            QCOMPARE(k::hammingGeneric(row, q.data(), nw), reference);
            QCOMPARE(k::hamming(row, q.data(), nw), reference);
            QCOMPARE(std::uint32_t(generic[r]), reference);
            QCOMPARE(std::uint32_t(dispatched[r]), reference);
        }
        QCOMPARE(k::hamming(q.data(), q.data(), nw), 0u);
    }

    void signScanBlocks_data()
    {
        QTest::addColumn<int>("blocks");
        for (int b : {0, 1, 2, 5})
            QTest::newRow(qPrintable(QString::number(b))) << b;
    }
    void signScanBlocks()
    {
        QFETCH(int, blocks);
        const auto nb = std::size_t(blocks);
        std::vector<std::uint8_t> codes(nb * k::kSignBlockBytes + 1);
        for (auto& c : codes)
            c = std::uint8_t(m_rng());
        std::vector<std::int8_t> luts(128 * 16);
        std::uniform_int_distribution<int> entry(-63, 63);
        for (auto& e : luts)
            e = std::int8_t(entry(m_rng));
        luts[0] = 63, luts[16] = 63; // extreme entries side by side
        std::vector<std::int16_t> generic(nb * k::kSignBlockRows), dispatched(nb * k::kSignBlockRows);
        // +1: codes need not be aligned.
        k::signScanBlocksGeneric(codes.data() + 1, nb, luts.data(), generic.data());
        k::signScanBlocks(codes.data() + 1, nb, luts.data(), dispatched.data());
        for (std::size_t b = 0; b < nb; ++b) {
            for (std::size_t r = 0; r < k::kSignBlockRows; ++r) {
                // Reference from the definition: nibble j of the row's 64-byte code.
                int reference = 0;
                for (std::size_t j = 0; j < 128; ++j) {
                    const std::uint8_t byte = codes[1 + b * k::kSignBlockBytes + (j / 2) * k::kSignBlockRows + r];
                    const int nibble = j % 2 ? byte >> 4 : byte & 0x0f;
                    reference += luts[j * 16 + std::size_t(nibble)];
                }
                QCOMPARE(int(generic[b * k::kSignBlockRows + r]), reference);
                QCOMPARE(int(dispatched[b * k::kSignBlockRows + r]), reference);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestVectorKernels)
#include "tst_vectorkernels.moc"
