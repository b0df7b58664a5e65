#pragma once

#include "core/workflow/Inspection.h"
#include "core/live/CaptureResult.h"

#include <QWidget>

#include <functional>
#include <optional>

class QEvent;
class QLabel;
class QPushButton;

namespace fg {

class ScoreBar;

// The capture beside the reference photo (the document's for 1:1, the best
// candidate's for 1:N), the score on a bar with the threshold marked, the
// decision in words and colour (MATCH / NO MATCH / NO FACE / POOR QUALITY),
// and who the reference is. The officer then confirms, overrides with a
// reason or sends the traveler to secondary, once; then the next traveler.
// Object names for GUI tests: "captureImage", "referenceImage", "decision",
// "scoreBar", "referenceDetails", "qualityWords", "confirmButton",
// "overrideButton", "secondaryButton", "nextButton", "actionState",
// "documentCheck" (what the passport's chip said of the document, in words and
// colour; a chip that is not genuine leaves no Confirm: override or secondary),
// "presentationAttack" (whether the face was a live one or a printed photo or
// screen held up, with its score and threshold; a possible attack leaves no
// Confirm either)
// ("decision" says NO DECISION and "actionState" why, when there is none).
class MatchPanel : public QWidget {
    Q_OBJECT
public:
    explicit MatchPanel(QWidget* parent = nullptr);

    void showOutcome(const CaptureResult& capture, const MatchOutcome& outcome);
    // The words are a function, called again when the language changes.
    using Words = std::function<QString()>;
    // A capture without a decision (the matching service did not answer):
    // the capture, "NO DECISION" and why in words; nothing to confirm, only
    // the next traveler.
    void showNoDecision(const CaptureResult& capture, Words why);
    bool hasNoDecision() const { return bool(m_noDecision); }
    // After the action was stored: "Confirmed · encounter 42", buttons off.
    void showActionRecorded(Words text);
    // The action could not be stored: said in words, the buttons stay.
    void showActionFailed(Words text);
    // The records are still storing the decision or the action on it: said
    // in words, and the buttons wait (off) until stopWaiting().
    void showWaiting(Words text);
    // Stored: the words go, the buttons are back as the outcome allows them.
    void stopWaiting();
    void clear();

    // The officer's keys (MainWindow): as a click on the button, when it is enabled.
    void confirmByKey();
    void overrideByKey();
    void secondaryByKey();

    bool hasOutcome() const { return m_outcome.has_value(); }
    const std::optional<MatchOutcome>& outcome() const { return m_outcome; }
    const std::optional<CaptureResult>& capture() const { return m_capture; }

    // "MATCH", "NO MATCH", "NO FACE", "POOR QUALITY".
    static QString decisionTitle(Encounter::Decision decision);
    // The presentation-attack decision for the officer: "Possible
    // presentation attack (score 0.93, threshold 0.50)", "Live face (...)",
    // "Presentation attack not assessed: <why>".
    static QString presentationAttackWords(const PadAssessment& assessment);

Q_SIGNALS:
    void confirmRequested();
    void overrideRequested(const QString& reason);
    void secondaryRequested(const QString& reason);
    void nextTravelerRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    // Every word on the panel in the interface language, the outcome's from
    // the outcome kept (called again on QEvent::LanguageChange).
    void retranslate();
    void showState();
    // Starts reading the reference photo shown beside the decision off the
    // GUI thread (none: nothing is read); showState() once it is read.
    void readReferencePhoto(const std::optional<ReferencePerson>& reference);
    void askOverride();
    void askSecondary();
    void setActionsEnabled(bool enabled);
    void showActionState();

    QLabel* m_captureImage = nullptr;
    QLabel* m_referenceImage = nullptr;
    QLabel* m_decision = nullptr;
    ScoreBar* m_scoreBar = nullptr;
    QLabel* m_referenceDetails = nullptr;
    QLabel* m_documentCheck = nullptr;
    QLabel* m_presentationAttack = nullptr;
    QLabel* m_qualityWords = nullptr;
    QLabel* m_actionState = nullptr;
    QLabel* m_captureTitle = nullptr;
    QLabel* m_referenceTitle = nullptr;
    QPushButton* m_confirm = nullptr;
    QPushButton* m_override = nullptr;
    QPushButton* m_secondary = nullptr;
    QPushButton* m_next = nullptr;
    Words m_actionWords; // what was said about the last action, none: nothing
    Words m_noDecision;  // why the capture on screen has no decision, none: it has one (or there is none)
    std::optional<CaptureResult> m_undecided;
    bool m_actionFailed = false;
    std::optional<MatchOutcome> m_outcome;
    std::optional<CaptureResult> m_capture;
    QImage m_referencePhoto; // read once per outcome, off the GUI thread
    bool m_readingReference = false;
    quint64 m_referenceTicket = 0; // an older outcome's photo, read late, is not shown
};

} // namespace fg
