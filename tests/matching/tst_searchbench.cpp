#include "app/bench/SearchBench.h"

#include <QJsonArray>
#include <QtTest>

// Checks the report of `bench search` (its structure and the recall figures
// on a small gallery), never its timings.
class TestSearchBench : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void smallGalleryReport()
    {
        QString error;
        const QJsonObject r = fg::cli::runSearchBenchmark(3000, 40, &error);
        QVERIFY2(!r.isEmpty(), qPrintable(error));
        QCOMPARE(r.value("gallery_size").toInteger(), 3000);
        QCOMPARE(r.value("queries_mated").toInt(), 40);
        const double cosine = r.value("mated_mean_cosine").toDouble();
        QVERIFY2(cosine > 0.5 && cosine < 0.7, qPrintable(QString::number(cosine)));
        QCOMPARE(r.value("exact_mated_rank1_rate").toDouble(), 1.0);
        const QJsonArray modes = r.value("modes").toArray();
        QStringList names;
        for (const QJsonValue& m : modes) {
            const QJsonObject o = m.toObject();
            names << o.value("name").toString();
            QVERIFY(o.value("ms_per_query").toDouble() > 0.0);
            QVERIFY(std::abs(o.value("qps").toDouble() * o.value("ms_per_query").toDouble() - 1000.0) < 1e-6);
            const QJsonObject recall = o.value("recall_at_1_vs_exact_fp32").toObject();
            QVERIFY2(recall.value("mated").toDouble() >= 0.95, qPrintable(o.value("name").toString()));
            QVERIFY(recall.value("unmated").toDouble() >= 0.0 && recall.value("unmated").toDouble() <= 1.0);
            QCOMPARE(o.contains("speedup_vs_faiss"), r.value("faiss_available").toBool());
        }
        QStringList expected{"fp32_exact_1_thread", "fp32_exact_2_threads", "int8", "prefilter_rerank", "prefilter_rerank_2_threads",
                             "sign_hamming_rerank"};
        if (r.value("faiss_available").toBool())
            expected << "faiss_flat_ip";
        QCOMPARE(names, expected);
        // Exact against itself, and FAISS (exact too) agrees with it.
        QCOMPARE(modes.at(0).toObject().value("recall_at_1_vs_exact_fp32").toObject().value("unmated").toDouble(), 1.0);
#ifdef FACEGATE_HAVE_FAISS
        QVERIFY(r.value("faiss_available").toBool());
#endif
    }

    void refusesBadSizes_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::newRow("zero") << qint64(0);
        QTest::newRow("negative") << qint64(-5);
        QTest::newRow("too large") << qint64(30'000'000);
    }
    void refusesBadSizes()
    {
        QFETCH(qint64, size);
        QString error;
        QVERIFY(fg::cli::runSearchBenchmark(size, &error).isEmpty());
        QVERIFY2(error.contains(QString::number(size)), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestSearchBench)
#include "tst_searchbench.moc"
