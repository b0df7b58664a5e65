#include "ui/session/UserAdminWindow.h"

#include "core/security/KeyStore.h"
#include "core/security/SecureBuffer.h"
#include "core/storage/Clock.h"
#include "ui/desk/MainWindow.h"
#include "ui/session/TotpEnrolmentView.h"
#include "ui/widgets/InlineMessage.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace fg {
namespace {

enum Column { NameColumn, DisplayNameColumn, RoleColumn, StateColumn, CreatedColumn, ColumnCount };

const Role kRoles[] = {Role::Officer, Role::CheckpointOfficer, Role::Supervisor, Role::Auditor, Role::Admin};

QComboBox* roleChooser(Role current, QWidget* parent)
{
    auto* roles = new QComboBox(parent);
    roles->setObjectName(QStringLiteral("accountRole"));
    for (const Role role : kRoles) {
        roles->addItem(MainWindow::roleTitle(role), int(role));
        if (role == current)
            roles->setCurrentIndex(roles->count() - 1);
    }
    return roles;
}

QLineEdit* passwordField(const QString& objectName, QWidget* parent)
{
    auto* field = new QLineEdit(parent);
    field->setObjectName(objectName);
    field->setEchoMode(QLineEdit::Password);
    field->setMaxLength(1024);
    return field;
}

// A dialog's problem line under its fields; the dialog grows to show it.
QLabel* problemLine(QDialog* dialog)
{
    auto* message = new QLabel(dialog);
    message->setObjectName(QStringLiteral("accountMessage"));
    message->setWordWrap(true);
    message->setStyleSheet(InlineMessage::problemStyleSheet());
    message->hide();
    return message;
}

void showProblem(QDialog* dialog, QLabel* message, const QString& text)
{
    message->setText(text);
    message->show();
    dialog->adjustSize();
}

} // namespace

UserAdminWindow::UserAdminWindow(UserStore& users, const KeyStore& keys, const Clock& clock, QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_users(users)
    , m_keys(keys)
    , m_clock(clock)
    , m_identity(new QLabel(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_add(new QPushButton(this))
    , m_disable(new QPushButton(this))
    , m_unlock(new QPushButton(this))
    , m_resetPassword(new QPushButton(this))
    , m_resetTotp(new QPushButton(this))
    , m_setRole(new QPushButton(this))
    , m_message(new InlineMessage(this))
{
    setObjectName(QStringLiteral("userAdminWindow"));
    m_identity->setObjectName(QStringLiteral("userAdminIdentity"));
    m_identity->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_table->setObjectName(QStringLiteral("userTable"));
    m_add->setObjectName(QStringLiteral("userAdd"));
    m_disable->setObjectName(QStringLiteral("userDisable"));
    m_unlock->setObjectName(QStringLiteral("userUnlock"));
    m_resetPassword->setObjectName(QStringLiteral("userResetPassword"));
    m_resetTotp->setObjectName(QStringLiteral("userResetTotp"));
    m_setRole->setObjectName(QStringLiteral("userSetRole"));
    m_message->setObjectName(QStringLiteral("userMessage"));

    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);

    auto* buttons = new QVBoxLayout;
    for (QPushButton* button : {m_add, m_disable, m_unlock, m_resetPassword, m_resetTotp, m_setRole})
        buttons->addWidget(button);
    buttons->addStretch(1);
    auto* middle = new QHBoxLayout;
    middle->addWidget(m_table, 1);
    middle->addLayout(buttons);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_identity);
    layout->addLayout(middle, 1);
    layout->addWidget(m_message);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UserAdminWindow::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this] { askForRole(); });
    connect(m_add, &QPushButton::clicked, this, &UserAdminWindow::askToAdd);
    connect(m_disable, &QPushButton::clicked, this, [this] { toggleDisabled(); });
    connect(m_unlock, &QPushButton::clicked, this, [this] { unlock(); });
    connect(m_resetPassword, &QPushButton::clicked, this, &UserAdminWindow::askToResetPassword);
    connect(m_resetTotp, &QPushButton::clicked, this, &UserAdminWindow::askToResetTotp);
    connect(m_setRole, &QPushButton::clicked, this, &UserAdminWindow::askForRole);
    resize(1100, 560);
    retranslate();
    updateButtons();
}

void UserAdminWindow::setUser(const std::optional<UserAccount>& admin)
{
    m_admin = admin && admin->role == Role::Admin ? admin : std::nullopt;
    m_message->dismiss();
    refresh();
    retranslate();
}

void UserAdminWindow::refresh()
{
    const QString before = selected() ? selected()->name : QString();
    m_accounts.clear();
    if (m_admin) {
        QString error;
        std::optional<std::vector<UserAccount>> all = m_users.list(&error);
        if (all)
            m_accounts = std::move(*all);
        else
            say([error] { return tr("The users cannot be read: %1").arg(error); }, true);
    }
    const QDateTime now = m_clock.now();
    const QLocale locale;
    m_table->setRowCount(int(m_accounts.size()));
    for (int row = 0; row < int(m_accounts.size()); ++row) {
        const UserAccount& account = m_accounts[size_t(row)];
        QStringList state;
        if (account.disabled)
            state << tr("Disabled");
        if (account.locked(now))
            state << tr("Locked until %1").arg(locale.toString(account.lockedUntil.toLocalTime(), QLocale::ShortFormat));
        else if (account.failedAttempts > 0)
            state << tr("%n failed sign-in(s)", nullptr, account.failedAttempts);
        if (account.passwordChangeRequired)
            state << tr("Must choose a new password");
        if (state.isEmpty())
            state << tr("Active");
        const QString created = account.createdAt.isValid()
            ? tr("%1 by %2").arg(locale.toString(account.createdAt.toLocalTime().date(), QLocale::ShortFormat),
                                 account.createdBy)
            : account.createdBy;
        const QString cells[ColumnCount] = {account.name, account.displayName, MainWindow::roleTitle(account.role),
                                            state.join(QStringLiteral(" · ")), created};
        for (int column = 0; column < ColumnCount; ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    if (!before.isEmpty())
        select(before);
    updateButtons();
}

bool UserAdminWindow::select(const QString& name)
{
    for (int row = 0; row < int(m_accounts.size()); ++row) {
        if (m_accounts[size_t(row)].name == name) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

std::optional<UserAccount> UserAdminWindow::selected() const
{
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    if (ranges.isEmpty())
        return std::nullopt;
    const int row = ranges.front().topRow();
    if (row < 0 || row >= int(m_accounts.size()))
        return std::nullopt;
    return m_accounts[size_t(row)];
}

void UserAdminWindow::updateButtons()
{
    const std::optional<UserAccount> account = selected();
    const bool someone = m_admin && account;
    const bool self = someone && account->name == m_admin->name;
    m_add->setEnabled(m_admin.has_value());
    m_disable->setEnabled(someone && !self); // an administrator is not locked out by their own click
    m_unlock->setEnabled(someone && (account->locked(m_clock.now()) || account->failedAttempts > 0));
    m_resetPassword->setEnabled(someone);
    m_resetTotp->setEnabled(someone);
    m_setRole->setEnabled(someone && !self);
    m_disable->setText(someone && account->disabled ? tr("&Enable") : tr("&Disable"));
}

void UserAdminWindow::say(std::function<QString()> words, bool problem)
{
    m_message->say(std::move(words), problem ? InlineMessage::Kind::Problem : InlineMessage::Kind::Information);
}

bool UserAdminWindow::act(const std::function<bool(const QString& actor, QString* error)>& step,
                          std::function<QString()> done)
{
    if (!m_admin)
        return false;
    QString error;
    const bool changed = step(m_admin->actor(), &error);
    if (changed)
        say(std::move(done), false);
    else
        say([error] { return tr("Not changed: %1").arg(error); }, true);
    refresh();
    return changed;
}

bool UserAdminWindow::addUser(const UserStore::NewUser& user, const SecureBuffer& password)
{
    std::optional<UserStore::Added> added;
    const bool made = act(
        [&](const QString& actor, QString* error) {
            added = m_users.add(user, password, m_keys, actor, error);
            return added.has_value();
        },
        [name = user.name, role = user.role] {
            return tr("%1 was added as %2; their authenticator key was shown once.").arg(name, MainWindow::roleTitle(role));
        });
    if (made) {
        select(user.name);
        showEnrolment(added->account.name, added->totpSecret, added->totpUri);
    }
    return made;
}

bool UserAdminWindow::toggleDisabled()
{
    const std::optional<UserAccount> account = selected();
    if (!account)
        return false;
    const bool disable = !account->disabled;
    return act([&](const QString& actor, QString* error) { return m_users.setDisabled(account->name, disable, actor, error); },
               [name = account->name, disable] {
                   return disable ? tr("%1 is disabled: they can no longer sign in.").arg(name)
                                  : tr("%1 is enabled again.").arg(name);
               });
}

bool UserAdminWindow::unlock()
{
    const std::optional<UserAccount> account = selected();
    if (!account)
        return false;
    return act([&](const QString& actor, QString* error) { return m_users.unlock(account->name, actor, error); },
               [name = account->name] { return tr("%1 is unlocked and may sign in again.").arg(name); });
}

bool UserAdminWindow::resetPassword(const SecureBuffer& temporary)
{
    const std::optional<UserAccount> account = selected();
    if (!account)
        return false;
    return act(
        [&](const QString& actor, QString* error) { return m_users.resetPassword(account->name, temporary, actor, error); },
        [name = account->name] {
            return tr("%1 has a temporary password: give it to them in person; they choose their own at the next "
                      "sign-in.")
                .arg(name);
        });
}

bool UserAdminWindow::resetTotp()
{
    const std::optional<UserAccount> account = selected();
    if (!account)
        return false;
    std::optional<UserStore::Added> enrolment;
    const bool made = act(
        [&](const QString& actor, QString* error) {
            enrolment = m_users.resetTotp(account->name, m_keys, actor, error);
            return enrolment.has_value();
        },
        [name = account->name] {
            return tr("%1 has a new authenticator key; codes of the old one are refused from now on.").arg(name);
        });
    if (made)
        showEnrolment(account->name, enrolment->totpSecret, enrolment->totpUri);
    return made;
}

bool UserAdminWindow::setRole(Role role)
{
    const std::optional<UserAccount> account = selected();
    if (!account)
        return false;
    return act([&](const QString& actor, QString* error) { return m_users.setRole(account->name, role, actor, error); },
               [name = account->name, role] {
                   return tr("%1 is now %2; it applies from their next sign-in.").arg(name, MainWindow::roleTitle(role));
               });
}

void UserAdminWindow::showEnrolment(const QString& name, const QString& secret, const QString& uri)
{
    m_lastSecret = secret;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("totpDialog"));
    dialog.setWindowTitle(tr("FaceGate — authenticator key of %1").arg(name));
    auto* view = new TotpEnrolmentView(&dialog);
    view->setKey(name, secret, uri);
    auto* buttons = new QDialogButtonBox(&dialog);
    buttons->addButton(tr("The key is in the app — &close"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(view, 1);
    layout->addWidget(buttons);
    dialog.resize(720, 360);
    Q_EMIT totpShown(name);
    dialog.exec();
    view->clear();
}

void UserAdminWindow::askForPassword(const QString& title, const QString& introText, const QString& passwordLabel,
                                     const QString& acceptText, const std::function<void(QFormLayout&)>& addRows,
                                     const std::function<bool(const SecureBuffer&)>& apply)
{
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("accountDialog"));
    dialog.setWindowTitle(title);
    auto* intro = new QLabel(introText, &dialog);
    intro->setWordWrap(true);
    QLineEdit* password = passwordField(QStringLiteral("accountPassword"), &dialog);
    QLineEdit* repeat = passwordField(QStringLiteral("accountRepeat"), &dialog);
    QLabel* message = problemLine(&dialog);
    auto* form = new QFormLayout;
    if (addRows)
        addRows(*form);
    form->addRow(passwordLabel, password);
    form->addRow(tr("R&epeat password"), repeat);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    buttons->addButton(acceptText, QDialogButtonBox::AcceptRole)->setDefault(true);
    auto* layout = new QVBoxLayout(&dialog);
    layout->setSizeConstraint(QLayout::SetMinimumSize); // grows with a problem's words
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(message);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&, this] {
        if (password->text() != repeat->text()) {
            repeat->clear();
            showProblem(&dialog, message, tr("The two passwords differ; type the password again in both fields."));
            return;
        }
        QByteArray typed = password->text().toUtf8();
        if (apply(SecureBuffer::fromBytes(std::move(typed))))
            dialog.accept();
        else
            showProblem(&dialog, message, m_message->said());
    });
    dialog.exec();
}

void UserAdminWindow::askToAdd()
{
    if (!m_admin)
        return;
    QLineEdit* name = nullptr;
    QLineEdit* displayName = nullptr;
    QComboBox* role = nullptr;
    askForPassword(
        tr("FaceGate — add a user"),
        tr("The user chooses nothing now: give them this password in person. At least %1 characters, not "
           "containing the name.")
            .arg(m_users.passwordPolicy().minimumLength()),
        tr("&Password"), tr("&Add user"),
        [&](QFormLayout& form) {
            QWidget* dialog = form.parentWidget();
            name = new QLineEdit(dialog);
            name->setObjectName(QStringLiteral("accountName"));
            name->setMaxLength(64);
            displayName = new QLineEdit(dialog);
            displayName->setObjectName(QStringLiteral("accountDisplayName"));
            role = roleChooser(Role::Officer, dialog);
            form.addRow(tr("Sign-in &name"), name);
            form.addRow(tr("&Full name"), displayName);
            form.addRow(tr("&Role"), role);
        },
        [&](const SecureBuffer& password) {
            const UserStore::NewUser user{name->text().trimmed(), Role(role->currentData().toInt()),
                                          displayName->text().trimmed()};
            return addUser(user, password); // the enrolment dialog opens over this one
        });
}

void UserAdminWindow::askToResetPassword()
{
    const std::optional<UserAccount> account = selected();
    if (!account)
        return;
    askForPassword(tr("FaceGate — reset the password of %1").arg(account->name),
                   tr("Type a temporary password for %1 and give it to them in person. They must choose their own "
                      "at the next sign-in; a lockout after failed sign-ins ends too.")
                       .arg(account->name),
                   tr("Temporary &password"), tr("&Reset password"), nullptr,
                   [this](const SecureBuffer& password) { return resetPassword(password); });
}

void UserAdminWindow::askToResetTotp()
{
    const std::optional<UserAccount> account = selected();
    if (!account)
        return;
    const auto answer = QMessageBox::question(
        this, tr("FaceGate — new authenticator key"),
        tr("Make a new authenticator key for %1? The codes of their present key are refused from then on; the "
           "new key is shown once, to add to their app now.")
            .arg(account->name));
    if (answer == QMessageBox::Yes)
        resetTotp();
}

void UserAdminWindow::askForRole()
{
    const std::optional<UserAccount> account = selected();
    if (!account || !m_setRole->isEnabled())
        return;
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("roleDialog"));
    dialog.setWindowTitle(tr("FaceGate — role of %1").arg(account->name));
    QComboBox* role = roleChooser(account->role, &dialog);
    auto* form = new QFormLayout;
    form->addRow(tr("&Role"), role);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    auto* layout = new QVBoxLayout(&dialog);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    if (dialog.exec() == QDialog::Accepted && Role(role->currentData().toInt()) != account->role)
        setRole(Role(role->currentData().toInt()));
}

void UserAdminWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void UserAdminWindow::retranslate()
{
    setWindowTitle(tr("FaceGate — users"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Full name"), tr("Role"), tr("State"), tr("Added")});
    m_add->setText(tr("&Add user…"));
    m_unlock->setText(tr("&Unlock"));
    m_resetPassword->setText(tr("Reset &password…"));
    m_resetTotp->setText(tr("New &authenticator key…"));
    m_setRole->setText(tr("Change &role…"));
    updateButtons();
    if (!m_admin) {
        m_identity->setText(tr("Nobody is signed in."));
    } else {
        const QString who = m_admin->displayName.isEmpty() ? m_admin->name
                                                           : tr("%1 (%2)").arg(m_admin->displayName, m_admin->name);
        m_identity->setText(tr("%1 · %2").arg(who, MainWindow::roleTitle(m_admin->role)));
    }
}

} // namespace fg
