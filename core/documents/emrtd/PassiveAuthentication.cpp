#include "core/documents/emrtd/PassiveAuthentication.h"

#include "core/documents/emrtd/OpenSslHandles.h"
#include "core/documents/emrtd/SecurityObject.h"

#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/objects.h>

#include <QStringList>

namespace fg {
namespace {

const QString kSodCheck = QStringLiteral("EF.SOD");
const QString kSignatureCheck = QStringLiteral("signature of EF.SOD");
const QString kChainCheck = QStringLiteral("Document Signer certificate chain");
const QString kValidityCheck = QStringLiteral("Document Signer validity");
const QString kMasterListCheck = QStringLiteral("CSCA master list");

QString hashCheckName(int dataGroup)
{
    return QStringLiteral("%1 hash").arg(LdsFiles::dataGroupName(dataGroup));
}

QString day(const QDateTime& time)
{
    return time.isValid() ? time.toUTC().date().toString(Qt::ISODate) : QStringLiteral("(unreadable date)");
}

// The checks as they are made, and which outcome a failure leads to.
class Verdict {
public:
    enum class Failure { None, NotGenuine, NotVerifiable };

    void add(const QString& name, DocumentCheck::Result result, const QString& detail, Failure failure = Failure::None)
    {
        m_verdict.checks.push_back(DocumentCheck{name, result, detail});
        if (failure == Failure::NotGenuine && m_notGenuine < 0)
            m_notGenuine = int(m_verdict.checks.size()) - 1;
        if (failure == Failure::NotVerifiable && m_notVerifiable < 0)
            m_notVerifiable = int(m_verdict.checks.size()) - 1;
    }
    ChipVerdict& verdict() { return m_verdict; }

    ChipVerdict finish()
    {
        ChipVerdict& v = m_verdict;
        if (m_notGenuine >= 0) {
            const DocumentCheck& check = v.checks[size_t(m_notGenuine)];
            v.outcome = ChipVerdict::Outcome::NotGenuine;
            v.failedCheck = check.name;
            v.summary = QStringLiteral("NOT genuine: ") + check.detail;
        } else if (m_notVerifiable >= 0) {
            const DocumentCheck& check = v.checks[size_t(m_notVerifiable)];
            v.outcome = ChipVerdict::Outcome::NotVerifiable;
            v.failedCheck = check.name;
            v.summary = QStringLiteral("Not verifiable: ") + check.detail;
        } else {
            v.outcome = ChipVerdict::Outcome::Genuine;
            v.summary = QStringLiteral("Genuine: issued by %1 (Document Signer %2), certified by the trusted CSCA %3")
                            .arg(v.issuingCountry.isEmpty() ? QStringLiteral("an unnamed country") : v.issuingCountry,
                                 v.documentSigner, v.csca);
        }
        return std::move(m_verdict);
    }

private:
    ChipVerdict m_verdict;
    int m_notGenuine = -1;
    int m_notVerifiable = -1;
};

int leafValidityIgnored(int ok, X509_STORE_CTX* context)
{
    if (ok)
        return ok;
    const int error = X509_STORE_CTX_get_error(context);
    // The DS's own dates are a check of their own ("Document Signer validity").
    if (X509_STORE_CTX_get_error_depth(context) == 0
        && (error == X509_V_ERR_CERT_HAS_EXPIRED || error == X509_V_ERR_CERT_NOT_YET_VALID))
        return 1;
    return ok;
}

// "0x4D" (serial numbers of 20 bytes are common).
QString serialText(X509* certificate)
{
    BIGNUM* number = ASN1_INTEGER_to_BN(X509_get0_serialNumber(certificate), nullptr);
    char* hex = number ? BN_bn2hex(number) : nullptr;
    const QString text = hex ? QStringLiteral("0x") + QLatin1String(hex) : QStringLiteral("?");
    OPENSSL_free(hex);
    BN_free(number);
    return text;
}

// The DS's chain to a CSCA of the store.
void checkChain(Verdict& verdict, X509* ds, const CscaStore& store, const QDateTime& at)
{
    using Failure = Verdict::Failure;
    const X509_NAME* issuer = X509_get_issuer_name(ds);
    const QString issuerText = openssl::nameText(issuer);
    const QString country = openssl::countryOf(issuer);
    const openssl::Store trusted(X509_STORE_new());
    std::vector<openssl::Certificate> sameName; // CSCAs named as the DS's issuer
    for (const QByteArray& der : store.certificates()) {
        openssl::Certificate csca = openssl::certificateFromDer(der);
        if (!csca)
            continue;
        X509_STORE_add_cert(trusted.get(), csca.get());
        if (X509_NAME_cmp(X509_get_subject_name(csca.get()), issuer) == 0)
            sameName.push_back(std::move(csca));
    }
    bool crlForIssuer = false;
    for (const QByteArray& der : store.crls()) {
        const openssl::Crl crl = openssl::crlFromDer(der);
        if (!crl)
            continue;
        X509_STORE_add_crl(trusted.get(), crl.get());
        crlForIssuer = crlForIssuer || X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), issuer) == 0;
    }
    const openssl::StoreContext context(X509_STORE_CTX_new());
    if (!trusted || !context || X509_STORE_CTX_init(context.get(), trusted.get(), ds, nullptr) != 1) {
        verdict.add(kChainCheck, DocumentCheck::Result::NotChecked,
                    openssl::lastError(QStringLiteral("the certificate check could not be set up")), Failure::NotVerifiable);
        return;
    }
    X509_VERIFY_PARAM* parameters = X509_STORE_CTX_get0_param(context.get());
    X509_VERIFY_PARAM_set_time(parameters, time_t(at.toSecsSinceEpoch()));
    if (crlForIssuer)
        X509_VERIFY_PARAM_set_flags(parameters, X509_V_FLAG_CRL_CHECK);
    X509_STORE_CTX_set_verify_cb(context.get(), leafValidityIgnored);
    const int verified = X509_verify_cert(context.get());
    const QString revocation = crlForIssuer ? QStringLiteral(", not revoked by its CRL")
                                            : QStringLiteral(" (no CRL of that CSCA given: revocation not checked)");
    if (verified == 1) {
        STACK_OF(X509)* chain = X509_STORE_CTX_get0_chain(context.get());
        X509* top = sk_X509_value(chain, sk_X509_num(chain) - 1);
        verdict.verdict().csca = openssl::nameText(X509_get_subject_name(top));
        verdict.add(kChainCheck, DocumentCheck::Result::Passed,
                    QStringLiteral("chains to the trusted CSCA %1%2").arg(verdict.verdict().csca, revocation));
        return;
    }
    ERR_clear_error();
    const int error = X509_STORE_CTX_get_error(context.get());
    const int depth = X509_STORE_CTX_get_error_depth(context.get());
    const QString reason = QString::fromLatin1(X509_verify_cert_error_string(error));
    switch (error) {
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
        if (depth == 0 && !sameName.empty()) {
            // A CSCA of that name is trusted, but it did not sign this DS.
            verdict.add(kChainCheck, DocumentCheck::Result::Failed,
                        QStringLiteral("the Document Signer certificate names the trusted CSCA %1 as its issuer, but "
                                       "is not signed by its key")
                            .arg(issuerText),
                        Failure::NotGenuine);
            return;
        }
        verdict.add(kChainCheck, DocumentCheck::Result::NotChecked,
                    QStringLiteral("no trusted CSCA for %1: the Document Signer's issuer %2 is not in the trust list%3")
                        .arg(country.isEmpty() ? QStringLiteral("the issuing country") : country, issuerText,
                             store.source().isEmpty() ? QString() : QLatin1Char(' ') + store.source()),
                    Failure::NotVerifiable);
        return;
    case X509_V_ERR_CERT_REVOKED:
        verdict.add(kChainCheck, DocumentCheck::Result::Failed,
                    QStringLiteral("the Document Signer certificate (serial %1) is revoked by the CRL of %2")
                        .arg(serialText(ds), issuerText),
                    Failure::NotGenuine);
        return;
    case X509_V_ERR_UNABLE_TO_GET_CRL:
    case X509_V_ERR_CRL_NOT_YET_VALID:
    case X509_V_ERR_CRL_HAS_EXPIRED:
    case X509_V_ERR_UNABLE_TO_GET_CRL_ISSUER:
    case X509_V_ERR_CRL_SIGNATURE_FAILURE:
    case X509_V_ERR_UNABLE_TO_DECRYPT_CRL_SIGNATURE:
        verdict.add(kChainCheck, DocumentCheck::Result::NotChecked,
                    QStringLiteral("the revocation of the Document Signer could not be checked: %1 (CRL of %2)")
                        .arg(reason, issuerText),
                    Failure::NotVerifiable);
        return;
    default:
        break;
    }
    X509* failing = X509_STORE_CTX_get_current_cert(context.get());
    verdict.add(kChainCheck, DocumentCheck::Result::Failed,
                QStringLiteral("the certificate chain of the Document Signer fails at %1: %2")
                    .arg(failing ? openssl::nameText(X509_get_subject_name(failing)) : issuerText, reason),
                Failure::NotGenuine);
}

void checkValidity(Verdict& verdict, X509* ds, const QDateTime& at)
{
    const QDateTime from = openssl::timeOf(X509_get0_notBefore(ds));
    const QDateTime until = openssl::timeOf(X509_get0_notAfter(ds));
    if (!from.isValid() || !until.isValid()) {
        verdict.add(kValidityCheck, DocumentCheck::Result::Failed,
                    QStringLiteral("the Document Signer certificate's validity dates cannot be read"),
                    Verdict::Failure::NotGenuine);
    } else if (at > until) {
        verdict.add(kValidityCheck, DocumentCheck::Result::Failed,
                    QStringLiteral("the Document Signer certificate expired on %1").arg(day(until)),
                    Verdict::Failure::NotGenuine);
    } else if (at < from) {
        verdict.add(kValidityCheck, DocumentCheck::Result::Failed,
                    QStringLiteral("the Document Signer certificate is valid only from %1").arg(day(from)),
                    Verdict::Failure::NotGenuine);
    } else {
        verdict.add(kValidityCheck, DocumentCheck::Result::Passed,
                    QStringLiteral("valid from %1 to %2").arg(day(from), day(until)));
    }
}

void checkHashes(Verdict& verdict, const LdsFiles& files, const SecurityObject& sod)
{
    for (const auto& [number, bytes] : files.dataGroups) {
        const QString name = hashCheckName(number);
        const auto signedHash = sod.hashes.find(number);
        if (signedHash == sod.hashes.end()) {
            verdict.add(name, DocumentCheck::Result::Failed,
                        QStringLiteral("EF.SOD holds no hash for %1: the data group read was not signed")
                            .arg(LdsFiles::dataGroupName(number)),
                        Verdict::Failure::NotGenuine);
            continue;
        }
        const QByteArray hash = SecurityObject::digest(sod.hashAlgorithm, bytes);
        if (hash != signedHash->second) {
            verdict.add(name, DocumentCheck::Result::Failed,
                        QStringLiteral("%1 hash differs from the signed hash: %2")
                            .arg(LdsFiles::dataGroupName(number), PassiveAuthentication::alterationMeaning(number)),
                        Verdict::Failure::NotGenuine);
            continue;
        }
        verdict.add(name, DocumentCheck::Result::Passed, QStringLiteral("%1 matches").arg(sod.hashAlgorithm));
    }
    for (const auto& [number, hash] : sod.hashes) {
        if (!files.dataGroups.count(number))
            verdict.add(hashCheckName(number), DocumentCheck::Result::NotChecked,
                        QStringLiteral("signed in EF.SOD, not read from the chip"));
    }
}

void notChecked(Verdict& verdict, const QStringList& names, const QString& why)
{
    for (const QString& name : names)
        verdict.add(name, DocumentCheck::Result::NotChecked, why);
}

QString signatureAlgorithm(CMS_ContentInfo* cms)
{
    STACK_OF(CMS_SignerInfo)* signers = CMS_get0_SignerInfos(cms);
    if (!signers || sk_CMS_SignerInfo_num(signers) < 1)
        return {};
    X509_ALGOR* digest = nullptr;
    X509_ALGOR* signature = nullptr;
    CMS_SignerInfo_get0_algs(sk_CMS_SignerInfo_value(signers, 0), nullptr, nullptr, &digest, &signature);
    const ASN1_OBJECT* digestOid = nullptr;
    const ASN1_OBJECT* signatureOid = nullptr;
    if (digest)
        X509_ALGOR_get0(&digestOid, nullptr, nullptr, digest);
    if (signature)
        X509_ALGOR_get0(&signatureOid, nullptr, nullptr, signature);
    const char* digestName = digestOid ? OBJ_nid2sn(OBJ_obj2nid(digestOid)) : nullptr;
    const int signatureNid = signatureOid ? OBJ_obj2nid(signatureOid) : NID_undef;
    QString signatureName = QLatin1String(signatureNid != NID_undef ? OBJ_nid2sn(signatureNid) : "?");
    if (signatureNid == NID_rsaEncryption)
        signatureName = QStringLiteral("RSA PKCS#1 v1.5");
    else if (signatureNid == NID_rsassaPss)
        signatureName = QStringLiteral("RSA-PSS");
    return QStringLiteral("%1, digest %2").arg(signatureName, QLatin1String(digestName ? digestName : "?"));
}

} // namespace

QString PassiveAuthentication::alterationMeaning(int dataGroup)
{
    switch (dataGroup) {
    case 1: return QStringLiteral("the data page data (MRZ) was altered");
    case 2: return QStringLiteral("the photo was altered");
    case 3: return QStringLiteral("the fingerprints were altered");
    case 4: return QStringLiteral("the iris images were altered");
    case 14: return QStringLiteral("the chip authentication keys were altered");
    case 15: return QStringLiteral("the active authentication key was altered");
    default: return QStringLiteral("the data group was altered");
    }
}

ChipVerdict PassiveAuthentication::verify(const LdsFiles& files, const CscaStore* store, const QDateTime& at)
{
    ERR_clear_error(); // the reasons given are this call's own
    using Failure = Verdict::Failure;
    Verdict verdict;
    QStringList hashChecks;
    for (const auto& entry : files.dataGroups)
        hashChecks << hashCheckName(entry.first);

    QString error;
    const std::optional<SecurityObject> sod = SecurityObject::parse(files.sod, &error);
    if (!sod) {
        verdict.add(kSodCheck, DocumentCheck::Result::Failed,
                    QStringLiteral("EF.SOD cannot be read: %1").arg(error), Failure::NotGenuine);
        notChecked(verdict, QStringList{kSignatureCheck, kChainCheck, kValidityCheck} + hashChecks,
                   QStringLiteral("EF.SOD cannot be read"));
        return verdict.finish();
    }
    QStringList signedGroups;
    for (const auto& entry : sod->hashes)
        signedGroups << LdsFiles::dataGroupName(entry.first);
    verdict.add(kSodCheck, DocumentCheck::Result::Passed,
                QStringLiteral("LDS security object v%1, %2 hashes of %3")
                    .arg(sod->version)
                    .arg(sod->hashAlgorithm, signedGroups.join(QStringLiteral(", "))));

    const auto* start = reinterpret_cast<const unsigned char*>(sod->contentInfo.constData());
    const openssl::Cms cms(d2i_CMS_ContentInfo(nullptr, &start, long(sod->contentInfo.size())));
    const openssl::Certificate ds = openssl::certificateFromDer(sod->documentSigner);
    if (!cms || !ds) {
        verdict.add(kSignatureCheck, DocumentCheck::Result::NotChecked,
                    QStringLiteral("EF.SOD carries no Document Signer certificate for its signer: the signature "
                                   "cannot be checked"),
                    Failure::NotVerifiable);
        notChecked(verdict, {kChainCheck, kValidityCheck}, QStringLiteral("no Document Signer certificate"));
        checkHashes(verdict, files, *sod);
        return verdict.finish();
    }
    ChipVerdict& result = verdict.verdict();
    result.documentSigner = openssl::nameText(X509_get_subject_name(ds.get()));
    result.issuingCountry = openssl::countryOf(X509_get_subject_name(ds.get()));
    if (result.issuingCountry.isEmpty())
        result.issuingCountry = openssl::countryOf(X509_get_issuer_name(ds.get()));

    ERR_clear_error();
    if (CMS_verify(cms.get(), nullptr, nullptr, nullptr, nullptr, CMS_NO_SIGNER_CERT_VERIFY | CMS_BINARY) == 1) {
        verdict.add(kSignatureCheck, DocumentCheck::Result::Passed,
                    QStringLiteral("verified with the key of the Document Signer %1 (%2)")
                        .arg(result.documentSigner, signatureAlgorithm(cms.get())));
    } else {
        verdict.add(kSignatureCheck, DocumentCheck::Result::Failed,
                    openssl::lastError(QStringLiteral("the signature of EF.SOD does not verify with the key of the "
                                                      "Document Signer %1")
                                           .arg(result.documentSigner)),
                    Failure::NotGenuine);
    }

    if (!store) {
        verdict.add(kChainCheck, DocumentCheck::Result::NotChecked,
                    QStringLiteral("no CSCA trust list was given: the Document Signer %1 (issued by %2) cannot be "
                                   "checked")
                        .arg(result.documentSigner, openssl::nameText(X509_get_issuer_name(ds.get()))),
                    Failure::NotVerifiable);
    } else {
        for (const QString& note : store->notes())
            verdict.add(kMasterListCheck, DocumentCheck::Result::NotChecked, note);
        checkChain(verdict, ds.get(), *store, at);
    }
    checkValidity(verdict, ds.get(), at);
    checkHashes(verdict, files, *sod);
    return verdict.finish();
}

} // namespace fg
