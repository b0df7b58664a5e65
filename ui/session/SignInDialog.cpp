#include "ui/session/SignInDialog.h"

#include "core/security/PasswordPolicy.h"
#include "core/security/SecureBuffer.h"
#include "ui/widgets/InlineMessage.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

#include <memory>

namespace fg {

SignInDialog::SignInDialog(const Authenticator& authenticator, const QString& lockedUser, QWidget* parent)
    : QDialog(parent)
    , m_authenticator(authenticator)
    , m_lockedUser(lockedUser)
    , m_name(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_code(new QLineEdit(this))
    , m_newPassword(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_message(new InlineMessage(this))
    , m_buttons(new QDialogButtonBox(this))
    , m_intro(new QLabel(this))
    , m_form(new QFormLayout)
{
    const bool unlocking = !lockedUser.isEmpty();
    setModal(true);
    m_checker.setMaxThreadCount(1);

    m_name->setObjectName(QStringLiteral("signInName"));
    m_password->setObjectName(QStringLiteral("signInPassword"));
    m_code->setObjectName(QStringLiteral("signInCode"));
    m_newPassword->setObjectName(QStringLiteral("signInNewPassword"));
    m_repeat->setObjectName(QStringLiteral("signInRepeat"));
    for (QLineEdit* field : {m_newPassword, m_repeat}) {
        field->setEchoMode(QLineEdit::Password);
        field->setMaxLength(1024);
    }
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_intro->setObjectName(QStringLiteral("signInIntro"));

    m_name->setText(lockedUser);
    m_name->setReadOnly(unlocking);
    m_name->setMaxLength(64);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(1024);
    m_code->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ]{0,7}")), m_code));
    m_code->setInputMethodHints(Qt::ImhDigitsOnly);
    m_intro->setWordWrap(true);

    for (QLineEdit* field : {m_name, m_password, m_code, m_newPassword, m_repeat}) {
        auto* label = new QLabel(this); // its words: retranslate()
        label->setBuddy(field);
        m_form->addRow(label, field);
    }
    m_form->setRowVisible(m_newPassword, false);
    m_form->setRowVisible(m_repeat, false);

    m_signIn = m_buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    m_leave = m_buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    m_leave->setObjectName(QStringLiteral("signInLeave"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignInDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* field : {m_name, m_password, m_code, m_newPassword, m_repeat})
        connect(field, &QLineEdit::textChanged, this, &SignInDialog::updateButton);

    auto* layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grows with a problem's words
    layout->addWidget(m_intro);
    layout->addLayout(m_form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    (unlocking ? m_password : m_name)->setFocus();
    updateButton();
    retranslate();
}

void SignInDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void SignInDialog::setLockedByOfficer(bool byOfficer)
{
    m_lockedByOfficer = byOfficer;
    retranslate();
}

void SignInDialog::retranslate()
{
    const bool unlocking = !m_lockedUser.isEmpty();
    setWindowTitle(unlocking ? tr("FaceGate — session locked") : tr("FaceGate — sign in"));
    if (m_pending) {
        m_intro->setText(tr("An administrator reset the password of %1. Choose your own now: at least %2 "
                            "characters, not containing your name, and not the one you were given.")
                             .arg(m_pending->name)
                             .arg(PasswordPolicy().minimumLength()));
    } else if (unlocking) {
        m_intro->setText(m_lockedByOfficer ? tr("%1 locked the session. Sign in again to go on, or end the session.")
                                                 .arg(m_lockedUser)
                                           : tr("The session of %1 was locked after a time without input. "
                                                "Sign in again to go on, or end the session.")
                                                 .arg(m_lockedUser));
    } else {
        m_intro->setText(tr("Sign in with your name, your password and the code your "
                            "authenticator app shows now."));
    }
    const std::pair<QWidget*, QString> labels[] = {{m_name, tr("&Name")},
                                                   {m_password, tr("&Password")},
                                                   {m_code, tr("&Code")},
                                                   {m_newPassword, tr("&New password")},
                                                   {m_repeat, tr("&Repeat new password")}};
    for (const auto& [field, text] : labels) {
        if (auto* label = qobject_cast<QLabel*>(m_form->labelForField(field)))
            label->setText(text);
    }
    m_code->setPlaceholderText(tr("6 digits from the authenticator app"));
    m_signIn->setText(m_pending ? tr("&Change password and sign in") : unlocking ? tr("&Unlock") : tr("&Sign in"));
    m_leave->setText(unlocking ? tr("&End session") : tr("&Quit"));
}

void SignInDialog::updateButton()
{
    if (m_pending) {
        m_buttons->buttons().constFirst()->setEnabled(!m_newPassword->text().isEmpty() && !m_repeat->text().isEmpty());
        return;
    }
    const bool complete = !m_name->text().trimmed().isEmpty() && !m_password->text().isEmpty()
                          && QString(m_code->text()).remove(QLatin1Char(' ')).size() == 6;
    m_buttons->buttons().constFirst()->setEnabled(complete);
}

void SignInDialog::showProblem(std::function<QString()> text)
{
    m_message->sayProblem(std::move(text));
    adjustSize();
}

void SignInDialog::submit()
{
    if (m_pending) {
        submitNewPassword();
        return;
    }
    if (m_checking)
        return;
    // The password leaves the field as UTF-8 in a buffer that is wiped after
    // use; the field is cleared, whatever the answer.
    QByteArray typed = m_password->text().toUtf8();
    auto password = std::make_shared<const SecureBuffer>(SecureBuffer::fromBytes(std::move(typed)));
    m_password->clear();
    const QString code = m_code->text();
    m_code->clear();
    const QString name = m_name->text();

    // The database on this thread (it opened it), scrypt on a worker.
    QString error;
    const std::optional<QString> hash = m_authenticator.passwordHashOf(name, &error);
    if (!hash) {
        showProblem([reason = error] { return tr("Sign-in is not possible: %1").arg(reason); });
        Q_EMIT answered();
        return;
    }
    setChecking(true);
    const Authenticator* authenticator = &m_authenticator;
    m_checker.start([this, authenticator, password, name, hash = *hash, code] {
        const bool ok = authenticator->verifyPassword(*password, hash);
        // The dialog waits for this task before it goes (m_checker).
        QMetaObject::invokeMethod(this, [this, name, hash, ok, code] { passwordChecked(name, hash, ok, code); },
                                  Qt::QueuedConnection);
    });
}

void SignInDialog::setChecking(bool checking)
{
    m_checking = checking;
    for (QLineEdit* field : {m_name, m_password, m_code})
        field->setEnabled(!checking);
    if (checking) {
        m_buttons->buttons().constFirst()->setEnabled(false);
        m_message->say([] { return tr("Checking…"); }, InlineMessage::Kind::Information);
    } else {
        m_message->dismiss();
        updateButton();
    }
}

void SignInDialog::passwordChecked(const QString& name, const QString& hash, bool passwordOk, const QString& code)
{
    const Authenticator::Result result = m_authenticator.finish(name, hash, passwordOk, code);
    setChecking(false);
    const auto done = qScopeGuard([this] { Q_EMIT answered(); });
    switch (result.status) {
    case Authenticator::Result::Status::SignedIn:
        if (!m_lockedUser.isEmpty() && result.user->name != m_lockedUser) {
            showProblem([this] { return tr("Only %1 can unlock this session.").arg(m_lockedUser); });
            return;
        }
        if (result.user->passwordChangeRequired) {
            if (!m_changer) {
                showProblem([] {
                    return tr("Not signed in: an administrator reset your password. End the session and sign in "
                              "again to choose your own.");
                });
                return;
            }
            askForNewPassword(*result.user);
            return;
        }
        m_account = result.user;
        accept();
        return;
    case Authenticator::Result::Status::Rejected:
        showProblem([] { return tr("Not signed in: the name, the password or the code is wrong."); });
        break;
    case Authenticator::Result::Status::LockedOut:
        showProblem([until = result.lockedUntil.toLocalTime().toString(QStringLiteral("HH:mm"))] {
            return tr("Not signed in: too many failed attempts; the account is locked until %1.").arg(until);
        });
        break;
    case Authenticator::Result::Status::Disabled:
        showProblem([] { return tr("Not signed in: this account is disabled; ask an administrator."); });
        break;
    case Authenticator::Result::Status::Error:
        showProblem([reason = result.reason] { return tr("Sign-in is not possible: %1").arg(reason); });
        break;
    }
    m_password->setFocus();
}

void SignInDialog::askForNewPassword(const UserAccount& account)
{
    m_pending = account;
    m_message->dismiss();
    for (QLineEdit* field : {m_name, m_password, m_code})
        m_form->setRowVisible(field, false);
    m_form->setRowVisible(m_newPassword, true);
    m_form->setRowVisible(m_repeat, true);
    retranslate();
    updateButton();
    m_newPassword->setFocus();
    adjustSize();
}

void SignInDialog::submitNewPassword()
{
    const bool same = m_newPassword->text() == m_repeat->text();
    QByteArray typed = m_newPassword->text().toUtf8();
    const SecureBuffer password = SecureBuffer::fromBytes(std::move(typed));
    m_newPassword->clear();
    m_repeat->clear();
    m_newPassword->setFocus();
    if (!same) {
        showProblem([] { return tr("The two passwords differ; type the new password again in both fields."); });
        return;
    }
    QString error;
    if (!m_changer(m_pending->name, password, &error)) {
        showProblem([error] { return tr("The password was not changed: %1").arg(error); });
        return;
    }
    m_account = m_pending;
    m_account->passwordChangeRequired = false;
    accept();
}

} // namespace fg
