#include "ui/render/DetCurvePlot.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace fg {
namespace {

// Log axis from 10^lo to 10^hi mapped onto [from, to] pixels.
struct LogAxis {
    int lo;
    int hi;
    double from;
    double to;
    double map(double v) const
    {
        const double clamped = std::clamp(v, std::pow(10.0, lo), std::pow(10.0, hi));
        return from + (std::log10(clamped) - lo) / double(hi - lo) * (to - from);
    }
};

} // namespace

QImage DetCurvePlot::render(const std::vector<Point>& curve, const std::vector<Marker>& markers, const QString& title,
                            const QString& subtitle, QSize size)
{
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);

    // Axis ranges from the data: the smallest positive rates, rounded down to a decade.
    double minFmr = 1.0, minFnmr = 1.0;
    for (const Point& p : curve) {
        if (p.fmr > 0)
            minFmr = std::min(minFmr, p.fmr);
        if (p.fnmr > 0)
            minFnmr = std::min(minFnmr, p.fnmr);
    }
    const QRectF plot(90, 80, size.width() - 130, size.height() - 160);
    const LogAxis x{std::max(-7, int(std::floor(std::log10(minFmr)))), 0, plot.left(), plot.right()};
    const LogAxis y{std::max(-5, int(std::floor(std::log10(minFnmr)))), 0, plot.bottom(), plot.top()};

    QFont font = painter.font();
    font.setPixelSize(13);
    painter.setFont(font);
    painter.setPen(QPen(QColor(220, 220, 220), 1));
    for (int d = x.lo; d <= x.hi; ++d)
        painter.drawLine(QPointF(x.map(std::pow(10.0, d)), plot.top()), QPointF(x.map(std::pow(10.0, d)), plot.bottom()));
    for (int d = y.lo; d <= y.hi; ++d)
        painter.drawLine(QPointF(plot.left(), y.map(std::pow(10.0, d))), QPointF(plot.right(), y.map(std::pow(10.0, d))));
    painter.setPen(QPen(Qt::black, 1));
    painter.drawRect(plot);
    for (int d = x.lo; d <= x.hi; ++d)
        painter.drawText(QRectF(x.map(std::pow(10.0, d)) - 30, plot.bottom() + 6, 60, 18), Qt::AlignCenter,
                         QStringLiteral("1e%1").arg(d));
    for (int d = y.lo; d <= y.hi; ++d)
        painter.drawText(QRectF(plot.left() - 70, y.map(std::pow(10.0, d)) - 9, 62, 18), Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("1e%1").arg(d));
    painter.drawText(QRectF(plot.left(), plot.bottom() + 30, plot.width(), 20), Qt::AlignCenter,
                     QCoreApplication::translate("fg::DetCurvePlot", "False match rate (FMR)"));
    painter.save();
    painter.translate(22, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-plot.height() / 2, -10, plot.height(), 20), Qt::AlignCenter,
                     QCoreApplication::translate("fg::DetCurvePlot", "False non-match rate (FNMR)"));
    painter.restore();

    QFont big = font;
    big.setPixelSize(17);
    big.setBold(true);
    painter.setFont(big);
    painter.drawText(QRectF(0, 12, size.width(), 26), Qt::AlignCenter, title);
    painter.setFont(font);
    painter.drawText(QRectF(0, 40, size.width(), 20), Qt::AlignCenter, subtitle);

    QPainterPath path;
    bool first = true;
    for (const Point& p : curve) {
        if (p.fmr <= 0.0) // no place on a log axis (threshold above every impostor)
            continue;
        const QPointF at(x.map(p.fmr), y.map(p.fnmr));
        if (first)
            path.moveTo(at);
        else
            path.lineTo(at);
        first = false;
    }
    painter.setClipRect(plot);
    painter.setPen(QPen(QColor(20, 80, 180), 2.5));
    painter.drawPath(path);
    painter.setClipping(false);

    painter.setPen(QPen(QColor(190, 40, 40), 1.5));
    int row = 0;
    for (const Marker& m : markers) {
        const QPointF at(x.map(m.fmr), y.map(m.fnmr));
        painter.drawEllipse(at, 5, 5);
        painter.drawText(QRectF(plot.right() - 330, plot.top() + 8 + 18 * row++, 320, 18), Qt::AlignRight,
                         QCoreApplication::translate("fg::DetCurvePlot", "%1: FNMR %2").arg(m.label).arg(m.fnmr, 0, 'g', 3));
    }
    return image;
}

} // namespace fg
