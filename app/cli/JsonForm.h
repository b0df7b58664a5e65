#pragma once

#include "core/biometrics/Face.h"
#include "core/biometrics/QualityReport.h"

#include <QJsonObject>

namespace fg::cli {

// The JSON shapes the command line prints for pipeline results.
QJsonObject toJson(const QualityReport& report);
QJsonObject toJson(const Face& face, bool withQuality);

} // namespace fg::cli
