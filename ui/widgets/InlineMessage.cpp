#include "ui/widgets/InlineMessage.h"

#include <QEvent>

namespace fg {

InlineMessage::InlineMessage(QWidget* parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    hide();
}

QString InlineMessage::problemStyleSheet()
{
    return QStringLiteral("color: #b00020; font-weight: bold;");
}

void InlineMessage::say(Words words, Kind kind)
{
    m_words = std::move(words);
    m_kind = kind;
    setText(m_words ? m_words() : QString());
    switch (kind) {
    case Kind::Information:
        setStyleSheet(QString());
        break;
    case Kind::Done:
        setStyleSheet(QStringLiteral("color: #1b5e20; font-weight: bold;"));
        break;
    case Kind::Problem:
        setStyleSheet(problemStyleSheet());
        break;
    }
    show();
}

void InlineMessage::dismiss()
{
    m_words = nullptr;
    m_kind = Kind::Information;
    clear();
    setStyleSheet(QString());
    hide();
}

void InlineMessage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange && m_words)
        setText(m_words());
    QLabel::changeEvent(event);
}

} // namespace fg
