#pragma once

#include "core/workflow/AlternateProcedure.h"
#include "tests/support/TestData.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QString>
#include <QStringList>
#include <QWidget>

namespace fg::test {

// A flight whose gallery goes with the replayed clip (ClipCamera.h): one row
// per person of faces-dev/single with their first photo, as `gallery build`
// reads a manifest, but for the people in `absent` (folder names, e.g.
// "lin_manuel_miranda": not booked on this flight). Lin-Manuel Miranda fills
// the middle of the clip; its end shows the audience, Barack Obama (in
// faces-dev/single) turned sideways among them. Written to
// folder/<flight>.csv; returns the path, or an empty string.
inline QString writeClipFlightManifest(const QString& folder, const QString& flight = QStringLiteral("UA901"),
                                       const QStringList& absent = {})
{
    const QDir single(datasetPath(QStringLiteral("faces-dev/single")));
    QFile file(QDir(folder).filePath(flight + QStringLiteral(".csv")));
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write("traveler_id,photo_path,name,citizenship,document_no\n");
    int row = 0;
    for (const QString& person : single.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name)) {
        if (absent.contains(person))
            continue;
        const QStringList photos = QDir(single.filePath(person)).entryList(QDir::Files, QDir::Name);
        if (photos.isEmpty())
            continue;
        file.write(QStringLiteral("%1,%2,%3,%4,P%5\n")
                       .arg(person, QDir(single.filePath(person)).filePath(photos.front()), person,
                            row % 2 ? QStringLiteral("USA") : QStringLiteral("GBR"))
                       .arg(1000 + row)
                       .toUtf8());
        ++row;
    }
    return file.fileName();
}

// The TD3 specimen of ICAO 9303 part 4 (Anna Maria Eriksson, Utopia).
inline const QString kSpecimenPassportMrz = QStringLiteral("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n"
                                                           "L898902C36UTO7408122F1204159ZE184226B<<<<<10");

// Fills the opt-out dialog (OptOutDialog, by its object names) as an officer
// does for the specimen passport: the MRZ typed in, the "not expired" check
// failed (the specimen expired in 2012), not verified, with a reason.
inline void fillSpecimenOptOut(QWidget* dialog)
{
    dialog->findChild<QPlainTextEdit*>(QStringLiteral("mrzText"))->setPlainText(kSpecimenPassportMrz);
    auto* outcome = dialog->findChild<QComboBox*>(QStringLiteral("outcome"));
    outcome->setCurrentIndex(outcome->findData(int(AlternateProcedure::Outcome::NotVerified)));
    auto* expired = dialog->findChild<QComboBox*>(QStringLiteral("check-not-expired"));
    expired->setCurrentIndex(expired->findData(int(AlternateProcedure::CheckResult::Failed)));
    dialog->findChild<QLineEdit*>(QStringLiteral("reason"))->setText(QStringLiteral("passport expired"));
}

} // namespace fg::test
