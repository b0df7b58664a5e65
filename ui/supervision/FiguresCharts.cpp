#include "ui/supervision/FiguresCharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <cmath>

namespace fg {
namespace {

// The lowest rate a log axis shows: a rate of 0 (no error in the
// calibration set) is drawn there rather than dropped.
constexpr double kLowestRate = 1e-6;
constexpr int kChartHeight = 300;

const QColor kGenuineColour(0x1b, 0x5e, 0x20);  // dark green, solid
const QColor kImpostorColour(0xb7, 0x1c, 0x1c); // dark red, hatched
const QColor kThresholdColour(0x21, 0x21, 0x21);


QString thresholdText(double threshold)
{
    return QString::number(threshold, 'f', 3);
}

QString fmrText(double fmr)
{
    return QString::number(fmr, 'g', 2);
}

// The operating point of a decision threshold on the calibration table's DET
// curve: the inverse of CalibrationTable::thresholdFor (log10 FMR linear in
// the threshold between the two rows around it). nullopt when the threshold
// is outside the table.
std::optional<DetPoint> operatingPointAt(const CalibrationTable& table, double threshold)
{
    const std::vector<CalibrationRow>& rows = table.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const CalibrationRow& a = rows[i];
        if (a.fmr <= 0.0)
            continue;
        if (threshold == a.threshold)
            return DetPoint{a.fmr, 1.0 - a.tmr};
        if (i + 1 == rows.size())
            break;
        const CalibrationRow& b = rows[i + 1]; // higher FMR, lower threshold
        if (b.fmr <= 0.0 || !(threshold < a.threshold && threshold >= b.threshold))
            continue;
        const double f = (a.threshold - threshold) / (a.threshold - b.threshold);
        const double logFmr = std::log10(a.fmr) + f * (std::log10(b.fmr) - std::log10(a.fmr));
        const double tmr = a.tmr + f * (b.tmr - a.tmr);
        return DetPoint{std::pow(10.0, logFmr), 1.0 - tmr};
    }
    return std::nullopt;
}

// A log axis over whole decades holding [lowest, highest].
void setDecades(QLogValueAxis* axis, double lowest, double highest)
{
    double low = std::pow(10.0, std::floor(std::log10(std::max(lowest, kLowestRate))));
    double high = std::pow(10.0, std::ceil(std::log10(std::max(highest, kLowestRate))));
    if (high <= low)
        high = low * 10.0;
    high = std::min(high, 1.0);
    if (high <= low)
        low = high / 10.0;
    axis->setRange(low, high);
}

QChartView* chartView(QChart* chart, const char* name, QWidget* parent)
{
    auto* view = new QChartView(chart, parent);
    view->setObjectName(QLatin1String(name));
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(kChartHeight);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return view;
}

QLabel* caption(const char* name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(QLatin1String(name));
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

FiguresCharts::FiguresCharts(QWidget* parent)
    : QWidget(parent)
{
    buildCharts();
    m_scoreView = chartView(m_scoreChart, "scoreChart", this);
    m_detView = chartView(m_detChart, "detChart", this);
    m_rateView = chartView(m_rateChart, "rateChart", this);
    m_scoreCaption = caption("scoreCaption", this);
    m_detCaption = caption("detCaption", this);

    auto* scoreColumn = new QVBoxLayout;
    scoreColumn->addWidget(m_scoreView, 1);
    scoreColumn->addWidget(m_scoreCaption);
    auto* detColumn = new QVBoxLayout;
    detColumn->addWidget(m_detView, 1);
    detColumn->addWidget(m_detCaption);
    auto* rateColumn = new QVBoxLayout;
    rateColumn->addWidget(m_rateView, 1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(scoreColumn, 5);
    layout->addLayout(detColumn, 4);
    layout->addLayout(rateColumn, 3);
    retranslate();
}

void FiguresCharts::show(const PortFigures* figures, const std::optional<CalibrationTable>& calibration)
{
    m_figures = figures ? std::optional<PortFigures>(*figures) : std::nullopt;
    m_calibration = calibration;
    showScores();
    showRates();
    showDet();
}

void FiguresCharts::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FiguresCharts::retranslate()
{
    m_scoreChart->setTitle(tr("Score distributions"));
    m_scoreAxis->setTitleText(tr("Comparison score"));
    m_countAxis->setTitleText(tr("Encounters"));
    m_detChart->setTitle(tr("DET curve of the model"));
    m_fmrAxis->setTitleText(tr("False match rate (FMR)"));
    m_fnmrAxis->setTitleText(tr("False non-match rate (FNMR)"));
    m_rateChart->setTitle(tr("Rates"));
    m_percentAxis->setTitleText(tr("Percent"));
    showScores();
    showRates();
    showDet();
}

void FiguresCharts::buildCharts()
{
    // The score distributions: bars over kHistogramBins equal bins of
    // [0, 1]. The bars sit on a hidden category axis whose bins span the
    // plot exactly as the visible score axis [0, 1] does, so the threshold
    // line is drawn at its score.
    m_scoreChart = new QChart;
    m_genuine = new QBarSet(QString());
    m_genuine->setObjectName(QStringLiteral("genuineScores"));
    m_genuine->setBrush(kGenuineColour);
    m_genuine->setPen(QPen(kGenuineColour.darker(130)));
    m_impostor = new QBarSet(QString());
    m_impostor->setObjectName(QStringLiteral("impostorScores"));
    m_impostor->setBrush(QBrush(kImpostorColour, Qt::BDiagPattern)); // hatched: not told apart by colour alone
    m_impostor->setPen(QPen(kImpostorColour, 1.5));
    m_scoreBars = new QBarSeries;
    m_scoreBars->setObjectName(QStringLiteral("scoreBars"));
    m_scoreBars->append(m_genuine);
    m_scoreBars->append(m_impostor);
    m_scoreBars->setBarWidth(0.9);
    m_threshold = new QLineSeries;
    m_threshold->setObjectName(QStringLiteral("thresholdLine"));
    QPen dashed(kThresholdColour, 2.0, Qt::DashLine);
    m_threshold->setPen(dashed);
    m_scoreChart->addSeries(m_scoreBars);
    m_scoreChart->addSeries(m_threshold);
    m_binAxis = new QBarCategoryAxis;
    QStringList bins;
    for (int i = 0; i < kHistogramBins; ++i)
        bins << QString::number(i);
    m_binAxis->setCategories(bins);
    m_binAxis->setVisible(false);
    m_scoreAxis = new QValueAxis;
    m_scoreAxis->setRange(0.0, 1.0);
    m_scoreAxis->setTickCount(11);
    m_scoreAxis->setLabelFormat(QStringLiteral("%.1f"));
    m_countAxis = new QValueAxis;
    m_countAxis->setLabelFormat(QStringLiteral("%d"));
    m_countAxis->setRange(0, 1);
    m_scoreChart->addAxis(m_scoreAxis, Qt::AlignBottom);
    m_scoreChart->addAxis(m_binAxis, Qt::AlignBottom);
    m_scoreChart->addAxis(m_countAxis, Qt::AlignLeft);
    m_scoreBars->attachAxis(m_binAxis);
    m_scoreBars->attachAxis(m_countAxis);
    m_threshold->attachAxis(m_scoreAxis);
    m_threshold->attachAxis(m_countAxis);

    // The DET curve: FNMR against FMR, both on log axes (ISO/IEC 19795-1).
    m_detChart = new QChart;
    m_detCurve = new QLineSeries;
    m_detCurve->setObjectName(QStringLiteral("detCurve"));
    m_detCurve->setPen(QPen(QColor(0x0d, 0x47, 0xa1), 2.0));
    m_detCurve->setPointsVisible(true);
    m_operatingPoint = new QScatterSeries;
    m_operatingPoint->setObjectName(QStringLiteral("operatingPoint"));
    m_operatingPoint->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
    m_operatingPoint->setMarkerSize(12.0);
    m_operatingPoint->setColor(kThresholdColour);
    m_detChart->addSeries(m_detCurve);
    m_detChart->addSeries(m_operatingPoint);
    m_fmrAxis = new QLogValueAxis;
    m_fnmrAxis = new QLogValueAxis;
    for (QLogValueAxis* axis : {m_fmrAxis, m_fnmrAxis}) {
        axis->setBase(10.0);
        axis->setLabelFormat(QStringLiteral("%g"));
        axis->setMinorTickCount(-1);
        axis->setRange(1e-4, 1.0);
    }
    m_detChart->addAxis(m_fmrAxis, Qt::AlignBottom);
    m_detChart->addAxis(m_fnmrAxis, Qt::AlignLeft);
    for (QXYSeries* series : {static_cast<QXYSeries*>(m_detCurve), static_cast<QXYSeries*>(m_operatingPoint)}) {
        series->attachAxis(m_fmrAxis);
        series->attachAxis(m_fnmrAxis);
    }

    // The rates as bars, each named with its value in words.
    m_rateChart = new QChart;
    m_rates = new QBarSet(QString());
    m_rates->setObjectName(QStringLiteral("rates"));
    m_rates->setBrush(QColor(0x45, 0x5a, 0x64));
    m_rateBars = new QHorizontalBarSeries;
    m_rateBars->setObjectName(QStringLiteral("rateBars"));
    m_rateBars->append(m_rates);
    m_rateChart->addSeries(m_rateBars);
    m_rateCategories = new QBarCategoryAxis;
    m_percentAxis = new QValueAxis;
    m_percentAxis->setRange(0.0, 100.0);
    m_percentAxis->setTickCount(5);
    m_percentAxis->setLabelFormat(QStringLiteral("%.0f"));
    m_rateChart->addAxis(m_rateCategories, Qt::AlignLeft);
    m_rateChart->addAxis(m_percentAxis, Qt::AlignBottom);
    m_rateBars->attachAxis(m_rateCategories);
    m_rateBars->attachAxis(m_percentAxis);
    m_rateChart->legend()->hide(); // one set, named by its categories
}

void FiguresCharts::showScores()
{
    const std::vector<double> none;
    const std::vector<double>& genuine = m_figures ? m_figures->genuineScores : none;
    const std::vector<double>& impostor = m_figures ? m_figures->impostorScores : none;
    const ScoreHistogram genuineBins = ScoreHistogram::of(genuine, 0.0, 1.0, kHistogramBins);
    const ScoreHistogram impostorBins = ScoreHistogram::of(impostor, 0.0, 1.0, kHistogramBins);
    QList<qreal> genuineCounts;
    QList<qreal> impostorCounts;
    qint64 highest = 0;
    for (int i = 0; i < kHistogramBins; ++i) {
        const qint64 g = std::size_t(i) < genuineBins.counts.size() ? genuineBins.counts[std::size_t(i)] : 0;
        const qint64 m = std::size_t(i) < impostorBins.counts.size() ? impostorBins.counts[std::size_t(i)] : 0;
        genuineCounts << qreal(g);
        impostorCounts << qreal(m);
        highest = std::max({highest, g, m});
    }
    m_genuine->remove(0, m_genuine->count());
    m_genuine->append(genuineCounts);
    m_impostor->remove(0, m_impostor->count());
    m_impostor->append(impostorCounts);
    // Whole encounters on the count axis, with a little room above the highest bar.
    const qint64 top = std::max<qint64>(1, highest + std::max<qint64>(1, highest / 10));
    m_countAxis->setRange(0, qreal(top));
    m_countAxis->setTickCount(int(std::min<qint64>(top, 5)) + 1);

    m_genuine->setLabel(genuine.size() == 1 ? tr("Genuine (1 score)")
                                            : tr("Genuine (%1 scores)").arg(qulonglong(genuine.size())));
    m_impostor->setLabel(impostor.size() == 1 ? tr("Impostor (1 score, hatched)")
                                              : tr("Impostor (%1 scores, hatched)").arg(qulonglong(impostor.size())));
    m_threshold->clear();
    QStringList words;
    words << tr("Genuine: the score of each traveler whose identity was confirmed (solid bars).")
          << tr("Impostor: the scores of other people in confirmed searches and of suspected impostors (hatched bars).");
    if (m_figures && m_figures->threshold) {
        const double t = *m_figures->threshold;
        m_threshold->append(t, 0.0);
        m_threshold->append(t, qreal(top));
        m_threshold->setName(tr("Threshold %1").arg(thresholdText(t)));
        words << tr("Dashed line: the decision threshold %1 of the most recent encounter selected.").arg(thresholdText(t));
    } else {
        m_threshold->setName(tr("Threshold: none recorded"));
        words << tr("No decision threshold is recorded in the encounters selected.");
    }
    if (m_figures && genuine.empty() && impostor.empty())
        words << tr("No score in this selection.");
    m_scoreCaption->setText(words.join(QLatin1Char(' ')));
}

void FiguresCharts::showRates()
{
    struct Rate {
        QString name;
        std::optional<double> value;
    };
    const bool have = m_figures.has_value();
    // Listed bottom-up: the horizontal bars put the first category at the bottom.
    const std::array<Rate, 4> rates = {{
        {tr("Opt-out"), have ? m_figures->optOutRate : std::nullopt},
        {tr("No match"), have ? m_figures->noMatchRate : std::nullopt},
        {tr("Match"), have ? m_figures->matchRate : std::nullopt},
        {tr("Capture"), have ? m_figures->captureRate : std::nullopt},
    }};
    QStringList categories;
    QList<qreal> values;
    for (const Rate& rate : rates) {
        // Name and value on lines of their own (axis labels take HTML), a long
        // name broken after its hyphen: in Spanish and French they were cut short.
        QString name = rate.name.toHtmlEscaped();
        if (name.size() > 14)
            name.replace(QLatin1Char('-'), QStringLiteral("-<br>"));
        categories << name + QStringLiteral("<br>")
                + (rate.value ? tr("%1 %", "a rate in percent").arg(percent(*rate.value)) : tr("no data"));
        values << (rate.value ? *rate.value * 100.0 : 0.0);
    }
    m_rateCategories->setCategories(categories);
    m_rates->remove(0, m_rates->count());
    m_rates->append(values);
    m_rates->setLabel(tr("Rate (%)"));
}

void FiguresCharts::showDet()
{
    m_detCurve->clear();
    m_operatingPoint->clear();
    if (!m_calibration) {
        m_detView->hide();
        m_detCaption->setText(tr("No calibration table for the model: the DET curve cannot be drawn."));
        return;
    }
    m_detView->show();
    const std::vector<DetPoint> curve = detCurve(*m_calibration);
    // Each axis over the decades its rates span.
    double fmrLow = 1.0;
    double fmrHigh = kLowestRate;
    double fnmrLow = 1.0;
    double fnmrHigh = kLowestRate;
    auto add = [&](QXYSeries* series, const DetPoint& point) {
        const double fmr = std::max(point.fmr, kLowestRate);
        const double fnmr = std::max(point.fnmr, kLowestRate);
        series->append(fmr, fnmr);
        fmrLow = std::min(fmrLow, fmr);
        fmrHigh = std::max(fmrHigh, fmr);
        fnmrLow = std::min(fnmrLow, fnmr);
        fnmrHigh = std::max(fnmrHigh, fnmr);
    };
    for (const DetPoint& point : curve)
        add(m_detCurve, point);
    m_detCurve->setName(tr("DET curve")); // the data set is named in the caption: the legend stays short
    QStringList words;
    words << tr("Calibration: %1, %2 impostor pairs, measured %3.")
                 .arg(m_calibration->dataset())
                 .arg(QLocale().toString(m_calibration->impostorCount()))
                 .arg(m_calibration->date().toLocalTime().date().toString(Qt::ISODate));
    const std::optional<double> threshold = m_figures ? m_figures->threshold : std::nullopt;
    const std::optional<DetPoint> operating = threshold ? operatingPointAt(*m_calibration, *threshold) : std::nullopt;
    if (operating) {
        add(m_operatingPoint, *operating);
        m_operatingPoint->setName(tr("Threshold %1").arg(thresholdText(*threshold)));
        words << tr("Square: the operating point of threshold %1, FMR %2, FNMR %3 %.")
                     .arg(thresholdText(*threshold), fmrText(operating->fmr), percent(operating->fnmr));
    } else {
        m_operatingPoint->setName(tr("Threshold: no operating point"));
        words << (threshold ? tr("The threshold %1 is outside the calibration table: no operating point.")
                                  .arg(thresholdText(*threshold))
                            : tr("No decision threshold recorded: no operating point."));
    }
    setDecades(m_fmrAxis, fmrLow, fmrHigh);
    setDecades(m_fnmrAxis, fnmrLow, fnmrHigh);
    m_detCaption->setText(words.join(QLatin1Char(' ')));
}

} // namespace fg
