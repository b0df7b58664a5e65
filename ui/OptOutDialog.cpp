#include "ui/OptOutDialog.h"

#include "core/documents/MrzParser.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

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

} // namespace

const std::vector<std::pair<QString, QString>>& OptOutDialog::checklist()
{
    static const std::vector<std::pair<QString, QString>> items = {
        {QStringLiteral("photo-matches-holder"), tr("The document photo shows the traveler")},
        {QStringLiteral("data-page-matches-mrz"), tr("The data page agrees with the MRZ")},
        {QStringLiteral("security-features"), tr("Security features present (hologram, UV, microprint)")},
        {QStringLiteral("no-tampering"), tr("No sign of tampering (laminate, pages, stitching)")},
        {QStringLiteral("not-expired"), tr("The document has not expired")},
    };
    return items;
}

OptOutDialog::OptOutDialog(AlternateProcedure base, QDate today, Recorder record, QWidget* parent)
    : QDialog(parent)
    , m_base(std::move(base))
    , m_today(today)
    , m_record(std::move(record))
    , m_mrzText(new QPlainTextEdit(this))
    , m_problems(new QLabel(this))
    , m_fields(new QLabel(this))
    , m_apply(new QPushButton(tr("&Apply suggestion"), this))
    , m_citizenship(new QLineEdit(this))
    , m_outcome(new QComboBox(this))
    , m_reason(new QLineEdit(this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Opt-out: manual document verification"));
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
    m_mrzText->setPlaceholderText(tr("Type, paste or scan the machine-readable zone"));
    m_mrzText->setFixedHeight(QFontMetrics(fixed).height() * 4 + 12);
    for (QLabel* label : {m_problems, m_fields, m_message}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_citizenship->setMaxLength(3);
    m_citizenship->setPlaceholderText(tr("from the MRZ, or as on the document"));
    m_outcome->addItem(tr("Verified"), int(AlternateProcedure::Outcome::Verified));
    m_outcome->addItem(tr("Not verified"), int(AlternateProcedure::Outcome::NotVerified));
    m_outcome->addItem(tr("Referred to secondary"), int(AlternateProcedure::Outcome::ReferredToSecondary));
    m_reason->setPlaceholderText(tr("required unless verified"));
    m_message->hide();

    auto* intro = new QLabel(tr("The traveler declined the photo. No photo is taken or kept; verify the document "
                                "by hand and log the alternate procedure."),
                             this);
    intro->setWordWrap(true);

    auto* checks = new QGroupBox(tr("Visual checks"), this);
    auto* checkForm = new QFormLayout(checks);
    for (const auto& [id, words] : checklist()) {
        auto* result = new QComboBox(checks);
        result->setObjectName(QStringLiteral("check-") + id);
        result->addItem(tr("not done"), -1);
        result->addItem(tr("passed"), int(AlternateProcedure::CheckResult::Passed));
        result->addItem(tr("failed"), int(AlternateProcedure::CheckResult::Failed));
        result->addItem(tr("not applicable"), int(AlternateProcedure::CheckResult::NotApplicable));
        checkForm->addRow(words, result);
        m_checks.emplace_back(id, result);
    }

    auto* form = new QFormLayout;
    form->addRow(tr("&Nationality"), m_citizenship);
    form->addRow(tr("&Outcome"), m_outcome);
    form->addRow(tr("&Reason"), m_reason);

    auto* buttons = new QDialogButtonBox(this);
    QPushButton* recordButton = buttons->addButton(tr("&Log alternate procedure"), QDialogButtonBox::AcceptRole);
    recordButton->setObjectName(QStringLiteral("recordButton"));
    buttons->addButton(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &OptOutDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_mrzText, &QPlainTextEdit::textChanged, this, &OptOutDialog::reread);
    connect(m_apply, &QPushButton::clicked, this, &OptOutDialog::applyFirstSuggestion);

    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grows with the MRZ's fields and problems
    layout->addWidget(intro);
    auto* mrzLabel = new QLabel(tr("&MRZ"), this);
    mrzLabel->setBuddy(m_mrzText);
    layout->addWidget(mrzLabel);
    layout->addWidget(m_mrzText);
    layout->addWidget(m_problems);
    layout->addWidget(m_apply);
    layout->addWidget(m_fields);
    layout->addWidget(checks);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    m_mrzText->setFocus();
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
    m_problems->setStyleSheet(!empty && m_mrz.hasErrors() ? QStringLiteral("color: #b00020;") : QString());
    m_apply->setVisible(suggestion);

    QStringList fields;
    if (m_mrz.document) {
        const MrzDocument& d = *m_mrz.document;
        fields << tr("%1 · %2 · issued by %3").arg(mrzFormatName(d.format), documentKind(d), d.issuingState)
               << tr("Name: %1 %2").arg(d.secondaryIdentifier, d.primaryIdentifier)
               << tr("Document number: %1 · nationality %2").arg(d.documentNumber, d.nationality)
               << tr("Born %1 · sex %2 · expires %3")
                      .arg(d.birthDate.isValid() ? d.birthDate.toString(Qt::ISODate) : d.birthDateText, QString(d.sex),
                           d.expiryDate.isValid() ? d.expiryDate.toString(Qt::ISODate) : d.expiryDateText);
        if (m_citizenship->text().isEmpty() || m_citizenship->isModified() == false)
            m_citizenship->setText(d.nationality);
    }
    m_fields->setText(fields.join(QLatin1Char('\n')));
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

void OptOutDialog::showMessage(const QString& text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #b00020; font-weight: bold;") : QString());
    m_message->show();
}

void OptOutDialog::submit()
{
    if (!m_mrz.document) {
        showMessage(tr("Not logged: the MRZ could not be read; type it as printed on the document."), true);
        return;
    }
    const AlternateProcedure candidate = procedure();
    if (const QString problem = candidate.problem(); !problem.isEmpty()) {
        showMessage(tr("Not logged: %1").arg(problem), true);
        return;
    }
    if (m_mrz.hasErrors() && candidate.outcome == AlternateProcedure::Outcome::Verified) {
        showMessage(tr("Not logged: the MRZ has errors (above); correct it, or log the document as not verified "
                       "with the reason."),
                    true);
        return;
    }
    QString error;
    const std::optional<qint64> id = m_record(candidate, &error);
    if (!id) {
        showMessage(tr("Not logged: %1").arg(error), true);
        return;
    }
    m_recordedId = *id;
    accept();
}

} // namespace fg
