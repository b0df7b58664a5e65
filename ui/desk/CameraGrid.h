#pragma once

#include <QList>
#include <QWidget>

class QGridLayout;

namespace fg {

class CameraTile;

// The officer's cameras as tiles (CameraTile), laid out in a square-ish
// grid: one fills it, two stand side by side, three or four make 2x2, five
// to nine 3x3. One tile is the capture camera's; its view carries the
// object name "cameraView" (the others "cameraTile<N>View"), so tests and
// tools that look for the one camera view find the one the desk captures from.
class CameraGrid : public QWidget {
    Q_OBJECT
public:
    explicit CameraGrid(QWidget* parent = nullptr);

    // A tile for one more source (FrameSourceFactory words), placed after the others.
    CameraTile* addCamera(const QString& sourceSpec);
    int count() const { return int(m_tiles.size()); }
    CameraTile* tile(int index) const { return m_tiles.value(index); }

    // Marks the tile at `index` (and only it) as the capture camera.
    void setCaptureCamera(int index);

    // How many columns `count` tiles take.
    static int columnsFor(int count);

Q_SIGNALS:
    // The officer clicked a tile.
    void tileSelected(int index);

private:
    void relayout();

    QGridLayout* m_layout = nullptr;
    QList<CameraTile*> m_tiles;
};

} // namespace fg
