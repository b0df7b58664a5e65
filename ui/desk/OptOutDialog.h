#pragma once

#include "core/documents/Mrz.h"
#include "core/workflow/AlternateProcedure.h"

#include <QDate>
#include <QDialog>

#include <functional>
#include <optional>

class QComboBox;
class QEvent;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace fg {

class InlineMessage;

// The traveler declined the photo: the officer verifies the document by hand
// (DOMAIN.md, step 5). The MRZ is typed, pasted or read by a keyboard-wedge
// reader and checked as it changes (MrzParser: every check digit, dates,
// expiry, with the field named and OCR corrections offered); then the
// visual checklist, the outcome and, unless verified, the reason. Logging it
// is the caller's (record), so the dialog holds no database.
// Object names for GUI tests: "mrzText", "mrzProblems", "mrzFields",
// "applySuggestion", "check-<id>", "outcome", "reason", "citizenship",
// "recordButton", "optOutMessage".
class OptOutDialog : public QDialog {
    Q_OBJECT
public:
    // Stores the procedure; the new record's id, or nullopt with *error.
    using Recorder = std::function<std::optional<qint64>(const AlternateProcedure& procedure, QString* error)>;

    // The visual checks of the checklist, in order: {id, words in the
    // interface language}.
    static std::vector<std::pair<QString, QString>> checklist();

    OptOutDialog(AlternateProcedure base, QDate today, Recorder record, QWidget* parent = nullptr);

    const MrzResult& mrz() const { return m_mrz; }
    // The id of the logged record, once accepted.
    qint64 recordedId() const { return m_recordedId; }
    // The procedure as it would be logged now.
    AlternateProcedure procedure() const;

    void submit();

    // The passport's chip was read (issue 19): "document-genuine-chip" is set
    // from its verdict ("genuine" passed, "not-genuine" failed, fixed; else
    // the officer's), "data-page-matches-chip" from the zone typed against the
    // chip's DG1 lines, and a document whose chip is not genuine cannot be
    // logged as verified.
    void useChip(const QStringList& chipMrzLines, const QString& verdict);

protected:
    void changeEvent(QEvent* event) override;

private:
    // Every word of the dialog in the interface language, the MRZ's findings
    // and the last message included (called again on QEvent::LanguageChange).
    void retranslate();
    void reread();
    void applyFirstSuggestion();
    void setCheck(const QString& id, int result); // result: a CheckResult, or -1 for none
    // The message is kept as the way to write it, so a language change
    // writes it again.
    void showMessage(std::function<QString()> text, bool problem);

    AlternateProcedure m_base;
    QDate m_today;
    Recorder m_record;
    MrzResult m_mrz;
    qint64 m_recordedId = 0;
    QStringList m_chipMrz;
    QString m_chipVerdict;
    QPlainTextEdit* m_mrzText = nullptr;
    QLabel* m_problems = nullptr;
    QLabel* m_fields = nullptr;
    QPushButton* m_apply = nullptr;
    QLineEdit* m_citizenship = nullptr;
    std::vector<std::pair<QString, QComboBox*>> m_checks;
    QComboBox* m_outcome = nullptr;
    QLineEdit* m_reason = nullptr;
    InlineMessage* m_message = nullptr;
    QLabel* m_intro = nullptr;
    QLabel* m_mrzLabel = nullptr;
    QGroupBox* m_checksBox = nullptr;
    QFormLayout* m_form = nullptr;
    QPushButton* m_recordButton = nullptr;
};

} // namespace fg
