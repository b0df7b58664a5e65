#include "ui/desk/CameraTile.h"

#include "core/capture/FrameSourceFactory.h"
#include "ui/widgets/CameraView.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMouseEvent>
#include <QUrl>
#include <QVBoxLayout>

namespace fg {

CameraTile::CameraTile(int index, const QString& sourceSpec, QWidget* parent)
    : QFrame(parent)
    , m_index(index)
    , m_spec(sourceSpec)
    , m_view(new CameraView(this))
    , m_name(new QLabel(this))
    , m_stateLabel(new QLabel(this))
    , m_fpsLabel(new QLabel(this))
    , m_captureMark(new QLabel(this))
{
    const QString prefix = QStringLiteral("cameraTile%1").arg(index);
    setObjectName(prefix);
    m_view->setObjectName(prefix + QStringLiteral("View"));
    m_name->setObjectName(prefix + QStringLiteral("Name"));
    m_stateLabel->setObjectName(prefix + QStringLiteral("State"));
    m_fpsLabel->setObjectName(prefix + QStringLiteral("Fps"));
    m_captureMark->setObjectName(prefix + QStringLiteral("Capture"));

    // Nine tiles and the match panel fit a 1366x768 screen.
    m_view->setMinimumSize(160, 90);
    // A long file name or URL is cut, never widens the grid; the whole spec is in the tooltip.
    m_name->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_name->setMinimumWidth(40);
    m_captureMark->setStyleSheet(QStringLiteral("font-weight: bold; padding: 0 4px;"
                                                " background: palette(highlight); color: palette(highlighted-text);"));

    auto* caption = new QHBoxLayout;
    caption->setContentsMargins(4, 2, 4, 2);
    caption->setSpacing(8);
    caption->addWidget(m_name, 1);
    caption->addWidget(m_stateLabel);
    caption->addWidget(m_fpsLabel);
    caption->addWidget(m_captureMark);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(3, 3, 3, 3);
    layout->setSpacing(0);
    layout->addWidget(m_view, 1);
    layout->addLayout(caption);

    applyStyle();
    retranslate();
}

void CameraTile::setSourceState(CaptureState state, const QString& message)
{
    m_state = state;
    m_message = message;
    // A source in trouble says so in bold, not in colour alone.
    const bool problem = state == CaptureState::Failed || state == CaptureState::Lost
                         || state == CaptureState::Reconnecting;
    const QString style = problem ? QStringLiteral("font-weight: bold;") : QString();
    if (m_stateLabel->styleSheet() != style)
        m_stateLabel->setStyleSheet(style);
    retranslate();
}

void CameraTile::setFramesPerSecond(double framesPerSecond)
{
    m_fps = framesPerSecond;
    retranslate();
}

void CameraTile::setCaptureCamera(bool capture)
{
    m_capture = capture;
    applyStyle();
    retranslate();
}

void CameraTile::applyStyle()
{
    // The ID selector keeps the border off the caption's labels (QLabel is a QFrame too).
    setStyleSheet(m_capture ? QStringLiteral("#%1 { border: 3px solid palette(highlight); }").arg(objectName())
                            : QStringLiteral("#%1 { border: 1px dashed palette(mid); }").arg(objectName()));
    m_captureMark->setVisible(m_capture);
}

void CameraTile::retranslate()
{
    const QString number = QString::number(m_index + 1);
    const QString name = shortName(m_spec);
    m_name->setText(tr("%1 · %2").arg(number, name));
    m_name->setToolTip(FrameSourceFactory::withoutSecrets(m_spec));
    const QString title = stateTitle(m_state);
    m_stateLabel->setText(title);
    m_stateLabel->setToolTip(m_message);
    if (m_state == CaptureState::Failed || m_state == CaptureState::Lost)
        m_view->showMessage(m_message.isEmpty() ? title : tr("%1: %2").arg(title, m_message));
    m_fpsLabel->setText(m_fps > 0.0 ? tr("%1 fps").arg(m_fps, 0, 'f', 1) : tr("— fps"));
    m_captureMark->setText(tr("Capture camera"));
    if (m_capture)
        setToolTip(tr("The desk captures from this camera"));
    else if (m_index < 9) // Ctrl+1 ... Ctrl+9
        setToolTip(tr("Click, or press Ctrl+%1, to capture from this camera").arg(number));
    else
        setToolTip(tr("Click to capture from this camera"));
    setAccessibleName(m_capture ? tr("Camera %1, %2, capture camera").arg(number, name)
                                : tr("Camera %1, %2").arg(number, name));
}

void CameraTile::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        Q_EMIT selected(m_index);
        event->accept();
        return;
    }
    QFrame::mousePressEvent(event);
}

void CameraTile::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QFrame::changeEvent(event);
}

QString CameraTile::sourceWords(const QString& description)
{
    const std::pair<QLatin1String, QString> kinds[] = {{QLatin1String("video file "), tr("video file %1")},
                                                       {QLatin1String("camera "), tr("camera %1")},
                                                       {QLatin1String("image folder "), tr("image folder %1")},
                                                       {QLatin1String("stream "), tr("stream %1")}};
    for (const auto& [kind, words] : kinds) {
        if (description.startsWith(kind))
            return words.arg(description.mid(kind.size()));
    }
    return description;
}

QString CameraTile::stateTitle(CaptureState state)
{
    switch (state) {
    case CaptureState::Stopped:
        return tr("Stopped");
    case CaptureState::Opening:
        return tr("Opening");
    case CaptureState::Live:
        return tr("Live");
    case CaptureState::Reconnecting:
        return tr("Reconnecting");
    case CaptureState::Lost:
        return tr("Lost");
    case CaptureState::Finished:
        return tr("Finished");
    case CaptureState::Failed:
        return tr("Failed");
    }
    return tr("Unknown");
}

QString CameraTile::shortName(const QString& sourceSpec)
{
    const std::optional<FrameSourceFactory::Parsed> parsed = FrameSourceFactory::parse(sourceSpec, nullptr);
    if (!parsed)
        return sourceSpec.trimmed();
    switch (parsed->kind) {
    case FrameSourceFactory::Kind::Camera:
        return parsed->target;
    case FrameSourceFactory::Kind::Stream: {
        // Credentials and tokens stay off the screen.
        const QUrl url(parsed->target);
        const QString port = url.port() > 0 ? QStringLiteral(":%1").arg(url.port()) : QString();
        return url.host() + port + url.path();
    }
    case FrameSourceFactory::Kind::ImageFolder:
        return QDir(parsed->target).dirName();
    case FrameSourceFactory::Kind::VideoFile:
        return QFileInfo(parsed->target).fileName();
    }
    return sourceSpec.trimmed();
}

} // namespace fg
