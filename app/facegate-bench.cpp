// facegate-bench: the benchmarks behind `facegate-cli bench` (ARCHITECTURE.md,
// command-line contract), a program of their own so that what they link (FAISS,
// the service, the records' fixtures) stays out of facegate-cli.
//   facegate-bench [pipeline | search --gallery-size N | records | purge | queue | rotate | service ...]
// is `facegate-cli bench ...`, which runs this program.
#include "app/bench/BenchCommand.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("facegate-bench"));
    QStringList arguments = QCoreApplication::arguments();
    // The usage and errors name the contract's command.
    arguments[0] = QStringLiteral("facegate-cli bench");
    fg::cli::CliContext context;
    return fg::cli::runBench(arguments, context);
}
