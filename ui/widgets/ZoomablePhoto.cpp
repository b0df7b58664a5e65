#include "ui/widgets/ZoomablePhoto.h"

#include <QEvent>
#include <QGraphicsPixmapItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPixmap>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace fg {
namespace {

constexpr double kMinZoom = 0.05;
constexpr double kMaxZoom = 16.0;
constexpr double kStep = 1.25;

} // namespace

ZoomablePhoto::ZoomablePhoto(QWidget* parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_view(new QGraphicsView(this))
    , m_scene(new QGraphicsScene(this))
    , m_pixmap(new QGraphicsPixmapItem)
    , m_message(new QLabel(this))
    , m_zoomOut(new QToolButton(this))
    , m_actualSize(new QToolButton(this))
    , m_zoomIn(new QToolButton(this))
    , m_fit(new QToolButton(this))
{
    m_caption->setObjectName(QStringLiteral("photoCaption"));
    m_caption->setStyleSheet(QStringLiteral("font-weight: bold;"));
    m_view->setObjectName(QStringLiteral("photoView"));
    m_message->setObjectName(QStringLiteral("photoMessage"));
    m_zoomOut->setObjectName(QStringLiteral("zoomOutButton"));
    m_actualSize->setObjectName(QStringLiteral("actualSizeButton"));
    m_zoomIn->setObjectName(QStringLiteral("zoomInButton"));
    m_fit->setObjectName(QStringLiteral("fitButton"));

    m_scene->addItem(m_pixmap);
    m_pixmap->setTransformationMode(Qt::SmoothTransformation);
    m_view->setScene(m_scene);
    m_view->setDragMode(QGraphicsView::ScrollHandDrag);
    m_view->setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    m_view->setBackgroundBrush(QColor(0x30, 0x30, 0x30));
    m_view->viewport()->installEventFilter(this);

    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setMargin(12);
    m_message->setFrameShape(QFrame::StyledPanel);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_message);

    auto* tools = new QHBoxLayout;
    tools->addWidget(m_caption, 1);
    for (QToolButton* button : {m_zoomOut, m_actualSize, m_zoomIn, m_fit}) {
        button->setAutoRaise(true);
        tools->addWidget(button);
    }
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(tools);
    layout->addWidget(m_stack, 1);

    connect(m_zoomIn, &QToolButton::clicked, this, &ZoomablePhoto::zoomIn);
    connect(m_zoomOut, &QToolButton::clicked, this, &ZoomablePhoto::zoomOut);
    connect(m_actualSize, &QToolButton::clicked, this, [this] { setZoom(1.0); });
    connect(m_fit, &QToolButton::clicked, this, &ZoomablePhoto::fitToView);
    retranslate();
    setMessage(QString(), QString());
}

void ZoomablePhoto::setPhoto(const QImage& image, const QString& caption)
{
    m_image = image;
    m_caption->setText(caption);
    m_pixmap->setPixmap(QPixmap::fromImage(image));
    m_scene->setSceneRect(m_pixmap->boundingRect());
    m_stack->setCurrentWidget(m_view);
    for (QToolButton* button : {m_zoomOut, m_actualSize, m_zoomIn, m_fit})
        button->setEnabled(true);
    fitToView();
}

void ZoomablePhoto::setMessage(const QString& caption, const QString& message)
{
    m_image = QImage();
    m_pixmap->setPixmap(QPixmap());
    m_caption->setText(caption);
    m_message->setText(message);
    m_stack->setCurrentWidget(m_message);
    for (QToolButton* button : {m_zoomOut, m_actualSize, m_zoomIn, m_fit})
        button->setEnabled(false);
}

QString ZoomablePhoto::caption() const
{
    return m_caption->text();
}

QString ZoomablePhoto::message() const
{
    return hasPhoto() ? QString() : m_message->text();
}

void ZoomablePhoto::zoomIn()
{
    setZoom(m_zoom * kStep);
}

void ZoomablePhoto::zoomOut()
{
    setZoom(m_zoom / kStep);
}

void ZoomablePhoto::setZoom(double zoom)
{
    if (!hasPhoto())
        return;
    m_fitting = false;
    m_zoom = std::clamp(zoom, kMinZoom, kMaxZoom);
    m_view->setTransform(QTransform::fromScale(m_zoom, m_zoom));
    showZoom();
}

void ZoomablePhoto::fitToView()
{
    if (!hasPhoto())
        return;
    m_fitting = true;
    const QSizeF available = m_view->viewport()->size();
    const QSizeF size = m_image.size();
    if (size.isEmpty() || available.isEmpty())
        return;
    // Never enlarge a small photo past full resolution when fitting.
    m_zoom = std::clamp(std::min({available.width() / size.width(), available.height() / size.height(), 1.0}),
                        kMinZoom, kMaxZoom);
    m_view->setTransform(QTransform::fromScale(m_zoom, m_zoom));
    m_view->centerOn(m_pixmap);
    showZoom();
}

bool ZoomablePhoto::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_view->viewport() && event->type() == QEvent::Wheel) {
        auto* wheel = static_cast<QWheelEvent*>(event);
        if (wheel->modifiers() & Qt::ControlModifier) {
            if (wheel->angleDelta().y() > 0)
                zoomIn();
            else if (wheel->angleDelta().y() < 0)
                zoomOut();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ZoomablePhoto::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ZoomablePhoto::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    if (m_fitting)
        fitToView();
}

void ZoomablePhoto::retranslate()
{
    m_zoomOut->setText(QStringLiteral("−"));
    m_zoomOut->setToolTip(tr("Zoom out"));
    m_zoomIn->setText(QStringLiteral("+"));
    m_zoomIn->setToolTip(tr("Zoom in (or Ctrl + wheel)"));
    m_actualSize->setText(QStringLiteral("1:1"));
    m_actualSize->setToolTip(tr("Full resolution: one photo pixel per screen pixel"));
    m_fit->setText(tr("Fit"));
    m_fit->setToolTip(tr("Fit the whole photo in view"));
    showZoom();
}

void ZoomablePhoto::showZoom()
{
    const QString percent = QLocale().toString(std::lround(m_zoom * 100.0));
    m_view->setToolTip(hasPhoto() ? tr("%1 × %2 pixels, shown at %3 %")
                                        .arg(m_image.width())
                                        .arg(m_image.height())
                                        .arg(percent)
                                  : QString());
}

} // namespace fg
