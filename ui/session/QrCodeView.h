#pragma once

#include <QImage>
#include <QString>
#include <QWidget>

namespace fg {

// A QR code (ISO/IEC 18004, made with libqrencode) drawn square and sharp at
// any size: the otpauth:// address of a new TOTP key, so that an
// authenticator app enrols it by scanning the screen instead of the officer
// typing 32 letters. Object name for GUI tests: "qrCode".
class QrCodeView : public QWidget {
    Q_OBJECT
public:
    explicit QrCodeView(QWidget* parent = nullptr);

    // One module per pixel, black on white, with the standard quiet zone of
    // four modules; a null image with *error set when the text cannot be
    // encoded (too long for a QR code: more than about 2,900 bytes).
    static QImage encode(const QByteArray& text, QString* error);

    // Shows text as a QR code (nothing when empty or not encodable).
    void setText(const QString& text);
    const QImage& image() const { return m_image; }

    QSize sizeHint() const override;
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return width; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage m_image;
};

} // namespace fg
