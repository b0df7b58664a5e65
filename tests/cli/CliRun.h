#pragma once

// facegate-cli run as a script runs it: one process, its exit status, the one
// JSON object it printed and its error line. The test defines FACEGATE_CLI
// (tests/cli/CMakeLists.txt).

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace fg::test {

struct CliRun {
    int status = -1; // -1: did not start or finish in time; -2: crashed
    QJsonObject json;
    QString err;
};

inline CliRun runCli(const QStringList& words,
                     const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
                     int timeoutMs = 120000)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(FACEGATE_CLI), words);
    CliRun result;
    if (!process.waitForStarted(30000) || !process.waitForFinished(timeoutMs))
        return result;
    result.status = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.json = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace fg::test
