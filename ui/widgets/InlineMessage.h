#pragma once

#include <QLabel>
#include <QString>

#include <functional>

namespace fg {

// The one way a window says something in place (not in a modal box, STYLE.md
// 7): a word-wrapped, selectable line, hidden while there is nothing to say.
// It keeps the words as a function and reads them again when the language
// changes, so a message shown before stays in the language of the interface.
// A problem is drawn in the problem colour, bold: the colour is written here
// only (problemStyleSheet()), and never carries the meaning alone (the words do).
class InlineMessage : public QLabel {
    Q_OBJECT
public:
    using Words = std::function<QString()>;
    // Information: plain; Done: an action succeeded (green, bold); Problem: red, bold.
    enum class Kind { Information, Done, Problem };

    explicit InlineMessage(QWidget* parent = nullptr);

    void say(Words words, Kind kind);
    void sayProblem(Words words) { say(std::move(words), Kind::Problem); }
    // Hidden and empty.
    void dismiss();

    // What is said now ("" when hidden).
    QString said() const { return isHidden() ? QString() : text(); }
    bool saysProblem() const { return m_kind == Kind::Problem && !isHidden(); }

    // The style of a problem in words, for labels that are not messages
    // (the status bar's states, the decision of NO FACE).
    static QString problemStyleSheet();

protected:
    void changeEvent(QEvent* event) override;

private:
    Words m_words;
    Kind m_kind = Kind::Information;
};

} // namespace fg
