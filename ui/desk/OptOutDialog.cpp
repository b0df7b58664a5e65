#include "ui/desk/OptOutDialog.h"

#include "core/documents/MrzParser.h"
#include "ui/widgets/InlineMessage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace fg {
namespace {

QString documentKind(const MrzDocument& document)
{
    switch (document.format) {
    case MrzFormat::TD3:
        return QStringLiteral("passport");
    case MrzFormat::TD1:
    case MrzFormat::TD2:
        return QStringLiteral("id-card");
    case MrzFormat::MRVA:
    case MrzFormat::MRVB:
        return QStringLiteral("visa");
    }
    return QStringLiteral("document");
}

// The kind in words, for the officer (documentKind is what is stored).
QString documentKindWords(const MrzDocument& document)
{
    switch (document.format) {
    case MrzFormat::TD3:
        return OptOutDialog::tr("passport");
    case MrzFormat::TD1:
    case MrzFormat::TD2:
        return OptOutDialog::tr("identity card");
    case MrzFormat::MRVA:
    case MrzFormat::MRVB:
        return OptOutDialog::tr("visa");
    }
    return OptOutDialog::tr("document");
}

} // namespace

std::vector<std::pair<QString, QString>> OptOutDialog::checklist()
{
    static const std::pair<const char*, const char*> items[] = {
        {"photo-matches-holder", QT_TR_NOOP("The document photo shows the traveler")},
        {"data-page-matches-mrz", QT_TR_NOOP("The data page agrees with the MRZ")},
        {"security-features", QT_TR_NOOP("Security features present (hologram, UV, microprint)")},
        {"no-tampering", QT_TR_NOOP("No sign of tampering (laminate, pages, stitching)")},
        {"not-expired", QT_TR_NOOP("The document has not expired")},
        // Filled from the passport's chip when one was read (useChip).
        {"data-page-matches-chip", QT_TR_NOOP("The data page agrees with the chip")},
        {"document-genuine-chip", QT_TR_NOOP("The chip proves the document genuine")},
    };
    std::vector<std::pair<QString, QString>> checks;
    for (const auto& [id, words] : items)
        checks.emplace_back(QString::fromLatin1(id), tr(words));
    return checks;
}

OptOutDialog::OptOutDialog(AlternateProcedure base, QDate today, Recorder record, QWidget* parent)
    : QDialog(parent)
    , m_base(std::move(base))
    , m_today(today)
    , m_record(std::move(record))
    , m_mrzText(new QPlainTextEdit(this))
    , m_problems(new QLabel(this))
    , m_fields(new QLabel(this))
    , m_apply(new QPushButton(this))
    , m_citizenship(new QLineEdit(this))
    , m_outcome(new QComboBox(this))
    , m_reason(new QLineEdit(this))
    , m_message(new InlineMessage(this))
    , m_intro(new QLabel(this))
    , m_mrzLabel(new QLabel(this))
    , m_checksBox(new QGroupBox(this))
{
    setModal(true);
    m_mrzText->setObjectName(QStringLiteral("mrzText"));
    m_problems->setObjectName(QStringLiteral("mrzProblems"));
    m_fields->setObjectName(QStringLiteral("mrzFields"));
    m_apply->setObjectName(QStringLiteral("applySuggestion"));
    m_citizenship->setObjectName(QStringLiteral("citizenship"));
    m_outcome->setObjectName(QStringLiteral("outcome"));
    m_reason->setObjectName(QStringLiteral("reason"));
    m_message->setObjectName(QStringLiteral("optOutMessage"));

    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_mrzText->setFont(fixed);
    m_mrzText->setTabChangesFocus(true);
    m_mrzText->setFixedHeight(QFontMetrics(fixed).height() * 4 + 12);
    for (QLabel* label : {m_problems, m_fields}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_citizenship->setMaxLength(3);
    // The words are set by retranslate(); the data say what each item means.
    for (AlternateProcedure::Outcome outcome : {AlternateProcedure::Outcome::Verified,
                                                AlternateProcedure::Outcome::NotVerified,
                                                AlternateProcedure::Outcome::ReferredToSecondary})
        m_outcome->addItem(QString(), int(outcome));
    m_intro->setWordWrap(true);

    m_checksBox->setObjectName(QStringLiteral("visualChecks"));
    auto* checkForm = new QFormLayout(m_checksBox);
    for (const auto& [id, words] : checklist()) {
        auto* result = new QComboBox(m_checksBox);
        result->setObjectName(QStringLiteral("check-") + id);
        result->addItem(QString(), -1);
        for (AlternateProcedure::CheckResult check : {AlternateProcedure::CheckResult::Passed,
                                                      AlternateProcedure::CheckResult::Failed,
                                                      AlternateProcedure::CheckResult::NotApplicable})
            result->addItem(QString(), int(check));
        checkForm->addRow(words, result);
        m_checks.emplace_back(id, result);
    }

    m_form = new QFormLayout;
    for (QWidget* field : std::initializer_list<QWidget*>{m_citizenship, m_outcome, m_reason}) {
        auto* label = new QLabel(this); // its words: retranslate()
        label->setBuddy(field);
        m_form->addRow(label, field);
    }

    auto* buttons = new QDialogButtonBox(this);
    m_recordButton = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_recordButton->setObjectName(QStringLiteral("recordButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &OptOutDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_mrzText, &QPlainTextEdit::textChanged, this, &OptOutDialog::reread);
    connect(m_apply, &QPushButton::clicked, this, &OptOutDialog::applyFirstSuggestion);

    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grows with the MRZ's fields and problems
    layout->addWidget(m_intro);
    m_mrzLabel->setBuddy(m_mrzText);
    layout->addWidget(m_mrzLabel);
    layout->addWidget(m_mrzText);
    layout->addWidget(m_problems);
    layout->addWidget(m_apply);
    layout->addWidget(m_fields);
    layout->addWidget(m_checksBox);
    layout->addLayout(m_form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    m_mrzText->setFocus();
    retranslate();
}

void OptOutDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void OptOutDialog::retranslate()
{
    setWindowTitle(tr("Opt-out: manual document verification"));
    m_intro->setText(tr("The traveler declined the photo. No photo is taken or kept; verify the document "
                        "by hand and log the alternate procedure."));
    m_mrzLabel->setText(tr("&MRZ"));
    m_mrzText->setPlaceholderText(tr("Type, paste or scan the machine-readable zone"));
    m_apply->setText(tr("&Apply suggestion"));
    m_citizenship->setPlaceholderText(tr("from the MRZ, or as on the document"));
    m_reason->setPlaceholderText(tr("required unless verified"));
    for (int i = 0; i < m_outcome->count(); ++i) {
        switch (AlternateProcedure::Outcome(m_outcome->itemData(i).toInt())) {
        case AlternateProcedure::Outcome::Verified:
            m_outcome->setItemText(i, tr("Verified"));
            break;
        case AlternateProcedure::Outcome::NotVerified:
            m_outcome->setItemText(i, tr("Not verified"));
            break;
        case AlternateProcedure::Outcome::ReferredToSecondary:
            m_outcome->setItemText(i, tr("Referred to secondary"));
            break;
        }
    }
    m_checksBox->setTitle(tr("Visual checks"));
    auto* checkForm = qobject_cast<QFormLayout*>(m_checksBox->layout());
    const std::vector<std::pair<QString, QString>> words = checklist();
    for (std::size_t i = 0; i < m_checks.size() && i < words.size(); ++i) {
        QComboBox* result = m_checks[i].second;
        if (auto* label = qobject_cast<QLabel*>(checkForm->labelForField(result)))
            label->setText(words[i].second);
        for (int item = 0; item < result->count(); ++item) {
            const int value = result->itemData(item).toInt();
            result->setItemText(item, value < 0 ? tr("not done")
                                      : value == int(AlternateProcedure::CheckResult::Passed) ? tr("passed")
                                      : value == int(AlternateProcedure::CheckResult::Failed) ? tr("failed")
                                                                                               : tr("not applicable"));
        }
    }
    const std::pair<QWidget*, QString> formLabels[] = {
        {m_citizenship, tr("&Nationality")}, {m_outcome, tr("&Outcome")}, {m_reason, tr("&Reason")}};
    for (const auto& [field, text] : formLabels) {
        if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(field)))
            label->setText(text);
    }
    m_recordButton->setText(tr("&Log alternate procedure"));
    reread();
}

void OptOutDialog::reread()
{
    m_mrz = MrzParser::parse(m_mrzText->toPlainText(), m_today);
    QStringList problems;
    bool suggestion = false;
    for (const MrzProblem& problem : m_mrz.problems) {
        problems << (problem.severity == MrzSeverity::Error ? tr("✗ %1") : tr("! %1")).arg(problem.message);
        for (const MrzSuggestion& offer : problem.suggestions) {
            problems << tr("    %1").arg(offer.message);
            suggestion = true;
        }
    }
    const bool empty = m_mrzText->toPlainText().trimmed().isEmpty();
    m_problems->setText(empty ? QString() : problems.isEmpty() ? tr("✓ The MRZ is correct.") : problems.join(QLatin1Char('\n')));
    m_problems->setStyleSheet(!empty && m_mrz.hasErrors() ? InlineMessage::problemStyleSheet() : QString());
    m_apply->setVisible(suggestion);

    QStringList fields;
    if (m_mrz.document) {
        const MrzDocument& d = *m_mrz.document;
        fields << tr("%1 · %2 · issued by %3").arg(mrzFormatName(d.format), documentKindWords(d), d.issuingState)
               << tr("Name: %1 %2").arg(d.secondaryIdentifier, d.primaryIdentifier)
               << tr("Document number: %1 · nationality %2").arg(d.documentNumber, d.nationality)
               << tr("Born %1 · sex %2 · expires %3")
                      .arg(d.birthDate.isValid() ? d.birthDate.toString(Qt::ISODate) : d.birthDateText, QString(d.sex),
                           d.expiryDate.isValid() ? d.expiryDate.toString(Qt::ISODate) : d.expiryDateText);
        if (m_citizenship->text().isEmpty() || m_citizenship->isModified() == false)
            m_citizenship->setText(d.nationality);
    }
    m_fields->setText(fields.join(QLatin1Char('\n')));
    if (!m_chipMrz.isEmpty()) {
        // The zone typed from the data page against the one the chip holds.
        const bool typed = !m_mrz.lines.isEmpty();
        setCheck(QStringLiteral("data-page-matches-chip"),
                 !typed                        ? -1
                 : m_mrz.lines == m_chipMrz ? int(AlternateProcedure::CheckResult::Passed)
                                               : int(AlternateProcedure::CheckResult::Failed));
    }
}

void OptOutDialog::useChip(const QStringList& chipMrzLines, const QString& verdict)
{
    m_chipMrz = chipMrzLines;
    m_chipVerdict = verdict;
    // What the chip decided is not the officer's to change; a chip that
    // cannot be verified (no trusted CSCA) leaves the check to the officer.
    const int genuine = verdict == QLatin1String("genuine")       ? int(AlternateProcedure::CheckResult::Passed)
                        : verdict == QLatin1String("not-genuine") ? int(AlternateProcedure::CheckResult::Failed)
                                                                  : -1;
    for (const auto& [id, box] : m_checks) {
        if (id == QLatin1String("data-page-matches-chip"))
            box->setEnabled(chipMrzLines.isEmpty());
        else if (id == QLatin1String("document-genuine-chip"))
            box->setEnabled(genuine < 0);
    }
    setCheck(QStringLiteral("document-genuine-chip"), genuine);
    reread();
}

void OptOutDialog::setCheck(const QString& id, int result)
{
    for (const auto& [checkId, box] : m_checks) {
        if (checkId == id)
            box->setCurrentIndex(std::max(0, box->findData(result)));
    }
}

void OptOutDialog::applyFirstSuggestion()
{
    for (const MrzProblem& problem : m_mrz.problems) {
        if (problem.suggestions.empty())
            continue;
        const MrzSuggestion& offer = problem.suggestions.front();
        QStringList lines = m_mrz.lines;
        if (offer.line < 1 || offer.line > lines.size())
            return;
        QString& line = lines[offer.line - 1];
        line.replace(offer.column - 1, offer.original.size(), offer.replacement);
        m_mrzText->setPlainText(lines.join(QLatin1Char('\n')));
        return;
    }
}

AlternateProcedure OptOutDialog::procedure() const
{
    AlternateProcedure procedure = m_base;
    procedure.citizenship = m_citizenship->text().trimmed().toUpper();
    procedure.document.mrz = m_mrz.lines.join(QLatin1Char('\n'));
    if (m_mrz.document) {
        const MrzDocument& d = *m_mrz.document;
        procedure.document.kind = documentKind(d);
        procedure.document.number = d.documentNumber;
        procedure.document.issuingState = d.issuingState;
        procedure.document.expiry = d.expiryDate;
        procedure.surname = d.primaryIdentifier;
        procedure.givenNames = d.secondaryIdentifier;
    }
    procedure.checks.clear();
    for (const auto& [id, box] : m_checks) {
        const int result = box->currentData().toInt();
        if (result >= 0)
            procedure.checks.push_back({id, AlternateProcedure::CheckResult(result)});
    }
    procedure.outcome = AlternateProcedure::Outcome(m_outcome->currentData().toInt());
    procedure.reason = m_reason->text().trimmed();
    return procedure;
}

void OptOutDialog::showMessage(std::function<QString()> text, bool problem)
{
    m_message->say(std::move(text), problem ? InlineMessage::Kind::Problem : InlineMessage::Kind::Information);
}

void OptOutDialog::submit()
{
    if (!m_mrz.document) {
        showMessage([] { return tr("Not logged: the MRZ could not be read; type it as printed on the document."); }, true);
        return;
    }
    const AlternateProcedure candidate = procedure();
    if (!candidate.problem().isEmpty()) {
        showMessage([candidate] { return tr("Not logged: %1").arg(candidate.problem()); }, true);
        return;
    }
    if (m_chipVerdict == QLatin1String("not-genuine") && candidate.outcome == AlternateProcedure::Outcome::Verified) {
        showMessage([] {
            return tr("Not logged: the passport's chip is not genuine; log the document as not verified or refer the "
                      "traveler to secondary, with the reason.");
        },
                    true);
        return;
    }
    if (m_mrz.hasErrors() && candidate.outcome == AlternateProcedure::Outcome::Verified) {
        showMessage([] {
            return tr("Not logged: the MRZ has errors (above); correct it, or log the document as not verified "
                      "with the reason.");
        },
                    true);
        return;
    }
    QString error;
    const std::optional<qint64> id = m_record(candidate, &error);
    if (!id) {
        showMessage([error] { return tr("Not logged: %1").arg(error); }, true);
        return;
    }
    m_recordedId = *id;
    accept();
}

} // namespace fg
