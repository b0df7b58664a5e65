// facegate-matchd: the matching core as a mutual-TLS service for partner
// cameras and workstations (ARCHITECTURE.md, the matching core as a service).
#include "app/matchd/MatchDaemon.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("facegate-matchd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FACEGATE_VERSION));
    // One line per event on stderr (the journal under systemd adds the time).
    qSetMessagePattern(QStringLiteral("facegate-matchd: %{if-category}%{category}: %{endif}%{message}"));
    return fg::runMatchDaemon(app);
}
