#pragma once

#include <QByteArray>

// The worked examples of ICAO Doc 9303 part 11 (8th edition): appendix D
// (BAC and 3DES secure messaging, the document L898902C<, born 690806,
// expiring 940623) and appendix G.1 (PACE with ECDH generic mapping on
// brainpoolP256r1 and AES-128, the document T22000129, born 640812,
// expiring 101031). Not one value was typed from memory alone: each was
// found in at least two independent public implementations, which copied
// them from the same appendices:
//  - gmrtd (Go, github.com/gmrtd/gmrtd): bac/bac_test.go (D.2, D.3),
//    iso7816/nfc_session_test.go and iso7816/secure_messaging_test.go (D.4,
//    every APDU), cryptoutils/kdf_test.go (the KDF values), pace/pace_test.go
//    (G.1: the whole APDU exchange, private keys, mapping, tokens);
//  - icao_ref.py of javacard-express (sm/src/test/python), a reference
//    written from the specification whose self-test checks D.2-D.4 and G.1
//    value by value (the chip's side of D.3 too);
// and, for single values, the tests of other eMRTD readers (Rust, Dart, C#,
// C++) found by searching for the value.
namespace doc9303 {

inline QByteArray hex(const char* text)
{
    return QByteArray::fromHex(QByteArray(text));
}

// --- Appendix D.2: the document basic access keys ---
inline const char* const kMrzInformation = "L898902C<369080619406236";
inline const QByteArray kSha1OfMrzInformation = hex("239AB9CB282DAF66231DC5A4DF6BFBAEDF477565");
inline const QByteArray kKeySeed = hex("239AB9CB282DAF66231DC5A4DF6BFBAE");
inline const QByteArray kEnc = hex("AB94FDECF2674FDFB9B391F85D7F76F2");
inline const QByteArray kMac = hex("7962D9ECE03D1ACD4C76089DCE131543");
// D.2's second example, a TD1 number of 12 characters (gmrtd
// password/password_test.go; icao_ref.py; C and C# readers' tests).
inline const char* const kLongNumberMrzInformation = "D23145890734934071279507122";

// --- Appendix D.3: mutual authentication and session keys ---
inline const QByteArray kRndIc = hex("4608F91988702212");
inline const QByteArray kRndIfd = hex("781723860C06C226");
inline const QByteArray kKIfd = hex("0B795240CB7049B01C19B33E32804F0B");
inline const QByteArray kS = hex("781723860C06C2264608F919887022120B795240CB7049B01C19B33E32804F0B");
inline const QByteArray kEIfd = hex("72C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F2");
inline const QByteArray kMIfd = hex("5F1448EEA8AD90A7");
inline const QByteArray kExternalAuthenticate =
    hex("008200002872C29C2371CC9BDB65B779B8E8D37B29ECC154AA56A8799FAE2F498F76ED92F25F1448EEA8AD90A728");
inline const QByteArray kKIc = hex("0B4F80323EB3191CB04970CB4052790B");
inline const QByteArray kR = hex("4608F91988702212781723860C06C2260B4F80323EB3191CB04970CB4052790B");
inline const QByteArray kEIc = hex("46B9342A41396CD7386BF5803104D7CEDC122B9132139BAF2EEDC94EE178534F");
inline const QByteArray kMIc = hex("2F2D235D074D7449");
inline const QByteArray kSessionKeySeed = hex("0036D272F5C350ACAC50C3F572D23600");
inline const QByteArray kSessionEnc = hex("979EC13B1CBFE9DCD01AB0FED307EAE5");
inline const QByteArray kSessionMac = hex("F1CB1F1FB5ADF208806B89DC579DC1F8");
inline const QByteArray kSsc = hex("887022120C06C226");

// --- Appendix D.4: secure messaging, starting at kSsc ---
// SELECT EF.COM (00 A4 02 0C 02 011E)
inline const QByteArray kSelectEfCom = hex("00A4020C02011E");
inline const QByteArray kSelectEfComProtected = hex("0CA4020C158709016375432908C044F68E08BF8B92D635FF24F800");
inline const QByteArray kSelectEfComResponse = hex("990290008E08FA855A5D4C50A8ED9000");
// READ BINARY of the first 4 bytes (00 B0 00 00 04)
inline const QByteArray kReadBinary4 = hex("00B0000004");
inline const QByteArray kReadBinary4Protected = hex("0CB000000D9701048E08ED6705417E96BA5500");
inline const QByteArray kReadBinary4Response = hex("8709019FF0EC34F9922651990290008E08AD55CC17140B2DED9000");
inline const QByteArray kReadBinary4Data = hex("60145F01");
// READ BINARY of the remaining 18 bytes from offset 4 (00 B0 00 04 12)
inline const QByteArray kReadBinary18 = hex("00B0000412");
inline const QByteArray kReadBinary18Protected = hex("0CB000040D9701128E082EA28A70F3C7B53500");
inline const QByteArray kReadBinary18Response =
    hex("871901FB9235F4E4037F2327DCC8964F1F9B8C30F42C8E2FFF224A990290008E08C8B2787EAEA07D749000");
inline const QByteArray kReadBinary18Data = hex("04303130365F36063034303030305C026175");
// The SSC after the last response of D.4.
inline const QByteArray kSscAfterD4 = hex("887022120C06C22C");

// --- Appendix G.1: PACE, ECDH generic mapping, brainpoolP256r1, AES-128 ---
inline const char* const kPaceDocumentNumber = "T22000129";
inline const char* const kPaceBirthDate = "640812";
inline const char* const kPaceExpiryDate = "101031";
inline const char* const kPaceMrzInformation = "T22000129364081251010318";
// K = f(pi) = SHA-1(MRZ information); K_pi = KDF(K, 3) for AES-128.
inline const QByteArray kPacePassword = hex("7E2D2A41C74EA0B38CD36F863939BFA8E9032AAD");
inline const QByteArray kPaceKpi = hex("89DED1B26624EC1E634C1989302849DD");
inline const QByteArray kEncryptedNonce = hex("95A3A016522EE98D01E76CB6B98B42C3");
inline const QByteArray kNonce = hex("3F00C4D39D153F2B2A214A078D899B22");
// id-PACE-ECDH-GM-AES-CBC-CMAC-128, 0.4.0.127.0.7.2.2.4.2.2, and the
// standardized domain parameters 13 (brainpoolP256r1).
inline const QByteArray kPaceOid = hex("04007F00070202040202");
inline const QByteArray kCardAccess = hex("31143012060A04007F0007020204020202010202010D");
inline const QByteArray kMapPrivateIfd = hex("7F4EF07B9EA82FD78AD689B38D0BC78CF21F249D953BC46F4C6E19259C010F99");
inline const QByteArray kMapPublicIfd = hex("047ACF3EFC982EC45565A4B155129EFBC74650DCBFA6362D896FC70262E0C2CC5E"
                                            "544552DCB6725218799115B55C9BAA6D9F6BC3A9618E70C25AF71777A9C4922D");
inline const QByteArray kMapPrivateIc = hex("498FF49756F2DC1587840041839A85982BE7761D14715FB091EFA7BCE9058560");
inline const QByteArray kMapPublicIc = hex("04824FBA91C9CBE26BEF53A0EBE7342A3BF178CEA9F45DE0B70AA601651FBA3F57"
                                           "30D8C879AAA9C9F73991E61B58F4D52EB87A0A0C709A49DC63719363CCD13C54");
// H = SK_map,IFD * PK_map,IC, and the mapped generator G~ = s * G + H.
inline const QByteArray kSharedPointH = hex("0460332EF2450B5D247EF6D3868397D398852ED6E8CAF6FFEEF6BF85CA57057FD5"
                                            "0840CA7415BAF3E43BD414D35AA4608B93A2CAF3A4E3EA4E82C9C13D03EB7181");
inline const QByteArray kMappedGenerator = hex("048CED63C91426D4F0EB1435E7CB1D74A46723A0AF21C89634F65A9AE87A9265E2"
                                              "8C879506743F8611AC33645C5B985C80B5F09A0B83407C1B6A4D857AE76FE522");
inline const QByteArray kDhPrivateIfd = hex("A73FB703AC1436A18E0CFA5ABB3F7BEC7A070E7A6788486BEE230C4A22762595");
inline const QByteArray kDhPublicIfd = hex("042DB7A64C0355044EC9DF190514C625CBA2CEA48754887122F3A5EF0D5EDD301C"
                                           "3556F3B3B186DF10B857B58F6A7EB80F20BA5DC7BE1D43D9BF850149FBB36462");
inline const QByteArray kDhPrivateIc = hex("107CF58696EF6155053340FD633392BA81909DF7B9706F226F32086C7AFF974A");
inline const QByteArray kDhPublicIc = hex("049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65DF6DB"
                                          "7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094");
inline const QByteArray kPaceSharedSecret = hex("28768D20701247DAE81804C9E780EDE582A9996DB4A315020B2733197DB84925");
inline const QByteArray kPaceSessionEnc = hex("F5F0E35C0D7161EE6724EE513A0D9A7F");
inline const QByteArray kPaceSessionMac = hex("FE251C7858B356B24514B3BD5F4297D1");
// The authentication tokens' input (the chip's key for T_IFD) and values.
inline const QByteArray kTokenInputIfd = hex("7F494F060A04007F000702020402028641049E880F842905B8B3181F7AF7CAA9F0EFB743847F44A306D2D28C1D9EC65D"
                                             "F6DB7764B22277A2EDDC3C265A9F018F9CB852E111B768B326904B59A0193776F094");
inline const QByteArray kTokenIfd = hex("C2B0BD78D94BA866");
inline const QByteArray kTokenIc = hex("3ABB9674BCE93C08");
// G.1's APDUs as gmrtd's pace/pace_test.go (TestDoPace_GM_ECDH) replays
// them; its MSE:Set AT carries the domain parameters' id (84 01 0D), which
// Doc 9303 allows, and Doc 9303's own example leaves out (a C# reader's test
// has 0022C1A40F800A...830101).
inline const QByteArray kPaceSetAt = hex("0022C1A412800A04007F0007020204020283010184010D");
inline const QByteArray kPaceAskNonce = hex("10860000027C0000");
inline const QByteArray kPaceNonceAnswer = hex("7C12801095A3A016522EE98D01E76CB6B98B42C39000");
inline const QByteArray kPaceMapCommand = hex("10860000457C438141") + kMapPublicIfd + hex("00");
inline const QByteArray kPaceMapAnswer = hex("7C438241") + kMapPublicIc + hex("9000");
inline const QByteArray kPaceAgreeCommand = hex("10860000457C438341") + kDhPublicIfd + hex("00");
inline const QByteArray kPaceAgreeAnswer = hex("7C438441") + kDhPublicIc + hex("9000");
inline const QByteArray kPaceTokenCommand = hex("008600000C7C0A8508C2B0BD78D94BA86600");
inline const QByteArray kPaceTokenAnswer = hex("7C0A86083ABB9674BCE93C089000");

} // namespace doc9303
