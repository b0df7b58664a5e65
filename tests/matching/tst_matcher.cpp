#include "core/matching/Matcher.h"
#include "tests/matching/RandomTemplates.h"

#include <QtTest>

#include <cmath>

using fg::Matcher;
using fg::Template;

namespace {

const QString kModel = QStringLiteral("arcface-r100-v1");

Template basis(std::initializer_list<std::pair<int, float>> components, const QString& model = kModel)
{
    std::vector<float> v(Template::kDimension, 0.0f);
    for (const auto& [index, value] : components)
        v[std::size_t(index)] = value;
    return Template(model, v);
}

} // namespace

Q_DECLARE_METATYPE(fg::Template)

class TestMatcher : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownCosines_data()
    {
        QTest::addColumn<Template>("a");
        QTest::addColumn<Template>("b");
        QTest::addColumn<float>("expected");
        QTest::newRow("same") << basis({{0, 1.0f}}) << basis({{0, 2.0f}}) << 1.0f;
        QTest::newRow("orthogonal") << basis({{0, 1.0f}}) << basis({{511, 1.0f}}) << 0.0f;
        QTest::newRow("opposite") << basis({{7, 1.0f}}) << basis({{7, -3.0f}}) << -1.0f;
        QTest::newRow("45 degrees") << basis({{0, 1.0f}}) << basis({{0, 1.0f}, {1, 1.0f}}) << float(std::sqrt(0.5));
        QTest::newRow("3-4-5") << basis({{0, 3.0f}, {1, 4.0f}}) << basis({{1, 1.0f}}) << 0.8f;
    }
    void knownCosines()
    {
        QFETCH(Template, a);
        QFETCH(Template, b);
        QFETCH(float, expected);
        QString error;
        const std::optional<float> score = Matcher::compare(a, b, &error);
        QVERIFY2(score, qPrintable(error));
        QVERIFY2(std::abs(*score - expected) < 1e-6f, qPrintable(QString::number(*score)));
        QCOMPARE(*Matcher::compare(b, a, &error), *score); // symmetric
    }

    void randomMatchesDoubleReference()
    {
        fg::test::RandomTemplates random(3);
        for (int i = 0; i < 50; ++i) {
            const Template a = random.make(kModel);
            const Template b = random.mated(a, 0.6);
            double reference = 0.0;
            for (int k = 0; k < Template::kDimension; ++k)
                reference += double(a.values()[std::size_t(k)]) * double(b.values()[std::size_t(k)]);
            QString error;
            QVERIFY(std::abs(double(*Matcher::compare(a, b, &error)) - reference) < 1e-5);
        }
    }

    void refusals_data()
    {
        QTest::addColumn<Template>("a");
        QTest::addColumn<Template>("b");
        QTest::addColumn<QString>("reason");
        QTest::newRow("first null") << Template() << basis({{0, 1.0f}}) << "first template is empty";
        QTest::newRow("second null") << basis({{0, 1.0f}}) << Template() << "second template is empty";
        QTest::newRow("other model") << basis({{0, 1.0f}}) << basis({{0, 1.0f}}, "facenet-v2")
                                     << "different models (\"arcface-r100-v1\" and \"facenet-v2\")";
    }
    void refusals()
    {
        QFETCH(Template, a);
        QFETCH(Template, b);
        QFETCH(QString, reason);
        QString error;
        QVERIFY(!Matcher::compare(a, b, &error));
        QVERIFY2(error.contains(reason), qPrintable(error));
        QVERIFY(!Matcher::decide(a, b, 0.5f, &error));
    }

    void decisionAtThreshold_data()
    {
        QTest::addColumn<float>("threshold");
        QTest::addColumn<bool>("isMatch");
        QTest::newRow("below score") << 0.7f << true;
        QTest::newRow("equal to score") << 0.8f << true; // score >= threshold
        QTest::newRow("above score") << 0.81f << false;
    }
    void decisionAtThreshold()
    {
        QFETCH(float, threshold);
        QFETCH(bool, isMatch);
        // Exactly 0.8 after normalisation: (3,4)/5 . (0,1).
        const Template a = basis({{0, 3.0f}, {1, 4.0f}});
        const Template b = basis({{1, 1.0f}});
        QString error;
        const std::optional<fg::Decision> d = Matcher::decide(a, b, threshold, &error);
        QVERIFY2(d, qPrintable(error));
        QCOMPARE(d->score, *Matcher::compare(a, b, &error));
        QCOMPARE(d->threshold, threshold);
        QCOMPARE(d->isMatch, d->score >= threshold);
        QCOMPARE(d->isMatch, isMatch);
    }
};

QTEST_GUILESS_MAIN(TestMatcher)
#include "tst_matcher.moc"
