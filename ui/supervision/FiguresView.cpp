#include "ui/supervision/FiguresView.h"

#include "core/biometrics/FacePipeline.h"
#include "core/biometrics/ModelRepository.h"
#include "core/biometrics/TemplateExtractor.h"
#include "core/storage/Clock.h"
#include "ui/desk/MainWindow.h"
#include "ui/supervision/FiguresCharts.h"
#include "ui/widgets/InlineMessage.h"

#include <QComboBox>
#include <QDateEdit>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

namespace fg {
namespace {

constexpr int kDefaultDays = 7;

void fillCombo(QComboBox* combo, const std::vector<QString>& values)
{
    const QString current = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    while (combo->count() > 1)
        combo->removeItem(1);
    for (const QString& value : values)
        combo->addItem(value, value);
    // A choice that is no longer stored stays chosen: its figures are then empty, not silently "All".
    if (!current.isEmpty() && combo->findData(current) < 0)
        combo->addItem(current, current);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

} // namespace

QString FiguresView::currentModelId()
{
    // The workstation's pipeline keeps the default recipe (LiveAnalysis).
    return FacePipeline::modelIdOf(ModelRepository::pinnedFeatureModelId(), TemplateExtractor::Recipe());
}

std::optional<CalibrationTable> FiguresView::currentCalibration(QString* error)
{
    const QString modelId = currentModelId();
    if (modelId.isEmpty()) {
        if (error)
            *error = tr("the model manifest names no recognition model");
        return std::nullopt;
    }
    return CalibrationTable::forModel(modelId, error);
}

bool FiguresView::mayView(Role role)
{
    return role == Role::Supervisor || role == Role::Auditor || role == Role::Admin;
}

FiguresView::FiguresView(const PortFiguresCalculator& calculator, const Clock& clock, QWidget* parent)
    : QWidget(parent)
    , m_calculator(calculator)
    , m_clock(clock)
    , m_access(new QLabel(this))
    , m_content(new QScrollArea(this))
{
    m_access->setObjectName(QStringLiteral("figuresAccess"));
    m_access->setWordWrap(true);
    m_access->setAlignment(Qt::AlignCenter);
    m_content->setObjectName(QStringLiteral("figuresContent"));
    m_content->setWidgetResizable(true);
    m_content->setFrameShape(QFrame::NoFrame);

    auto* page = new QWidget;
    m_fromLabel = new QLabel(page);
    m_from = new QDateEdit(page);
    m_untilLabel = new QLabel(page);
    m_until = new QDateEdit(page);
    m_workstationLabel = new QLabel(page);
    m_workstation = new QComboBox(page);
    m_cameraLabel = new QLabel(page);
    m_camera = new QComboBox(page);
    m_flightLabel = new QLabel(page);
    m_flight = new QComboBox(page);
    m_refresh = new QPushButton(page);
    m_message = new InlineMessage(page);
    m_from->setObjectName(QStringLiteral("fromDate"));
    m_until->setObjectName(QStringLiteral("untilDate"));
    m_workstation->setObjectName(QStringLiteral("workstationFilter"));
    m_camera->setObjectName(QStringLiteral("cameraFilter"));
    m_flight->setObjectName(QStringLiteral("flightFilter"));
    m_refresh->setObjectName(QStringLiteral("refreshButton"));
    m_message->setObjectName(QStringLiteral("figuresMessage"));

    // Whole local calendar days, the last kDefaultDays including today.
    const QDate today = m_clock.now().toLocalTime().date();
    for (QDateEdit* edit : {m_from, m_until}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    }
    m_from->setDate(today.addDays(1 - kDefaultDays));
    m_until->setDate(today);
    m_fromLabel->setBuddy(m_from);
    m_untilLabel->setBuddy(m_until);
    m_workstationLabel->setBuddy(m_workstation);
    m_cameraLabel->setBuddy(m_camera);
    m_flightLabel->setBuddy(m_flight);
    // Item 0 is "All" (empty data); its words are set by retranslate().
    for (QComboBox* combo : {m_workstation, m_camera, m_flight}) {
        combo->addItem(QString(), QString());
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumContentsLength(8);
    }

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_fromLabel);
    filters->addWidget(m_from);
    filters->addWidget(m_untilLabel);
    filters->addWidget(m_until);
    filters->addSpacing(12);
    filters->addWidget(m_workstationLabel);
    filters->addWidget(m_workstation);
    filters->addWidget(m_cameraLabel);
    filters->addWidget(m_camera);
    filters->addWidget(m_flightLabel);
    filters->addWidget(m_flight);
    filters->addStretch(1);
    filters->addWidget(m_refresh);

    static const std::array<const char*, TileCount> tileNames = {
        "processed", "capture", "match", "noMatch", "optOut", "unusable", "medianTime", "p95Time", "presentationAttacks"};
    auto* tiles = new QGridLayout;
    for (int i = 0; i < TileCount; ++i) {
        TileWidgets& tile = m_tiles[std::size_t(i)];
        const QString name = QString::fromLatin1(tileNames[std::size_t(i)]);
        tile.frame = new QFrame(page);
        tile.frame->setObjectName(name + QStringLiteral("Tile"));
        tile.frame->setFrameShape(QFrame::StyledPanel);
        tile.title = new QLabel(tile.frame);
        tile.value = new QLabel(tile.frame);
        tile.detail = new QLabel(tile.frame);
        tile.title->setObjectName(name + QStringLiteral("Title"));
        tile.value->setObjectName(name + QStringLiteral("Value"));
        tile.detail->setObjectName(name + QStringLiteral("Detail"));
        QFont big = tile.value->font();
        big.setPointSizeF(big.pointSizeF() * 1.5);
        big.setBold(true);
        tile.value->setFont(big);
        tile.detail->setWordWrap(true);
        auto* box = new QVBoxLayout(tile.frame);
        box->setContentsMargins(8, 4, 8, 4);
        box->setSpacing(2);
        box->addWidget(tile.title);
        box->addWidget(tile.value);
        box->addWidget(tile.detail);
        tiles->addWidget(tile.frame, i / 4, i % 4);
    }

    m_charts = new FiguresCharts(page);

    auto* pageLayout = new QVBoxLayout(page);
    pageLayout->addLayout(filters);
    pageLayout->addWidget(m_message);
    pageLayout->addLayout(tiles);
    pageLayout->addWidget(m_charts, 1);
    m_content->setWidget(page);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_access);
    layout->addWidget(m_content, 1);

    for (QDateEdit* edit : {m_from, m_until})
        connect(edit, &QDateEdit::dateChanged, this, &FiguresView::recompute);
    for (QComboBox* combo : {m_workstation, m_camera, m_flight})
        connect(combo, &QComboBox::currentIndexChanged, this, &FiguresView::recompute);
    connect(m_refresh, &QPushButton::clicked, this, &FiguresView::refresh);

    retranslate();
    showAccess();
}

void FiguresView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FiguresView::retranslate()
{
    m_fromLabel->setText(tr("&From"));
    m_untilLabel->setText(tr("&Until"));
    m_from->setToolTip(tr("The first day counted (local time)"));
    m_until->setToolTip(tr("The last day counted, included (local time)"));
    m_workstationLabel->setText(tr("&Workstation"));
    m_cameraLabel->setText(tr("&Camera"));
    m_flightLabel->setText(tr("F&light"));
    for (QComboBox* combo : {m_workstation, m_camera, m_flight})
        combo->setItemText(0, tr("All"));
    m_refresh->setText(tr("&Refresh"));
    const std::array<QString, TileCount> titles = {
        tr("Travelers processed"), tr("Capture rate"), tr("Match rate"), tr("No-match rate"), tr("Opt-out rate"),
        tr("Unusable captures"), tr("Median time to decision"), tr("95th percentile time to decision"),
        tr("Presentation attacks caught")};
    for (int i = 0; i < TileCount; ++i)
        m_tiles[std::size_t(i)].title->setText(titles[std::size_t(i)]);
    showAccess();
    showFigures();
}

bool FiguresView::allowed() const
{
    return m_user && !m_user->disabled && mayView(m_user->role);
}

void FiguresView::showAccess()
{
    m_content->setVisible(allowed());
    m_access->setVisible(!allowed());
    if (!m_user)
        m_access->setText(tr("Sign in as a supervisor, an auditor or an administrator to see the port's figures."));
    else if (!allowed())
        m_access->setText(tr("The port's figures are for supervisors, auditors and administrators: %1 is signed in as %2.")
                              .arg(m_user->displayName.isEmpty() ? m_user->name : m_user->displayName,
                                   MainWindow::roleTitle(m_user->role)));
    else
        m_access->clear();
}

void FiguresView::setUser(const std::optional<UserAccount>& user)
{
    m_user = user;
    showAccess();
    if (allowed()) {
        refresh();
        return;
    }
    // Nothing of the records stays in the view for someone who may not see it.
    m_figures.reset();
    clearMessage();
    showFigures();
}

void FiguresView::setCalibration(std::optional<CalibrationTable> table)
{
    m_calibration = std::move(table);
    showFigures();
}

void FiguresView::refresh()
{
    if (!allowed())
        return;
    reloadChoices();
    recompute();
}

void FiguresView::reloadChoices()
{
    QString error;
    const std::optional<std::vector<QString>> workstations = m_calculator.workstations(&error);
    const std::optional<std::vector<QString>> cameras = workstations ? m_calculator.cameras(&error) : std::nullopt;
    const std::optional<std::vector<QString>> flights = cameras ? m_calculator.flights(&error) : std::nullopt;
    if (!flights)
        return; // recompute() reads the same records and says what went wrong
    fillCombo(m_workstation, *workstations);
    fillCombo(m_camera, *cameras);
    fillCombo(m_flight, *flights);
}

FiguresQuery FiguresView::query() const
{
    FiguresQuery query;
    // startOfDay() steps over a midnight lost to daylight saving.
    query.from = m_from->date().startOfDay(Qt::LocalTime).toUTC();
    query.until = m_until->date().addDays(1).startOfDay(Qt::LocalTime).toUTC();
    query.workstation = m_workstation->currentData().toString();
    query.camera = m_camera->currentData().toString();
    query.flight = m_flight->currentData().toString();
    return query;
}

void FiguresView::recompute()
{
    if (!allowed())
        return;
    m_figures.reset();
    const FiguresQuery wanted = query();
    if (wanted.until <= wanted.from) {
        showMessage([] { return tr("The “until” day is before the “from” day: no encounter can be counted."); });
        showFigures();
        return;
    }
    QString error;
    m_figures = m_calculator.compute(wanted, &error);
    if (m_figures)
        clearMessage();
    else
        showMessage([error] { return tr("The figures could not be computed: %1").arg(error); });
    showFigures(); // the DET curve's operating point follows the threshold of the selection
}

void FiguresView::showFigures()
{
    showTiles();
    m_charts->show(figures(), m_calibration);
}

void FiguresView::showTiles()
{
    auto rateText = [](const std::optional<double>& rate, qint64 count, qint64 of) {
        return rate ? tr("%1 % (%2 of %3)").arg(FiguresCharts::percent(*rate)).arg(count).arg(of) : tr("no data");
    };
    auto secondsText = [](const std::optional<double>& seconds) {
        return seconds ? tr("%1 s").arg(QLocale().toString(*seconds, 'f', 1)) : tr("no data");
    };
    auto set = [this](Tile tile, const QString& value, const QString& detail) {
        m_tiles[std::size_t(tile)].value->setText(value);
        m_tiles[std::size_t(tile)].detail->setText(detail);
    };
    if (!m_figures) {
        for (int i = 0; i < TileCount; ++i)
            set(Tile(i), tr("no data"), QString());
        return;
    }
    const PortFigures& f = *m_figures;
    set(Processed, QString::number(f.processed),
        tr("%1 in scope (not exempt from biometrics)").arg(f.inScope));
    set(Capture, rateText(f.captureRate, f.photographed, f.inScope), tr("photographed, of travelers in scope"));
    set(Match, rateText(f.matchRate, f.matches, f.photographed), tr("matches, of travelers photographed"));
    set(NoMatch, rateText(f.noMatchRate, f.noMatches, f.photographed), tr("no matches, of travelers photographed"));
    set(OptOut, rateText(f.optOutRate, f.optOuts, f.processed), tr("alternate procedures, of travelers processed"));
    set(Unusable, tr("%1 poor quality · %2 no face").arg(f.poorQuality).arg(f.noFace),
        tr("captures that could not be compared"));
    const QString timed = f.timedDecisions == 1
                              ? tr("from the capture to the officer's action, over 1 decision")
                              : tr("from the capture to the officer's action, over %1 decisions").arg(f.timedDecisions);
    set(MedianTime, secondsText(f.medianSecondsToDecision), timed);
    set(P95Time, secondsText(f.p95SecondsToDecision), timed);
    set(PresentationAttacks, QString::number(f.presentationAttacks),
        f.padAssessed == 1 ? tr("printed photos or screens, of 1 face assessed")
                           : tr("printed photos or screens, of %1 faces assessed").arg(f.padAssessed));
}

void FiguresView::showMessage(std::function<QString()> text)
{
    m_message->sayProblem(std::move(text));
}

void FiguresView::clearMessage()
{
    m_message->dismiss();
}

QString FiguresView::message() const
{
    return m_message->said();
}

} // namespace fg
