#pragma once

#include <QString>
#include <QWidget>

class QEvent;
class QLabel;

namespace fg {

class QrCodeView;

// A new TOTP key shown once, to be added to the user's authenticator app:
// as a QR code of its otpauth:// address (scanned by the app), as the key in
// groups of four letters (typed), and as the address itself. Used when the
// first administrator is made and when an administrator adds a user or
// re-enrols a lost phone. Object names for GUI tests: "totpIntro",
// "totpSecret", "totpUri", "qrCode".
class TotpEnrolmentView : public QWidget {
    Q_OBJECT
public:
    explicit TotpEnrolmentView(QWidget* parent = nullptr);

    // The key (base32) and its address, for the account named user.
    void setKey(const QString& user, const QString& secret, const QString& uri);
    // Forgets the key (the widget is left empty).
    void clear();

    // "ABCD EFGH ...": easier to type into an authenticator app.
    static QString groupedByFour(const QString& text);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    QString m_user;
    QLabel* m_intro;
    QrCodeView* m_qr;
    QLabel* m_keyTitle;
    QLabel* m_secret;
    QLabel* m_uriTitle;
    QLabel* m_uri;
};

} // namespace fg
