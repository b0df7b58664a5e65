#pragma once

#include <QString>

namespace fg::test {

// Where the shared face data sets are: $FACEGATE_DATASETS, else ../shared/datasets
// beside the source tree. Tests that need them call requireDatasets(), which
// fails (never skips) naming the path when it is not there.
QString datasetsDir();
bool datasetsAvailable(QString* why);
QString datasetPath(const QString& relative);

// Where the verified models are: $FACEGATE_MODELS, else the per-user default
// that installer/setup.sh fills.
QString modelsDir();

} // namespace fg::test

// Fails the current test function (QFAIL) with the missing path in the message.
#define FG_REQUIRE_DATASETS()                                                   \
    do {                                                                        \
        QString fgWhy_;                                                         \
        if (!fg::test::datasetsAvailable(&fgWhy_))                              \
            QFAIL(qPrintable(fgWhy_));                                          \
    } while (false)
