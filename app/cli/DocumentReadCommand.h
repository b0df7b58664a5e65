#pragma once

#include "app/cli/CliContext.h"

namespace fg::cli {

// facegate-cli document read [--reader NAME] --mrz FILE|TEXT [--csca DIR|MASTERLIST] [--crl FILE]...
// [--wait SECONDS]: reads the passport on a PC/SC reader (PACE or BAC with
// the MRZ), checks it (chip or active authentication, passive
// authentication) and prints the data groups read, DG1's fields, the
// photo's size and format and the verdict as JSON. Exit 0 for a chip
// genuine or not verifiable, 1 for a chip that is NOT genuine (the check
// named) or that could not be read, 2 for bad usage.
int runDocumentRead(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
