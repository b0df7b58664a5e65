// libFuzzer target for what a hostile chip (or a terminal, for the simulated
// chip) sends once secure messaging runs (build with -DFACEGATE_FUZZ=ON and
// Clang; see CMakeLists.txt). The first byte picks the cipher (3DES with the
// session keys of Doc 9303 part 11 D.3, or AES-128 with those of G.1); the
// rest is, in turn:
//  - a protected response for the terminal: refused unless it is exactly
//    what the chip's side would have sent (its MAC is checked first, so an
//    accepted answer must re-protect to the same bytes), and a refusal
//    closes the session;
//  - a protected command for the chip's side: likewise, an accepted one
//    holds the header and data objects the terminal's side protects from
//    the plain command read;
//  - plain response data the chip's side protects: the terminal reads back
//    the same data and status;
//  - a command APDU: one that parses encodes to bytes that parse the same;
//  - EF.CardAccess and GENERAL AUTHENTICATE data: refused or read, never a
//    crash; every refusal says what it is about.
#include "core/documents/emrtd/CommandApdu.h"
#include "core/documents/emrtd/DynamicAuthenticationData.h"
#include "core/documents/emrtd/PaceInfo.h"
#include "core/documents/emrtd/ResponseApdu.h"
#include "core/documents/emrtd/SecureMessaging.h"
#include "core/documents/emrtd/SecureMessagingChip.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

void require(bool condition, const char* what, const QByteArray& data, const QString& detail = QString())
{
    if (condition)
        return;
    std::fprintf(stderr, "invariant broken: %s\ninput: %s\n%s\n", what, data.toHex().constData(),
                 detail.toUtf8().constData());
    std::abort();
}

fg::SessionKeys keys(bool aes)
{
    fg::SessionKeys keys;
    if (aes) {
        keys.cipher = fg::SmCipher::Aes128;
        keys.encryption = fg::SecureBuffer::copyOf(QByteArray::fromHex("F5F0E35C0D7161EE6724EE513A0D9A7F"));
        keys.mac = fg::SecureBuffer::copyOf(QByteArray::fromHex("FE251C7858B356B24514B3BD5F4297D1"));
        keys.ssc = QByteArray(16, '\0');
    } else {
        keys.cipher = fg::SmCipher::TripleDes;
        keys.encryption = fg::SecureBuffer::copyOf(QByteArray::fromHex("979EC13B1CBFE9DCD01AB0FED307EAE5"));
        keys.mac = fg::SecureBuffer::copyOf(QByteArray::fromHex("F1CB1F1FB5ADF208806B89DC579DC1F8"));
        keys.ssc = QByteArray::fromHex("887022120C06C226");
    }
    return keys;
}

// The terminal sends SELECT EF.COM, then reads `bytes` as the chip's answer.
void terminalReads(bool aes, const QByteArray& bytes)
{
    fg::SecureMessaging terminal(keys(aes));
    fg::SecureMessagingChip chip(keys(aes));
    QString error;
    const auto command = terminal.protect(fg::CommandApdu(0x00, 0xA4, 0x02, 0x0C, QByteArray::fromHex("011E")), &error);
    require(command.has_value(), "SELECT cannot be protected", bytes, error);
    require(chip.unprotectCommand(command->encode(), &error).has_value(), "the chip's side refuses SELECT", bytes, error);
    const auto response = terminal.unprotect(bytes, &error);
    if (!response) {
        require(terminal.isBroken() && error.startsWith(QStringLiteral("secure messaging: ")),
                "a refused answer that leaves the session open", bytes, error);
        return;
    }
    require(!terminal.isBroken(), "an accepted answer that closes the session", bytes);
    const auto again = chip.protectResponse(*response, &error);
    require(again.has_value() && *again == bytes, "an accepted answer the chip's side would not have sent", bytes, error);
}

// The chip's side reads `bytes` as the terminal's first command.
void chipReads(bool aes, const QByteArray& bytes)
{
    fg::SecureMessagingChip chip(keys(aes));
    QString error;
    const auto command = chip.unprotectCommand(bytes, &error);
    if (!command) {
        require(chip.isBroken() && error.startsWith(QStringLiteral("secure messaging: ")),
                "a refused command that leaves the session open", bytes, error);
        return;
    }
    fg::SecureMessaging terminal(keys(aes));
    const auto again = terminal.protect(*command, &error);
    require(again.has_value(), "an accepted command the terminal cannot protect", bytes, error);
    // The MAC covers the header and the data objects, not the framing (Lc'
    // and Le' may be short or extended): those must be the terminal's.
    const auto received = fg::CommandApdu::parse(bytes, &error);
    require(received && received->header() == again->header() && received->data() == again->data(),
            "an accepted command the terminal's side would not have sent", bytes);
}

// The chip's side protects `bytes` as response data; the terminal reads it back.
void roundTrip(bool aes, const QByteArray& bytes)
{
    fg::SecureMessaging terminal(keys(aes));
    fg::SecureMessagingChip chip(keys(aes));
    QString error;
    const auto command = terminal.protect(fg::CommandApdu(0x00, 0xB0, 0x00, 0x00, QByteArray(), 256), &error);
    require(command && chip.unprotectCommand(command->encode(), &error), "READ BINARY refused", bytes, error);
    const std::uint16_t status = bytes.size() >= 2 ? static_cast<std::uint16_t>(static_cast<unsigned char>(bytes[0]) << 8
                                                                                 | static_cast<unsigned char>(bytes[1]))
                                                   : 0x9000;
    const auto protectedResponse = chip.protectResponse(fg::ResponseApdu(bytes, status), &error);
    require(protectedResponse.has_value(), "the chip's side cannot protect data", bytes, error);
    const auto response = terminal.unprotect(*protectedResponse, &error);
    require(response.has_value(), "the terminal refuses what the chip's side protected", bytes, error);
    require(response->data() == bytes && response->status() == status, "data read back differently", bytes);
}

void commandApdu(const QByteArray& bytes)
{
    QString error;
    const auto apdu = fg::CommandApdu::parse(bytes, &error);
    if (!apdu) {
        require(error.startsWith(QStringLiteral("command APDU: ")), "a refusal without its prefix", bytes, error);
        return;
    }
    const auto again = fg::CommandApdu::parse(apdu->encode(), &error);
    require(again.has_value() && *again == *apdu, "a command that encodes to another", bytes, error);
}

void paceData(const QByteArray& bytes)
{
    QString error;
    if (const auto infos = fg::PaceInfo::fromCardAccess(bytes, &error)) {
        for (const fg::PaceInfo& info : *infos)
            require(info.name().startsWith(QStringLiteral("id-PACE-")), "a PACEInfo without a name", bytes);
    } else {
        require(error.startsWith(QStringLiteral("PACE: ")), "a refused EF.CardAccess without its prefix", bytes, error);
    }
    for (const fg::BerTlv::Tag tag : {0x80u, 0x82u, 0x84u, 0x86u}) {
        if (!fg::DynamicAuthenticationData::unwrap(bytes, tag, &error))
            require(error.startsWith(QStringLiteral("PACE: ")), "a refused 7C without its prefix", bytes, error);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size == 0)
        return 0;
    const bool aes = (data[0] & 1) != 0;
    const QByteArray bytes(reinterpret_cast<const char*>(data) + 1, static_cast<qsizetype>(size - 1));
    terminalReads(aes, bytes);
    chipReads(aes, bytes);
    roundTrip(aes, bytes);
    commandApdu(bytes);
    paceData(bytes);
    return 0;
}
