#pragma once

#include "core/documents/emrtd/ChipAccessKey.h"
#include "core/documents/emrtd/LdsFiles.h"
#include "tests/support/emrtd/CloneProofs.h"
#include "tests/support/emrtd/LdsBuilder.h"
#include "tests/support/emrtd/TestPki.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace fg::test::emrtd {

// A whole Utopian ePassport for the tests and the benchmark: a CSCA and its
// Document Signer (TestPki), the holder's zone in DG1, a face photo in DG2
// (by default Lin-Manuel Miranda's from faces-dev/single, re-encoded to a
// JPEG of about 20 KB, the size of a real chip's photo), EF.COM, and EF.SOD
// signed over them; optionally the proof that it is no clone (DG14 or DG15).
struct TestPassport {
    struct Options {
        QString surname = QStringLiteral("MIRANDA");
        QString givenNames = QStringLiteral("LIN MANUEL");
        QString documentNumber = QStringLiteral("UT4711X08");
        QString birthDate = QStringLiteral("800116"); // YYMMDD
        QString expiryDate = QStringLiteral("341231");
        QString photo = QStringLiteral("faces-dev/single/lin_manuel_miranda/01.png"); // under the datasets
        int photoBytes = 20000; // about: the JPEG quality is lowered until it fits
        QDateTime signerNotAfter;  // default: 2040-01-01 (an earlier one: an expired Document Signer)
        std::optional<CloneProof> proof;
    };

    TestCertificate csca;
    TestCertificate documentSigner;
    LdsFiles files;
    QString mrz; // the zone's lines joined by '\n'
    QByteArray jpeg;
    int width = 0;
    int height = 0;
    std::optional<CloneProof> proof;

    static std::optional<TestPassport> make(const Options& options, QString* error);

    std::optional<ChipAccessKey> key(QString* error) const;
    // Writes the CSCA's certificate as PEM into `folder` (a documents/csca folder).
    bool writeTrust(const QString& folder, QString* error) const;
    // EF.SOD signed again over the files as they are now (after a test changed them).
    bool resign(QString* error);
};

} // namespace fg::test::emrtd
