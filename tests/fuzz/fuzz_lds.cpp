// libFuzzer target for the LDS parsers of the eMRTD chip (build with
// -DFACEGATE_FUZZ=ON and Clang; see CMakeLists.txt): EF.COM, DG1, DG2 (and
// the ISO/IEC 19794-5 facial record alone), EF.SOD (and the LDS security
// object alone), each given the same bytes, as a hostile chip could send
// them. Beyond "does not crash, leak or overflow" (ASan, UBSan):
//  - a refusal names the file it is about ("EF.COM: ", "DG1: ", "DG2: ",
//    "EF.SOD: ") and is never empty;
//  - what is read stays inside the data: DG1's zone is 2 or 3 lines of 30, 36
//    or 44 printable characters; DG2's images are no bigger than the input,
//    in a known format, within the size limits; EF.COM's data groups are 1..16
//    and distinct; EF.SOD's hashes are for data groups 1..16, each of its
//    algorithm's size;
//  - passive authentication of the bytes as EF.SOD (no trust list) is never
//    "genuine".
#include "core/documents/emrtd/DataGroup1.h"
#include "core/documents/emrtd/DataGroup2.h"
#include "core/documents/emrtd/LdsCom.h"
#include "core/documents/emrtd/PassiveAuthentication.h"
#include "core/documents/emrtd/SecurityObject.h"

#include <QByteArray>
#include <QStringList>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <set>

namespace {

void require(bool condition, const char* what, const QByteArray& data, const QString& detail = QString())
{
    if (condition)
        return;
    std::fprintf(stderr, "invariant broken: %s\ninput: %s\n%s\n", what, data.left(512).toHex().constData(),
                 detail.toUtf8().constData());
    std::abort();
}

void checkRefusal(const QString& error, const char* prefix, const QByteArray& data)
{
    require(error.startsWith(QLatin1String(prefix)) && error.size() > qsizetype(std::strlen(prefix)),
            "a refusal that does not name its file", data, error);
}

void checkCom(const QByteArray& data)
{
    QString error;
    const auto com = fg::LdsCom::parse(data, &error);
    if (!com) {
        checkRefusal(error, "EF.COM: ", data);
        return;
    }
    std::set<int> seen;
    for (const int number : com->dataGroups) {
        require(number >= 1 && number <= 16, "EF.COM lists a data group outside 1..16", data);
        require(seen.insert(number).second, "EF.COM lists a data group twice", data);
        require(fg::LdsCom::dataGroupOfTag(fg::LdsCom::tagOfDataGroup(number)) == number,
                "data group tags do not map back", data);
    }
}

void checkDg1(const QByteArray& data)
{
    QString error;
    const auto dg1 = fg::DataGroup1::parse(data, &error);
    if (!dg1) {
        checkRefusal(error, "DG1: ", data);
        return;
    }
    const QStringList lines = dg1->mrz.split(QLatin1Char('\n'));
    require(lines.size() == dg1->lineCount && (dg1->lineCount == 2 || dg1->lineCount == 3), "DG1: a line count no layout has",
            data, dg1->mrz);
    for (const QString& line : lines) {
        require(line.size() == dg1->lineLength, "DG1: a line of another length", data, dg1->mrz);
        for (const QChar c : line)
            require(c.unicode() >= 0x20 && c.unicode() <= 0x7E, "DG1: a character that is not printable", data);
    }
}

void checkFaces(const std::optional<std::vector<fg::FaceImage>>& faces, const QString& error, const QByteArray& data)
{
    if (!faces) {
        checkRefusal(error, "DG2: ", data);
        return;
    }
    require(!faces->empty(), "DG2 read without an image", data);
    qsizetype total = 0;
    for (const fg::FaceImage& face : *faces) {
        require(face.format == QLatin1String("JPEG") || face.format == QLatin1String("JPEG 2000"), "DG2: unknown format", data);
        require(face.width >= 0 && face.width <= fg::DataGroup2::kMaxDimension && face.height >= 0
                    && face.height <= fg::DataGroup2::kMaxDimension,
                "DG2: a size beyond the limits", data);
        require(!face.data.isEmpty(), "DG2: an image without bytes", data);
        total += face.data.size();
    }
    require(total <= data.size(), "DG2: more image bytes than the input holds", data);
}

void checkSod(const QByteArray& data)
{
    QString error;
    const auto sod = fg::SecurityObject::parse(data, &error);
    if (!sod)
        checkRefusal(error, "EF.SOD: ", data);
    QString contentError;
    const auto content = fg::SecurityObject::parseContent(data, &contentError);
    if (!content)
        checkRefusal(contentError, "EF.SOD: ", data);
    for (const auto* object : {sod ? &*sod : nullptr, content ? &*content : nullptr}) {
        if (!object)
            continue;
        const int size = fg::SecurityObject::digestSize(object->hashAlgorithm);
        require(size > 0, "EF.SOD: an unknown hash algorithm accepted", data);
        for (const auto& [number, hash] : object->hashes) {
            require(number >= 1 && number <= 16, "EF.SOD: a hash for a data group outside 1..16", data);
            require(hash.size() == size, "EF.SOD: a hash of the wrong size", data);
        }
    }

    fg::LdsFiles files;
    files.sod = data;
    files.dataGroups[1] = data.left(64);
    const fg::ChipVerdict verdict = fg::PassiveAuthentication::verify(files, nullptr, QDateTime::currentDateTimeUtc());
    require(verdict.outcome != fg::ChipVerdict::Outcome::Genuine, "genuine without a trust list", data, verdict.summary);
    require(!verdict.summary.isEmpty() && !verdict.failedCheck.isEmpty() && !verdict.checks.empty(),
            "a verdict without its summary, failed check or checks", data, verdict.summary);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    checkCom(bytes);
    checkDg1(bytes);
    QString error;
    checkFaces(fg::DataGroup2::parse(bytes, &error), error, bytes);
    QString recordError;
    checkFaces(fg::DataGroup2::parseFacialRecord(bytes, &recordError), recordError, bytes);
    checkSod(bytes);
    return 0;
}
