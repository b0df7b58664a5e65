#pragma once

#include "core/documents/emrtd/SmCipher.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <openssl/types.h>

#include <optional>
#include <vector>

namespace fg {

// DG14's chip authentication protocol (ICAO Doc 9303 part 11, 9.2.5;
// BSI TR-03110 part 3, A.1.1.2): id-CA-DH/ECDH-3DES-CBC-CBC (0.4.0.127.0.7.2.2.3.{1,2}.1)
// or -AES-CBC-CMAC-128/192/256 (.2/.3/.4), version 1, and the key it is for.
struct ChipAuthenticationInfo {
    enum class Agreement { Dh, Ecdh };
    QByteArray oid; // content bytes, without 06 and the length
    Agreement agreement = Agreement::Ecdh;
    SmCipher cipher = SmCipher::TripleDes;
    int version = 1;
    std::optional<int> keyId;

    // "id-CA-ECDH-AES-CBC-CMAC-128"
    QString name() const;
    // The OID's content bytes for this agreement and cipher.
    static QByteArray oidFor(Agreement agreement, SmCipher cipher);
};

// DG14's chip authentication public key (Doc 9303 part 11, 9.2.6):
// id-PK-DH (0.4.0.127.0.7.2.2.1.1) or id-PK-ECDH (.2), the key's
// SubjectPublicKeyInfo (DER, as stored) and its optional keyId.
struct ChipAuthenticationPublicKeyInfo {
    ChipAuthenticationInfo::Agreement agreement = ChipAuthenticationInfo::Agreement::Ecdh;
    QByteArray subjectPublicKeyInfo;
    std::optional<int> keyId;
};

// DG14's active authentication info (Doc 9303 part 11, 9.2.7): the
// signature algorithm of an ECDSA DG15 key (2.23.136.1.1.5, version 1).
struct ActiveAuthenticationInfo {
    int version = 1;
    QByteArray signatureAlgorithm; // OID content bytes, e.g. ecdsa-plain-SHA256 0.4.0.127.0.7.1.1.4.1.3

    // The hash of a BSI TR-03111 ecdsa-plain-* algorithm ("SHA256"; OpenSSL's
    // name), empty when the OID is not one of them.
    QString hashName() const;
    // ecdsa-plain-SHA1 .. ecdsa-plain-SHA512 from an OpenSSL hash name
    // ("SHA1", "SHA224", "SHA256", "SHA384", "SHA512"); empty when unknown.
    static QByteArray ecdsaPlainOid(const QString& hashName);
};

// The SecurityInfos of DG14 (tag 6E wrapping a SET OF SecurityInfo). Chip
// authentication infos, their public keys and the active authentication
// info are kept; PACEInfo, terminal authentication and unknown infos are
// skipped. Refused, with the reason: a file that is not one 6E wrapping one
// SET, a known SecurityInfo whose fields are malformed (a version other
// than 1, an unknown cipher, a keyId that is not a small non-negative
// INTEGER, a SubjectPublicKeyInfo that is not a SEQUENCE), more than
// kMaxInfos SecurityInfos.
class SecurityInfos {
public:
    static constexpr int kMaxInfos = 64;
    static constexpr unsigned char kDg14Tag = 0x6E;

    static std::optional<SecurityInfos> fromDg14(QByteArrayView dg14, QString* error);

    std::vector<ChipAuthenticationInfo> chipAuthentication;
    std::vector<ChipAuthenticationPublicKeyInfo> chipAuthenticationKeys;
    std::optional<ActiveAuthenticationInfo> activeAuthentication;
    int skipped = 0; // SecurityInfos of other protocols

    // The chip offers chip authentication: a public key is present.
    bool offersChipAuthentication() const { return !chipAuthenticationKeys.empty(); }

    // The encoder, for the simulated chip and the tests: DG14 with one
    // ChipAuthenticationInfo and its public key (the SubjectPublicKeyInfo of
    // `caKey`, named or explicit EC parameters), and an ActiveAuthenticationInfo
    // when `aaSignatureAlgorithm` is given. Empty on a key OpenSSL cannot encode.
    static QByteArray encodeDg14(const ChipAuthenticationInfo& info, EVP_PKEY* caKey, bool explicitParameters = false,
                                 const QByteArray& aaSignatureAlgorithm = QByteArray());
    // The same from the parts (any of them may be empty), for malformed cases.
    static QByteArray encodeDg14(const std::vector<ChipAuthenticationInfo>& infos,
                                 const std::vector<ChipAuthenticationPublicKeyInfo>& keys,
                                 const std::optional<ActiveAuthenticationInfo>& activeAuthentication);
};

} // namespace fg
