#include "app/cli/DocumentReadCommand.h"

#include "core/documents/MrzInput.h"
#include "core/documents/MrzParser.h"
#include "core/documents/emrtd/ChipAccessKey.h"
#include "core/documents/emrtd/CscaStore.h"
#include "core/documents/reader/PassportChip.h"
#include "core/documents/reader/PcscReader.h"

#include <QCommandLineParser>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

namespace fg::cli {
namespace {

constexpr qint64 kMaxMrzFileBytes = 4096;

// --mrz: a file holding the zone, or the zone itself (lines separated by
// newlines, or by nothing: 88 characters for a passport).
std::optional<QString> zoneText(const QString& value, QString* error)
{
    const QFileInfo file(value);
    if (!file.isFile())
        return value;
    QFile zone(value);
    if (file.size() > kMaxMrzFileBytes || !zone.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("--mrz %1: %2").arg(value, file.size() > kMaxMrzFileBytes
                                                               ? QStringLiteral("larger than an MRZ (%1 bytes)").arg(file.size())
                                                               : zone.errorString());
        return std::nullopt;
    }
    return QString::fromUtf8(zone.readAll());
}

QJsonObject holderJson(const ChipDocument& document)
{
    QJsonObject dg1{{QStringLiteral("mrz"), document.chipMrz.join(QLatin1Char('\n'))}};
    if (document.holder) {
        const MrzDocument& d = *document.holder;
        dg1.insert(QStringLiteral("format"), mrzFormatName(d.format));
        dg1.insert(QStringLiteral("document_code"), d.documentCode);
        dg1.insert(QStringLiteral("issuing_state"), d.issuingState);
        dg1.insert(QStringLiteral("surname"), d.primaryIdentifier);
        dg1.insert(QStringLiteral("given_names"), d.secondaryIdentifier);
        dg1.insert(QStringLiteral("document_number"), d.documentNumber);
        dg1.insert(QStringLiteral("nationality"), d.nationality);
        dg1.insert(QStringLiteral("birth_date"), d.birthDate.isValid() ? d.birthDate.toString(Qt::ISODate) : d.birthDateText);
        dg1.insert(QStringLiteral("sex"), QString(d.sex));
        dg1.insert(QStringLiteral("expiry_date"),
                   d.expiryDate.isValid() ? d.expiryDate.toString(Qt::ISODate) : d.expiryDateText);
    }
    if (!document.holderProblems.isEmpty())
        dg1.insert(QStringLiteral("problems"), QJsonArray::fromStringList(document.holderProblems));
    return dg1;
}

} // namespace

int runDocumentRead(const QStringList& arguments, CliContext& context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("reader"), QStringLiteral("PC/SC reader (default: the first with a card)"),
                      QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("mrz"), QStringLiteral("the document's MRZ: a file, or the text"),
                      QStringLiteral("FILE|TEXT")});
    parser.addOption({QStringLiteral("csca"), QStringLiteral("trusted CSCAs: a folder of certificates or a master list"),
                      QStringLiteral("DIR|MASTERLIST")});
    parser.addOption({QStringLiteral("crl"), QStringLiteral("a certificate revocation list (repeatable)"),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("wait"), QStringLiteral("seconds to wait for a card (default 0: one must be there)"),
                      QStringLiteral("SECONDS"), QStringLiteral("0")});
    parser.addOption({QStringLiteral("at"), QStringLiteral("verify as of this time (ISO 8601; default now)"),
                      QStringLiteral("ISO8601")});
    const QString usage =
        QStringLiteral("usage: facegate-cli document read [--reader NAME] --mrz FILE|TEXT [--csca DIR|MASTERLIST] "
                       "[--crl FILE]... [--wait SECONDS] [--at ISO8601]");
    if (!parser.parse(arguments) || !parser.positionalArguments().isEmpty())
        return context.fail(kUsageError, parser.errorText().isEmpty() ? usage : parser.errorText() + QLatin1Char('\n') + usage);
    if (!parser.isSet(QStringLiteral("mrz")))
        return context.fail(kUsageError, QStringLiteral("--mrz is required: the chip opens only with its MRZ\n") + usage);
    bool ok = false;
    const int waitSeconds = parser.value(QStringLiteral("wait")).toInt(&ok);
    if (!ok || waitSeconds < 0 || waitSeconds > 3600)
        return context.fail(kUsageError, QStringLiteral("--wait %1: not a number of seconds from 0 to 3600")
                                             .arg(parser.value(QStringLiteral("wait"))));
    QDateTime at = QDateTime::currentDateTimeUtc();
    if (parser.isSet(QStringLiteral("at"))) {
        at = QDateTime::fromString(parser.value(QStringLiteral("at")), Qt::ISODate);
        if (!at.isValid())
            return context.fail(kUsageError,
                                QStringLiteral("--at %1: not an ISO 8601 time").arg(parser.value(QStringLiteral("at"))));
    }

    QString error;
    const std::optional<QString> text = zoneText(parser.value(QStringLiteral("mrz")), &error);
    if (!text)
        return context.fail(kUsageError, error);
    const MrzInput zone = MrzInput::read(*text);
    const MrzResult parsed = MrzParser::parse(zone.lines.join(QLatin1Char('\n')), at.date());
    if (!parsed.document)
        return context.fail(kUsageError, QStringLiteral("--mrz: the MRZ cannot be read: %1")
                                             .arg(parsed.problems.empty() ? QStringLiteral("no layout fits")
                                                                          : parsed.problems.front().message));
    const std::optional<ChipAccessKey> key = ChipAccessKey::fromMrz(*parsed.document, &error);
    if (!key)
        return context.fail(kUsageError, QStringLiteral("--mrz: %1").arg(error));

    std::optional<CscaStore> store;
    if (parser.isSet(QStringLiteral("csca"))) {
        store = CscaStore::load(parser.value(QStringLiteral("csca")), &error);
        if (!store)
            return context.fail(kUsageError, QStringLiteral("--csca: %1").arg(error));
    } else if (parser.isSet(QStringLiteral("crl"))) {
        return context.fail(kUsageError, QStringLiteral("--crl needs --csca: revocation is checked against trusted CSCAs"));
    }
    for (const QString& crl : parser.values(QStringLiteral("crl"))) {
        if (!store->addCrlFile(crl, &error))
            return context.fail(kUsageError, QStringLiteral("--crl: %1").arg(error));
    }

    const std::unique_ptr<PcscContext> pcsc = PcscContext::establish(&error);
    if (!pcsc)
        return context.fail(kProcessingError, error);
    const std::optional<QStringList> readers = pcsc->readers(&error);
    if (!readers)
        return context.fail(kProcessingError, error);
    QString reader = parser.value(QStringLiteral("reader"));
    if (!reader.isEmpty() && !readers->contains(reader))
        return context.fail(kProcessingError, QStringLiteral("there is no card reader \"%1\" (connected: %2)")
                                                  .arg(reader, readers->isEmpty() ? QStringLiteral("none")
                                                                                  : readers->join(QStringLiteral(", "))));
    if (reader.isEmpty()) {
        if (readers->isEmpty())
            return context.fail(kProcessingError, QStringLiteral("no card reader is connected"));
        reader = readers->front();
    }
    const std::optional<bool> present = pcsc->waitForCard(reader, waitSeconds * 1000, &error);
    if (!present)
        return context.fail(kProcessingError, error);
    if (!*present)
        return context.fail(kProcessingError, QStringLiteral("no card in %1%2")
                                                  .arg(reader, waitSeconds > 0 ? QStringLiteral(" after %1 s").arg(waitSeconds)
                                                                               : QString()));
    const std::unique_ptr<PcscCard> card = pcsc->connect(reader, &error);
    if (!card)
        return context.fail(kProcessingError, error);

    PassportChip::Options options;
    options.deadline = QDeadlineTimer(60000);
    ChipSession::Failure failure = ChipSession::Failure::None;
    const std::optional<ChipDocument> document =
        PassportChip::read(*card, *key, store ? &*store : nullptr, at, zone.lines, options, &error, &failure);
    if (!document)
        return context.fail(kProcessingError, QStringLiteral("the chip in %1 was not read: %2").arg(reader, error));

    QJsonObject result = document->report();
    result.insert(QStringLiteral("reader"), reader);
    result.insert(QStringLiteral("dg1"), holderJson(*document));
    if (document->photo) {
        const FaceImage& photo = *document->photo;
        result.insert(QStringLiteral("photo"), QJsonObject{{QStringLiteral("format"), photo.format},
                                                           {QStringLiteral("width"), photo.width},
                                                           {QStringLiteral("height"), photo.height},
                                                           {QStringLiteral("bytes"), photo.data.size()}});
    } else {
        result.insert(QStringLiteral("photo"), QJsonObject{{QStringLiteral("problem"), document->photoProblem}});
    }
    if (!document->reading.notes.isEmpty())
        result.insert(QStringLiteral("notes"), QJsonArray::fromStringList(document->reading.notes));
    const int printed = context.printJson(result);
    const ChipVerdict verdict = document->verdict();
    if (verdict.outcome == ChipVerdict::Outcome::NotGenuine)
        return context.fail(kProcessingError,
                            QStringLiteral("the document is NOT genuine: %1 (%2)").arg(verdict.failedCheck, verdict.summary));
    return printed;
}

} // namespace fg::cli
