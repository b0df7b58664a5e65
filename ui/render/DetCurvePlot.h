#pragma once

#include <QImage>
#include <QString>

#include <vector>

namespace fg {

// Draws a DET curve (FNMR against FMR, both on log axes, as ISO/IEC 19795-1
// plots them) into an image with QPainter. The axis titles are in the
// interface language when a translator is installed (context
// "fg::DetCurvePlot"); facegate-cli installs none, so its reports are English.
class DetCurvePlot {
public:
    struct Point {
        double fmr = 0;
        double fnmr = 0;
    };
    struct Marker {
        double fmr = 0;
        double fnmr = 0;
        QString label;
    };

    static QImage render(const std::vector<Point>& curve, const std::vector<Marker>& markers, const QString& title,
                         const QString& subtitle, QSize size = QSize(900, 700));
};

} // namespace fg
