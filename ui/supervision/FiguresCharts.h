#pragma once

#include "core/matching/CalibrationTable.h"
#include "core/workflow/PortFigures.h"

#include <QLocale>
#include <QWidget>

#include <optional>

class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QChart;
class QChartView;
class QHorizontalBarSeries;
class QLabel;
class QLineSeries;
class QLogValueAxis;
class QScatterSeries;
class QValueAxis;

namespace fg {

// The port's figures as charts (Qt Charts), for FiguresView: the genuine
// and impostor score distributions with the decision threshold, the
// model's DET curve from its calibration table with the operating point of
// that threshold, and the rates as bars. Every series is named in a legend
// and told apart by more than colour (hatching, dashes, words); captions
// say what each chart shows. Object names for GUI tests: the charts
// "scoreChart", "detChart", "rateChart" with their captions "scoreCaption",
// "detCaption", the series (QChartView::chart()->series()) "scoreBars" (bar
// sets "genuineScores", "impostorScores"), "thresholdLine", "detCurve",
// "operatingPoint", "rateBars" (bar set "rates").
class FiguresCharts : public QWidget {
    Q_OBJECT
public:
    static constexpr int kHistogramBins = 20;

    // A rate as the port's figures write it: 0.0734 -> "7.3" (percent, one decimal).
    // A rate as a percentage in the interface language's form ("81.3", "81,3").
    static QString percent(double rate) { return QLocale().toString(rate * 100.0, 'f', 1); }

    explicit FiguresCharts(QWidget* parent = nullptr);

    // Draws these figures (nullptr: none, the charts are empty) and the DET
    // curve of this table (nullopt: a line says there is none).
    void show(const PortFigures* figures, const std::optional<CalibrationTable>& calibration);

protected:
    void changeEvent(QEvent* event) override;

private:
    void buildCharts();
    void retranslate();
    void showScores();
    void showRates();
    void showDet();

    std::optional<PortFigures> m_figures;
    std::optional<CalibrationTable> m_calibration;

    QChartView* m_scoreView = nullptr;
    QChart* m_scoreChart = nullptr;
    QBarSeries* m_scoreBars = nullptr;
    QBarSet* m_genuine = nullptr;
    QBarSet* m_impostor = nullptr;
    QLineSeries* m_threshold = nullptr;
    QBarCategoryAxis* m_binAxis = nullptr;
    QValueAxis* m_scoreAxis = nullptr;
    QValueAxis* m_countAxis = nullptr;
    QLabel* m_scoreCaption = nullptr;

    QChartView* m_detView = nullptr;
    QChart* m_detChart = nullptr;
    QLineSeries* m_detCurve = nullptr;
    QScatterSeries* m_operatingPoint = nullptr;
    QLogValueAxis* m_fmrAxis = nullptr;
    QLogValueAxis* m_fnmrAxis = nullptr;
    QLabel* m_detCaption = nullptr;

    QChartView* m_rateView = nullptr;
    QChart* m_rateChart = nullptr;
    QHorizontalBarSeries* m_rateBars = nullptr;
    QBarSet* m_rates = nullptr;
    QBarCategoryAxis* m_rateCategories = nullptr;
    QValueAxis* m_percentAxis = nullptr;
};

} // namespace fg
