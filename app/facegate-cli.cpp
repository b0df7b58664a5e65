// facegate-cli: the matching core for scripts (ARCHITECTURE.md, command-line contract).
#include "app/cli/CommandLine.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

int main(int argc, char* argv[])
{
    // `eval --plot` draws with QPainter, which needs a QGuiApplication for its
    // fonts; without a display it uses the offscreen platform.
    bool plots = false;
    for (int i = 1; i < argc; ++i)
        plots = plots || QByteArray(argv[i]) == "--plot";
    if (plots && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app(plots ? new QGuiApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("facegate-cli"));
    return fg::cli::runCommandLine(QCoreApplication::arguments());
}
