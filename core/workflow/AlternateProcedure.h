#pragma once

#include "core/workflow/Encounter.h"

#include <QDate>
#include <QDateTime>
#include <QString>

#include <optional>
#include <vector>

namespace fg {

// A traveler declined the photo and the officer verified the travel document
// by hand instead (DOMAIN.md, the encounter, step 5): who, when, where, which
// document, the visual checks done, the outcome and why. Stored by
// AlternateProcedureStore as a traveler, a document, an encounter of mode
// "alternate" and its alternate_procedures row. There is no field for a photo
// or a template, and none is ever taken or kept for it.
struct AlternateProcedure {
    enum class Outcome { Verified, NotVerified, ReferredToSecondary };
    enum class CheckResult { Passed, Failed, NotApplicable };

    // One item of the visual checklist and what the officer found.
    struct Check {
        QString id; // the checklist's item, e.g. "laminate-intact", "photo-matches-holder"
        CheckResult result = CheckResult::NotApplicable;
        bool operator==(const Check&) const = default;
    };

    struct Document {
        QString kind;         // "passport", "id-card", "visa"... as the workstation names it
        QString number;
        QString issuingState; // ICAO 9303 three-letter code
        QDate expiry;         // may be null (no expiry printed)
        QString mrz;          // as the officer typed it, lines separated by '\n'
        bool operator==(const Document&) const = default;
    };

    // Set by AlternateProcedureStore.
    qint64 id = 0;
    qint64 encounterId = 0;
    qint64 travelerId = 0;
    qint64 documentId = 0;
    QDateTime createdAt;       // when it was logged (UTC, the store's clock)

    QString officer;           // user name; empty: the actor
    QString workstation;
    QString camera;            // the camera or lane where the photo was declined
    Encounter::Kind kind = Encounter::Kind::Entry;
    QString flight;            // optional; stored as normalizedFlight()
    QString citizenship;       // ICAO 9303 three-letter code
    QString surname;           // optional
    QString givenNames;        // optional
    Document document;
    std::vector<Check> checks;
    Outcome outcome = Outcome::Verified;
    QString reason;            // required unless the outcome is Verified

    // Empty when this can be logged; else what is missing or wrong, in words:
    // citizenship, document kind, number and issuing state are required; a
    // check needs an id, once; "verified" needs at least one check done; any
    // other outcome needs a reason. In the interface language when the GUI
    // installed a translator (context "fg::AlternateProcedure").
    QString problem() const;

    static QString outcomeName(Outcome outcome); // "verified", "not-verified", "referred-to-secondary"
    static std::optional<Outcome> outcomeFromName(const QString& name);
    static QString checkResultName(CheckResult result); // "passed", "failed", "not-applicable"
    static std::optional<CheckResult> checkResultFromName(const QString& name);
    // "lh 400 " -> "LH400": how flights are stored and searched.
    static QString normalizedFlight(const QString& flight);
};

} // namespace fg
