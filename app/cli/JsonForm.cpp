#include "app/cli/JsonForm.h"

#include <QJsonArray>

namespace fg::cli {
namespace {
double rounded(double v, int places = 2)
{
    const double scale = std::pow(10.0, places);
    return std::round(v * scale) / scale;
}
} // namespace

QJsonObject toJson(const QualityReport& report)
{
    return report.toJson();
}

QJsonObject toJson(const Face& face, bool withQuality)
{
    const cv::Rect2f& b = face.detection.box;
    QJsonArray points;
    for (const cv::Point2f& p : face.landmarks.alignmentPoints())
        points.append(QJsonArray{rounded(p.x, 1), rounded(p.y, 1)});
    QJsonObject object{{QStringLiteral("box"),
                        QJsonObject{{QStringLiteral("x"), rounded(b.x, 1)},
                                    {QStringLiteral("y"), rounded(b.y, 1)},
                                    {QStringLiteral("width"), rounded(b.width, 1)},
                                    {QStringLiteral("height"), rounded(b.height, 1)}}},
                       {QStringLiteral("score"), rounded(face.detection.score, 4)},
                       {QStringLiteral("points5"), points}};
    if (withQuality)
        object.insert(QStringLiteral("quality"), toJson(face.quality));
    return object;
}

} // namespace fg::cli
