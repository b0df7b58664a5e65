#pragma once

#include "core/documents/emrtd/ChipVerdict.h"
#include "core/documents/emrtd/CscaStore.h"
#include "core/documents/emrtd/LdsFiles.h"

#include <QDateTime>

namespace fg {

// Passive authentication (ICAO Doc 9303 part 11, 5.1) of the files read from
// a chip, at the instant `at` (injected: certificates' validity and CRLs are
// judged then). The checks, each in ChipVerdict::checks, in this order:
//  "EF.SOD"                             the file parses (SecurityObject)
//  "signature of EF.SOD"                the CMS signature verifies with the
//                                       Document Signer (DS) certificate it carries
//  "Document Signer certificate chain"  the DS chains to a CSCA of `store`
//                                       (and is not revoked by a CRL of it)
//  "Document Signer validity"           `at` is within the DS's validity
//  "DG<n> hash"                         for every data group of `files`: EF.SOD
//                                       holds its hash and it matches
// plus "CSCA master list" (not checked) when the store came from a master
// list whose signer was not checked against a trusted one.
// The outcome: NotGenuine when any check failed (the first named in
// failedCheck and the summary: "NOT genuine: DG2 hash differs from the signed
// hash: the photo was altered"); else NotVerifiable when there is no store, no
// CSCA for the DS's issuer (named, with its country) or revocation could not
// be checked; else Genuine, naming the issuing country and the CSCA.
class PassiveAuthentication {
public:
    static ChipVerdict verify(const LdsFiles& files, const CscaStore* store, const QDateTime& at);

    // What altering the data group means, for the officer: "the photo was
    // altered", "the data page data (MRZ) was altered".
    static QString alterationMeaning(int dataGroup);
};

} // namespace fg
