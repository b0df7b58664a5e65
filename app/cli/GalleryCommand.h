#pragma once

#include "app/cli/CliContext.h"

namespace fg::cli {

// facegate-cli gallery build --manifest CSV --out FILE
// The manifest is traveler_id,photo_path[,name,citizenship,document_no];
// photo paths are relative to the manifest's folder.
int runGallery(const QStringList& arguments, CliContext& context);

} // namespace fg::cli
