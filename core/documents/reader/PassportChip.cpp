#include "core/documents/reader/PassportChip.h"

#include "core/documents/MrzInput.h"
#include "core/documents/MrzParser.h"
#include "core/documents/emrtd/ActiveAuthentication.h"
#include "core/documents/emrtd/ChipAuthentication.h"
#include "core/documents/emrtd/CloneChecks.h"
#include "core/documents/emrtd/CscaStore.h"
#include "core/documents/emrtd/DataGroup1.h"
#include "core/documents/emrtd/DataGroup2.h"
#include "core/documents/emrtd/PassiveAuthentication.h"
#include "core/documents/emrtd/SecurityInfos.h"
#include "core/documents/reader/PcscReader.h"

#include <QJsonArray>

namespace fg {
namespace {

const QString kCloneCheck = QStringLiteral("clone check");
const QString kPrintedZoneCheck = QStringLiteral("data page against the chip");

// Chip authentication (DG14) when the chip offers it, else active
// authentication (DG15), in the session that read the files. The keys come
// from DG14/DG15 as read: passive authentication checks their hashes, so a
// clone check passed on a document that is not genuine proves nothing, and
// the verdict says NOT genuine all the same. False (with *error) only when
// the card itself failed (removed, silent): then nothing is returned.
bool checkClone(ChipSession& session, const LdsFiles& files, CloneCheck* result, QString* error)
{
    const auto transportFailed = [&session] {
        switch (session.lastFailure()) {
        case ChipSession::Failure::CardRemoved:
        case ChipSession::Failure::Deadline:
        case ChipSession::Failure::Cancelled:
        case ChipSession::Failure::Transport:
            return true;
        default:
            return false;
        }
    };
    std::optional<SecurityInfos> infos;
    if (const auto dg14 = files.dataGroups.find(14); dg14 != files.dataGroups.end()) {
        QString why;
        infos = SecurityInfos::fromDg14(dg14->second, &why);
        if (!infos) {
            *result = CloneCheck{CloneCheck::Result::Failed, QStringLiteral("chip authentication"),
                                 QStringLiteral("DG14 cannot be read: %1").arg(why)};
            return true;
        }
    }
    if (infos && infos->offersChipAuthentication()) {
        QString why;
        std::optional<ChipAuthentication> ca = ChipAuthentication::create(*infos, &why);
        if (!ca) {
            *result = CloneCheck{CloneCheck::Result::Failed, QStringLiteral("chip authentication"), why};
            return true;
        }
        for (int step = 0; step < 4 && !ca->isDone(); ++step) {
            const std::optional<CommandApdu> command = ca->nextCommand();
            if (!command)
                break;
            const std::optional<ResponseApdu> answer = session.transmit(*command, &why);
            if (!answer) {
                if (transportFailed()) {
                    *error = why;
                    return false;
                }
                *result = ca->failed(why);
                return true;
            }
            if (!ca->handleAnswer(*answer, &why)) {
                *result = ca->failed(why);
                return true;
            }
        }
        std::optional<SessionKeys> keys = ca->isDone() ? ca->takeSessionKeys() : std::nullopt;
        if (!keys) {
            *result = ca->failed(QStringLiteral("the chip did not complete the key agreement"));
            return true;
        }
        // The proof: the chip answers under keys only the holder of DG14's
        // private key can have agreed.
        session.restartSecureMessaging(std::move(*keys));
        const std::optional<QByteArray> again =
            session.readFile(LdsFiles::kComId, QStringLiteral("EF.COM"), ChipReader::kMaxOtherFileBytes, {}, &why);
        if (!again && transportFailed()) {
            *error = why;
            return false;
        }
        *result = again && *again == files.com
                      ? ca->passed()
                      : ca->failed(again ? QStringLiteral("EF.COM read under the new keys differs from the one read before")
                                         : QStringLiteral("the chip does not answer under the keys agreed with its DG14 "
                                                          "key (%1): it does not hold that key")
                                               .arg(why));
        return true;
    }
    if (const auto dg15 = files.dataGroups.find(15); dg15 != files.dataGroups.end()) {
        QString why;
        std::optional<ActiveAuthentication> aa = ActiveAuthentication::fromDg15(
            dg15->second, infos ? infos->activeAuthentication : std::nullopt, &why);
        if (!aa) {
            *result = CloneCheck{CloneCheck::Result::Failed, QStringLiteral("active authentication"),
                                 QStringLiteral("DG15 cannot be read: %1").arg(why)};
            return true;
        }
        const std::optional<CommandApdu> command = aa->command(&why);
        const std::optional<ResponseApdu> answer = command ? session.transmit(*command, &why) : std::nullopt;
        if (!answer) {
            if (transportFailed()) {
                *error = why;
                return false;
            }
            *result = CloneCheck{CloneCheck::Result::Failed, aa->method(), why};
            return true;
        }
        *result = aa->verify(*answer);
        return true;
    }
    *result = cloneCheckNotOffered();
    return true;
}

// Which fields of the two zones differ, in words; empty when they agree.
QString zoneDifference(const QStringList& chip, const QStringList& printed, const QDate& today)
{
    if (chip == printed)
        return {};
    const MrzResult a = MrzParser::parse(chip.join(QLatin1Char('\n')), today);
    const MrzResult b = MrzParser::parse(printed.join(QLatin1Char('\n')), today);
    if (!a.document || !b.document)
        return QStringLiteral("the printed zone is not the chip's");
    const MrzDocument& c = *a.document;
    const MrzDocument& p = *b.document;
    QStringList fields;
    const auto compare = [&](const QString& name, const QString& chipValue, const QString& printedValue) {
        if (chipValue != printedValue)
            fields << QStringLiteral("%1 (chip %2, data page %3)").arg(name, chipValue, printedValue);
    };
    compare(QStringLiteral("document number"), c.documentNumber, p.documentNumber);
    compare(QStringLiteral("surname"), c.primaryIdentifier, p.primaryIdentifier);
    compare(QStringLiteral("given names"), c.secondaryIdentifier, p.secondaryIdentifier);
    compare(QStringLiteral("nationality"), c.nationality, p.nationality);
    compare(QStringLiteral("date of birth"), c.birthDateText, p.birthDateText);
    compare(QStringLiteral("expiry date"), c.expiryDateText, p.expiryDateText);
    compare(QStringLiteral("sex"), QString(c.sex), QString(p.sex));
    compare(QStringLiteral("issuing state"), c.issuingState, p.issuingState);
    if (fields.isEmpty())
        return QStringLiteral("the zones differ outside the named fields (optional data or check digits)");
    return QStringLiteral("differs in %1").arg(fields.join(QStringLiteral("; ")));
}

} // namespace

ChipVerdict ChipDocument::verdict() const
{
    ChipVerdict verdict = signature;
    if (cloneCheck.result == CloneCheck::Result::Failed) {
        verdict.outcome = ChipVerdict::Outcome::NotGenuine;
        verdict.failedCheck = kCloneCheck;
        verdict.summary = QStringLiteral("NOT genuine: %1 failed (%2): the chip may be a copy")
                              .arg(cloneCheck.method, cloneCheck.detail);
        verdict.checks.push_back(DocumentCheck{kCloneCheck, DocumentCheck::Result::Failed, cloneCheck.detail});
    } else if (printedZone == PrintedZone::Differs) {
        verdict.outcome = ChipVerdict::Outcome::NotGenuine;
        verdict.failedCheck = kPrintedZoneCheck;
        verdict.summary = QStringLiteral("NOT genuine: the data page's MRZ does not agree with the chip's: %1")
                              .arg(printedZoneWords);
    }
    if (printedZone != PrintedZone::NotCompared)
        verdict.checks.push_back(DocumentCheck{kPrintedZoneCheck,
                                               printedZone == PrintedZone::Agrees ? DocumentCheck::Result::Passed
                                                                                  : DocumentCheck::Result::Failed,
                                               printedZoneWords});
    return verdict;
}

QString ChipDocument::words() const
{
    QString summary = verdict().summary;
    if (!summary.endsWith(QLatin1Char('.')))
        summary += QLatin1Char('.');
    QStringList words{summary};
    switch (cloneCheck.result) {
    case CloneCheck::Result::Passed: {
        QString method = cloneCheck.method;
        if (!method.isEmpty())
            method[0] = method[0].toUpper();
        words << QStringLiteral("%1 passed: not a copied chip.").arg(method);
        break;
    }
    case CloneCheck::Result::Failed:
        break; // in the summary
    case CloneCheck::Result::NotOffered:
        words << QStringLiteral("The chip offers neither chip nor active authentication: a copied chip cannot be ruled out.");
        break;
    }
    if (printedZone == PrintedZone::Agrees)
        words << QStringLiteral("The data page agrees with the chip.");
    return words.join(QLatin1Char(' '));
}

QJsonObject ChipDocument::report() const
{
    QJsonObject report = verdict().toJson();
    QJsonArray groups;
    for (const auto& [number, bytes] : reading.files.dataGroups)
        groups.append(number);
    static const char* const kZones[] = {"not-compared", "agrees", "differs"};
    report.insert(QStringLiteral("clone_check"),
                  QJsonObject{{QStringLiteral("result"), CloneCheck::resultName(cloneCheck.result)},
                              {QStringLiteral("method"), cloneCheck.method},
                              {QStringLiteral("detail"), cloneCheck.detail}});
    report.insert(QStringLiteral("printed_zone"), QLatin1String(kZones[int(printedZone)]));
    report.insert(QStringLiteral("access_control"), reading.accessControl);
    report.insert(QStringLiteral("data_groups"), groups);
    report.insert(QStringLiteral("apdus"), reading.apdus);
    report.insert(QStringLiteral("elapsed_ms"), reading.elapsedMs);
    return report;
}

std::optional<ChipDocument> PassportChip::read(PcscCard& card, const ChipAccessKey& key, const CscaStore* store,
                                               const QDateTime& at, const QStringList& printedMrz, const Options& options,
                                               QString* error, ChipSession::Failure* failure)
{
    CloneCheck clone = cloneCheckNotOffered();
    ChipReader::Options readerOptions;
    readerOptions.deadline = options.deadline;
    readerOptions.progress = options.progress;
    readerOptions.cancel = options.cancel;
    readerOptions.whileOpen = [&clone](ChipSession& session, const ChipReading& reading, QString* why) {
        return checkClone(session, reading.files, &clone, why);
    };
    std::optional<ChipReading> reading = ChipReader::read(card, key, readerOptions, error, failure);
    if (!reading)
        return std::nullopt;
    return examine(std::move(*reading), std::move(clone), store, at, printedMrz);
}

ChipDocument PassportChip::examine(ChipReading reading, CloneCheck cloneCheck, const CscaStore* store,
                                   const QDateTime& at, const QStringList& printedMrz)
{
    ChipDocument document;
    document.signature = PassiveAuthentication::verify(reading.files, store, at);
    document.cloneCheck = std::move(cloneCheck);
    const QDate today = at.toUTC().date();

    QString why;
    if (const auto dg1 = reading.files.dataGroups.find(1); dg1 != reading.files.dataGroups.end()) {
        if (const std::optional<DataGroup1> zone = DataGroup1::parse(dg1->second, &why)) {
            document.chipMrz = zone->mrz.split(QLatin1Char('\n'));
            const MrzResult parsed = MrzParser::parse(zone->mrz, today);
            document.holder = parsed.document;
            for (const MrzProblem& problem : parsed.problems)
                document.holderProblems << problem.message;
        } else {
            document.holderProblems << QStringLiteral("DG1 cannot be read: %1").arg(why);
        }
    }
    if (const auto dg2 = reading.files.dataGroups.find(2); dg2 != reading.files.dataGroups.end()) {
        if (const auto images = DataGroup2::parse(dg2->second, &why); images && !images->empty())
            document.photo = images->front();
        else
            document.photoProblem = images ? QStringLiteral("DG2 holds no face image")
                                           : QStringLiteral("DG2 cannot be read: %1").arg(why);
    } else {
        document.photoProblem = QStringLiteral("the chip has no DG2");
    }
    if (!printedMrz.isEmpty() && !document.chipMrz.isEmpty()) {
        const QStringList printed = MrzInput::read(printedMrz.join(QLatin1Char('\n'))).lines;
        const QString difference = zoneDifference(document.chipMrz, printed, today);
        document.printedZone = difference.isEmpty() ? ChipDocument::PrintedZone::Agrees : ChipDocument::PrintedZone::Differs;
        document.printedZoneWords = difference.isEmpty() ? QStringLiteral("the printed MRZ is the chip's") : difference;
    }
    document.reading = std::move(reading);
    return document;
}

} // namespace fg
