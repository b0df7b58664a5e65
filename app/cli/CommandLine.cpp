#include "app/cli/CommandLine.h"

#include "app/cli/CliContext.h"
#include "app/cli/DetectCommand.h"
#include "app/cli/PadCommand.h"
#include "app/cli/DocumentCommand.h"
#include "app/cli/EvalCommand.h"
#include "app/cli/EvalPadCommand.h"
#include "app/cli/GalleryCommand.h"
#include "app/cli/IdentifyCommand.h"
#include "app/cli/RecordsSession.h"
#include "app/cli/VerifyCommand.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <map>
#include <vector>

#include <unistd.h>

namespace fg::cli {
namespace {

const char* const kUsage =
    "usage:\n"
    "  facegate-cli detect IMAGE\n"
    "  facegate-cli verify IMAGE_A IMAGE_B [--fmr 1e-3]\n"
    "  facegate-cli eval (--labels CSV | --pairs CSV) [--root DIR] [--plot det.png] [--calibration-out FILE]\n"
    "  facegate-cli eval-pad --labels CSV [--root DIR] [--bpcer 0.01] [--calibration-out FILE] [--det-out FILE]\n"
    "               [--window N]   (presentation-attack error rates; CSV: path,label,attack_type,subject)\n"
    "  facegate-cli gallery build --manifest CSV --out FILE\n"
    "  facegate-cli identify --gallery FILE IMAGE [--top 5]\n"
    "  facegate-cli pad [--bpcer 0.01] [--max-frames N] IMAGE|VIDEO   (presentation-attack score and cues)\n"
    "  facegate-cli bench [pipeline | search --gallery-size N | records | purge | queue | rotate]\n"
    "  facegate-cli bench service [--clients 50] [--seconds 10] [--gallery-size N] [--workers N]\n"
    "  facegate-cli document verify --sod FILE --dg DIR --csca DIR|MASTERLIST [--crl FILE]... [--at ISO8601]\n"
    "               (passive authentication of an ePassport chip's files: document verify --help)\n"
    "  facegate-cli --db URL purge [--now ISO8601]   (--now: a drill, recorded at the real time)\n"
    "  facegate-cli --db URL audit verify [--checkpoints DIR] [--audit-key FILE]\n"
    "  facegate-cli --db URL audit public-key [--audit-key FILE]\n"
    "  facegate-cli --db URL stats\n"
    "  facegate-cli --db URL encounter add --photo IMAGE --citizenship CODE\n"
    "               [--exempt] [--verified-at ISO8601] [--decision match|no-match]\n"
    "               [--kind entry|exit|checkpoint] [--key-file PATH]\n"
    "  facegate-cli --db URL user add NAME --role ROLE [--display-name TEXT] [--admin NAME [--code CODE]]\n"
    "  facegate-cli --db URL user list --admin NAME [--code CODE]\n"
    "  facegate-cli --db URL user (disable | enable | unlock | reset-totp) NAME --admin NAME [--code CODE]\n"
    "  facegate-cli --db URL user set-role NAME --role ROLE --admin NAME [--code CODE]\n"
    "               (each user subcommand takes [--key-file PATH])\n"
    "  facegate-cli --db URL key rotate --new-key-file PATH|URI [--key-file PATH|URI] [--batch N]\n"
    "User passwords and codes are read from standard input, one a line (asked on a terminal):\n"
    "the first admin of a database without users is added without --admin, with its password;\n"
    "otherwise the administrator of --admin signs in: their password, their authenticator code\n"
    "(unless --code), then for user add the new user's password.\n"
    "URL: sqlite:///path/facegate.db or postgresql://user@host:port/db. Records are sealed with\n"
    "--key-file PATH, $FACEGATE_KEY_FILE or $FACEGATE_PASSPHRASE (default key file\n"
    "~/.local/share/facegate/keys/facegate.kek, made for a new database). A key in a PKCS#11\n"
    "token is named by a URI instead of PATH, pkcs11:token=T;object=O?module-path=M&pin-source=file:P\n"
    "(or the PIN in $FACEGATE_PKCS11_PIN); the token wraps and unwraps, the key never leaves it.\n"
    "Models are read from $FACEGATE_MODELS (default ~/.local/share/facegate/models).\n";

// `facegate-cli bench ...` is facegate-bench, the program beside this one
// (the benchmarks and what they link stay out of the command line's build):
// it replaces this process, so its JSON, errors and exit status are the
// command's own.
int runBenchProgram(const QStringList& arguments, CliContext& context)
{
    const QString program = QCoreApplication::applicationDirPath() + QStringLiteral("/facegate-bench");
    if (!QFileInfo(program).isExecutable())
        return context.fail(kProcessingError,
                            QStringLiteral("%1 not found: `facegate-cli bench` runs the facegate-bench program "
                                           "installed beside facegate-cli (build its target)")
                                .arg(program));
    std::vector<QByteArray> words{program.toLocal8Bit()};
    for (const QString& word : arguments.mid(1))
        words.push_back(word.toLocal8Bit());
    std::vector<char*> argv;
    for (QByteArray& word : words)
        argv.push_back(word.data());
    argv.push_back(nullptr);
    std::fflush(stdout);
    std::fflush(stderr);
    ::execv(argv[0], argv.data());
    return context.fail(kProcessingError, QStringLiteral("%1 could not be started: %2")
                                              .arg(program, QString::fromLocal8Bit(std::strerror(errno))));
}

} // namespace

int runCommandLine(const QStringList& arguments)
{
    using Command = std::function<int(const QStringList&, CliContext&)>;
    const std::map<QString, Command> commands = {
        {QStringLiteral("detect"), runDetect},     {QStringLiteral("pad"), runPad},     {QStringLiteral("verify"), runVerify},
        {QStringLiteral("eval"), runEval},         {QStringLiteral("gallery"), runGallery},
        {QStringLiteral("identify"), runIdentify}, {QStringLiteral("bench"), runBenchProgram},
        {QStringLiteral("document"), runDocument}, {QStringLiteral("eval-pad"), runEvalPad},
    };
    CliContext context;
    if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") || arguments[1] == QLatin1String("-h")) {
        std::fputs(kUsage, arguments.size() < 2 ? stderr : stdout);
        return arguments.size() < 2 ? kUsageError : kSuccess;
    }
    if (arguments[1] == QLatin1String("--db"))
        return runRecordsCommand(arguments, context);
    const auto command = commands.find(arguments[1]);
    if (command == commands.end()) {
        std::fputs(kUsage, stderr);
        return context.fail(kUsageError, QStringLiteral("unknown subcommand \"%1\"").arg(arguments[1]));
    }
    // QCommandLineParser expects the program name first: "facegate-cli verify ...".
    QStringList rest = arguments.mid(1);
    rest[0] = arguments[0] + QLatin1Char(' ') + arguments[1];
    return command->second(rest, context);
}

} // namespace fg::cli
