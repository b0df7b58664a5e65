// The one in-place message of every window (InlineMessage): hidden until it
// says something, a problem in the problem colour and bold (words first:
// the colour never carries the meaning alone), its words read again when
// the interface's language changes, and gone when dismissed.
#include "ui/widgets/InlineMessage.h"

#include <QCoreApplication>
#include <QEvent>
#include <QTest>
#include <QVBoxLayout>

using fg::InlineMessage;

class TestInlineMessage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void saysThenDismisses()
    {
        QWidget window;
        auto* message = new InlineMessage(&window);
        (new QVBoxLayout(&window))->addWidget(message);
        window.show();
        QVERIFY(message->isHidden());
        QCOMPARE(message->said(), QString());
        QVERIFY(message->wordWrap());

        message->sayProblem([] { return QStringLiteral("Not logged: the MRZ could not be read"); });
        QVERIFY(message->isVisible());
        QCOMPARE(message->said(), QStringLiteral("Not logged: the MRZ could not be read"));
        QVERIFY(message->saysProblem());
        QCOMPARE(message->styleSheet(), InlineMessage::problemStyleSheet());
        QVERIFY(InlineMessage::problemStyleSheet().contains(QLatin1String("bold")));

        message->say([] { return QStringLiteral("Resolved."); }, InlineMessage::Kind::Done);
        QVERIFY(!message->saysProblem());
        QVERIFY(message->styleSheet().contains(QLatin1String("bold")));
        message->say([] { return QStringLiteral("3 rows"); }, InlineMessage::Kind::Information);
        QCOMPARE(message->styleSheet(), QString());

        message->dismiss();
        QVERIFY(message->isHidden());
        QCOMPARE(message->said(), QString());
        QCOMPARE(message->text(), QString());
    }

    void readsItsWordsAgainInAnotherLanguage()
    {
        QWidget window;
        auto* message = new InlineMessage(&window);
        QString language = QStringLiteral("en");
        message->sayProblem([&language] {
            return language == QLatin1String("en") ? QStringLiteral("Not saved") : QStringLiteral("No guardado");
        });
        language = QStringLiteral("es");
        QEvent change(QEvent::LanguageChange);
        QCoreApplication::sendEvent(&window, &change); // as installTranslator() does, from the window down
        QCOMPARE(message->said(), QStringLiteral("No guardado"));
        message->dismiss();
        language = QStringLiteral("en");
        QCoreApplication::sendEvent(&window, &change);
        QCOMPARE(message->text(), QString()); // dismissed words are not brought back
    }
};

QTEST_MAIN(TestInlineMessage)
#include "tst_inlinemessage.moc"
