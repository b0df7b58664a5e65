#pragma once

#include "core/security/Authenticator.h"
#include "core/security/SecureBuffer.h"

#include <QDialog>
#include <QThreadPool>

#include <functional>
#include <optional>

class QDialogButtonBox;
class QEvent;
class QFormLayout;
class QLabel;
class QPushButton;
class QLineEdit;

namespace fg {

class InlineMessage;

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

    // Stores a user's own new password (UserStore::changePassword); false
    // with *error in words when refused.
    using PasswordChanger = std::function<bool(const QString& name, const SecureBuffer& password, QString* error)>;
    // Without one, a user who must change their password is not let in.
    void setPasswordChanger(PasswordChanger changer) { m_changer = std::move(changer); }
    // The session was locked by its officer (Ctrl+L), not after a time without input.
    void setLockedByOfficer(bool byOfficer);
    // Why the previous session ended without its officer (account disabled
    // elsewhere), shown until the next attempt; re-read on a language change.
    void showWhyTheSessionEnded(std::function<QString()> text) { showProblem(std::move(text)); }

    // The account, once accepted.
    const std::optional<UserAccount>& account() const { return m_account; }
    // Whether the dialog asks for a new password now.
    bool asksForNewPassword() const { return m_pending.has_value(); }

    // Tries the fields as they are; on success the dialog is accepted. The
    // password's check (scrypt) runs on a worker thread: the dialog is busy
    // (isChecking) until answered() and the window keeps painting.
    void submit();
    bool isChecking() const { return m_checking; }

Q_SIGNALS:
    // A submit() was answered (signed in, refused, or a password to choose).
    void answered();

public:

protected:
    void changeEvent(QEvent* event) override;

private:
    // Every word of the dialog in the interface language, the last problem
    // included (called again on QEvent::LanguageChange).
    void retranslate();
    void updateButton();
    // The problem is kept as the way to write it, for a language change.
    void showProblem(std::function<QString()> text);
    void askForNewPassword(const UserAccount& account);
    // Back on the GUI thread once the password was checked.
    void passwordChecked(const QString& name, const QString& hash, bool passwordOk, const QString& code);
    void setChecking(bool checking);
    void submitNewPassword();

    const Authenticator& m_authenticator;
    QString m_lockedUser;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_code = nullptr;
    QLineEdit* m_newPassword = nullptr;
    QLineEdit* m_repeat = nullptr;
    InlineMessage* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QLabel* m_intro = nullptr;
    QFormLayout* m_form = nullptr;
    QPushButton* m_signIn = nullptr;
    QPushButton* m_leave = nullptr;
    std::optional<UserAccount> m_account;
    PasswordChanger m_changer;
    std::optional<UserAccount> m_pending; // signed in, choosing a new password
    bool m_lockedByOfficer = false;
    bool m_checking = false;
    // The password's check: one at a time, waited for when the dialog goes
    // (the authenticator outlives the dialog, not a check left running).
    QThreadPool m_checker;
};

} // namespace fg
