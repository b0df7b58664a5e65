#pragma once

#include <QJsonObject>
#include <QString>

#include <vector>

namespace fg {

// What passive authentication (Doc 9303 part 11, section 5.1) concluded about
// the files read from a chip: the outcome the officer acts on, in words.
struct DocumentCheck {
    enum class Result { Passed, Failed, NotChecked };
    QString name;   // "DG2 hash", "signature of EF.SOD", "Document Signer certificate chain", "DS validity"...
    Result result = Result::NotChecked;
    QString detail; // what was found: "SHA-256 matches", "expired on 2025-01-31", "no trusted CSCA for Utopia"

    static QString resultName(Result result); // "passed", "failed", "not-checked"
};

struct ChipVerdict {
    enum class Outcome {
        Genuine,       // signature, chain to a trusted CSCA, validity and every hash hold
        NotVerifiable, // no trusted CSCA (or no trust list) to check the Document Signer against
        NotGenuine,    // a check failed: the data or its signature cannot be trusted
    };
    Outcome outcome = Outcome::NotVerifiable;
    QString summary;        // one sentence for the officer: "Genuine: signed by Utopia's CSCA (CN=...)",
                            // "NOT genuine: DG2 hash differs from the signed hash: the photo was altered"
    QString issuingCountry; // ISO 3166 alpha-2/alpha-3 from the Document Signer (C=), when known
    QString csca;           // the trusted CSCA's subject, when one was found
    QString documentSigner; // the Document Signer certificate's subject
    QString failedCheck;    // NotGenuine / NotVerifiable: the name of the check that decided it
    std::vector<DocumentCheck> checks;

    // {outcome, summary, issuing_country, csca, document_signer, failed_check,
    // checks: [{name, result, detail}]}: what facegate-cli prints and the
    // records keep.
    QJsonObject toJson() const;

    static QString outcomeName(Outcome outcome) // stable identifiers for JSON, records and audit
    {
        switch (outcome) {
        case Outcome::Genuine: return QStringLiteral("genuine");
        case Outcome::NotVerifiable: return QStringLiteral("not-verifiable");
        case Outcome::NotGenuine: return QStringLiteral("not-genuine");
        }
        return {};
    }
};

// Whether the chip proved it is not a copy (Doc 9303 part 11, sections 6.1 and 6.2).
struct CloneCheck {
    enum class Result {
        NotOffered, // the chip has neither DG14 chip authentication nor DG15 active authentication
        Passed,
        Failed,
    };
    Result result = Result::NotOffered;
    QString method; // "chip authentication (ECDH, AES-128)", "active authentication (RSA, ISO 9796-2)"
    QString detail; // "the chip proved it holds the private key of DG15" / why it failed

    static QString resultName(Result result)
    {
        switch (result) {
        case Result::NotOffered: return QStringLiteral("not-offered");
        case Result::Passed: return QStringLiteral("passed");
        case Result::Failed: return QStringLiteral("failed");
        }
        return {};
    }
};

} // namespace fg
