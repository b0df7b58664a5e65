#pragma once

// A presentation-attack calibration table of the test's own, for
// $FACEGATE_PAD_CALIBRATION: tests decide with thresholds they chose, never
// with the figures measured on pad-dev (those may change).
#include "core/biometrics/PresentationAttack.h"

#include <QDateTime>
#include <QString>

namespace fg::test {

// BPCER 0.001 -> threshold 0.9, 0.01 -> 0.5, 0.1 -> 0.2 (the liveness model
// gives pad-dev's bona fide frame 0004_01_00_01_109 an attack score under 0.1
// and its print 0004_01_00_01_102 one over 0.9, tst_livenessmodel).
inline bool writePadCalibration(const QString& path, QString* error)
{
    const PadCalibrationTable table(QStringLiteral("test table (not measured)"), PadFrameScorer::modelId(),
                                    QDateTime::currentDateTimeUtc(), 100, 100,
                                    {{0.001, 0.9, 0.5}, {0.01, 0.5, 0.1}, {0.1, 0.2, 0.01}});
    return table.save(path, error);
}

// writePadCalibration() into `dir`, named by $FACEGATE_PAD_CALIBRATION for
// this process (and the processes it starts).
inline bool usePadCalibration(const QString& dir, QString* error)
{
    const QString path = dir + QStringLiteral("/pad-test.json");
    if (!writePadCalibration(path, error))
        return false;
    qputenv("FACEGATE_PAD_CALIBRATION", path.toUtf8());
    return true;
}

} // namespace fg::test
