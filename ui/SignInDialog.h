#pragma once

#include "core/security/Authenticator.h"

#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLabel;
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

private:
    void updateButton();
    void showProblem(const QString& text);

    const Authenticator& m_authenticator;
    QString m_lockedUser;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_code = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    std::optional<UserAccount> m_account;
};

} // namespace fg
