#pragma once

#include "core/documents/emrtd/SmCipher.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

namespace fg {

// One PACE protocol a chip offers (ICAO Doc 9303 part 11, 9.2.1 PACEInfo, in
// EF.CardAccess): the protocol's object identifier, which says the mapping
// (generic, integrated, chip authentication), the key agreement (DH or
// ECDH) and the secure-messaging cipher, and the standardized domain
// parameters (9.5.1) when given.
//
// fromOid() refuses an identifier outside id-PACE (0.4.0.127.0.7.2.2.4) or
// a combination Doc 9303 does not define. fromCardAccess() reads the PACEInfo
// objects of EF.CardAccess (a SET of SecurityInfo SEQUENCEs) and skips the
// other SecurityInfos (chip authentication, terminal authentication...);
// refused: a file that is not BER-TLV or not a SET, a PACEInfo whose version
// is not 2 or whose INTEGERs are malformed.
class PaceInfo {
public:
    enum class Mapping { Generic, Integrated, ChipAuthentication };
    enum class Agreement { Dh, Ecdh };

    static std::optional<PaceInfo> fromOid(QByteArrayView oid, std::optional<int> parameterId, QString* error);
    static std::optional<std::vector<PaceInfo>> fromCardAccess(QByteArrayView cardAccess, QString* error);

    // The identifier's content bytes (without the 06 tag and length).
    const QByteArray& oid() const { return m_oid; }
    Mapping mapping() const { return m_mapping; }
    Agreement agreement() const { return m_agreement; }
    SmCipher cipher() const { return m_cipher; }
    std::optional<int> parameterId() const { return m_parameterId; }
    // "id-PACE-ECDH-GM-AES-CBC-CMAC-128"
    QString name() const;
    // The OpenSSL curve (NID) of standardized domain parameters 8..18, or 0
    // for the DH groups 0..2, for RFU ids and when there is no id.
    int curveNid() const;
    // "brainpoolP256r1", "NIST P-256", "1024-bit MODP group"...; empty when unknown.
    static QString domainParameterName(int parameterId);
    // This library implements ECDH generic mapping on the standardized curves.
    bool isSupported() const;

private:
    QByteArray m_oid;
    Mapping m_mapping = Mapping::Generic;
    Agreement m_agreement = Agreement::Ecdh;
    SmCipher m_cipher = SmCipher::Aes128;
    std::optional<int> m_parameterId;
};

} // namespace fg
