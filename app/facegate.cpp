// facegate: the officer workstation GUI (ARCHITECTURE.md).
#include "ui/MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QMessageBox>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("facegate"));
    QApplication::setApplicationVersion(QStringLiteral(FACEGATE_VERSION));

    const QString datasets = qEnvironmentVariableIsEmpty("FACEGATE_DATASETS")
                                 ? QStringLiteral("../shared/datasets")
                                 : qEnvironmentVariable("FACEGATE_DATASETS");
    const QString defaultSource =
        QFileInfo(datasets + QStringLiteral("/faces-dev/video/short_hamilton_clip.mp4")).absoluteFilePath();
    fg::LiveAnalysis::Options options = fg::LiveAnalysis::defaultOptions(defaultSource);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("FaceGate officer workstation"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption source(QStringLiteral("source"),
                                    QStringLiteral("Frame source: camera (0, /dev/video0), stream URL, image folder "
                                                   "or video file (replayed in real time, looped). Default: %1")
                                        .arg(defaultSource),
                                    QStringLiteral("SPEC"), defaultSource);
    const QCommandLineOption models(QStringLiteral("models"), QStringLiteral("Model folder. Default: %1")
                                        .arg(options.pipeline.modelDirectory),
                                    QStringLiteral("DIR"), options.pipeline.modelDirectory);
    parser.addOptions({source, models});
    parser.process(app);
    options.sourceSpec = parser.value(source);
    options.pipeline.modelDirectory = parser.value(models);

    fg::MainWindow window(options);
    QObject::connect(&window, &fg::MainWindow::startupFailed, &window, [&window](const QString& reason) {
        // A fatal start-up failure: the one case for a modal box.
        QMessageBox::critical(&window, QObject::tr("FaceGate cannot start"),
                              QObject::tr("The face pipeline could not be created:\n%1").arg(reason));
        QApplication::exit(1);
    }, Qt::QueuedConnection);
    window.show();
    window.start();
    return QApplication::exec();
}
