#pragma once

#include "core/matching/CalibrationTable.h"
#include "core/security/UserAccount.h"
#include "core/workflow/PortFigures.h"
#include "ui/supervision/FiguresCharts.h"

#include <QString>
#include <QWidget>

#include <array>
#include <functional>
#include <optional>

class QComboBox;
class QDateEdit;
class QEvent;
class QFrame;
class QLabel;
class QPushButton;
class QScrollArea;

namespace fg {

class Clock;
class InlineMessage;

// The port's figures for the supervisor's window (issue 5): what
// PortFiguresCalculator computes over a period (whole local days, default
// the last 7), a workstation, a camera and a flight, shown as number tiles
// (processed, capture, match, no-match and opt-out rates with their counts,
// median and 95th percentile time to decision, presentation attacks caught),
// the genuine and impostor score distributions with the decision threshold,
// the model's DET curve from its calibration table, and the rates as bars
// (FiguresCharts). Supervisors, auditors and administrators may see it; for
// anyone else nothing is read or shown and a line says why. Errors are said
// in words in the view.
// Object names for GUI tests: "fromDate", "untilDate", "workstationFilter",
// "cameraFilter", "flightFilter", "refreshButton", "figuresMessage",
// "figuresAccess", "figuresContent", the tiles "<name>Tile" with their
// "<name>Title", "<name>Value" and "<name>Detail" labels (name: processed,
// capture, match, noMatch, optOut, unusable, medianTime, p95Time,
// presentationAttacks), and the charts' names (FiguresCharts).
class FiguresView : public QWidget {
    Q_OBJECT
public:
    static constexpr int kHistogramBins = FiguresCharts::kHistogramBins;

    // The clock gives "today" for the default period.
    FiguresView(const PortFiguresCalculator& calculator, const Clock& clock, QWidget* parent = nullptr);

    // The recognition model's id as FacePipeline names it with its default
    // recipe (the workstation's), from the pinned model manifest: no model
    // file is read.
    static QString currentModelId();
    // The calibration table the program decides with for that model
    // (CalibrationTable::forModel: $FACEGATE_CALIBRATION or the compiled-in
    // one); nullopt with *error when there is none.
    static std::optional<CalibrationTable> currentCalibration(QString* error);
    // May a user of this role see the port's figures?
    static bool mayView(Role role);

    // The DET curve's data; nullopt: a line says there is no calibration
    // table for the model.
    void setCalibration(std::optional<CalibrationTable> table);
    // Who is looking; nullopt (nobody signed in) or a role that may not see
    // the figures hides them and says why. An allowed user refreshes.
    void setUser(const std::optional<UserAccount>& user);
    // Reads the filters' choices and the figures again.
    void refresh();

    // The filters as the widgets set them: [from's local midnight, the
    // local midnight after until) in UTC.
    FiguresQuery query() const;
    // The figures shown; nullptr when none are (not allowed, an error).
    const PortFigures* figures() const { return m_figures ? &*m_figures : nullptr; }
    // The error shown ("" when none).
    QString message() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    enum Tile { Processed, Capture, Match, NoMatch, OptOut, Unusable, MedianTime, P95Time, PresentationAttacks, TileCount };
    struct TileWidgets {
        QFrame* frame = nullptr;
        QLabel* title = nullptr;
        QLabel* value = nullptr;
        QLabel* detail = nullptr;
    };

    // Every word in the interface language (called again on QEvent::LanguageChange).
    void retranslate();
    bool allowed() const;
    void showAccess();
    // Computes the figures for the filters and shows them.
    void recompute();
    void reloadChoices();
    void showFigures();
    void showTiles();
    void showMessage(std::function<QString()> text);
    void clearMessage();

    const PortFiguresCalculator& m_calculator;
    const Clock& m_clock;
    std::optional<UserAccount> m_user;
    std::optional<CalibrationTable> m_calibration;
    std::optional<PortFigures> m_figures;

    QLabel* m_access = nullptr;
    QScrollArea* m_content = nullptr;
    QLabel* m_fromLabel = nullptr;
    QDateEdit* m_from = nullptr;
    QLabel* m_untilLabel = nullptr;
    QDateEdit* m_until = nullptr;
    QLabel* m_workstationLabel = nullptr;
    QComboBox* m_workstation = nullptr;
    QLabel* m_cameraLabel = nullptr;
    QComboBox* m_camera = nullptr;
    QLabel* m_flightLabel = nullptr;
    QComboBox* m_flight = nullptr;
    QPushButton* m_refresh = nullptr;
    InlineMessage* m_message = nullptr;
    std::array<TileWidgets, TileCount> m_tiles;

    FiguresCharts* m_charts = nullptr;
};

} // namespace fg
