#include "ui/widgets/CameraView.h"

#include "core/biometrics/QualityWords.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace fg {

namespace {

const QColor kPassColour(0x2e, 0xcc, 0x40);  // green
const QColor kFailColour(0xff, 0xb0, 0x00);  // amber
const QColor kOtherColour(0xa0, 0xa0, 0xa0); // grey

QColor colourOf(const FaceMarker& face)
{
    if (!face.isSubject)
        return kOtherColour;
    return face.qualityPassed ? kPassColour : kFailColour;
}

// A label on a dark plate, so that it reads on any picture.
// Kept inside `bounds` when the face is near the frame's right edge.
void drawLabel(QPainter& painter, QPointF topLeft, const QRectF& bounds, const QString& text, const QColor& colour)
{
    const QFontMetricsF metrics(painter.font());
    const QSizeF plateSize(metrics.horizontalAdvance(text) + 10.0, metrics.height() + 4.0);
    topLeft.setX(qMax(bounds.left(), qMin(topLeft.x(), bounds.right() - plateSize.width())));
    const QRectF plate(topLeft, plateSize);
    painter.fillRect(plate, QColor(0, 0, 0, 170));
    painter.setPen(colour);
    painter.drawText(plate.adjusted(5.0, 2.0, -5.0, -2.0), Qt::AlignLeft | Qt::AlignVCenter, text);
}

} // namespace

CameraView::CameraView(QWidget* parent)
    : QWidget(parent)
    , m_message(tr("Waiting for the camera…"))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

QSize CameraView::sizeHint() const
{
    return {960, 540};
}

QSize CameraView::minimumSizeHint() const
{
    return {320, 180};
}

void CameraView::showResult(const AnalysisResult& result)
{
    const bool newPicture = result.frameIndex > m_frameIndex || m_result.image.isNull() || !m_message.isEmpty();
    const QImage shown = m_result.image;
    m_result = result;
    if (newPicture) {
        m_frameIndex = result.frameIndex;
        ++m_framesShown;
    } else {
        m_result.image = shown; // the analysed frame is on screen already, or an older one than what is
    }
    m_message.clear();
    update();
}

void CameraView::showFrame(const QImage& image, qint64 frameIndex)
{
    if (!m_message.isEmpty() || frameIndex <= m_frameIndex)
        return; // no picture while a message stands; never back in time
    m_result.image = image;
    m_frameIndex = frameIndex;
    ++m_framesShown;
    update();
}

void CameraView::showMessage(const QString& message)
{
    m_result = AnalysisResult{};
    m_message = message;
    update();
}

QRectF CameraView::frameRect() const
{
    if (m_result.image.isNull())
        return {};
    const QSizeF scaled = QSizeF(m_result.image.size()).scaled(QSizeF(size()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - scaled.width()) / 2.0, (height() - scaled.height()) / 2.0), scaled);
}

void CameraView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::black);
    if (m_result.image.isNull()) {
        painter.setPen(Qt::lightGray);
        painter.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, m_message);
        return;
    }

    const QRectF target = frameRect();
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    painter.drawImage(target, m_result.image);

    const double scale = target.width() / double(m_result.image.width());
    painter.setRenderHint(QPainter::Antialiasing);
    QFont font = painter.font();
    font.setPointSizeF(qMax(11.0, font.pointSizeF()));
    font.setBold(true);
    painter.setFont(font);
    const QFontMetricsF metrics(font);

    // Grey faces first, so that the traveler's box is drawn on top.
    std::vector<const FaceMarker*> order;
    for (const FaceMarker& face : m_result.faces)
        order.push_back(&face);
    std::stable_partition(order.begin(), order.end(), [](const FaceMarker* f) { return !f->isSubject; });

    for (const FaceMarker* face : order) {
        const QRectF box(target.topLeft() + face->box.topLeft() * scale, face->box.size() * scale);
        const QColor colour = colourOf(*face);
        painter.setPen(QPen(colour, face->isSubject ? 3.0 : 2.0));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(box);
        if (!face->isSubject || face->qualityPassed)
            continue;
        // The reasons under the box, or above it when the box reaches the bottom.
        const double lineHeight = metrics.height() + 6.0;
        const double needed = lineHeight * double(face->shortReasons.size());
        double y = box.bottom() + 4.0;
        if (y + needed > target.bottom())
            y = qMax(target.top(), box.top() - 4.0 - needed);
        for (const QString& reason : face->shortReasons) {
            drawLabel(painter, QPointF(box.left(), y), target, QualityWords::translated(reason), colour);
            y += lineHeight;
        }
    }
}

} // namespace fg
