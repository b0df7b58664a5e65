#pragma once

#include "core/security/UserAccount.h"
#include "core/security/UserStore.h"

#include <QWidget>

#include <functional>
#include <optional>
#include <vector>

class QFormLayout;
class QLabel;
class QPushButton;
class QTableWidget;

namespace fg {

class Clock;
class InlineMessage;
class KeyStore;
class SecureBuffer;

// The administrator's window (issue 16): every account with its role and
// state (active, disabled, locked after failed sign-ins, password to
// change), and what an administrator does for a user: add one with a role,
// disable or enable, unlock, reset the password (a temporary one the user
// replaces at the next sign-in), re-enrol the authenticator app of a lost
// phone (a new key shown once as a QR code), change the role. Each change is
// UserStore's, audited with the signed-in administrator as the actor; its
// outcome is said in words under the table. Without an administrator
// (signed out, session locked) it shows nothing.
// Object names for GUI tests: "userTable", "userAdd", "userDisable",
// "userUnlock", "userResetPassword", "userResetTotp", "userSetRole",
// "userMessage"; the add/reset dialog's "accountName", "accountDisplayName",
// "accountRole", "accountPassword", "accountRepeat", "accountMessage"; the
// enrolment dialog "totpDialog".
class UserAdminWindow : public QWidget {
    Q_OBJECT
public:
    UserAdminWindow(UserStore& users, const KeyStore& keys, const Clock& clock, QWidget* parent = nullptr);

    void setUser(const std::optional<UserAccount>& admin);
    const std::optional<UserAccount>& user() const { return m_admin; }

    // Reads the accounts again.
    void refresh();
    // The accounts shown, in the table's order.
    const std::vector<UserAccount>& accounts() const { return m_accounts; }
    // Selects the account of that name (false when it is not listed).
    bool select(const QString& name);

    // What the buttons do, for the selected account (tests call them too;
    // each returns whether the change was made, its words in "userMessage").
    bool addUser(const UserStore::NewUser& user, const SecureBuffer& password);
    bool toggleDisabled();
    bool unlock();
    bool resetPassword(const SecureBuffer& temporary);
    bool resetTotp();
    bool setRole(Role role);

    // The last new TOTP key (base32) shown, for a test to compute codes from.
    QString lastShownSecret() const { return m_lastSecret; }

Q_SIGNALS:
    // A new TOTP key was made for name: the dialog showing it is open.
    void totpShown(const QString& name);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateButtons();
    std::optional<UserAccount> selected() const;
    // The outcome of the last action, in words (problem: in red).
    void say(std::function<QString()> words, bool problem);
    // Runs an administration step with the acting admin; says its outcome.
    bool act(const std::function<bool(const QString& actor, QString* error)>& step, std::function<QString()> done);
    void showEnrolment(const QString& name, const QString& secret, const QString& uri);
    // A dialog asking for a password twice, under intro words and the rows
    // addRows puts first; apply takes the password once both fields agree and
    // says whether it was taken (a refusal's words stay in the dialog).
    void askForPassword(const QString& title, const QString& introText, const QString& passwordLabel,
                        const QString& acceptText, const std::function<void(QFormLayout&)>& addRows,
                        const std::function<bool(const SecureBuffer&)>& apply);
    void askToAdd();
    void askToResetPassword();
    void askToResetTotp();
    void askForRole();

    UserStore& m_users;
    const KeyStore& m_keys;
    const Clock& m_clock;
    std::optional<UserAccount> m_admin;
    std::vector<UserAccount> m_accounts;
    QLabel* m_identity;
    QTableWidget* m_table;
    QPushButton* m_add;
    QPushButton* m_disable;
    QPushButton* m_unlock;
    QPushButton* m_resetPassword;
    QPushButton* m_resetTotp;
    QPushButton* m_setRole;
    InlineMessage* m_message;
    QString m_lastSecret;
};

} // namespace fg
