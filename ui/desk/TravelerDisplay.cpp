#include "ui/desk/TravelerDisplay.h"

#include "ui/session/Translations.h"

#include <QDir>
#include <QFontMetrics>
#include <QGuiApplication>
#include <QLabel>
#include <QScreen>
#include <QTranslator>

#include <algorithm>

namespace fg {
namespace {

// The context of the prompts in the .ts files, as lupdate names it.
constexpr char kContext[] = "fg::TravelerDisplay";

struct Prompt {
    const char* title;
    const char* detail;
};

Prompt prompt(TravelerDisplay::State state)
{
    using State = TravelerDisplay::State;
    switch (state) {
    case State::Welcome:
        return {QT_TRANSLATE_NOOP("fg::TravelerDisplay", "Welcome"),
                QT_TRANSLATE_NOOP("fg::TravelerDisplay", "Next traveler, please step forward")};
    case State::LookAtCamera:
        return {QT_TRANSLATE_NOOP("fg::TravelerDisplay", "Please look at the camera"),
                QT_TRANSLATE_NOOP("fg::TravelerDisplay", "Please remove sunglasses")};
    case State::HoldStill:
        return {QT_TRANSLATE_NOOP("fg::TravelerDisplay", "Please hold still"),
                QT_TRANSLATE_NOOP("fg::TravelerDisplay", "Taking your photo")};
    case State::ThankYou:
        return {QT_TRANSLATE_NOOP("fg::TravelerDisplay", "Thank you"),
                QT_TRANSLATE_NOOP("fg::TravelerDisplay", "Have a good journey")};
    case State::SeeOfficer:
        return {QT_TRANSLATE_NOOP("fg::TravelerDisplay", "Please see the officer"),
                QT_TRANSLATE_NOOP("fg::TravelerDisplay", "The officer will help you")};
    case State::OptOutAccepted:
        return {QT_TRANSLATE_NOOP("fg::TravelerDisplay", "No photo will be taken"),
                QT_TRANSLATE_NOOP("fg::TravelerDisplay", "An officer will check your document")};
    }
    return {"", ""};
}

// "es_MX", "ES", "es-419" -> "es".
QString baseLanguage(const QString& code)
{
    return code.trimmed().left(2).toLower();
}

// The text on one line, or split at the space that best balances two lines.
QStringList arrangements(const QString& text, const QFontMetrics& metrics)
{
    QStringList result{text};
    int best = -1;
    int bestWidth = 0;
    for (int i = text.indexOf(QLatin1Char(' ')); i >= 0; i = text.indexOf(QLatin1Char(' '), i + 1)) {
        const int width = std::max(metrics.horizontalAdvance(text.left(i)), metrics.horizontalAdvance(text.mid(i + 1)));
        if (best < 0 || width < bestWidth) {
            best = i;
            bestWidth = width;
        }
    }
    if (best >= 0)
        result << text.left(best) + QLatin1Char('\n') + text.mid(best + 1);
    return result;
}

// What QLabel::sizeHint() measures for plain, unwrapped text with no margin.
QSize textSize(const QFont& font, const QString& text)
{
    return QFontMetrics(font).boundingRect(QRect(0, 0, 100000, 100000), Qt::AlignLeft | Qt::AlignTop, text).size();
}

struct Fit {
    QString text;
    QFont font;
};

// The largest font (at most maxPixels) at which one of the arrangements of
// `text` fits in `box`; the smallest size if none does.
Fit fitText(const QString& text, QFont font, QSize box, int maxPixels)
{
    constexpr int kMinPixels = 8;
    Fit best{text, font};
    best.font.setPixelSize(kMinPixels);
    int bestPixels = 0;
    const auto fits = [&](const QString& candidate, int pixels) {
        font.setPixelSize(pixels);
        const QSize size = textSize(font, candidate);
        return size.width() <= box.width() && size.height() <= box.height();
    };
    font.setPixelSize(100);
    for (const QString& candidate : arrangements(text, QFontMetrics(font))) {
        int low = kMinPixels - 1; // fits(low) is assumed; fits(high + 1) is not
        int high = std::max(maxPixels, kMinPixels);
        while (low < high) {
            const int middle = (low + high + 1) / 2;
            if (fits(candidate, middle))
                low = middle;
            else
                high = middle - 1;
        }
        if (low > bestPixels) { // ties keep the single line
            bestPixels = low;
            best.text = candidate;
            best.font = font;
            best.font.setPixelSize(std::max(low, kMinPixels));
        }
    }
    return best;
}

} // namespace

TravelerDisplay::TravelerDisplay(QWidget* parent)
    : QWidget(parent, Qt::Window)
    , m_title(new QLabel(this))
    , m_detail(new QLabel(this))
{
    setWindowTitle(QStringLiteral("FaceGate"));
    setObjectName(QStringLiteral("travelerDisplay"));
    m_title->setObjectName(QStringLiteral("travelerTitle"));
    m_detail->setObjectName(QStringLiteral("travelerDetail"));

    // White on black: the highest contrast, the same for every state.
    QPalette colours = palette();
    colours.setColor(QPalette::Window, Qt::black);
    colours.setColor(QPalette::WindowText, Qt::white);
    setPalette(colours);
    setAutoFillBackground(true);

    for (QLabel* label : {m_title, m_detail}) {
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(false); // fit() breaks the lines itself
        label->setTextFormat(Qt::PlainText);
        label->setTextInteractionFlags(Qt::NoTextInteraction);
    }
    resize(800, 480);
    fit();
}

TravelerDisplay::~TravelerDisplay() = default;

void TravelerDisplay::setState(State state)
{
    m_state = state;
    fit();
}

bool TravelerDisplay::setLanguage(const QString& code, QString* error)
{
    const QString wanted = baseLanguage(code);
    m_translator.reset();
    m_language = QStringLiteral("en");
    bool ok = true;
    if (wanted != QLatin1String("en")) {
        if (!languages().contains(wanted)) {
            ok = false;
            if (error)
                *error = QStringLiteral("no traveler prompts in \"%1\"; shown in English").arg(code);
        } else {
            QString why;
            const QString folder = Translations::directory(&why);
            auto translator = std::make_unique<QTranslator>();
            if (!folder.isEmpty() && translator->load(QStringLiteral("facegate_") + wanted, folder)) {
                m_translator = std::move(translator);
                m_language = wanted;
            } else {
                ok = false;
                if (error)
                    *error = folder.isEmpty() ? why
                                              : QStringLiteral("cannot read %1; shown in English")
                                                    .arg(QDir(folder).filePath(QStringLiteral("facegate_") + wanted
                                                                               + QStringLiteral(".qm")));
            }
        }
    }
    fit();
    return ok;
}

QString TravelerDisplay::translate(const char* source) const
{
    if (m_translator) {
        const QString translated = m_translator->translate(kContext, source);
        if (!translated.isEmpty())
            return translated;
    }
    return QString::fromUtf8(source);
}

QString TravelerDisplay::title() const
{
    return translate(prompt(m_state).title);
}

QString TravelerDisplay::detail() const
{
    return translate(prompt(m_state).detail);
}

QString TravelerDisplay::sourceTitle(State state)
{
    return QString::fromUtf8(prompt(state).title);
}

QString TravelerDisplay::sourceDetail(State state)
{
    return QString::fromUtf8(prompt(state).detail);
}

QStringList TravelerDisplay::languages()
{
    return {QStringLiteral("en"), QStringLiteral("es"), QStringLiteral("fr")};
}

QString TravelerDisplay::languageName(const QString& code)
{
    const QString language = baseLanguage(code);
    if (language == QLatin1String("es"))
        return QStringLiteral("Español");
    if (language == QLatin1String("fr"))
        return QStringLiteral("Français");
    return QStringLiteral("English");
}

QString TravelerDisplay::languageForNationality(const QString& icaoCode)
{
    // Countries whose first official language is Spanish, or French.
    static const QStringList spanish = {
        QStringLiteral("ARG"), QStringLiteral("BOL"), QStringLiteral("CHL"), QStringLiteral("COL"),
        QStringLiteral("CRI"), QStringLiteral("CUB"), QStringLiteral("DOM"), QStringLiteral("ECU"),
        QStringLiteral("ESP"), QStringLiteral("GNQ"), QStringLiteral("GTM"), QStringLiteral("HND"),
        QStringLiteral("MEX"), QStringLiteral("NIC"), QStringLiteral("PAN"), QStringLiteral("PER"),
        QStringLiteral("PRY"), QStringLiteral("SLV"), QStringLiteral("URY"), QStringLiteral("VEN"),
    };
    static const QStringList french = {
        QStringLiteral("BEL"), QStringLiteral("BEN"), QStringLiteral("BFA"), QStringLiteral("CAF"),
        QStringLiteral("CIV"), QStringLiteral("COD"), QStringLiteral("COG"), QStringLiteral("FRA"),
        QStringLiteral("GAB"), QStringLiteral("GIN"), QStringLiteral("HTI"), QStringLiteral("LUX"),
        QStringLiteral("MCO"), QStringLiteral("MLI"), QStringLiteral("NER"), QStringLiteral("SEN"),
        QStringLiteral("TCD"), QStringLiteral("TGO"),
    };
    QString code = icaoCode.trimmed().toUpper();
    code.remove(QLatin1Char('<')); // the MRZ pads short codes: "D<<"
    if (spanish.contains(code))
        return QStringLiteral("es");
    if (french.contains(code))
        return QStringLiteral("fr");
    return QStringLiteral("en");
}

QScreen* TravelerDisplay::travelerScreen()
{
    QScreen* primary = QGuiApplication::primaryScreen();
    const QList<QScreen*> screens = QGuiApplication::screens();
    for (QScreen* screen : screens) {
        if (screen != primary)
            return screen;
    }
    return nullptr;
}

void TravelerDisplay::present(QScreen* screen)
{
    const bool fullScreen = screen && QGuiApplication::screens().size() > 1;
    setAttribute(Qt::WA_ShowWithoutActivating);
    setWindowFlag(Qt::WindowDoesNotAcceptFocus);
    setWindowFlag(Qt::FramelessWindowHint, fullScreen);
    if (fullScreen) {
        setScreen(screen);
        setGeometry(screen->geometry());
        setCursor(Qt::BlankCursor);
        showFullScreen();
    } else {
        unsetCursor();
        showNormal();
    }
}

void TravelerDisplay::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    fit();
}

// The heading as large as fits in 60% of the height (at most a fifth of it,
// so states keep one size), the line under it in 28% and at most half the
// heading's size; the block centred.
void TravelerDisplay::fit()
{
    const int margin = std::min(width(), height()) / 16;
    const QRect area = rect().adjusted(margin, margin, -margin, -margin);
    if (area.width() <= 0 || area.height() <= 0)
        return;
    const QString detailText = detail();
    QFont titleFont = font();
    titleFont.setBold(true);
    const Fit heading = fitText(title(), titleFont, QSize(area.width(), area.height() * 60 / 100), area.height() / 5);
    m_title->setFont(heading.font);
    m_title->setText(heading.text);
    const QSize headingSize = textSize(heading.font, heading.text);

    QSize lineSize(0, 0);
    if (detailText.isEmpty()) {
        m_detail->clear();
        m_detail->hide();
    } else {
        QFont detailFont = font();
        detailFont.setBold(false);
        const Fit line = fitText(detailText, detailFont, QSize(area.width(), area.height() * 28 / 100),
                                 heading.font.pixelSize() / 2);
        m_detail->setFont(line.font);
        m_detail->setText(line.text);
        m_detail->show();
        lineSize = textSize(line.font, line.text);
    }

    const int gap = detailText.isEmpty()
        ? 0
        : std::clamp(heading.font.pixelSize() / 2, 0, std::max(0, area.height() - headingSize.height() - lineSize.height()));
    const int block = headingSize.height() + gap + lineSize.height();
    const int top = area.top() + std::max(0, (area.height() - block) / 2);
    m_title->setGeometry(area.left(), top, area.width(), headingSize.height());
    m_detail->setGeometry(area.left(), top + headingSize.height() + gap, area.width(), lineSize.height());
}

} // namespace fg
