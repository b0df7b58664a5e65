#include "ui/session/TotpEnrolmentView.h"

#include "ui/session/QrCodeView.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace fg {

TotpEnrolmentView::TotpEnrolmentView(QWidget* parent)
    : QWidget(parent)
    , m_intro(new QLabel(this))
    , m_qr(new QrCodeView(this))
    , m_keyTitle(new QLabel(this))
    , m_secret(new QLabel(this))
    , m_uriTitle(new QLabel(this))
    , m_uri(new QLabel(this))
{
    m_intro->setObjectName(QStringLiteral("totpIntro"));
    m_secret->setObjectName(QStringLiteral("totpSecret"));
    m_uri->setObjectName(QStringLiteral("totpUri"));
    m_intro->setWordWrap(true);
    QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    fixed.setPointSizeF(fixed.pointSizeF() * 1.2);
    m_secret->setFont(fixed);
    m_secret->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_uri->setWordWrap(true);
    m_uri->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* words = new QVBoxLayout;
    words->addWidget(m_keyTitle);
    words->addWidget(m_secret);
    words->addSpacing(8);
    words->addWidget(m_uriTitle);
    words->addWidget(m_uri);
    words->addStretch(1);
    auto* row = new QHBoxLayout;
    row->addWidget(m_qr, 0, Qt::AlignTop);
    row->addLayout(words, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_intro);
    layout->addLayout(row, 1);
    retranslate();
}

QString TotpEnrolmentView::groupedByFour(const QString& text)
{
    QString grouped;
    for (qsizetype i = 0; i < text.size(); i += 4)
        grouped += (i ? QStringLiteral(" ") : QString()) + text.mid(i, 4);
    return grouped;
}

void TotpEnrolmentView::setKey(const QString& user, const QString& secret, const QString& uri)
{
    m_user = user;
    m_secret->setText(groupedByFour(secret));
    m_uri->setText(uri);
    m_qr->setText(uri);
    retranslate();
}

void TotpEnrolmentView::clear()
{
    setKey(QString(), QString(), QString());
}

void TotpEnrolmentView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TotpEnrolmentView::retranslate()
{
    m_intro->setText(tr("Add this key to %1's authenticator app now (time-based, 6 digits, 30 seconds): scan "
                        "the code with the app, or type the key. It is shown only this once and is stored "
                        "encrypted.")
                         .arg(m_user));
    m_keyTitle->setText(tr("Key:"));
    m_uriTitle->setText(tr("Or as an address (for apps that read otpauth:// links):"));
}

} // namespace fg
