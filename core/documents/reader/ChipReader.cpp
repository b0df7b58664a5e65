#include "core/documents/reader/ChipReader.h"

#include "core/documents/emrtd/BerTlv.h"
#include "core/documents/emrtd/BerTlvDecoder.h"
#include "core/documents/reader/PcscReader.h"

#include <QElapsedTimer>

#include <algorithm>

namespace fg {
namespace {

constexpr BerTlv::Tag kComTag = 0x60;
constexpr BerTlv::Tag kSodTag = 0x77;
constexpr BerTlv::Tag kTagList = 0x5C;

// The data groups read after DG1 and DG2 when EF.COM lists them, in order.
constexpr int kOptionalGroups[] = {14, 15, 11, 12};

} // namespace

int ChipReader::dataGroupTag(int number)
{
    static constexpr int kTags[] = {0x61, 0x75, 0x63, 0x76, 0x65, 0x66, 0x67, 0x68,
                                    0x69, 0x6A, 0x6B, 0x6C, 0x6D, 0x6E, 0x6F, 0x70};
    return number >= 1 && number <= 16 ? kTags[number - 1] : 0;
}

std::optional<std::vector<int>> ChipReader::dataGroupsOfCom(QByteArrayView com, QString* error)
{
    QString why;
    const auto object = BerTlvDecoder::decodeFirst(com, &why);
    if (!object) {
        *error = QStringLiteral("EF.COM is malformed: ") + why;
        return std::nullopt;
    }
    if (object->tag() != kComTag) {
        *error = QStringLiteral("EF.COM starts with tag %1, not 60").arg(BerTlv::tagName(object->tag()));
        return std::nullopt;
    }
    const BerTlv* list = object->child(kTagList);
    if (!list) {
        *error = QStringLiteral("EF.COM has no list of data groups (5C)");
        return std::nullopt;
    }
    std::vector<int> groups;
    for (const char byte : list->value()) {
        int number = 0;
        for (int candidate = 1; candidate <= 16; ++candidate) {
            if (dataGroupTag(candidate) == std::uint8_t(byte))
                number = candidate;
        }
        if (number == 0) {
            *error = QStringLiteral("EF.COM lists a data group of tag %1, which Doc 9303 does not define")
                         .arg(BerTlv::tagName(std::uint8_t(byte)));
            return std::nullopt;
        }
        if (std::find(groups.begin(), groups.end(), number) == groups.end())
            groups.push_back(number);
    }
    return groups;
}

std::optional<ChipReading> ChipReader::read(PcscCard& card, const ChipAccessKey& key, const Options& options,
                                            QString* error, ChipSession::Failure* failure)
{
    QElapsedTimer clock;
    clock.start();
    const int apdusBefore = card.apduCount();
    ChipSession::Failure kind = ChipSession::Failure::None;
    const auto failed = [&](ChipSession::Failure why) {
        if (failure)
            *failure = why;
        return std::nullopt;
    };

    ChipSession::Options sessionOptions;
    sessionOptions.deadline = options.deadline;
    sessionOptions.cancel = options.cancel;
    const auto session = ChipSession::open(card, key, sessionOptions, error, &kind);
    if (!session)
        return failed(kind);

    ChipReading reading;
    reading.accessControl = session->accessControl();
    reading.files.cardAccess = session->cardAccess();
    if (!session->paceFallback().isEmpty() && !session->cardAccess().isEmpty())
        reading.notes.append(QStringLiteral("PACE was not used: %1").arg(session->paceFallback()));

    // One file, checked to begin with its tag.
    const auto readOne = [&](std::uint16_t id, const QString& name, int tag, qsizetype maxBytes) -> std::optional<QByteArray> {
        const ChipSession::Progress progress = [&](qsizetype bytes, qsizetype total) {
            if (options.progress)
                options.progress(name, bytes, total);
        };
        auto bytes = session->readFile(id, name, maxBytes, progress, error);
        if (!bytes)
            return std::nullopt;
        QString why;
        const auto header = BerTlvDecoder::readHeader(*bytes, &why);
        if (!header || header->tag != BerTlv::Tag(tag)) {
            *error = QStringLiteral("%1 starts with tag %2, not %3")
                         .arg(name, header ? BerTlv::tagName(header->tag) : QStringLiteral("?"), BerTlv::tagName(BerTlv::Tag(tag)));
            return std::nullopt;
        }
        return bytes;
    };
    const auto malformed = ChipSession::Failure::Malformed;

    auto com = readOne(LdsFiles::kComId, QStringLiteral("EF.COM"), kComTag, kMaxOtherFileBytes);
    if (!com)
        return failed(session->lastFailure() == ChipSession::Failure::None ? malformed : session->lastFailure());
    const auto listed = dataGroupsOfCom(*com, error);
    if (!listed)
        return failed(malformed);
    reading.files.com = *com;

    auto sod = readOne(LdsFiles::kSodId, QStringLiteral("EF.SOD"), kSodTag, kMaxOtherFileBytes);
    if (!sod)
        return failed(session->lastFailure() == ChipSession::Failure::None ? malformed : session->lastFailure());
    reading.files.sod = *sod;

    std::vector<int> groups = {1, 2};
    for (const int number : kOptionalGroups) {
        if (std::find(listed->begin(), listed->end(), number) != listed->end())
            groups.push_back(number);
    }
    for (const int number : groups) {
        const qsizetype maxBytes = number >= 2 && number <= 7 ? kMaxPhotoFileBytes : kMaxOtherFileBytes;
        auto bytes = readOne(LdsFiles::dataGroupId(number), LdsFiles::dataGroupName(number), dataGroupTag(number), maxBytes);
        if (!bytes)
            return failed(session->lastFailure() == ChipSession::Failure::None ? malformed : session->lastFailure());
        reading.files.dataGroups[number] = *bytes;
    }
    for (const int number : {3, 4}) {
        if (std::find(listed->begin(), listed->end(), number) != listed->end())
            reading.notes.append(QStringLiteral("DG%1 (%2) was not read: it needs extended access control")
                                     .arg(number)
                                     .arg(number == 3 ? QStringLiteral("fingerprints") : QStringLiteral("irises")));
    }
    if (options.whileOpen && !options.whileOpen(*session, reading, error))
        return failed(session->lastFailure() == ChipSession::Failure::None ? ChipSession::Failure::Transport
                                                                           : session->lastFailure());
    reading.apdus = card.apduCount() - apdusBefore;
    reading.elapsedMs = clock.elapsed();
    if (failure)
        *failure = ChipSession::Failure::None;
    return reading;
}

} // namespace fg
