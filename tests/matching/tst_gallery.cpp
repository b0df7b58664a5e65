#include "core/matching/Gallery.h"
#include "tests/matching/RandomTemplates.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cstdint>
#include <numeric>

using fg::Gallery;
using fg::SearchMode;
using fg::SearchOptions;
using fg::Template;

namespace {

const QString kModel = QStringLiteral("arcface-r100-v1");

fg::GalleryEntry entryFor(int i)
{
    return fg::GalleryEntry{QStringLiteral("T%1").arg(i, 6, 10, QLatin1Char('0')), QStringLiteral("Name %1").arg(i),
                            QStringLiteral("FRA"), QStringLiteral("DOC%1").arg(i), QStringLiteral("photos/%1.jpg").arg(i)};
}

// Gallery of n random templates, plus the templates themselves.
Gallery randomGallery(int n, fg::test::RandomTemplates& random, std::vector<Template>* kept = nullptr)
{
    Gallery g(kModel);
    g.reserve(n);
    for (int i = 0; i < n; ++i) {
        const Template t = random.make(kModel);
        QString error;
        if (!g.add(entryFor(i), t, &error))
            qFatal("%s", qPrintable(error));
        if (kept)
            kept->push_back(t);
    }
    return g;
}

// Naive reference: double-precision scores of every row, sorted.
std::vector<std::pair<double, qsizetype>> reference(const std::vector<Template>& rows, const Template& probe)
{
    std::vector<std::pair<double, qsizetype>> out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        double s = 0.0;
        for (int i = 0; i < Template::kDimension; ++i)
            s += double(rows[r].values()[std::size_t(i)]) * double(probe.values()[std::size_t(i)]);
        out.emplace_back(s, qsizetype(r));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    return out;
}

int topIndex(const Gallery& g, const Template& probe, SearchOptions options)
{
    QString error;
    const auto hits = g.identify(probe, 1, options, &error);
    return hits && !hits->empty() ? int(hits->front().index) : -1;
}

} // namespace

class TestGallery : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void storageIsContiguousAndAligned()
    {
        fg::test::RandomTemplates random(1);
        std::vector<Template> kept;
        const Gallery g = randomGallery(37, random, &kept);
        QCOMPARE(g.size(), 37);
        QCOMPARE(reinterpret_cast<std::uintptr_t>(g.data()) % 64, std::uintptr_t(0));
        for (int r = 0; r < 37; ++r) {
            QCOMPARE(g.vector(r).data(), g.data() + r * Template::kDimension);
            QVERIFY(std::equal(kept[std::size_t(r)].values().begin(), kept[std::size_t(r)].values().end(),
                               g.vector(r).begin()));
            QCOMPARE(g.entry(r).travelerId, entryFor(r).travelerId);
        }
    }

    void addRefusals_data()
    {
        QTest::addColumn<QString>("travelerId");
        QTest::addColumn<QString>("model");
        QTest::addColumn<bool>("nullTemplate");
        QTest::addColumn<QString>("reason");
        QTest::newRow("other model") << "T1" << "facenet-v2" << false << "made by model \"facenet-v2\"";
        QTest::newRow("null template") << "T1" << kModel << true << "template is empty";
        QTest::newRow("no traveler id") << "" << kModel << false << "traveler id is empty";
    }
    void addRefusals()
    {
        QFETCH(QString, travelerId);
        QFETCH(QString, model);
        QFETCH(bool, nullTemplate);
        QFETCH(QString, reason);
        fg::test::RandomTemplates random(2);
        Gallery g(kModel);
        fg::GalleryEntry e = entryFor(1);
        e.travelerId = travelerId;
        QString error;
        QVERIFY(!g.add(e, nullTemplate ? Template() : random.make(model), &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QCOMPARE(g.size(), 0);
    }

    void identifyRefusals()
    {
        fg::test::RandomTemplates random(3);
        const Gallery g = randomGallery(10, random);
        QString error;
        QVERIFY(!g.identify(Template(), 5, &error));
        QVERIFY2(error.contains("probe template is empty"), qPrintable(error));
        QVERIFY(!g.identify(random.make("facenet-v2"), 5, &error));
        QVERIFY2(error.contains("probe made by model \"facenet-v2\""), qPrintable(error));
        QVERIFY(!g.identify(random.make(kModel), 0, &error));
        QVERIFY2(error.contains("asked for 0 candidates"), qPrintable(error));
    }

    void emptyAndSmallGalleries()
    {
        fg::test::RandomTemplates random(4);
        QString error;
        const auto none = Gallery(kModel).identify(random.make(kModel), 3, &error);
        QVERIFY2(none, qPrintable(error));
        QVERIFY(none->empty());
        const Gallery g = randomGallery(4, random);
        for (SearchMode mode : {SearchMode::ExactFp32, SearchMode::Int8, SearchMode::Prefilter, SearchMode::SignHamming}) {
            const auto hits = g.identify(random.make(kModel), 10, SearchOptions{mode, 1, 0}, &error);
            QVERIFY2(hits, qPrintable(error));
            QCOMPARE(hits->size(), std::size_t(4));
        }
    }

    void exactTopKMatchesReference_data()
    {
        QTest::addColumn<int>("rows");
        QTest::addColumn<int>("topK");
        QTest::addColumn<int>("threads");
        QTest::newRow("1000 rows, top 1") << 1000 << 1 << 1;
        QTest::newRow("1000 rows, top 10") << 1000 << 10 << 1;
        QTest::newRow("257 rows, top 50") << 257 << 50 << 1;
        QTest::newRow("70000 rows, top 5, 2 threads") << 70000 << 5 << 2;
    }
    void exactTopKMatchesReference()
    {
        QFETCH(int, rows);
        QFETCH(int, topK);
        QFETCH(int, threads);
        fg::test::RandomTemplates random(5);
        std::vector<Template> kept;
        const Gallery g = randomGallery(rows, random, &kept);
        for (int q = 0; q < 5; ++q) {
            // Mated and unmated probes.
            const Template probe = q % 2 ? random.mated(kept[std::size_t(q * 7)], 0.6) : random.make(kModel);
            const auto expected = reference(kept, probe);
            QString error;
            const auto hits = g.identify(probe, topK, SearchOptions{SearchMode::ExactFp32, threads, 0}, &error);
            QVERIFY2(hits, qPrintable(error));
            QCOMPARE(hits->size(), std::size_t(topK));
            for (std::size_t i = 0; i < hits->size(); ++i) {
                const fg::Candidate& c = (*hits)[i];
                // Same scores in the same order (float vs double: 1e-5).
                QVERIFY(std::abs(double(c.score) - expected[i].first) < 1e-5);
                const double own = expected[std::size_t(std::find_if(expected.begin(), expected.end(),
                                                                     [&](const auto& e) { return e.second == c.index; })
                                                        - expected.begin())]
                                       .first;
                QVERIFY(std::abs(double(c.score) - own) < 1e-5);
                QCOMPARE(c.travelerId, entryFor(int(c.index)).travelerId);
                if (i > 0)
                    QVERIFY((*hits)[i - 1].score >= c.score);
            }
            if (q % 2)
                QCOMPARE(hits->front().index, qsizetype(q * 7));
            if (threads > 1) {
                const auto single = g.identify(probe, topK, &error);
                for (std::size_t i = 0; i < hits->size(); ++i)
                    QCOMPARE((*hits)[i].index, (*single)[i].index);
                for (SearchMode mode : {SearchMode::Int8, SearchMode::Prefilter, SearchMode::SignHamming}) {
                    const auto one = g.identify(probe, topK, SearchOptions{mode, 1, 0}, &error);
                    const auto two = g.identify(probe, topK, SearchOptions{mode, threads, 0}, &error);
                    for (std::size_t i = 0; i < one->size(); ++i)
                        QCOMPARE((*two)[i].index, (*one)[i].index);
                }
            }
        }
    }

    void approximateRecallOnMatedQueries_data()
    {
        QTest::addColumn<int>("mode");
        QTest::newRow("int8") << int(SearchMode::Int8);
        QTest::newRow("prefilter") << int(SearchMode::Prefilter);
        QTest::newRow("sign hamming") << int(SearchMode::SignHamming);
    }
    void approximateRecallOnMatedQueries()
    {
        QFETCH(int, mode);
        fg::test::RandomTemplates random(6);
        std::vector<Template> kept;
        const int rows = 20000; // > automatic re-rank count: the prefilter really filters
        QVERIFY(Gallery::automaticRerankCount(rows) < std::size_t(rows));
        const Gallery g = randomGallery(rows, random, &kept);
        const int queries = 200;
        int agree = 0;
        for (int q = 0; q < queries; ++q) {
            const std::size_t mate = std::size_t(q) * 97 % std::size_t(rows);
            const Template probe = random.mated(kept[mate], 0.5 + 0.2 * (q % 10) / 10.0);
            const int exact = topIndex(g, probe, SearchOptions{});
            QCOMPARE(exact, int(mate)); // at cosine >= 0.5 the mate wins among random faces
            agree += topIndex(g, probe, SearchOptions{SearchMode(mode), 1, 0}) == exact ? 1 : 0;
        }
        QVERIFY2(agree >= queries * 98 / 100, qPrintable(QStringLiteral("recall@1 %1/%2").arg(agree).arg(queries)));
    }

    void prefilterRecallOnUnmatedQueries()
    {
        // The hard case: the best of 20000 random rows is only cosine ~0.19.
        fg::test::RandomTemplates random(12);
        const Gallery g = randomGallery(20000, random);
        const int queries = 200;
        int agree = 0;
        for (int q = 0; q < queries; ++q) {
            const Template probe = random.make(kModel);
            agree += topIndex(g, probe, SearchOptions{SearchMode::Prefilter, 1, 0}) == topIndex(g, probe, {}) ? 1 : 0;
        }
        qInfo("prefilter recall@1 on unmated queries: %d/%d", agree, queries);
        QVERIFY2(agree >= queries * 95 / 100, qPrintable(QStringLiteral("recall@1 %1/%2").arg(agree).arg(queries)));
    }

    void approximateScoresAreExact()
    {
        fg::test::RandomTemplates random(8);
        std::vector<Template> kept;
        const Gallery g = randomGallery(3000, random, &kept);
        const Template probe = random.mated(kept[123], 0.6);
        QString error;
        const auto exact = g.identify(probe, 3, &error);
        for (SearchMode mode : {SearchMode::Int8, SearchMode::Prefilter, SearchMode::SignHamming}) {
            const auto hits = g.identify(probe, 3, SearchOptions{mode, 1, 0}, &error);
            QVERIFY2(hits, qPrintable(error));
            QCOMPARE(hits->front().index, qsizetype(123));
            QVERIFY(std::abs(hits->front().score - exact->front().score) < 1e-6f);
        }
        // Re-ranking the whole gallery is the exact search.
        const auto exact10 = g.identify(probe, 10, &error);
        for (SearchMode mode : {SearchMode::Prefilter, SearchMode::SignHamming}) {
            const auto full = g.identify(probe, 10, SearchOptions{mode, 1, 3000}, &error);
            for (std::size_t i = 0; i < 10; ++i)
                QCOMPARE((*full)[i].index, (*exact10)[i].index);
        }
    }

    void saveLoadRoundTrip()
    {
        fg::test::RandomTemplates random(9);
        const Gallery g = randomGallery(300, random);
        QTemporaryDir dir;
        const QString path = dir.filePath("gallery.fgg");
        QString error;
        QVERIFY2(g.save(path, &error), qPrintable(error));
        const std::optional<Gallery> back = Gallery::load(path, kModel, &error);
        QVERIFY2(back, qPrintable(error));
        QCOMPARE(back->modelId(), kModel);
        QCOMPARE(back->size(), g.size());
        QVERIFY(std::equal(g.data(), g.data() + g.size() * Template::kDimension, back->data()));
        for (int r = 0; r < g.size(); ++r) {
            QCOMPARE(back->entry(r).travelerId, g.entry(r).travelerId);
            QCOMPARE(back->entry(r).name, g.entry(r).name);
            QCOMPARE(back->entry(r).citizenship, g.entry(r).citizenship);
            QCOMPARE(back->entry(r).documentNumber, g.entry(r).documentNumber);
            QCOMPARE(back->entry(r).photoPath, g.entry(r).photoPath);
        }
        const Template probe = random.make(kModel);
        for (SearchMode mode : {SearchMode::ExactFp32, SearchMode::Int8, SearchMode::Prefilter, SearchMode::SignHamming}) {
            const auto a = g.identify(probe, 5, SearchOptions{mode, 1, 50}, &error);
            const auto b = back->identify(probe, 5, SearchOptions{mode, 1, 50}, &error);
            for (std::size_t i = 0; i < 5; ++i)
                QCOMPARE((*a)[i].index, (*b)[i].index);
        }
        // An empty gallery round-trips too.
        QVERIFY(Gallery("m").save(dir.filePath("empty.fgg"), &error));
        QCOMPARE(Gallery::load(dir.filePath("empty.fgg"), "m", &error)->size(), 0);
    }

    void loadRefusals_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("expectedModel");
        QTest::addColumn<QString>("reason");
        QTest::newRow("flipped value byte") << "flip-value" << kModel << "damaged (checksum mismatch)";
        QTest::newRow("flipped entry byte") << "flip-entry" << kModel << "damaged";
        QTest::newRow("flipped checksum") << "flip-checksum" << kModel << "damaged (checksum mismatch)";
        QTest::newRow("truncated") << "truncate" << kModel << "truncated";
        QTest::newRow("cut to 6 bytes") << "cut6" << kModel << "truncated";
        QTest::newRow("wrong magic") << "magic" << kModel << "not a FaceGate gallery file";
        QTest::newRow("future version") << "version" << kModel << "format version 9";
        QTest::newRow("other model") << "none" << "facenet-v2"
                                     << "made by model \"arcface-r100-v1\", this pipeline uses \"facenet-v2\"";
        QTest::newRow("missing file") << "delete" << kModel << "cannot open gallery file";
    }
    void loadRefusals()
    {
        QFETCH(QString, damage);
        QFETCH(QString, expectedModel);
        QFETCH(QString, reason);
        fg::test::RandomTemplates random(10);
        const Gallery g = randomGallery(20, random);
        QTemporaryDir dir;
        const QString path = dir.filePath("gallery.fgg");
        QString error;
        QVERIFY(g.save(path, &error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray bytes = file.readAll();
        file.close();
        const qsizetype rowsStart = bytes.size() - 32 - 20 * Template::kDimension * 4;
        if (damage == "flip-value")
            bytes[rowsStart + 1000] = char(bytes[rowsStart + 1000] ^ 0x04);
        else if (damage == "flip-entry")
            bytes[rowsStart - 3] = char(bytes[rowsStart - 3] ^ 0x01);
        else if (damage == "flip-checksum")
            bytes[bytes.size() - 5] = char(bytes[bytes.size() - 5] ^ 0x10);
        else if (damage == "truncate")
            bytes.chop(700);
        else if (damage == "cut6")
            bytes = bytes.left(6);
        else if (damage == "magic")
            bytes[1] = 'X';
        else if (damage == "version")
            bytes[4] = 9;
        if (damage == "delete") {
            QVERIFY(QFile::remove(path));
        } else {
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(bytes);
            file.close();
        }
        QVERIFY(!Gallery::load(path, expectedModel, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        if (damage != "delete")
            QVERIFY2(error.contains(path), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestGallery)
#include "tst_gallery.moc"
