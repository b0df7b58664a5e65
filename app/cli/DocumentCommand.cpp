#include "app/cli/DocumentCommand.h"

#include "app/cli/DocumentReadCommand.h"

#include "core/documents/emrtd/BerTlvDecoder.h"
#include "core/documents/emrtd/CscaStore.h"
#include "core/documents/emrtd/LdsFiles.h"
#include "core/documents/emrtd/PassiveAuthentication.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <cstdio>
#include <functional>
#include <map>

namespace fg::cli {
namespace {

const char* const kUsage =
    "usage: facegate-cli document read [--reader NAME] --mrz FILE|TEXT [--csca DIR|MASTERLIST] [--crl FILE]...\n"
    "       facegate-cli document verify --sod FILE --dg DIR --csca DIR|MASTERLIST [--crl FILE]... [--at ISO8601]\n"
    "       facegate-cli document SUBCOMMAND --help";

const char* const kVerifyHelp =
    "usage: facegate-cli document verify --sod FILE --dg DIR --csca DIR|MASTERLIST [--crl FILE]... [--at ISO8601]\n"
    "Passive authentication (ICAO Doc 9303 part 11, 5.1) of files read from an ePassport's chip:\n"
    "EF.SOD's signature by its Document Signer, the Document Signer's chain to a trusted CSCA,\n"
    "its validity, CRLs, and every data group's hash.\n"
    "  --sod FILE        EF.SOD as read from the chip (tag 77)\n"
    "  --dg DIR          the data groups as read from the chip, one file each, named dg1.bin,\n"
    "                    dg2.bin, ... dg16.bin (other files are ignored; at least one is needed)\n"
    "  --csca PATH       the trusted CSCAs: a folder of certificates (*.pem, *.crt, *.cer, *.der,\n"
    "                    PEM or DER; *.crl CRLs and *.ml master lists too) or an ICAO master list\n"
    "  --crl FILE        a CRL (PEM or DER), repeatable\n"
    "  --at ISO8601      judge validity and CRLs at this instant (default: now; UTC unless the\n"
    "                    time says otherwise)\n"
    "Prints one JSON object: outcome (genuine, not-verifiable, not-genuine), summary,\n"
    "issuing_country, csca, document_signer, failed_check, checks [{name, result, detail}],\n"
    "data_groups [numbers]. Exit 0: genuine or not verifiable; 1: NOT genuine; 2: bad usage or\n"
    "files that cannot be read.\n";

// The files of the chip may be as long as BER-TLV allows, no longer.
std::optional<QByteArray> readChipFile(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1 cannot be read: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > BerTlvDecoder::kMaxLength + 16) {
        *error = QStringLiteral("%1 is %2 bytes, more than a chip's file can be").arg(path).arg(file.size());
        return std::nullopt;
    }
    return file.readAll();
}

int runDocumentVerify(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("sod"), QStringLiteral("EF.SOD"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("dg"), QStringLiteral("folder of dg1.bin, dg2.bin, ..."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("csca"), QStringLiteral("trusted CSCAs"), QStringLiteral("DIR|MASTERLIST")});
    parser.addOption({QStringLiteral("crl"), QStringLiteral("a CRL"), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("at"), QStringLiteral("the instant of the check"), QStringLiteral("ISO8601")});
    parser.addOption({QStringLiteral("help"), QStringLiteral("this help")});
    if (!parser.parse(arguments))
        return context.fail(kUsageError, parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        std::fputs(kVerifyHelp, stdout);
        return kSuccess;
    }
    if (!parser.positionalArguments().isEmpty())
        return context.fail(kUsageError, QStringLiteral("unexpected \"%1\"; %2")
                                             .arg(parser.positionalArguments().front(), QLatin1String(kUsage)));
    for (const char* required : {"sod", "dg", "csca"}) {
        if (!parser.isSet(QLatin1String(required)))
            return context.fail(kUsageError,
                                QStringLiteral("--%1 is missing; %2").arg(QLatin1String(required), QLatin1String(kUsage)));
    }
    QDateTime at = QDateTime::currentDateTimeUtc();
    if (parser.isSet(QStringLiteral("at"))) {
        const QString text = parser.value(QStringLiteral("at"));
        at = QDateTime::fromString(text, Qt::ISODate);
        if (!at.isValid())
            return context.fail(kUsageError, QStringLiteral("--at \"%1\" is not an ISO 8601 date and time").arg(text));
        if (at.timeSpec() == Qt::LocalTime)
            at.setTimeSpec(Qt::UTC);
    }

    QString error;
    LdsFiles files;
    const std::optional<QByteArray> sod = readChipFile(parser.value(QStringLiteral("sod")), &error);
    if (!sod)
        return context.fail(kUsageError, error);
    files.sod = *sod;
    const QDir folder(parser.value(QStringLiteral("dg")));
    if (!folder.exists())
        return context.fail(kUsageError, QStringLiteral("--dg %1 is not a folder").arg(folder.path()));
    for (int number = 1; number <= 16; ++number) {
        const QString path = folder.filePath(QStringLiteral("dg%1.bin").arg(number));
        if (!QFileInfo::exists(path))
            continue;
        const std::optional<QByteArray> bytes = readChipFile(path, &error);
        if (!bytes)
            return context.fail(kUsageError, error);
        files.dataGroups[number] = *bytes;
    }
    if (files.dataGroups.empty())
        return context.fail(kUsageError, QStringLiteral("the folder %1 holds no data group (dg1.bin, dg2.bin, ...)")
                                             .arg(folder.path()));

    std::optional<CscaStore> store = CscaStore::load(parser.value(QStringLiteral("csca")), &error);
    if (!store)
        return context.fail(kUsageError, error);
    for (const QString& crl : parser.values(QStringLiteral("crl"))) {
        if (!store->addCrlFile(crl, &error))
            return context.fail(kUsageError, error);
    }

    const ChipVerdict verdict = PassiveAuthentication::verify(files, &*store, at);
    QJsonObject json = verdict.toJson();
    QJsonArray groups;
    for (const auto& entry : files.dataGroups)
        groups.append(entry.first);
    json.insert(QStringLiteral("data_groups"), groups);
    context.printJson(json);
    return verdict.outcome == ChipVerdict::Outcome::NotGenuine ? kProcessingError : kSuccess;
}

} // namespace

int runDocument(const QStringList& arguments, CliContext& context)
{
    // One entry per subcommand of `facegate-cli document`.
    using Subcommand = std::function<int(const QStringList&, CliContext&)>;
    const std::map<QString, Subcommand> subcommands = {
        {QStringLiteral("read"), runDocumentRead},
        {QStringLiteral("verify"), runDocumentVerify},
    };
    if (arguments.size() < 2)
        return context.fail(kUsageError, QLatin1String(kUsage));
    const auto subcommand = subcommands.find(arguments[1]);
    if (subcommand == subcommands.end())
        return context.fail(kUsageError, QStringLiteral("unknown subcommand \"document %1\"; %2")
                                             .arg(arguments[1], QLatin1String(kUsage)));
    // QCommandLineParser expects the program name first: "facegate-cli document verify ...".
    QStringList rest = arguments.mid(1);
    rest[0] = arguments[0] + QLatin1Char(' ') + arguments[1];
    return subcommand->second(rest, context);
}

} // namespace fg::cli
