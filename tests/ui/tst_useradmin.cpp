// The administrator's window (issue 16, point 6) over real records: a user
// added through the dialog with a role, their new key shown once as a QR
// code; disable, unlock, a temporary password the user replaces in the
// sign-in dialog, a new authenticator key for a lost phone, a new role; each
// audited with the administrator; the last administrator kept.
#include "core/security/AuditLog.h"
#include "core/security/Authenticator.h"
#include "core/security/Base32.h"
#include "core/security/SecureBuffer.h"
#include "core/security/Totp.h"
#include "core/security/UserStore.h"
#include "core/workflow/Records.h"
#include "tests/support/ManualClock.h"
#include "tests/ui/Screenshots.h"
#include "tests/ui/TestRecords.h"
#include "ui/session/QrCodeView.h"
#include "ui/session/SignInDialog.h"
#include "ui/session/UserAdminWindow.h"

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace fg;

namespace {

const char* const kAdminPassword = "correct horse battery";

SecureBuffer secret(const char* text)
{
    return SecureBuffer::fromBytes(QByteArray(text));
}

template <typename T>
T* child(QWidget* parent, const char* name)
{
    T* found = parent->findChild<T*>(QLatin1String(name));
    if (!found)
        qWarning("no %s named %s", T::staticMetaObject.className(), name);
    return found;
}

// The events about subject, action -> actor.
QMap<QString, QString> actorsOf(const AuditLog& audit, const QString& subject)
{
    QMap<QString, QString> actors;
    QString error;
    for (const AuditEvent& event : audit.events(1, 10000, &error).value_or(std::vector<AuditEvent>())) {
        if (event.subject == subject)
            actors.insert(event.action, event.actor);
    }
    return actors;
}

// A QR code's three finder patterns: 7x7 dark rings with a 3x3 dark centre,
// at the corners inside the 4-module quiet zone.
bool hasFinderPatterns(const QImage& image)
{
    const int size = image.width();
    const auto dark = [&](int x, int y) { return qGray(image.pixel(x, y)) < 128; };
    for (const QPoint corner : {QPoint(4, 4), QPoint(size - 11, 4), QPoint(4, size - 11)}) {
        for (int y = 0; y < 7; ++y) {
            for (int x = 0; x < 7; ++x) {
                const bool ring = x == 0 || y == 0 || x == 6 || y == 6;
                const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
                if (dark(corner.x() + x, corner.y() + y) != (ring || centre))
                    return false;
            }
        }
    }
    return !dark(0, 0) && !dark(3, 3); // the quiet zone
}

} // namespace

class TestUserAdmin : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void qrCodeIsAQrCode()
    {
        QString error;
        const QImage image = QrCodeView::encode("otpauth://totp/FaceGate:olga?secret=ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
                                                "&issuer=FaceGate",
                                                &error);
        QVERIFY2(!image.isNull(), qPrintable(error));
        QCOMPARE(image.width(), image.height());
        QCOMPARE((image.width() - 8 - 17) % 4, 0); // 21, 25, 29... modules per side, plus the quiet zone
        QVERIFY(hasFinderPatterns(image));
        QVERIFY(QrCodeView::encode(QByteArray(8000, 'x'), &error).isNull());
        QVERIFY2(error.contains(QLatin1String("8000 bytes")), qPrintable(error));
    }

    void administratorManagesUsers()
    {
        QTemporaryDir dir;
        QString error;
        test::ManualClock clock;
        const std::unique_ptr<Records> records = test::openRecords(dir, clock, &error);
        QVERIFY2(records, qPrintable(error));
        UserStore& users = records->users();
        const std::optional<UserStore::Added> admin = users.createFirstAdmin(
            QStringLiteral("ada"), QStringLiteral("Ada Admin"), secret(kAdminPassword), records->keys(),
            QStringLiteral("test:setup"), &error);
        QVERIFY2(admin, qPrintable(error));

        UserAdminWindow window(users, records->keys(), clock);
        window.setUser(admin->account);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* table = child<QTableWidget>(&window, "userTable");
        auto* message = child<QLabel>(&window, "userMessage");
        QCOMPARE(table->rowCount(), 1);

        // Add: the dialog, then the key shown once with its QR code.
        QSignalSpy shown(&window, &UserAdminWindow::totpShown);
        bool filled = false;
        bool sawQr = false;
        connect(&window, &UserAdminWindow::totpShown, this, [&] {
            QTimer::singleShot(0, this, [&] {
                auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
                QVERIFY(dialog && dialog->objectName() == QLatin1String("totpDialog"));
                auto* qr = child<QrCodeView>(dialog, "qrCode");
                sawQr = qr && !qr->image().isNull() && hasFinderPatterns(qr->image());
                QVERIFY(child<QLabel>(dialog, "totpUri")->text().startsWith(QStringLiteral("otpauth://totp/FaceGate:")));
                if (const QString shots = qEnvironmentVariable("FACEGATE_SCREENSHOTS"); !shots.isEmpty()) {
                    QTest::qWait(200);
                    dialog->grab().save(QDir(shots).filePath(QStringLiteral("admin-totp-qr.png")));
                }
                dialog->accept();
            });
        });
        QTimer::singleShot(100, this, [&] {
            auto* dialog = qobject_cast<QDialog*>(QApplication::activeModalWidget());
            QVERIFY(dialog && dialog->objectName() == QLatin1String("accountDialog"));
            child<QLineEdit>(dialog, "accountName")->setText(QStringLiteral("olga"));
            child<QLineEdit>(dialog, "accountDisplayName")->setText(QStringLiteral("Olga Officer"));
            auto* role = child<QComboBox>(dialog, "accountRole");
            role->setCurrentIndex(role->findData(int(Role::CheckpointOfficer)));
            child<QLineEdit>(dialog, "accountPassword")->setText(QStringLiteral("staple-gun-lantern-7"));
            // A typing slip first: the dialog says so and stays.
            child<QLineEdit>(dialog, "accountRepeat")->setText(QStringLiteral("staple-gun-lantern-8"));
            QTest::keyClick(dialog, Qt::Key_Return);
            QVERIFY(dialog->isVisible());
            QVERIFY(child<QLabel>(dialog, "accountMessage")->text().contains(QLatin1String("differ")));
            child<QLineEdit>(dialog, "accountRepeat")->setText(QStringLiteral("staple-gun-lantern-7"));
            filled = true;
            QTest::keyClick(dialog, Qt::Key_Return);
        });
        QTest::mouseClick(child<QPushButton>(&window, "userAdd"), Qt::LeftButton);
        QVERIFY(filled);
        QCOMPARE(shown.count(), 1);
        QVERIFY(sawQr);
        QCOMPARE(table->rowCount(), 2);
        std::optional<UserAccount> olga;
        QVERIFY(users.find(QStringLiteral("olga"), &olga, &error) && olga);
        QCOMPARE(olga->role, Role::CheckpointOfficer);
        QCOMPARE(olga->displayName, QStringLiteral("Olga Officer"));
        const QByteArray olgaKey = Base32::decode(window.lastShownSecret()).value_or(QByteArray());
        QCOMPARE(olgaKey.size(), qsizetype(20));
        test::saveScreenshots(window, QStringLiteral("admin-users"), {QSize(1024, 600), QSize(1366, 768)});

        // Five failed sign-ins lock her; the administrator unlocks.
        const Authenticator& auth = records->authenticator();
        const auto signIn = [&](const char* password, const QByteArray& key) {
            clock.advanceSeconds(30);
            return auth.signIn(QStringLiteral("olga"), secret(password), Totp::code(key, clock.nowMs() / 1000));
        };
        for (int i = 0; i < 5; ++i)
            signIn("not her password at all", olgaKey);
        window.refresh();
        QVERIFY(window.select(QStringLiteral("olga")));
        QVERIFY(table->item(table->currentRow(), 3)->text().contains(QLatin1String("Locked until")));
        auto* unlockButton = child<QPushButton>(&window, "userUnlock");
        QVERIFY(unlockButton->isEnabled());
        QTest::mouseClick(unlockButton, Qt::LeftButton);
        QVERIFY2(message->text().contains(QLatin1String("unlocked")), qPrintable(message->text()));
        QVERIFY(signIn("staple-gun-lantern-7", olgaKey).signedIn());

        // Disable: she is refused; enable again.
        auto* disableButton = child<QPushButton>(&window, "userDisable");
        QTest::mouseClick(disableButton, Qt::LeftButton);
        QCOMPARE(signIn("staple-gun-lantern-7", olgaKey).status, Authenticator::Result::Status::Disabled);
        QVERIFY(disableButton->text().contains(QLatin1String("Enable")));
        QTest::mouseClick(disableButton, Qt::LeftButton);
        QVERIFY(signIn("staple-gun-lantern-7", olgaKey).signedIn());

        // The administrator's own row: neither disabled nor demoted by a click.
        QVERIFY(window.select(QStringLiteral("ada")));
        QVERIFY(!disableButton->isEnabled());
        QVERIFY(!child<QPushButton>(&window, "userSetRole")->isEnabled());

        // A temporary password; in the sign-in dialog she chooses her own.
        QVERIFY(window.select(QStringLiteral("olga")));
        QVERIFY(!window.resetPassword(secret("olga"))); // refused by the policy, said in words
        QVERIFY2(message->text().contains(QLatin1String("Not changed")), qPrintable(message->text()));
        QVERIFY(window.resetPassword(secret("temporary-pass-4711")));
        QVERIFY(table->item(table->currentRow(), 3)->text().contains(QLatin1String("new password")));
        {
            SignInDialog dialog(auth);
            dialog.setPasswordChanger([&](const QString& name, const SecureBuffer& password, QString* why) {
                return users.changePassword(name, password, why);
            });
            dialog.show();
            clock.advanceSeconds(30);
            child<QLineEdit>(&dialog, "signInName")->setText(QStringLiteral("olga"));
            child<QLineEdit>(&dialog, "signInPassword")->setText(QStringLiteral("temporary-pass-4711"));
            child<QLineEdit>(&dialog, "signInCode")->setText(Totp::code(olgaKey, clock.nowMs() / 1000));
            dialog.submit();
            QTRY_VERIFY(!dialog.isChecking()); // the password is checked on a worker thread
            QVERIFY(dialog.asksForNewPassword());
            QVERIFY(dialog.result() != QDialog::Accepted);
            child<QLineEdit>(&dialog, "signInNewPassword")->setText(QStringLiteral("temporary-pass-4711"));
            child<QLineEdit>(&dialog, "signInRepeat")->setText(QStringLiteral("temporary-pass-4711"));
            dialog.submit();
            QVERIFY(child<QLabel>(&dialog, "signInMessage")->text().contains(QLatin1String("administrator set")));
            child<QLineEdit>(&dialog, "signInNewPassword")->setText(QStringLiteral("her-own-lantern-99"));
            child<QLineEdit>(&dialog, "signInRepeat")->setText(QStringLiteral("her-own-lantern-99"));
            dialog.submit();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QVERIFY(dialog.account() && !dialog.account()->passwordChangeRequired);
        }
        QVERIFY(signIn("her-own-lantern-99", olgaKey).signedIn());

        // A lost phone: after the question, a new key; the old one's codes are refused.
        QTimer::singleShot(100, this, [&] {
            auto* question = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            QVERIFY(question);
            question->button(QMessageBox::Yes)->click();
        });
        QTest::mouseClick(child<QPushButton>(&window, "userResetTotp"), Qt::LeftButton);
        QCOMPARE(shown.count(), 2);
        const QByteArray newKey = Base32::decode(window.lastShownSecret()).value_or(QByteArray());
        QVERIFY(newKey.size() == 20 && newKey != olgaKey);
        QVERIFY(!signIn("her-own-lantern-99", olgaKey).signedIn());
        QVERIFY(signIn("her-own-lantern-99", newKey).signedIn());

        // A new role; the last administrator cannot be demoted.
        QVERIFY(window.setRole(Role::Supervisor));
        QVERIFY(users.find(QStringLiteral("olga"), &olga, &error) && olga);
        QCOMPARE(olga->role, Role::Supervisor);
        QVERIFY(window.select(QStringLiteral("ada")));
        QVERIFY(!window.setRole(Role::Auditor));
        QVERIFY2(message->text().contains(QLatin1String("last administrator")), qPrintable(message->text()));

        const QMap<QString, QString> actors = actorsOf(records->audit(), QStringLiteral("user:olga"));
        for (const char* action : {"user.add", "user.unlock", "user.disable", "user.enable", "user.reset-password",
                                   "user.reset-totp", "user.set-role"})
            QCOMPARE(actors.value(QLatin1String(action)), QStringLiteral("officer:ada"));
        QCOMPARE(actors.value(QStringLiteral("user.change-password")), QStringLiteral("officer:olga"));

        // Signed out: nothing shown.
        window.setUser(std::nullopt);
        QCOMPARE(table->rowCount(), 0);
        QVERIFY(!child<QPushButton>(&window, "userAdd")->isEnabled());
    }
};

QTEST_MAIN(TestUserAdmin)
#include "tst_useradmin.moc"
