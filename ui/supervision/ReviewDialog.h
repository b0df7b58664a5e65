#pragma once

#include "core/security/UserAccount.h"
#include "core/workflow/QueueItem.h"

#include <QDialog>

#include <functional>
#include <optional>

class QButtonGroup;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTableWidget;

namespace fg {

class Clock;
class EncounterStore;
class InlineMessage;
class ReviewQueue;
class ScoreBar;
class ZoomablePhoto;

// One queue item under review: the capture and the reference photo side by
// side at full resolution with zoom (each opening is an audited key
// access), the score against the threshold, the other top candidates of a
// 1:N search, the quality report, the officer's action and note, the
// document. A supervisor claims the item, then resolves it with one of the
// four resolutions and a note (or releases it); an auditor reads it and can
// do neither. Photos already purged by retention show as purged, with their
// deletion record. Opening the review is an audit event (ReviewQueue::review).
class ReviewDialog : public QDialog {
    Q_OBJECT
public:
    ReviewDialog(const ReviewQueue& queue, const EncounterStore& encounters, const Clock& clock, UserAccount user,
                 qint64 itemId, QWidget* parent = nullptr);
    ~ReviewDialog() override;

    qint64 itemId() const { return m_itemId; }
    // Reads the item (audited) and opens its photos; false with *error when
    // the item cannot be read (the dialog then shows why).
    bool load(QString* error);
    const std::optional<QueueItemReview>& review() const { return m_review; }

    bool claim(QString* error);
    bool release(QString* error);
    bool resolve(SupervisorDecision::Resolution resolution, const QString& note, QString* error);

    ZoomablePhoto& capturePhoto() { return *m_capture; }
    ZoomablePhoto& referencePhoto() { return *m_reference; }
    QString messageText() const;

Q_SIGNALS:
    // The item was claimed, released or resolved here: the queue's table can re-read it.
    void itemChanged(qint64 itemId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void showReview(const QueueItemReview& review);
    void showPhoto(ZoomablePhoto* view, bool reference);
    void showCandidates(const QueueItemReview& review);
    void showDetails(const QueueItemReview& review);
    void updateActions();
    void showMessage(std::function<QString()> text, bool problem);
    void resolveChosen();
    std::vector<DeletionRecord> photoDeletions(const QString& role) const;
    QString purgedWords(const QString& role) const;

    const ReviewQueue& m_queue;
    const EncounterStore& m_encounters;
    const Clock& m_clock;
    UserAccount m_user;
    qint64 m_itemId;
    std::optional<QueueItemReview> m_review;

    QLabel* m_title;
    QLabel* m_state;
    ZoomablePhoto* m_capture;
    ZoomablePhoto* m_reference;
    ScoreBar* m_score;
    QLabel* m_decision;
    QGroupBox* m_candidatesBox;
    QTableWidget* m_candidates;
    QGroupBox* m_detailsBox;
    QLabel* m_details;
    QGroupBox* m_resolutionBox;
    QButtonGroup* m_resolutions;
    QRadioButton* m_identityConfirmed;
    QRadioButton* m_secondary;
    QRadioButton* m_impostor;
    QRadioButton* m_captureProblem;
    QLabel* m_noteLabel;
    QPlainTextEdit* m_note;
    QLabel* m_readOnly;
    InlineMessage* m_message;
    QPushButton* m_claim;
    QPushButton* m_release;
    QPushButton* m_resolve;
    QPushButton* m_close;
};

} // namespace fg
