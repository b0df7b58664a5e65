#include "ui/session/QrCodeView.h"

#include <QPainter>

#include <qrencode.h>

#include <memory>

namespace fg {

QrCodeView::QrCodeView(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("qrCode"));
    setMinimumSize(180, 180);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
}

QImage QrCodeView::encode(const QByteArray& text, QString* error)
{
    constexpr int kQuietZone = 4;
    // Level M (15 % of the code may be damaged): what authenticator apps print.
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString8bit(text.constData(), 0, QR_ECLEVEL_M), &QRcode_free);
    if (!code) {
        *error = QStringLiteral("the text (%1 bytes) cannot be made a QR code").arg(text.size());
        return {};
    }
    const int size = code->width + 2 * kQuietZone;
    QImage image(size, size, QImage::Format_Grayscale8);
    image.fill(255);
    for (int y = 0; y < code->width; ++y) {
        uchar* line = image.scanLine(y + kQuietZone);
        for (int x = 0; x < code->width; ++x) {
            if (code->data[y * code->width + x] & 1) // bit 0: a dark module
                line[x + kQuietZone] = 0;
        }
    }
    return image;
}

void QrCodeView::setText(const QString& text)
{
    QString error;
    m_image = text.isEmpty() ? QImage() : encode(text.toUtf8(), &error);
    update();
}

QSize QrCodeView::sizeHint() const
{
    return {240, 240};
}

void QrCodeView::paintEvent(QPaintEvent*)
{
    if (m_image.isNull())
        return;
    QPainter painter(this);
    // Whole pixels per module, no smoothing: a camera reads sharp edges.
    const int side = std::min(width(), height());
    const int scale = std::max(1, side / m_image.width());
    const int drawn = m_image.width() * scale;
    const QRect target((width() - drawn) / 2, (height() - drawn) / 2, drawn, drawn);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, false);
    painter.drawImage(target, m_image);
}

} // namespace fg
