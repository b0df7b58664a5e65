#include "ui/FirstAdminDialog.h"

#include "core/security/SecureBuffer.h"
#include "core/security/UserStore.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace fg {
namespace {

// "ABCD EFGH ...": easier to type into an authenticator app.
QString groupedByFour(const QString& text)
{
    QString grouped;
    for (qsizetype i = 0; i < text.size(); i += 4)
        grouped += (i ? QStringLiteral(" ") : QString()) + text.mid(i, 4);
    return grouped;
}

} // namespace

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
    , m_message(new QLabel(this))
    , m_secretLabel(new QLabel(this))
    , m_uriLabel(new QLabel(this))
{
    setWindowTitle(tr("FaceGate — first administrator"));
    setModal(true);
    m_name->setObjectName(QStringLiteral("adminName"));
    m_displayName->setObjectName(QStringLiteral("adminDisplayName"));
    m_password->setObjectName(QStringLiteral("adminPassword"));
    m_repeat->setObjectName(QStringLiteral("adminRepeat"));
    m_message->setObjectName(QStringLiteral("adminMessage"));
    m_secretLabel->setObjectName(QStringLiteral("adminSecret"));
    m_uriLabel->setObjectName(QStringLiteral("adminUri"));
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_name->setMaxLength(64);
    m_message->setWordWrap(true);
    m_message->hide();

    // Page 1: the account.
    auto* accountPage = new QWidget(m_pages);
    auto* intro = new QLabel(tr("This workstation has no users yet. Make the administrator account: choose a "
                                "sign-in name and a password of at least %1 characters that does not contain "
                                "the name. There is no default password.")
                                 .arg(m_users.passwordPolicy().minimumLength()),
                             accountPage);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Sign-in &name"), m_name);
    form->addRow(tr("&Full name"), m_displayName);
    form->addRow(tr("&Password"), m_password);
    form->addRow(tr("&Repeat password"), m_repeat);
    auto* accountButtons = new QDialogButtonBox(accountPage);
    QPushButton* createButton = accountButtons->addButton(tr("&Create administrator"), QDialogButtonBox::AcceptRole);
    createButton->setObjectName(QStringLiteral("adminCreate"));
    createButton->setDefault(true);
    accountButtons->addButton(tr("&Quit"), QDialogButtonBox::RejectRole);
    connect(accountButtons, &QDialogButtonBox::accepted, this, &FirstAdminDialog::create);
    connect(accountButtons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* accountLayout = new QVBoxLayout(accountPage);
    accountLayout->addWidget(intro);
    accountLayout->addLayout(form);
    accountLayout->addWidget(m_message);
    accountLayout->addWidget(accountButtons);

    // Page 2: the second factor, shown once.
    auto* enrolPage = new QWidget(m_pages);
    auto* enrolIntro = new QLabel(tr("Add this key to the administrator's authenticator app (time-based, 6 digits, "
                                     "30 seconds) now. It is shown only this once and is stored encrypted; "
                                     "then sign in with the name, the password and the app's code."),
                                  enrolPage);
    enrolIntro->setWordWrap(true);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_secretLabel->setFont(fixed);
    m_secretLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_uriLabel->setWordWrap(true);
    m_uriLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* enrolButtons = new QDialogButtonBox(enrolPage);
    QPushButton* done = enrolButtons->addButton(tr("I have added the key — &sign in"), QDialogButtonBox::AcceptRole);
    done->setObjectName(QStringLiteral("adminDone"));
    connect(enrolButtons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    auto* enrolLayout = new QVBoxLayout(enrolPage);
    enrolLayout->addWidget(enrolIntro);
    enrolLayout->addWidget(new QLabel(tr("Key:"), enrolPage));
    enrolLayout->addWidget(m_secretLabel);
    enrolLayout->addWidget(new QLabel(tr("Or as an address (for apps that read otpauth:// links):"), enrolPage));
    enrolLayout->addWidget(m_uriLabel);
    enrolLayout->addStretch(1);
    enrolLayout->addWidget(enrolButtons);

    m_pages->addWidget(accountPage);
    m_pages->addWidget(enrolPage);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_pages);
    m_name->setFocus();
}

void FirstAdminDialog::showProblem(const QString& text)
{
    m_message->setText(text);
    m_message->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold;"));
    m_message->show();
}

void FirstAdminDialog::create()
{
    if (m_password->text() != m_repeat->text()) {
        m_repeat->clear();
        showProblem(tr("The two passwords differ; type the password again in both fields."));
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
        showProblem(tr("The administrator was not created: %1").arg(error));
        return;
    }
    m_password->clear();
    m_repeat->clear();
    m_createdName = added->account.name;
    m_secret = added->totpSecret;
    m_secretLabel->setText(groupedByFour(added->totpSecret));
    m_uriLabel->setText(added->totpUri);
    m_pages->setCurrentIndex(1);
}

} // namespace fg
