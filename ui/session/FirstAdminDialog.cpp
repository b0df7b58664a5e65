#include "ui/session/FirstAdminDialog.h"

#include "core/security/SecureBuffer.h"
#include "core/security/UserStore.h"
#include "ui/session/TotpEnrolmentView.h"
#include "ui/widgets/InlineMessage.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace fg {
FirstAdminDialog::FirstAdminDialog(UserStore& users, const KeyStore& keys, const QString& actor, QWidget* parent)
    : QDialog(parent)
    , m_users(users)
    , m_keys(keys)
    , m_actor(actor)
    , m_pages(new QStackedWidget(this))
    , m_name(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_message(new InlineMessage(this))
    , m_enrolment(new TotpEnrolmentView(this))
    , m_intro(new QLabel(this))
    , m_form(new QFormLayout)
    , m_enrolIntro(new QLabel(this))
{
    setModal(true);
    m_name->setObjectName(QStringLiteral("adminName"));
    m_displayName->setObjectName(QStringLiteral("adminDisplayName"));
    m_password->setObjectName(QStringLiteral("adminPassword"));
    m_repeat->setObjectName(QStringLiteral("adminRepeat"));
    m_message->setObjectName(QStringLiteral("adminMessage"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_name->setMaxLength(64);

    // Page 1: the account.
    auto* accountPage = new QWidget(m_pages);
    m_intro->setWordWrap(true);
    for (QLineEdit* field : {m_name, m_displayName, m_password, m_repeat}) {
        auto* label = new QLabel(accountPage); // its words: retranslate()
        label->setBuddy(field);
        m_form->addRow(label, field);
    }
    auto* accountButtons = new QDialogButtonBox(accountPage);
    m_createButton = accountButtons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_createButton->setObjectName(QStringLiteral("adminCreate"));
    m_createButton->setDefault(true);
    m_quitButton = accountButtons->addButton(QString(), QDialogButtonBox::RejectRole);
    connect(accountButtons, &QDialogButtonBox::accepted, this, &FirstAdminDialog::create);
    connect(accountButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* accountLayout = new QVBoxLayout(accountPage);
    accountLayout->addWidget(m_intro);
    accountLayout->addLayout(m_form);
    accountLayout->addWidget(m_message);
    accountLayout->addWidget(accountButtons);

    // Page 2: the second factor, shown once.
    auto* enrolPage = new QWidget(m_pages);
    m_enrolIntro->setWordWrap(true);
    auto* enrolButtons = new QDialogButtonBox(enrolPage);
    m_doneButton = enrolButtons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_doneButton->setObjectName(QStringLiteral("adminDone"));
    connect(enrolButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    auto* enrolLayout = new QVBoxLayout(enrolPage);
    enrolLayout->addWidget(m_enrolment, 1);
    enrolLayout->addWidget(m_enrolIntro);
    enrolLayout->addWidget(enrolButtons);

    m_pages->addWidget(accountPage);
    m_pages->addWidget(enrolPage);
    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grows with a problem's words
    layout->addWidget(m_pages);
    m_name->setFocus();
    retranslate();
}

void FirstAdminDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void FirstAdminDialog::retranslate()
{
    setWindowTitle(tr("FaceGate — first administrator"));
    m_intro->setText(tr("This workstation has no users yet. Make the administrator account: choose a "
                        "sign-in name and a password of at least %1 characters that does not contain "
                        "the name. There is no default password.")
                         .arg(m_users.passwordPolicy().minimumLength()));
    const std::pair<QWidget*, QString> labels[] = {{m_name, tr("Sign-in &name")},
                                                   {m_displayName, tr("&Full name")},
                                                   {m_password, tr("&Password")},
                                                   {m_repeat, tr("&Repeat password")}};
    for (const auto& [field, text] : labels) {
        if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(field)))
            label->setText(text);
    }
    m_createButton->setText(tr("&Create administrator"));
    m_quitButton->setText(tr("&Quit"));
    m_enrolIntro->setText(tr("Then sign in with the name, the password and the app's code."));
    m_doneButton->setText(tr("I have added the key — &sign in"));
}

void FirstAdminDialog::showProblem(std::function<QString()> text)
{
    m_message->sayProblem(std::move(text));
    adjustSize();
}

void FirstAdminDialog::create()
{
    if (m_password->text() != m_repeat->text()) {
        m_repeat->clear();
        showProblem([] { return tr("The two passwords differ; type the password again in both fields."); });
        return;
    }
    QByteArray typed = m_password->text().toUtf8();
    const SecureBuffer password = SecureBuffer::fromBytes(std::move(typed));
    QString error;
    UserStore::Problem problem = UserStore::Problem::None;
    const std::optional<UserStore::Added> added = m_users.createFirstAdmin(
        m_name->text().trimmed(), m_displayName->text().trimmed(), password, m_keys, m_actor, &error, &problem);
    if (!added) {
        if (problem == UserStore::Problem::WeakPassword) {
            m_password->clear();
            m_repeat->clear();
        }
        showProblem([error] { return tr("The administrator was not created: %1").arg(error); });
        return;
    }
    m_password->clear();
    m_repeat->clear();
    m_createdName = added->account.name;
    m_secret = added->totpSecret;
    m_enrolment->setKey(added->account.name, added->totpSecret, added->totpUri);
    m_pages->setCurrentIndex(1);
    adjustSize();
}

} // namespace fg
