#pragma once

#include <QImage>
#include <QWidget>

class QGraphicsPixmapItem;
class QGraphicsScene;
class QGraphicsView;
class QLabel;
class QStackedWidget;
class QToolButton;

namespace fg {

// A photo at full resolution that the supervisor can zoom (buttons, Ctrl +
// wheel) and pan, with its caption; or, in its place, a message (the photo
// was purged by retention, with its deletion record; none was stored).
class ZoomablePhoto : public QWidget {
    Q_OBJECT
public:
    explicit ZoomablePhoto(QWidget* parent = nullptr);

    void setPhoto(const QImage& image, const QString& caption);
    // No photo: the message is shown where the photo would be.
    void setMessage(const QString& caption, const QString& message);

    bool hasPhoto() const { return !m_image.isNull(); }
    const QImage& image() const { return m_image; }
    QString caption() const;
    QString message() const;
    // 1.0 = one image pixel per screen pixel (full resolution).
    double zoom() const { return m_zoom; }

    void zoomIn();
    void zoomOut();
    void setZoom(double zoom);
    void fitToView();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void retranslate();
    void showZoom();

    QLabel* m_caption;
    QStackedWidget* m_stack;
    QGraphicsView* m_view;
    QGraphicsScene* m_scene;
    QGraphicsPixmapItem* m_pixmap;
    QLabel* m_message;
    QToolButton* m_zoomOut;
    QToolButton* m_actualSize;
    QToolButton* m_zoomIn;
    QToolButton* m_fit;
    QImage m_image;
    double m_zoom = 1.0;
    bool m_fitting = true; // follows the view's size until the supervisor zooms
};

} // namespace fg
