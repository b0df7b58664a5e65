#include "ui/desk/CameraGrid.h"

#include "ui/desk/CameraTile.h"
#include "ui/widgets/CameraView.h"

#include <QGridLayout>

#include <cmath>

namespace fg {

CameraGrid::CameraGrid(QWidget* parent)
    : QWidget(parent)
    , m_layout(new QGridLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

CameraTile* CameraGrid::addCamera(const QString& sourceSpec)
{
    auto* tile = new CameraTile(int(m_tiles.size()), sourceSpec, this);
    connect(tile, &CameraTile::selected, this, &CameraGrid::tileSelected);
    m_tiles.append(tile);
    relayout();
    return tile;
}

void CameraGrid::setCaptureCamera(int index)
{
    for (CameraTile* tile : std::as_const(m_tiles)) {
        const bool capture = tile->index() == index;
        tile->setCaptureCamera(capture);
        tile->view()->setObjectName(capture ? QStringLiteral("cameraView")
                                            : QStringLiteral("cameraTile%1View").arg(tile->index()));
    }
}

int CameraGrid::columnsFor(int count)
{
    // The smallest square that holds them: 1 -> 1, 2 -> 2 (one row), 3-4 -> 2, 5-9 -> 3.
    return count <= 1 ? 1 : int(std::ceil(std::sqrt(double(count))));
}

void CameraGrid::relayout()
{
    for (CameraTile* tile : std::as_const(m_tiles))
        m_layout->removeWidget(tile);
    const int columns = columnsFor(int(m_tiles.size()));
    for (int i = 0; i < m_tiles.size(); ++i)
        m_layout->addWidget(m_tiles[i], i / columns, i % columns);
    // Every tile the same size, whatever its picture.
    for (int c = 0; c < columns; ++c)
        m_layout->setColumnStretch(c, 1);
    for (int r = 0; r < m_layout->rowCount(); ++r)
        m_layout->setRowStretch(r, 1);
}

} // namespace fg
