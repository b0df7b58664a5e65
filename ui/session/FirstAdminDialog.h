#pragma once

#include <QDialog>
#include <QString>

#include <functional>

class QEvent;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;

namespace fg {

class InlineMessage;
class KeyStore;
class TotpEnrolmentView;
class UserStore;

// First run: the database has no user, so the person installing the
// workstation makes the administrator account. There is no default password:
// they choose one (PasswordPolicy), and the dialog shows the new TOTP secret
// once, as text and as an otpauth:// address, to enrol in an authenticator
// app before signing in (TotpEnrolmentView: a QR code, the key, the address).
// Object names for GUI tests: "adminName", "adminDisplayName",
// "adminPassword", "adminRepeat", "adminCreate", "adminMessage", and the
// enrolment view's.
class FirstAdminDialog : public QDialog {
    Q_OBJECT
public:
    FirstAdminDialog(UserStore& users, const KeyStore& keys, const QString& actor, QWidget* parent = nullptr);

    QString createdName() const { return m_createdName; }
    // The secret shown once (base32), for a test to compute codes from.
    QString shownSecret() const { return m_secret; }

    void create();

protected:
    void changeEvent(QEvent* event) override;

private:
    // Every word of the dialog in the interface language, the last problem
    // included (called again on QEvent::LanguageChange).
    void retranslate();
    // The problem is kept as the way to write it, for a language change.
    void showProblem(std::function<QString()> text);

    UserStore& m_users;
    const KeyStore& m_keys;
    QString m_actor;
    QStackedWidget* m_pages = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_displayName = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_repeat = nullptr;
    InlineMessage* m_message = nullptr;
    TotpEnrolmentView* m_enrolment = nullptr;
    QLabel* m_intro = nullptr;
    QFormLayout* m_form = nullptr;
    QPushButton* m_createButton = nullptr;
    QPushButton* m_quitButton = nullptr;
    QLabel* m_enrolIntro = nullptr;
    QPushButton* m_doneButton = nullptr;
    QString m_createdName;
    QString m_secret;
};

} // namespace fg
