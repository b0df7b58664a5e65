#pragma once

#include "core/live/AnalysisResult.h"

#include <QWidget>

namespace fg {

// Paints the latest analysed frame, scaled to fit with its aspect ratio kept,
// and its faces: the traveler's box green when its quality passes and amber
// with the short reasons when not; other faces grey.
class CameraView : public QWidget {
    Q_OBJECT
public:
    explicit CameraView(QWidget* parent = nullptr);

    // Read-only views for tests and for the windows built around the view.
    bool hasFrame() const { return !m_result.image.isNull(); }
    qint64 framesShown() const { return m_framesShown; }
    int faceCount() const { return int(m_result.faces.size()); }
    const std::vector<FaceMarker>& lastFaces() const { return m_result.faces; }
    int subjectIndex() const { return m_result.subjectIndex; }
    // Where the frame is drawn inside the widget (empty before the first frame).
    QRectF frameRect() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

public Q_SLOTS:
    // The faces of the latest analysis; its frame too unless a newer one is shown.
    void showResult(const fg::AnalysisResult& result);
    // A newer frame of the source, painted with the latest analysis's faces.
    void showFrame(const QImage& image, qint64 frameIndex);
    // Drops the frame and shows `message` instead (e.g. why there is no picture).
    void showMessage(const QString& message);

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    AnalysisResult m_result;
    QString m_message;
    qint64 m_framesShown = 0;
    qint64 m_frameIndex = -1; // of the picture painted
};

} // namespace fg
