#pragma once

#include "core/security/Authenticator.h"

#include <QDialog>

#include <functional>
#include <optional>

class QDialogButtonBox;
class QEvent;
class QFormLayout;
class QLabel;
class QPushButton;
class QLineEdit;

namespace fg {

// Sign-in with a name, a password and the six-digit code of the user's
// authenticator app (TOTP). Used at start-up and to unlock a locked session:
// unlocking asks for the same user again, or lets the officer end the
// session (rejected). The answer to a failure never says which factor was
// wrong (Authenticator); it is shown in words in the dialog, not in a box.
// Widgets carry object names for GUI tests: "signInName", "signInPassword",
// "signInCode", "signInMessage".
class SignInDialog : public QDialog {
    Q_OBJECT
public:
    // lockedUser: empty to sign anyone in; a user name to unlock that user's session.
    explicit SignInDialog(const Authenticator& authenticator, const QString& lockedUser = QString(),
                          QWidget* parent = nullptr);

    // The account, once accepted.
    const std::optional<UserAccount>& account() const { return m_account; }

    // Tries the fields as they are; on success the dialog is accepted.
    void submit();

protected:
    void changeEvent(QEvent* event) override;

private:
    // Every word of the dialog in the interface language, the last problem
    // included (called again on QEvent::LanguageChange).
    void retranslate();
    void updateButton();
    // The problem is kept as the way to write it, for a language change.
    void showProblem(std::function<QString()> text);

    const Authenticator& m_authenticator;
    QString m_lockedUser;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_code = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QLabel* m_intro = nullptr;
    QFormLayout* m_form = nullptr;
    QPushButton* m_signIn = nullptr;
    QPushButton* m_leave = nullptr;
    std::function<QString()> m_problem;
    std::optional<UserAccount> m_account;
};

} // namespace fg
