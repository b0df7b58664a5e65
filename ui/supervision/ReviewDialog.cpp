#include "ui/supervision/ReviewDialog.h"

#include "core/biometrics/QualityWords.h"
#include "core/security/KeyStore.h"
#include "core/storage/Clock.h"
#include "core/workflow/EncounterStore.h"
#include "core/workflow/ReviewQueue.h"
#include "ui/supervision/QueueTableModel.h"
#include "ui/widgets/InlineMessage.h"
#include "ui/widgets/ScoreBar.h"
#include "ui/widgets/ZoomablePhoto.h"

#include <QButtonGroup>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QImage>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fg {
namespace {

QString localTime(const QDateTime& time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString number(double value)
{
    return QLocale().toString(value, 'f', 3);
}

// "<b>Label</b> value<br/>" rows, values escaped; empty values left out.
void addRow(QString* html, const QString& label, const QString& value)
{
    if (value.trimmed().isEmpty())
        return;
    *html += QStringLiteral("<b>%1</b> %2<br/>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}

QString officerActionWords(const std::optional<Encounter::OfficerAction>& action)
{
    if (!action)
        return ReviewDialog::tr("none recorded");
    switch (*action) {
    case Encounter::OfficerAction::Confirm:
        return ReviewDialog::tr("confirmed the decision");
    case Encounter::OfficerAction::Override:
        return ReviewDialog::tr("overrode the decision");
    case Encounter::OfficerAction::SendToSecondary:
        return ReviewDialog::tr("sent the traveler to secondary inspection");
    }
    return {};
}

} // namespace

ReviewDialog::ReviewDialog(const ReviewQueue& queue, const EncounterStore& encounters, const Clock& clock,
                           UserAccount user, qint64 itemId, QWidget* parent)
    : QDialog(parent)
    , m_queue(queue)
    , m_encounters(encounters)
    , m_clock(clock)
    , m_user(std::move(user))
    , m_itemId(itemId)
    , m_title(new QLabel(this))
    , m_state(new QLabel(this))
    , m_capture(new ZoomablePhoto(this))
    , m_reference(new ZoomablePhoto(this))
    , m_score(new ScoreBar(this))
    , m_decision(new QLabel(this))
    , m_candidatesBox(new QGroupBox(this))
    , m_candidates(new QTableWidget(this))
    , m_detailsBox(new QGroupBox(this))
    , m_details(new QLabel(this))
    , m_resolutionBox(new QGroupBox(this))
    , m_resolutions(new QButtonGroup(this))
    , m_identityConfirmed(new QRadioButton(this))
    , m_secondary(new QRadioButton(this))
    , m_impostor(new QRadioButton(this))
    , m_captureProblem(new QRadioButton(this))
    , m_noteLabel(new QLabel(this))
    , m_note(new QPlainTextEdit(this))
    , m_readOnly(new QLabel(this))
    , m_message(new InlineMessage(this))
    , m_claim(new QPushButton(this))
    , m_release(new QPushButton(this))
    , m_resolve(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("reviewDialog"));
    m_title->setObjectName(QStringLiteral("reviewTitle"));
    m_state->setObjectName(QStringLiteral("reviewState"));
    m_capture->setObjectName(QStringLiteral("capturePhoto"));
    m_reference->setObjectName(QStringLiteral("referencePhoto"));
    m_score->setObjectName(QStringLiteral("reviewScore"));
    m_decision->setObjectName(QStringLiteral("reviewDecision"));
    m_candidates->setObjectName(QStringLiteral("candidatesTable"));
    m_details->setObjectName(QStringLiteral("reviewDetails"));
    m_identityConfirmed->setObjectName(QStringLiteral("identityConfirmedChoice"));
    m_secondary->setObjectName(QStringLiteral("secondaryInspectionChoice"));
    m_impostor->setObjectName(QStringLiteral("suspectedImpostorChoice"));
    m_captureProblem->setObjectName(QStringLiteral("captureProblemChoice"));
    m_note->setObjectName(QStringLiteral("resolutionNote"));
    m_readOnly->setObjectName(QStringLiteral("readOnlyNotice"));
    m_message->setObjectName(QStringLiteral("reviewMessage"));
    m_claim->setObjectName(QStringLiteral("claimButton"));
    m_release->setObjectName(QStringLiteral("releaseButton"));
    m_resolve->setObjectName(QStringLiteral("resolveButton"));
    m_close->setObjectName(QStringLiteral("closeButton"));

    m_title->setStyleSheet(QStringLiteral("font-size: 14pt; font-weight: bold;"));
    m_decision->setStyleSheet(QStringLiteral("font-size: 13pt; font-weight: bold;"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readOnly->setWordWrap(true);
    m_note->setTabChangesFocus(true);
    m_note->setMaximumHeight(64);

    m_candidates->setColumnCount(3);
    m_candidates->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_candidates->setSelectionMode(QAbstractItemView::NoSelection);
    m_candidates->verticalHeader()->hide();
    m_candidates->horizontalHeader()->setStretchLastSection(true);

    int id = 0;
    for (QRadioButton* choice : {m_identityConfirmed, m_secondary, m_impostor, m_captureProblem})
        m_resolutions->addButton(choice, id++);

    // Photos side by side; the words about them on the right.
    auto* photos = new QSplitter(Qt::Horizontal, this);
    photos->addWidget(m_capture);
    photos->addWidget(m_reference);
    photos->setChildrenCollapsible(false);

    auto* candidatesLayout = new QVBoxLayout(m_candidatesBox);
    candidatesLayout->addWidget(m_candidates);
    auto* detailsLayout = new QVBoxLayout(m_detailsBox);
    detailsLayout->addWidget(m_details);
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(m_decision);
    sideLayout->addWidget(m_score);
    sideLayout->addWidget(m_candidatesBox);
    sideLayout->addWidget(m_detailsBox, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(side);
    scroll->setWidgetResizable(true);
    scroll->setMinimumWidth(360);

    auto* middle = new QSplitter(Qt::Horizontal, this);
    middle->addWidget(photos);
    middle->addWidget(scroll);
    middle->setStretchFactor(0, 3);
    middle->setStretchFactor(1, 2);
    middle->setChildrenCollapsible(false);

    auto* choices = new QHBoxLayout;
    for (QRadioButton* choice : {m_identityConfirmed, m_secondary, m_impostor, m_captureProblem})
        choices->addWidget(choice);
    choices->addStretch(1);
    auto* resolutionLayout = new QVBoxLayout(m_resolutionBox);
    resolutionLayout->addLayout(choices);
    resolutionLayout->addWidget(m_noteLabel);
    resolutionLayout->addWidget(m_note);
    m_noteLabel->setBuddy(m_note);

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_readOnly, 1);
    buttons->addWidget(m_claim);
    buttons->addWidget(m_release);
    buttons->addWidget(m_resolve);
    buttons->addWidget(m_close);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_state);
    layout->addWidget(middle, 1);
    layout->addWidget(m_resolutionBox);
    layout->addWidget(m_message);
    layout->addLayout(buttons);

    connect(m_claim, &QPushButton::clicked, this, [this] {
        QString error;
        claim(&error);
    });
    connect(m_release, &QPushButton::clicked, this, [this] {
        QString error;
        release(&error);
    });
    connect(m_resolve, &QPushButton::clicked, this, &ReviewDialog::resolveChosen);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_resolutions, &QButtonGroup::idClicked, this, &ReviewDialog::updateActions);
    connect(m_note, &QPlainTextEdit::textChanged, this, &ReviewDialog::updateActions);
    // The keys printed on the buttons. Not the buttons' own shortcut: setText()
    // with an '&' mnemonic replaces it. A click does nothing on a disabled
    // button, so the keys follow the buttons' state.
    const auto key = [this](const QKeySequence& sequence, QAbstractButton* button) {
        auto* shortcut = new QShortcut(sequence, this);
        connect(shortcut, &QShortcut::activated, button, &QAbstractButton::click);
    };
    key(QKeySequence(Qt::CTRL | Qt::Key_K), m_claim);
    key(QKeySequence(Qt::CTRL | Qt::Key_Return), m_resolve); // the main Enter key
    key(QKeySequence(Qt::CTRL | Qt::Key_Enter), m_resolve);  // the keypad's

    resize(1280, 720);
    retranslate();
    updateActions();
}

ReviewDialog::~ReviewDialog() = default;

bool ReviewDialog::load(QString* error)
{
    std::optional<QueueItemReview> review = m_queue.review(m_itemId, m_user, error);
    if (!review) {
        const QString why = *error;
        m_review.reset();
        showMessage([why] { return tr("The item could not be read: %1").arg(why); }, true);
        updateActions();
        return false;
    }
    m_review = std::move(*review);
    showReview(*m_review);
    showPhoto(m_capture, false);
    showPhoto(m_reference, true);
    return true;
}

bool ReviewDialog::claim(QString* error)
{
    if (!m_queue.claim(m_itemId, m_user, error)) {
        const QString why = *error;
        showMessage([why] { return tr("Not claimed: %1").arg(why); }, true);
        return false;
    }
    if (std::optional<QueueItem> item = m_queue.find(m_itemId, m_user, error); item && m_review) {
        m_review->item = std::move(*item);
        showReview(*m_review);
    }
    showMessage([] { return tr("Claimed: no other supervisor can resolve this item while you hold it."); }, false);
    Q_EMIT itemChanged(m_itemId);
    return true;
}

bool ReviewDialog::release(QString* error)
{
    if (!m_queue.release(m_itemId, m_user, m_note->toPlainText().trimmed(), error)) {
        const QString why = *error;
        showMessage([why] { return tr("Not released: %1").arg(why); }, true);
        return false;
    }
    if (std::optional<QueueItem> item = m_queue.find(m_itemId, m_user, error); item && m_review) {
        m_review->item = std::move(*item);
        showReview(*m_review);
    }
    showMessage([] { return tr("Released: the item is back in the queue."); }, false);
    Q_EMIT itemChanged(m_itemId);
    return true;
}

bool ReviewDialog::resolve(SupervisorDecision::Resolution resolution, const QString& note, QString* error)
{
    const std::optional<SupervisorDecision> decision = m_queue.resolve(m_itemId, resolution, note, m_user, error);
    if (!decision) {
        const QString why = *error;
        showMessage([why] { return tr("Not resolved: %1").arg(why); }, true);
        return false;
    }
    if (m_review) {
        if (std::optional<QueueItem> item = m_queue.find(m_itemId, m_user, error))
            m_review->item = std::move(*item);
        m_review->decisions.push_back(*decision);
        showReview(*m_review);
    }
    const SupervisorDecision::Resolution chosen = decision->resolution;
    showMessage([chosen] { return tr("Resolved: %1.").arg(QueueTableModel::resolutionWords(chosen)); }, false);
    Q_EMIT itemChanged(m_itemId);
    return true;
}

QString ReviewDialog::messageText() const
{
    return m_message->text();
}

void ReviewDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void ReviewDialog::retranslate()
{
    setWindowTitle(tr("Review queue item %1").arg(m_itemId));
    m_candidatesBox->setTitle(tr("Top candidates of the search"));
    m_candidates->setHorizontalHeaderLabels({tr("Rank"), tr("Candidate"), tr("Score")});
    m_detailsBox->setTitle(tr("Encounter"));
    m_resolutionBox->setTitle(tr("Resolution"));
    m_identityConfirmed->setText(tr("&Identity confirmed (false non-match)"));
    m_secondary->setText(tr("Referred to &secondary inspection"));
    m_impostor->setText(tr("Suspected i&mpostor"));
    m_captureProblem->setText(tr("Capture &problem (lighting, camera, pose)"));
    m_noteLabel->setText(tr("&Note (required)"));
    m_note->setPlaceholderText(tr("What you checked and why you decided so"));
    m_readOnly->setText(tr("Read-only: auditors see the review but do not claim or resolve."));
    m_claim->setText(tr("&Claim (Ctrl+K)"));
    m_release->setText(tr("Re&lease"));
    m_resolve->setText(tr("&Resolve (Ctrl+Enter)"));
    m_close->setText(tr("Close"));
    if (m_review) {
        showReview(*m_review);
        showPhoto(m_capture, false);
        showPhoto(m_reference, true);
    }
}

void ReviewDialog::showReview(const QueueItemReview& review)
{
    const QueueItem& item = review.item;
    const QDateTime end = item.resolution ? item.resolution->decidedAt : m_clock.now();
    m_title->setText(tr("Queue item %1 · %2 · encounter %3")
                         .arg(item.id)
                         .arg(QueueTableModel::reasonWords(item))
                         .arg(item.encounterId));
    QString state;
    switch (item.state) {
    case QueueItem::State::Open:
        state = tr("Open since %1 (waiting %2). Claim it to resolve it.")
                    .arg(localTime(item.createdAt), QueueTableModel::durationWords(item.createdAt.secsTo(end)));
        break;
    case QueueItem::State::Claimed:
        state = item.claimedBy == m_user.name
                    ? tr("Claimed by you since %1.").arg(localTime(item.claimedAt))
                    : tr("Claimed by %1 since %2.").arg(item.claimedBy, localTime(item.claimedAt));
        break;
    case QueueItem::State::Resolved:
        state = item.resolution ? tr("Resolved by %1 on %2: %3.")
                                      .arg(item.resolution->supervisor, localTime(item.resolution->decidedAt),
                                           QueueTableModel::resolutionWords(item.resolution->resolution))
                                : tr("Resolved.");
        break;
    }
    m_state->setText(state);
    m_decision->setText(tr("Decision: %1").arg(QueueTableModel::decisionWords(item.decision)));
    m_score->setScore(item.score, item.threshold.value_or(0.0));
    showCandidates(review);
    showDetails(review);
    updateActions();
}

// The deletion records of the photo in that role; a photo deleted before
// schema 5 has no role recorded and is counted for both.
std::vector<DeletionRecord> ReviewDialog::photoDeletions(const QString& role) const
{
    std::vector<DeletionRecord> found;
    if (!m_review)
        return found;
    for (const DeletionRecord& deletion : m_review->deletions) {
        if (deletion.what == QLatin1String("photo") && (deletion.role.isEmpty() || deletion.role == role))
            found.push_back(deletion);
    }
    return found;
}

QString ReviewDialog::purgedWords(const QString& role) const
{
    QStringList lines;
    for (const DeletionRecord& deletion : photoDeletions(role)) {
        lines << tr("Purged on %1 by rule %2 (verified %3, due %4) by %5 · deletion record %6")
                     .arg(localTime(deletion.deletedAt), deletion.rule, localTime(deletion.verifiedAt),
                          localTime(deletion.dueAt), deletion.deletedBy)
                     .arg(deletion.id);
    }
    return lines.isEmpty() ? tr("Purged: the photo is no longer stored.") : lines.join(QLatin1Char('\n'));
}

void ReviewDialog::showPhoto(ZoomablePhoto* view, bool reference)
{
    const QString caption = reference ? tr("Reference photo") : tr("Capture");
    const QString role = reference ? QStringLiteral("reference") : QStringLiteral("capture"); // photos.role
    if (!m_review) {
        view->setMessage(caption, QString());
        return;
    }
    const bool stored = reference ? m_review->hasReferencePhoto : m_review->hasCapturePhoto;
    if (!stored) {
        // Gone by retention (or the traveler's opt-out): the deletion record says when and why.
        const bool purged = !photoDeletions(role).empty();
        view->setMessage(caption, purged ? purgedWords(role)
                                         : (reference ? tr("No reference photo was stored with this encounter.")
                                                      : tr("No capture was stored with this encounter.")));
        return;
    }
    // Every opening is a key access in the audit log, with the reason.
    const KeyAccess access{m_user.actor(), QStringLiteral("supervisor review of queue item %1").arg(m_itemId)};
    bool purged = false;
    QString error;
    const std::optional<QByteArray> bytes =
        m_encounters.photo(m_review->item.encounterId, access, &purged, &error,
                           reference ? EncounterStore::PhotoRole::Reference : EncounterStore::PhotoRole::Capture);
    if (!bytes) {
        view->setMessage(caption, purged ? purgedWords(role) : tr("The photo could not be opened: %1").arg(error));
        return;
    }
    const QImage image = QImage::fromData(*bytes);
    if (image.isNull()) {
        view->setMessage(caption, tr("The stored photo could not be decoded."));
        return;
    }
    view->setPhoto(image, tr("%1 · %2 × %3").arg(caption).arg(image.width()).arg(image.height()));
}

void ReviewDialog::showCandidates(const QueueItemReview& review)
{
    const QJsonArray top = review.encounter.candidates.value(QStringLiteral("top")).toArray();
    m_candidatesBox->setVisible(!top.isEmpty());
    m_candidates->setRowCount(int(top.size()));
    const std::optional<double> threshold = review.item.threshold;
    for (int row = 0; row < top.size(); ++row) {
        const QJsonObject candidate = top.at(row).toObject();
        const double score = candidate.value(QStringLiteral("score")).toDouble();
        const QString name = candidate.value(QStringLiteral("name")).toString();
        const QString words = !threshold ? number(score)
                              : score >= *threshold ? tr("%1 · above the threshold").arg(number(score))
                                                    : tr("%1 · below the threshold").arg(number(score));
        m_candidates->setItem(row, 0, new QTableWidgetItem(QLocale().toString(row + 1)));
        m_candidates->setItem(row, 1, new QTableWidgetItem(name.isEmpty() ? candidate.value(QStringLiteral("traveler_id")).toString() : name));
        m_candidates->setItem(row, 2, new QTableWidgetItem(words));
    }
    m_candidates->resizeColumnsToContents();
    // As tall as its rows (at most the five a search keeps): no empty box.
    int height = m_candidates->horizontalHeader()->height() + 2 * m_candidates->frameWidth();
    for (int row = 0; row < m_candidates->rowCount(); ++row)
        height += m_candidates->rowHeight(row);
    m_candidates->setFixedHeight(height);
}

void ReviewDialog::showDetails(const QueueItemReview& review)
{
    const QueueItem& item = review.item;
    const Encounter& encounter = review.encounter;
    QString html;
    addRow(&html, tr("Flight"), item.flight);
    addRow(&html, tr("Camera"), item.camera);
    addRow(&html, tr("Workstation"), item.workstation);
    addRow(&html, tr("Partner"), item.partner);
    addRow(&html, tr("Captured"), localTime(item.capturedAt));
    if (item.threshold)
        addRow(&html, tr("Threshold"),
               encounter.fmrTarget ? tr("%1 (false match rate %2)")
                                         .arg(number(*item.threshold), QLocale().toString(*encounter.fmrTarget, 'g', 2))
                                   : number(*item.threshold));

    html += QStringLiteral("<h4>%1</h4>").arg(tr("Officer").toHtmlEscaped());
    addRow(&html, tr("Officer"), item.officer);
    addRow(&html, tr("Action"), officerActionWords(item.officerAction));
    addRow(&html, tr("Officer's note"), item.officerNote);

    html += QStringLiteral("<h4>%1</h4>").arg(tr("Quality").toHtmlEscaped());
    const QJsonObject quality = encounter.quality;
    // No checks is no report (an encounter added by the CLI, say), never "all passed".
    if (quality.value(QStringLiteral("checks")).toArray().isEmpty()) {
        html += tr("No quality report (no face was analysed).").toHtmlEscaped() + QStringLiteral("<br/>");
    } else {
        QStringList failed;
        for (const QJsonValue& value : quality.value(QStringLiteral("checks")).toArray()) {
            const QJsonObject check = value.toObject();
            if (!check.value(QStringLiteral("passed")).toBool())
                failed << QualityWords::translated(QualityWords::of(check.value(QStringLiteral("reason")).toString()));
        }
        addRow(&html, tr("Checks"), failed.isEmpty() ? tr("all passed") : tr("failed: %1").arg(failed.join(QStringLiteral(", "))));
        addRow(&html, tr("Pose"),
               tr("yaw %1°, pitch %2°, roll %3°")
                   .arg(quality.value(QStringLiteral("yaw")).toDouble())
                   .arg(quality.value(QStringLiteral("pitch")).toDouble())
                   .arg(quality.value(QStringLiteral("roll")).toDouble()));
        addRow(&html, tr("Eyes"),
               tr("%1 px apart").arg(quality.value(QStringLiteral("inter_eye_distance")).toDouble()));
        addRow(&html, tr("Sharpness"), QLocale().toString(quality.value(QStringLiteral("sharpness")).toDouble()));
        addRow(&html, tr("Faces in view"), QLocale().toString(quality.value(QStringLiteral("face_count")).toInt()));
    }

    html += QStringLiteral("<h4>%1</h4>").arg(tr("Traveler and document").toHtmlEscaped());
    const QString name = QStringList{review.givenNames, review.surname}.join(QLatin1Char(' ')).trimmed();
    addRow(&html, tr("Name"), name);
    addRow(&html, tr("Nationality"), review.citizenship == QStringLiteral("XXX") ? tr("not established") : review.citizenship);
    addRow(&html, tr("Document"), QStringList{review.documentKind, review.documentNumber}.join(QLatin1Char(' ')).trimmed());
    addRow(&html, tr("Issued by"), review.issuingState);
    addRow(&html, tr("Expires"), review.documentExpiry);
    if (review.documentNumber.isEmpty())
        html += tr("No document was recorded with this encounter.").toHtmlEscaped() + QStringLiteral("<br/>");

    if (!review.decisions.empty()) {
        html += QStringLiteral("<h4>%1</h4>").arg(tr("Supervisors' decisions").toHtmlEscaped());
        for (const SupervisorDecision& decision : review.decisions)
            addRow(&html, localTime(decision.decidedAt),
                   tr("%1 by %2: %3").arg(QueueTableModel::resolutionWords(decision.resolution), decision.supervisor, decision.note));
    }
    if (!review.deletions.empty()) {
        html += QStringLiteral("<h4>%1</h4>").arg(tr("Deleted by retention").toHtmlEscaped());
        for (const DeletionRecord& deletion : review.deletions)
            addRow(&html,
                   deletion.what != QLatin1String("photo") ? tr("Template")
                   : deletion.role == QLatin1String("reference") ? tr("Reference photo")
                   : deletion.role == QLatin1String("capture")   ? tr("Capture")
                                                                 : tr("Photo"),
                   tr("%1 by rule %2 on %3 (record %4)")
                       .arg(deletion.recordId, deletion.rule, localTime(deletion.deletedAt))
                       .arg(deletion.id));
    }
    m_details->setText(html);
}

void ReviewDialog::updateActions()
{
    const bool mayWork = ReviewQueue::mayWork(m_user.role);
    const bool loaded = m_review.has_value();
    const QueueItem::State state = loaded ? m_review->item.state : QueueItem::State::Resolved;
    const bool mine = loaded && state == QueueItem::State::Claimed && m_review->item.claimedBy == m_user.name;
    m_readOnly->setVisible(!mayWork);
    m_claim->setVisible(mayWork);
    m_release->setVisible(mayWork);
    m_resolve->setVisible(mayWork);
    m_resolutionBox->setVisible(mayWork && loaded && state != QueueItem::State::Resolved);
    m_claim->setEnabled(mayWork && loaded && state != QueueItem::State::Resolved && !mine);
    m_release->setEnabled(mine);
    m_resolutionBox->setEnabled(mine);
    m_resolve->setEnabled(mine && m_resolutions->checkedId() >= 0 && !m_note->toPlainText().trimmed().isEmpty());
}

void ReviewDialog::showMessage(std::function<QString()> text, bool problem)
{
    m_message->say(std::move(text), problem ? InlineMessage::Kind::Problem : InlineMessage::Kind::Done);
}

void ReviewDialog::resolveChosen()
{
    if (!m_resolve->isEnabled())
        return;
    static const SupervisorDecision::Resolution kChoices[] = {
        SupervisorDecision::Resolution::IdentityConfirmed, SupervisorDecision::Resolution::SecondaryInspection,
        SupervisorDecision::Resolution::SuspectedImpostor, SupervisorDecision::Resolution::CaptureProblem};
    const int chosen = m_resolutions->checkedId();
    if (chosen < 0 || chosen >= int(std::size(kChoices)))
        return;
    QString error;
    resolve(kChoices[chosen], m_note->toPlainText(), &error);
}

} // namespace fg
