#include "ui/widgets/ScoreBar.h"

#include <QEvent>
#include <QPainter>

#include <algorithm>

namespace fg {

ScoreBar::ScoreBar(QWidget* parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    retranslate();
}

void ScoreBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ScoreBar::retranslate()
{
    setAccessibleDescription(text());
    setToolTip(text());
    update();
}

void ScoreBar::setScore(std::optional<double> score, double threshold, bool decisive)
{
    m_score = score;
    m_threshold = threshold;
    m_decisive = decisive;
    retranslate();
}

QColor ScoreBar::fillColor() const
{
    if (!m_decisive)
        return QColor(0x9e, 0x9e, 0x9e);
    return m_score && *m_score >= m_threshold ? QColor(0x2e, 0x7d, 0x32) : QColor(0xc6, 0x28, 0x28);
}

QString ScoreBar::text() const
{
    const QString threshold = tr("threshold %1").arg(m_threshold, 0, 'f', 2);
    const QString words =
        m_score ? tr("score %1 · %2").arg(*m_score, 0, 'f', 2).arg(threshold) : tr("no score · %1").arg(threshold);
    return m_decisive ? words : tr("%1 · not decided: the quality checks failed").arg(words);
}

QSize ScoreBar::sizeHint() const
{
    return {320, fontMetrics().height() * 3};
}

QSize ScoreBar::minimumSizeHint() const
{
    return {160, fontMetrics().height() * 3};
}

void ScoreBar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const int line = fontMetrics().height();
    const QRectF bar(1, 1, width() - 2, line * 1.2);
    const auto xOf = [&bar](double value) { return bar.left() + std::clamp(value, 0.0, 1.0) * bar.width(); };

    painter.setPen(QPen(palette().color(QPalette::Mid), 1));
    painter.setBrush(palette().color(QPalette::Base));
    painter.drawRect(bar);
    if (m_score) {
        QRectF filled = bar;
        filled.setRight(xOf(*m_score));
        painter.setPen(Qt::NoPen);
        painter.setBrush(fillColor());
        painter.drawRect(filled);
    }
    // The threshold: a dark tick across the bar, labelled below it.
    const double x = xOf(m_threshold);
    painter.setPen(QPen(palette().color(QPalette::WindowText), 3));
    painter.drawLine(QPointF(x, bar.top() - 1), QPointF(x, bar.bottom() + 4));
    painter.setPen(palette().color(QPalette::WindowText));
    const QRectF labels(bar.left(), bar.bottom() + 4, bar.width(), line * 1.5);
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, text());
}

} // namespace fg
