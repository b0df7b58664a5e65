#pragma once

#include "app/cli/CliContext.h"

#include <QStringList>

namespace fg::cli {

// facegate-cli document SUBCOMMAND ...: the ePassport's chip and its files.
//   read [--reader NAME] --mrz FILE|TEXT [--csca DIR|MASTERLIST] [--crl FILE]...
//     the chip on a PC/SC reader, read and checked (DocumentReadCommand.h).
//   verify --sod FILE --dg DIR --csca DIR|MASTERLIST [--crl FILE]... [--at ISO8601]
//     passive authentication of files read from a chip (see kVerifyHelp in
//     DocumentCommand.cpp): one JSON object (ChipVerdict::toJson plus the data
//     groups checked); exit 0 genuine or not verifiable, 1 NOT genuine, 2 bad
//     usage or files that cannot be read.
// Each subcommand is one entry of the table in DocumentCommand.cpp.
int runDocument(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
