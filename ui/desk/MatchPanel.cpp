#include "ui/desk/MatchPanel.h"

#include "core/biometrics/QualityWords.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/ScoreBar.h"

#include <QResizeEvent>
#include <QBuffer>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QFutureWatcher>
#include <QImageReader>
#include <QPromise>
#include <QThreadPool>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace fg {
namespace {

// Photos are 4:5, 240x300 where there is room, down to 144x180 on a
// 1024x600 screen.
constexpr int kPhotoWidth = 240;
constexpr int kPhotoHeight = 300;
constexpr int kSmallestPhotoWidth = 144;
constexpr int kSmallestPhotoHeight = 180;

// A photo scaled to the label's size whenever that changes.
class PhotoLabel : public QLabel {
public:
    using QLabel::QLabel;

    void setImage(const QImage& image)
    {
        m_image = image;
        rescale();
    }
    QSize sizeHint() const override { return {kPhotoWidth, kPhotoHeight}; }

protected:
    void resizeEvent(QResizeEvent* event) override
    {
        QLabel::resizeEvent(event);
        rescale();
    }

private:
    void rescale()
    {
        if (m_image.isNull()) {
            // QLabel::setPixmap clears the text too: only when there is a
            // picture to take down, so that a resize keeps the words said
            // in its place ("Reading the reference photo…").
            if (!pixmap().isNull())
                setPixmap(QPixmap());
            return;
        }
        const QSize room = contentsRect().size() - QSize(4, 4);
        setPixmap(QPixmap::fromImage(m_image.scaled(room.expandedTo(QSize(16, 16)), Qt::KeepAspectRatio,
                                                    Qt::SmoothTransformation)));
    }

    QImage m_image;
};

QLabel* photoLabel(const QString& name, QWidget* parent)
{
    auto* label = new PhotoLabel(parent);
    label->setObjectName(name);
    label->setAlignment(Qt::AlignCenter);
    label->setMinimumSize(kSmallestPhotoWidth, kSmallestPhotoHeight);
    label->setMaximumSize(kPhotoWidth, kPhotoHeight);
    label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    label->setFrameShape(QFrame::StyledPanel);
    return label;
}

void showImage(QLabel* label, const QImage& image, const QString& missing)
{
    static_cast<PhotoLabel*>(label)->setImage(image);
    if (image.isNull())
        label->setText(missing);
}

// Background and text colour of each decision; the words carry the meaning,
// the colour only repeats it.
// The chip's verdict, coloured the same way: genuine green, not verifiable
// amber, not genuine red.
QString documentStyle(const QString& verdict)
{
    if (verdict == QLatin1String("genuine"))
        return QStringLiteral("background: #2e7d32; color: white;");
    if (verdict == QLatin1String("not-genuine"))
        return QStringLiteral("background: #c62828; color: white; font-weight: bold;");
    if (verdict == QLatin1String("not-verifiable"))
        return QStringLiteral("background: #f9a825; color: black;");
    return QString();
}

// The presentation-attack decision: a possible attack red, a live face
// green, not assessed amber.
QString presentationAttackStyle(PadDecision decision)
{
    switch (decision) {
    case PadDecision::Attack:
        return QStringLiteral("background: #c62828; color: white; font-weight: bold;");
    case PadDecision::BonaFide:
        return QStringLiteral("background: #2e7d32; color: white;");
    case PadDecision::NotAssessed:
        break;
    }
    return QStringLiteral("background: #f9a825; color: black;");
}

// What the presentation-attack decision was made of, for an officer who
// points at it: each cue as the core says it, and the frames it saw.
QString presentationAttackDetails(const PadAssessment& assessment)
{
    QStringList lines;
    for (const PadCue& cue : assessment.cues) {
        lines << (cue.measured ? MatchPanel::tr("%1: %2").arg(cue.name, cue.detail)
                               : MatchPanel::tr("%1: not measured (%2)").arg(cue.name, cue.detail));
    }
    lines << MatchPanel::tr("Frames with a face: %1; without: %2").arg(assessment.frames).arg(assessment.framesWithoutFace);
    if (!assessment.calibration.isEmpty())
        lines << MatchPanel::tr("Threshold calibrated on %1 at BPCER %2").arg(assessment.calibration).arg(assessment.bpcer);
    return lines.join(QLatin1Char('\n'));
}

QString decisionStyle(Encounter::Decision decision)
{
    switch (decision) {
    case Encounter::Decision::Match:
        return QStringLiteral("background: #2e7d32; color: white;");
    case Encounter::Decision::NoMatch:
        return QStringLiteral("background: #c62828; color: white;");
    case Encounter::Decision::PoorQuality:
        return QStringLiteral("background: #f9a825; color: black;");
    case Encounter::Decision::NoFace:
        return QStringLiteral("background: #616161; color: white;");
    }
    return QString();
}

} // namespace

MatchPanel::MatchPanel(QWidget* parent)
    : QWidget(parent)
    , m_captureImage(photoLabel(QStringLiteral("captureImage"), this))
    , m_referenceImage(photoLabel(QStringLiteral("referenceImage"), this))
    , m_decision(new QLabel(this))
    , m_scoreBar(new ScoreBar(this))
    , m_referenceDetails(new QLabel(this))
    , m_documentCheck(new QLabel(this))
    , m_presentationAttack(new QLabel(this))
    , m_qualityWords(new QLabel(this))
    , m_actionState(new QLabel(this))
    , m_captureTitle(new QLabel(this))
    , m_referenceTitle(new QLabel(this))
    , m_confirm(new QPushButton(this))
    , m_override(new QPushButton(this))
    , m_secondary(new QPushButton(this))
    , m_next(new QPushButton(this))
{
    m_decision->setObjectName(QStringLiteral("decision"));
    m_scoreBar->setObjectName(QStringLiteral("scoreBar"));
    m_referenceDetails->setObjectName(QStringLiteral("referenceDetails"));
    m_documentCheck->setObjectName(QStringLiteral("documentCheck"));
    m_presentationAttack->setObjectName(QStringLiteral("presentationAttack"));
    m_qualityWords->setObjectName(QStringLiteral("qualityWords"));
    m_actionState->setObjectName(QStringLiteral("actionState"));
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_override->setObjectName(QStringLiteral("overrideButton"));
    m_secondary->setObjectName(QStringLiteral("secondaryButton"));
    m_next->setObjectName(QStringLiteral("nextButton"));

    m_decision->setAlignment(Qt::AlignCenter);
    QFont big = m_decision->font();
    big.setPointSize(big.pointSize() * 2);
    big.setBold(true);
    m_decision->setFont(big);
    m_decision->setMinimumHeight(m_decision->fontMetrics().height() + 12);
    m_documentCheck->setMargin(4);
    m_presentationAttack->setMargin(4);
    for (QLabel* label : {m_referenceDetails, m_documentCheck, m_presentationAttack, m_qualityWords, m_actionState}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }

    // Shortcuts live on the main window's actions; the buttons say which.
    connect(m_confirm, &QPushButton::clicked, this, &MatchPanel::confirmRequested);
    connect(m_override, &QPushButton::clicked, this, &MatchPanel::askOverride);
    connect(m_secondary, &QPushButton::clicked, this, &MatchPanel::askSecondary);
    connect(m_next, &QPushButton::clicked, this, &MatchPanel::nextTravelerRequested);

    auto* photos = new QGridLayout;
    photos->addWidget(m_captureTitle, 0, 0, Qt::AlignHCenter);
    photos->addWidget(m_referenceTitle, 0, 1, Qt::AlignHCenter);
    photos->addWidget(m_captureImage, 1, 0);
    photos->addWidget(m_referenceImage, 1, 1);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_confirm);
    actions->addWidget(m_override);
    actions->addWidget(m_secondary);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(photos);
    layout->addWidget(m_decision);
    layout->addWidget(m_presentationAttack); // beside the decision: a match of a photo is no match of a traveler
    layout->addWidget(m_scoreBar);
    layout->addWidget(m_referenceDetails);
    layout->addWidget(m_documentCheck);
    layout->addWidget(m_qualityWords);
    layout->addLayout(actions);
    layout->addWidget(m_actionState);
    layout->addWidget(m_next);
    layout->addStretch(1);
    clear();
    retranslate();
}

void MatchPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void MatchPanel::retranslate()
{
    m_captureTitle->setText(tr("Capture"));
    m_referenceTitle->setText(tr("Reference"));
    m_confirm->setText(tr("Confirm (Enter)"));
    m_override->setText(tr("Override… (Ctrl+O)"));
    m_secondary->setText(tr("Secondary… (Ctrl+S)"));
    m_next->setText(tr("Next traveler (Ctrl+N)"));
    showState();
    showActionState();
}

QString MatchPanel::decisionTitle(Encounter::Decision decision)
{
    switch (decision) {
    case Encounter::Decision::Match:
        return tr("MATCH");
    case Encounter::Decision::NoMatch:
        return tr("NO MATCH");
    case Encounter::Decision::NoFace:
        return tr("NO FACE");
    case Encounter::Decision::PoorQuality:
        return tr("POOR QUALITY");
    }
    return QString();
}

QString MatchPanel::presentationAttackWords(const PadAssessment& assessment)
{
    switch (assessment.decision) {
    case PadDecision::Attack:
        return tr("Possible presentation attack (score %1, threshold %2)")
            .arg(assessment.score, 0, 'f', 2)
            .arg(assessment.threshold, 0, 'f', 2);
    case PadDecision::BonaFide:
        return tr("Live face (score %1, threshold %2)").arg(assessment.score, 0, 'f', 2).arg(assessment.threshold, 0, 'f', 2);
    case PadDecision::NotAssessed:
        break;
    }
    return tr("Presentation attack not assessed: %1")
        .arg(assessment.reason.isEmpty() ? tr("no reason given") : assessment.reason);
}

void MatchPanel::clear()
{
    m_noDecision = nullptr;
    m_undecided.reset();
    m_outcome.reset();
    m_capture.reset();
    readReferencePhoto(std::nullopt);
    m_decision->setStyleSheet(QString());
    m_scoreBar->setScore(std::nullopt, 0);
    m_scoreBar->hide();
    m_actionWords = nullptr;
    m_actionState->clear();
    setActionsEnabled(false);
    m_next->setEnabled(false);
    showState();
}

void MatchPanel::showNoDecision(const CaptureResult& capture, Words why)
{
    clear();
    m_undecided = capture;
    m_noDecision = why;
    m_decision->setStyleSheet(InlineMessage::problemStyleSheet());
    m_next->setEnabled(true);
    showState();
    showActionFailed(std::move(why));
}

namespace {

// The reference photo beside the decision: a document reader's bytes held
// in memory (its file is gone), else its file. Null when it cannot be read.
QImage decodeReference(const QByteArray& photo, const QString& path)
{
    QBuffer bytes;
    bytes.setData(photo);
    QImageReader reader;
    if (!photo.isEmpty())
        reader.setDevice(&bytes);
    else
        reader.setFileName(path);
    reader.setAutoTransform(true);
    return reader.read();
}

} // namespace

void MatchPanel::readReferencePhoto(const std::optional<ReferencePerson>& reference)
{
    m_referencePhoto = QImage();
    const quint64 ticket = ++m_referenceTicket;
    m_readingReference = reference && (!reference->photo.isEmpty() || !reference->photoPath.isEmpty());
    if (!m_readingReference)
        return;
    // Decoded on the pool, never on the GUI thread (a gallery's photo may be
    // a large file); shown when it is read, if its outcome is still the one on screen.
    auto promise = std::make_shared<QPromise<QImage>>();
    auto* watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, ticket] {
        watcher->deleteLater();
        if (ticket != m_referenceTicket)
            return;
        m_readingReference = false;
        if (watcher->future().resultCount() > 0)
            m_referencePhoto = watcher->result();
        showState();
    });
    watcher->setFuture(promise->future());
    promise->start();
    QThreadPool::globalInstance()->start(
        [promise, photo = reference->photo, path = reference->photoPath] {
            promise->addResult(decodeReference(photo, path));
            promise->finish();
        });
}

void MatchPanel::showOutcome(const CaptureResult& capture, const MatchOutcome& outcome)
{
    m_noDecision = nullptr;
    m_undecided.reset();
    m_capture = capture;
    m_outcome = outcome;
    readReferencePhoto(outcome.reference);
    m_decision->setStyleSheet(decisionStyle(outcome.decision));
    m_scoreBar->setScore(outcome.score, outcome.threshold, outcome.decision != Encounter::Decision::PoorQuality);
    m_scoreBar->show();
    m_actionWords = nullptr;
    m_actionState->clear();
    setActionsEnabled(true);
    m_next->setEnabled(true);
    showState();
}

void MatchPanel::showState()
{
    if (!m_outcome || !m_capture) {
        showImage(m_captureImage, m_undecided ? m_undecided->image : QImage(), tr("Waiting for the traveler"));
        showImage(m_referenceImage, QImage(), QString());
        m_decision->setText(m_noDecision ? tr("NO DECISION") : tr("—"));
        m_referenceDetails->clear();
        m_documentCheck->clear();
        m_documentCheck->hide();
        m_presentationAttack->clear();
        m_presentationAttack->setToolTip(QString());
        m_presentationAttack->hide();
        m_qualityWords->clear();
        return;
    }
    const MatchOutcome& outcome = *m_outcome;
    const CaptureResult& capture = *m_capture;
    showImage(m_captureImage, capture.image, tr("No capture"));
    showImage(m_referenceImage, m_referencePhoto,
              !outcome.reference   ? tr("No reference")
              : m_readingReference ? tr("Reading the reference photo…")
                                   : tr("Reference photo unavailable"));
    m_decision->setText(decisionTitle(outcome.decision));

    QStringList details;
    if (outcome.reference) {
        const ReferencePerson& who = *outcome.reference;
        details << (who.name.isEmpty() ? tr("Traveler %1").arg(who.travelerId) : who.name);
        if (!who.citizenship.isEmpty())
            details << tr("Nationality: %1").arg(who.citizenship);
        if (!who.documentNumber.isEmpty())
            details << tr("Document: %1").arg(who.documentNumber);
        details << tr("Traveler id: %1").arg(who.travelerId);
    }
    if (outcome.decision == Encounter::Decision::NoMatch && !outcome.candidates.empty())
        details << tr("Shown: the closest gallery member, below the threshold");
    m_referenceDetails->setText(details.join(QLatin1Char('\n')));
    const bool fromChip = outcome.reference && !outcome.reference->documentVerdict.isEmpty();
    m_documentCheck->setVisible(fromChip);
    m_documentCheck->setText(fromChip ? tr("Passport chip: %1").arg(outcome.reference->documentWords) : QString());
    m_documentCheck->setStyleSheet(fromChip ? documentStyle(outcome.reference->documentVerdict) : QString());
    m_presentationAttack->setText(presentationAttackWords(capture.presentationAttack));
    m_presentationAttack->setToolTip(presentationAttackDetails(capture.presentationAttack));
    m_presentationAttack->setStyleSheet(presentationAttackStyle(capture.presentationAttack.decision));
    m_presentationAttack->show();
    QStringList words;
    for (const QString& word : capture.qualityWords)
        words << QualityWords::translated(word);
    m_qualityWords->setText(words.isEmpty() ? QString() : tr("Quality: %1").arg(words.join(tr(", "))));
}

void MatchPanel::showActionRecorded(Words text)
{
    m_actionWords = std::move(text);
    m_actionFailed = false;
    showActionState();
    setActionsEnabled(false);
}

void MatchPanel::showActionFailed(Words text)
{
    m_actionWords = std::move(text);
    m_actionFailed = true;
    showActionState();
}

void MatchPanel::showWaiting(Words text)
{
    m_actionWords = std::move(text);
    m_actionFailed = false;
    showActionState();
    setActionsEnabled(false);
}

void MatchPanel::stopWaiting()
{
    m_actionWords = nullptr;
    showActionState();
    setActionsEnabled(m_outcome.has_value());
}

void MatchPanel::showActionState()
{
    m_actionState->setText(m_actionWords ? m_actionWords() : QString());
    m_actionState->setStyleSheet(m_actionWords && m_actionFailed ? InlineMessage::problemStyleSheet()
                                                                 : QString());
}

void MatchPanel::confirmByKey()
{
    if (m_confirm->isEnabled())
        m_confirm->click();
}

void MatchPanel::overrideByKey()
{
    if (m_override->isEnabled())
        m_override->click();
}

void MatchPanel::secondaryByKey()
{
    if (m_secondary->isEnabled())
        m_secondary->click();
}

void MatchPanel::setActionsEnabled(bool enabled)
{
    for (QPushButton* button : {m_confirm, m_override, m_secondary})
        button->setEnabled(enabled);
    // A document the chip says is not genuine is never simply confirmed.
    if (enabled && m_outcome && m_outcome->reference && m_outcome->reference->documentNotGenuine()) {
        m_confirm->setEnabled(false);
        if (!m_actionWords)
            showActionFailed([] {
                return tr("The passport's chip is not genuine: the decision cannot be confirmed. Override it with a "
                          "reason or send the traveler to secondary; the encounter is in the supervisor's queue.");
            });
    }
    // Nor is a face that may be a printed photo or a screen: whatever it
    // matched, the traveler may not be the one in front of the camera.
    if (enabled && m_capture && m_capture->presentationAttack.isAttack()) {
        m_confirm->setEnabled(false);
        if (!m_actionWords)
            showActionFailed([] {
                return tr("Possible presentation attack (a photo or a screen held up to the camera): the decision "
                          "cannot be confirmed. Override it with a reason or send the traveler to secondary; the "
                          "encounter is in the supervisor's queue.");
            });
    }
}

void MatchPanel::askOverride()
{
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Override the decision"),
                                                 tr("Why is the decision overridden? (required)"), QLineEdit::Normal,
                                                 QString(), &ok)
                               .trimmed();
    if (!ok)
        return;
    if (reason.isEmpty()) {
        // Nothing silent: the officer learns why nothing happened.
        showActionFailed([] { return tr("Not overridden: an override needs its reason."); });
        return;
    }
    Q_EMIT overrideRequested(reason);
}

void MatchPanel::askSecondary()
{
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Send to secondary inspection"),
                                                 tr("Reason (optional):"), QLineEdit::Normal, QString(), &ok)
                               .trimmed();
    if (ok)
        Q_EMIT secondaryRequested(reason);
}

} // namespace fg
