// Inspection: 1:1 against the document, 1:N against the flight's gallery,
// decided against the calibrated threshold; NO FACE and POOR QUALITY.
// Synthetic unit templates: no models needed.
#include "core/workflow/Inspection.h"

#include <QRandomGenerator>
#include <QTest>

#include <cmath>

using namespace fg;

namespace {

const QString kModel = QStringLiteral("test-model");
constexpr double kThreshold = 0.35;

// A calibration for the test model only.
Inspection::ThresholdSource testThresholds()
{
    return [](const QString& modelId, double, QString* error) -> std::optional<double> {
        if (modelId == kModel)
            return kThreshold;
        *error = QStringLiteral("no calibration for model %1").arg(modelId);
        return std::nullopt;
    };
}

Template unitTemplate(std::vector<float> values, const QString& model = kModel)
{
    double norm = 0;
    for (float v : values)
        norm += double(v) * double(v);
    for (float& v : values)
        v = float(double(v) / std::sqrt(norm));
    return Template(model, std::move(values));
}

Template randomTemplate(QRandomGenerator& random, const QString& model = kModel)
{
    std::vector<float> values(Template::kDimension);
    for (float& v : values)
        v = float(random.generateDouble() - 0.5);
    return unitTemplate(std::move(values), model);
}

// The same person, another photo: the template plus some noise (cosine about 0.7).
Template nearby(const Template& base, QRandomGenerator& random)
{
    std::vector<float> values(base.values().begin(), base.values().end());
    for (float& v : values)
        v += float((random.generateDouble() - 0.5) * 0.06);
    return unitTemplate(std::move(values));
}

} // namespace

class TestInspection : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void refusesWithoutAReference()
    {
        Inspection inspection(1e-3, testThresholds());
        QRandomGenerator random(1);
        QString error;
        QVERIFY(!inspection.decide(true, true, randomTemplate(random), &error));
        QVERIFY2(error.contains(QStringLiteral("manifest")), qPrintable(error));
    }

    void oneToOne()
    {
        QRandomGenerator random(2);
        const Template document = randomTemplate(random);
        Inspection inspection(1e-3, testThresholds());
        QString error;
        const ReferencePerson holder{QStringLiteral("T1"), QStringLiteral("Anna Eriksson"), QStringLiteral("UTO"),
                                     QStringLiteral("L898902C3"), QStringLiteral("/docs/anna.jpg")};
        QVERIFY2(inspection.useDocument(document, holder, &error), qPrintable(error));
        QCOMPARE(inspection.mode(), Inspection::Mode::OneToOne);

        const auto same = inspection.decide(true, true, nearby(document, random), &error);
        QVERIFY2(same, qPrintable(error));
        QCOMPARE(same->decision, Encounter::Decision::Match);
        QVERIFY(*same->score >= kThreshold && *same->score < 1.0);
        QCOMPARE(same->reference->name, holder.name);
        QCOMPARE(same->threshold, kThreshold);

        const auto other = inspection.decide(true, true, randomTemplate(random), &error);
        QVERIFY2(other, qPrintable(error));
        QCOMPARE(other->decision, Encounter::Decision::NoMatch);
        QVERIFY(*other->score < kThreshold);

        // A failing capture: POOR QUALITY, its score still shown.
        const auto poor = inspection.decide(true, false, nearby(document, random), &error);
        QVERIFY2(poor, qPrintable(error));
        QCOMPARE(poor->decision, Encounter::Decision::PoorQuality);
        QVERIFY(poor->score);
        QVERIFY(!poor->reason.isEmpty());

        const auto none = inspection.decide(false, false, std::nullopt, &error);
        QVERIFY2(none, qPrintable(error));
        QCOMPARE(none->decision, Encounter::Decision::NoFace);
        QVERIFY(!none->score);

        // Another model's template is refused, not scored.
        QVERIFY(!inspection.decide(true, true, randomTemplate(random, QStringLiteral("other-model")), &error));
        QVERIFY2(error.contains(QStringLiteral("other-model")) || error.contains(QStringLiteral("model")), qPrintable(error));
    }

    void oneToMany()
    {
        QRandomGenerator random(3);
        auto gallery = std::make_shared<Gallery>(kModel);
        std::vector<Template> members;
        QString error;
        for (int i = 0; i < 40; ++i) {
            members.push_back(randomTemplate(random));
            const GalleryEntry entry{QStringLiteral("T%1").arg(i), QStringLiteral("Traveler %1").arg(i),
                                     QStringLiteral("FRA"), QStringLiteral("D%1").arg(i), QStringLiteral("/m/%1.jpg").arg(i)};
            QVERIFY2(gallery->add(entry, members.back(), &error), qPrintable(error));
        }
        Inspection inspection(1e-3, testThresholds());
        QVERIFY2(inspection.useGallery(gallery, QStringLiteral("UA 901"), &error), qPrintable(error));
        QCOMPARE(inspection.mode(), Inspection::Mode::OneToMany);

        const auto found = inspection.decide(true, true, nearby(members[17], random), &error);
        QVERIFY2(found, qPrintable(error));
        QCOMPARE(found->decision, Encounter::Decision::Match);
        QCOMPARE(found->reference->travelerId, QStringLiteral("T17"));
        QCOMPARE(found->reference->photoPath, QStringLiteral("/m/17.jpg"));
        QCOMPARE(int(found->candidates.size()), Inspection::kCandidates);
        for (size_t i = 1; i < found->candidates.size(); ++i)
            QVERIFY(found->candidates[i - 1].second >= found->candidates[i].second);
        QCOMPARE(found->candidatesJson().size(), Inspection::kCandidates);

        // Someone not on the flight: the best candidate is shown, the decision is NO MATCH.
        const auto stranger = inspection.decide(true, true, randomTemplate(random), &error);
        QVERIFY2(stranger, qPrintable(error));
        QCOMPARE(stranger->decision, Encounter::Decision::NoMatch);
        QVERIFY(stranger->reference);

        // A gallery of a model without calibration is refused; the loaded one stays.
        auto uncalibrated = std::make_shared<Gallery>(QStringLiteral("other-model"));
        QVERIFY2(uncalibrated->add({QStringLiteral("X"), {}, {}, {}, {}}, randomTemplate(random, QStringLiteral("other-model")), &error),
                 qPrintable(error));
        QVERIFY(!inspection.useGallery(uncalibrated, QStringLiteral("UA 902"), &error));
        QVERIFY2(error.contains(QStringLiteral("no calibration")), qPrintable(error));
        QCOMPARE(inspection.flight(), QStringLiteral("UA 901"));

        QVERIFY(!inspection.useGallery(std::make_shared<Gallery>(kModel), QStringLiteral("empty"), &error));
        QVERIFY2(error.contains(QStringLiteral("empty")), qPrintable(error));
        QCOMPARE(inspection.mode(), Inspection::Mode::OneToMany); // the loaded one stays
    }
};

QTEST_APPLESS_MAIN(TestInspection)
#include "tst_inspection.moc"
