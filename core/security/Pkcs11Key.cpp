#include "core/security/Pkcs11Key.h"

#include "core/security/AesGcm.h"
#include "core/security/PrivateFile.h"

#include <QStringList>

#include <p11-kit/p11-kit.h>
#include <p11-kit/pkcs11.h>
#include <p11-kit/uri.h>

#include <cstdlib>
#include <vector>

namespace fg {
namespace {

const int kNonceBytes = 12;
const int kTagBytes = 16;
const qsizetype kMaxPinBytes = 256;

QString describeRv(CK_RV rv)
{
    return QStringLiteral("%1 (0x%2)").arg(QString::fromUtf8(p11_kit_strerror(rv))).arg(rv, 0, 16);
}

// A space-padded PKCS#11 text field, trimmed.
QString fieldText(const unsigned char* field, size_t size)
{
    char* text = p11_kit_space_strdup(field, size);
    const QString result = QString::fromUtf8(text);
    std::free(text);
    return result;
}

// The parsed URI, freed with this object.
class Uri {
public:
    Uri() : m_uri(p11_kit_uri_new()) {}
    ~Uri() { p11_kit_uri_free(m_uri); }
    Uri(const Uri&) = delete;
    Uri& operator=(const Uri&) = delete;
    P11KitUri* get() const { return m_uri; }

private:
    P11KitUri* m_uri;
};

bool parse(const QString& text, const Uri& uri, QString* error)
{
    const QString shown = Pkcs11Key::displayUri(text);
    if (!Pkcs11Key::isUri(text)) {
        *error = QStringLiteral("\"%1\" is not a PKCS#11 URI (pkcs11:...)").arg(shown);
        return false;
    }
    const int parsed = p11_kit_uri_parse(text.toUtf8().constData(), P11_KIT_URI_FOR_ANY, uri.get());
    if (parsed != P11_KIT_URI_OK) {
        *error = QStringLiteral("the PKCS#11 URI %1 is malformed: %2").arg(shown, QString::fromUtf8(p11_kit_uri_message(parsed)));
        return false;
    }
    if (p11_kit_uri_get_pin_value(uri.get())) {
        *error = QStringLiteral("the PKCS#11 URI %1 holds the PIN (pin-value): settings and logs show URIs; name a PIN file "
                                "with pin-source=file:PATH, or set FACEGATE_PKCS11_PIN")
                     .arg(shown);
        return false;
    }
    CK_ULONG count = 0;
    const CK_ATTRIBUTE* attributes = p11_kit_uri_get_attributes(uri.get(), &count);
    bool named = false;
    for (CK_ULONG i = 0; i < count; ++i) {
        const CK_ATTRIBUTE& attribute = attributes[i];
        if (attribute.type == CKA_LABEL || attribute.type == CKA_ID)
            named = true;
        if (attribute.type == CKA_CLASS
            && (attribute.ulValueLen != sizeof(CK_OBJECT_CLASS)
                || *static_cast<const CK_OBJECT_CLASS*>(attribute.pValue) != CKO_SECRET_KEY)) {
            *error = QStringLiteral("the PKCS#11 URI %1 names an object that is not a secret key (type=secret-key)").arg(shown);
            return false;
        }
    }
    if (!named) {
        *error = QStringLiteral("the PKCS#11 URI %1 names no key: give object=LABEL and/or id=... (in an INI file such as "
                                "facegate.ini, put the URI in double quotes: an unquoted ';' starts a comment there)")
                     .arg(shown);
        return false;
    }
    return true;
}

// The PIN of pin-source, else of FACEGATE_PKCS11_PIN; empty when neither.
std::optional<SecureBuffer> pinOf(const Uri& uri, QString* error)
{
    const char* source = p11_kit_uri_get_pin_source(uri.get());
    if (!source) {
        QByteArray fromEnvironment = qgetenv("FACEGATE_PKCS11_PIN");
        return SecureBuffer::fromBytes(std::move(fromEnvironment));
    }
    QString path = QString::fromUtf8(source);
    if (path.startsWith(QLatin1String("file://")))
        path = path.mid(7);
    else if (path.startsWith(QLatin1String("file:")))
        path = path.mid(5);
    if (!path.startsWith(QLatin1Char('/'))) {
        *error = QStringLiteral("the PIN source %1 is not a file path (pin-source=file:/PATH)").arg(path);
        return std::nullopt;
    }
    const std::optional<PrivateFile> file = PrivateFile::open(path, QStringLiteral("PIN file"), error);
    if (!file)
        return std::nullopt;
    if (file->size() > kMaxPinBytes) {
        *error = QStringLiteral("PIN file %1 holds %2 bytes; a PIN is one line of at most %3").arg(path).arg(file->size()).arg(kMaxPinBytes);
        return std::nullopt;
    }
    std::optional<SecureBuffer> contents = file->read(kMaxPinBytes, error);
    if (!contents)
        return std::nullopt;
    QByteArrayView pin = contents->view();
    while (pin.endsWith('\n') || pin.endsWith('\r'))
        pin.chop(1);
    if (pin.contains('\n')) {
        *error = QStringLiteral("PIN file %1 holds more than one line").arg(path);
        return std::nullopt;
    }
    return SecureBuffer::copyOf(pin);
}

// AES-GCM with a 96-bit nonce and a 128-bit tag. PKCS#11 takes non-const
// pointers; the token only reads through them.
CK_GCM_PARAMS gcmParams(QByteArrayView nonce, QByteArrayView aad)
{
    return CK_GCM_PARAMS{reinterpret_cast<CK_BYTE*>(const_cast<char*>(nonce.data())),
                         static_cast<CK_ULONG>(nonce.size()),
                         static_cast<CK_ULONG>(8 * nonce.size()),
                         reinterpret_cast<CK_BYTE*>(const_cast<char*>(aad.data())),
                         static_cast<CK_ULONG>(aad.size()),
                         8 * kTagBytes};
}

// The attributes of the URI that select the key, with its class.
std::vector<CK_ATTRIBUTE> keyTemplate(const Uri& uri, CK_OBJECT_CLASS* secretKey)
{
    std::vector<CK_ATTRIBUTE> attributes;
    CK_ULONG count = 0;
    CK_ATTRIBUTE* given = p11_kit_uri_get_attributes(uri.get(), &count);
    for (CK_ULONG i = 0; i < count; ++i) {
        if (given[i].type == CKA_LABEL || given[i].type == CKA_ID)
            attributes.push_back(given[i]);
    }
    attributes.push_back(CK_ATTRIBUTE{CKA_CLASS, secretKey, sizeof(*secretKey)});
    return attributes;
}

} // namespace

struct Pkcs11Key::Session {
    CK_FUNCTION_LIST** registered = nullptr; // the modules registered with p11-kit, when no module-path
    CK_FUNCTION_LIST* loaded = nullptr;      // the module of module-path
    CK_FUNCTION_LIST* module = nullptr;      // the one holding the token
    CK_SESSION_HANDLE handle = CK_INVALID_HANDLE;
    CK_OBJECT_HANDLE key = CK_INVALID_HANDLE;
    QString token; // "token FaceGate (SoftHSM project, serial 5c9e...)"

    Session() = default;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;
    ~Session()
    {
        // Closing the last session also logs the token out.
        if (handle != CK_INVALID_HANDLE)
            module->C_CloseSession(handle);
        if (loaded) {
            p11_kit_module_finalize(loaded);
            p11_kit_module_release(loaded);
        }
        if (registered)
            p11_kit_modules_finalize_and_release(registered);
    }

    // The keys matching the URI.
    std::optional<std::vector<CK_OBJECT_HANDLE>> find(const Uri& uri, QString* error) const
    {
        CK_OBJECT_CLASS secretKey = CKO_SECRET_KEY;
        std::vector<CK_ATTRIBUTE> attributes = keyTemplate(uri, &secretKey);
        CK_RV rv = module->C_FindObjectsInit(handle, attributes.data(), attributes.size());
        if (rv != CKR_OK) {
            *error = QStringLiteral("cannot search %1 for the key: %2").arg(token, describeRv(rv));
            return std::nullopt;
        }
        std::vector<CK_OBJECT_HANDLE> found(8);
        CK_ULONG count = 0;
        rv = module->C_FindObjects(handle, found.data(), found.size(), &count);
        module->C_FindObjectsFinal(handle);
        if (rv != CKR_OK) {
            *error = QStringLiteral("cannot search %1 for the key: %2").arg(token, describeRv(rv));
            return std::nullopt;
        }
        found.resize(count);
        return found;
    }

    // The one key matching the URI; none or several is an error naming `name`.
    bool findOne(const Uri& uri, const QString& name, const QString& shownUri, QString* error)
    {
        const std::optional<std::vector<CK_OBJECT_HANDLE>> found = find(uri, error);
        if (!found)
            return false;
        if (found->size() != 1) {
            *error = found->empty() ? QStringLiteral("there is no %1 (%2)").arg(name, shownUri)
                                    : QStringLiteral("%1 keys match %2 in %3; name one (object=, id=)")
                                          .arg(found->size())
                                          .arg(shownUri, token);
            return false;
        }
        key = found->front();
        return true;
    }
};

QString Pkcs11Key::displayUri(const QString& uri)
{
    return uri.section(QLatin1Char('?'), 0, 0);
}

namespace {

// Parses `text` into `uri`, loads the module(s), finds the one token the URI
// names, opens a read-write session and logs in with the user PIN.
std::unique_ptr<Pkcs11Key::Session> connect(const QString& text, const Uri& uri, QString* error)
{
    if (!parse(text, uri, error))
        return nullptr;
    auto session = std::make_unique<Pkcs11Key::Session>();
    const QString shown = Pkcs11Key::displayUri(text);
    std::vector<CK_FUNCTION_LIST*> modules;
    if (const char* path = p11_kit_uri_get_module_path(uri.get())) {
        session->loaded = p11_kit_module_load(path, 0);
        if (!session->loaded) {
            *error = QStringLiteral("cannot load the PKCS#11 module %1: %2")
                         .arg(QString::fromUtf8(path), QString::fromUtf8(p11_kit_message()));
            return nullptr;
        }
        const CK_RV rv = p11_kit_module_initialize(session->loaded);
        if (rv != CKR_OK) {
            p11_kit_module_release(session->loaded);
            session->loaded = nullptr;
            *error = QStringLiteral("cannot initialise the PKCS#11 module %1: %2").arg(QString::fromUtf8(path), describeRv(rv));
            return nullptr;
        }
        modules.push_back(session->loaded);
    } else {
        session->registered = p11_kit_modules_load_and_initialize(0);
        const char* name = p11_kit_uri_get_module_name(uri.get());
        for (CK_FUNCTION_LIST** m = session->registered; m && *m; ++m) {
            char* moduleName = p11_kit_module_get_name(*m);
            const bool wanted = !name || (moduleName && qstrcmp(moduleName, name) == 0);
            std::free(moduleName);
            if (wanted)
                modules.push_back(*m);
        }
        if (modules.empty()) {
            *error = name ? QStringLiteral("no PKCS#11 module named %1 is registered with p11-kit (give module-path=...)")
                                .arg(QString::fromUtf8(name))
                          : QStringLiteral("no PKCS#11 module is registered with p11-kit (give module-path=... in %1)").arg(shown);
            return nullptr;
        }
    }

    struct Candidate {
        CK_FUNCTION_LIST* module;
        CK_SLOT_ID slot;
        CK_TOKEN_INFO info;
    };
    std::vector<Candidate> matching;
    QStringList seen;
    for (CK_FUNCTION_LIST* module : modules) {
        CK_INFO moduleInfo{};
        if (module->C_GetInfo(&moduleInfo) != CKR_OK || !p11_kit_uri_match_module_info(uri.get(), &moduleInfo))
            continue;
        CK_ULONG count = 0;
        if (module->C_GetSlotList(CK_TRUE, nullptr, &count) != CKR_OK || count == 0)
            continue;
        std::vector<CK_SLOT_ID> slots(count);
        if (module->C_GetSlotList(CK_TRUE, slots.data(), &count) != CKR_OK)
            continue;
        slots.resize(count);
        for (CK_SLOT_ID slot : slots) {
            CK_TOKEN_INFO info{};
            if (module->C_GetTokenInfo(slot, &info) != CKR_OK || !(info.flags & CKF_TOKEN_INITIALIZED))
                continue;
            seen.append(fieldText(info.label, sizeof(info.label)));
            if (p11_kit_uri_match_token_info(uri.get(), &info))
                matching.push_back(Candidate{module, slot, info});
        }
    }
    if (matching.size() != 1) {
        *error = matching.empty()
            ? QStringLiteral("no PKCS#11 token matches %1 (tokens present: %2)")
                  .arg(shown, seen.isEmpty() ? QStringLiteral("none") : seen.join(QStringLiteral(", ")))
            : QStringLiteral("%1 tokens match %2; name one (token=, serial=)").arg(matching.size()).arg(shown);
        return nullptr;
    }
    const Candidate& chosen = matching.front();
    session->module = chosen.module;
    session->token = QStringLiteral("token %1 (%2, serial %3)")
                         .arg(fieldText(chosen.info.label, sizeof(chosen.info.label)),
                              fieldText(chosen.info.manufacturerID, sizeof(chosen.info.manufacturerID)),
                              fieldText(chosen.info.serialNumber, sizeof(chosen.info.serialNumber)));

    CK_RV rv = session->module->C_OpenSession(chosen.slot, CKF_SERIAL_SESSION | CKF_RW_SESSION, nullptr, nullptr,
                                              &session->handle);
    if (rv != CKR_OK) {
        session->handle = CK_INVALID_HANDLE;
        *error = QStringLiteral("cannot open a session with %1: %2").arg(session->token, describeRv(rv));
        return nullptr;
    }
    if (chosen.info.flags & CKF_LOGIN_REQUIRED) {
        const std::optional<SecureBuffer> pin = pinOf(uri, error);
        if (!pin)
            return nullptr;
        const bool padEntry = chosen.info.flags & CKF_PROTECTED_AUTHENTICATION_PATH;
        if (pin->isEmpty() && !padEntry) {
            *error = QStringLiteral("%1 needs the user PIN: name a PIN file with pin-source=file:PATH in the URI, or set "
                                    "FACEGATE_PKCS11_PIN")
                         .arg(session->token);
            return nullptr;
        }
        rv = session->module->C_Login(session->handle, CKU_USER,
                                      pin->isEmpty() ? nullptr : reinterpret_cast<CK_UTF8CHAR*>(const_cast<char*>(pin->data())),
                                      static_cast<CK_ULONG>(pin->size()));
        if (rv != CKR_OK && rv != CKR_USER_ALREADY_LOGGED_IN) {
            *error = QStringLiteral("%1 refused the user PIN: %2").arg(session->token, describeRv(rv));
            return nullptr;
        }
    }
    return session;
}

bool boolAttribute(const Pkcs11Key::Session& session, CK_ATTRIBUTE_TYPE type, bool* value)
{
    CK_BBOOL flag = CK_FALSE;
    CK_ATTRIBUTE attribute{type, &flag, sizeof(flag)};
    if (session.module->C_GetAttributeValue(session.handle, session.key, &attribute, 1) != CKR_OK)
        return false;
    *value = flag == CK_TRUE;
    return true;
}

// Refuses a key FaceGate should not trust with every data key.
bool checkKey(const Pkcs11Key::Session& session, const QString& name, QString* error)
{
    CK_KEY_TYPE type = 0;
    CK_ULONG length = 0;
    CK_ATTRIBUTE attributes[] = {{CKA_KEY_TYPE, &type, sizeof(type)}, {CKA_VALUE_LEN, &length, sizeof(length)}};
    const CK_RV rv = session.module->C_GetAttributeValue(session.handle, session.key, attributes, 2);
    if (rv != CKR_OK) {
        *error = QStringLiteral("cannot read the attributes of %1: %2").arg(name, describeRv(rv));
        return false;
    }
    if (type != CKK_AES || length != Pkcs11Key::kKeyBytes) {
        *error = QStringLiteral("%1 is not an AES-256 key (type 0x%2, %3 bytes)").arg(name).arg(type, 0, 16).arg(length);
        return false;
    }
    bool sensitive = false;
    bool extractable = true;
    if (!boolAttribute(session, CKA_SENSITIVE, &sensitive) || !boolAttribute(session, CKA_EXTRACTABLE, &extractable)) {
        *error = QStringLiteral("cannot read whether %1 can leave its token").arg(name);
        return false;
    }
    if (!sensitive || extractable) {
        *error = QStringLiteral("%1 can leave its token (%2): a key that can be exported is no better than a key file; "
                                "make one inside the token that is sensitive and not extractable")
                     .arg(name, !sensitive ? QStringLiteral("CKA_SENSITIVE is false") : QStringLiteral("CKA_EXTRACTABLE is true"));
        return false;
    }
    return true;
}

QString keyName(const Uri& uri, const QString& token)
{
    const CK_ATTRIBUTE* label = p11_kit_uri_get_attribute(uri.get(), CKA_LABEL);
    const QString name = label ? QString::fromUtf8(static_cast<const char*>(label->pValue), qsizetype(label->ulValueLen))
                               : QStringLiteral("(by id)");
    return QStringLiteral("key %1 in %2").arg(name, token);
}

} // namespace

Pkcs11Key::Pkcs11Key(std::unique_ptr<Session> session, QString uri, QString description)
    : m_session(std::move(session))
    , m_uri(std::move(uri))
    , m_description(std::move(description))
{
}

Pkcs11Key::~Pkcs11Key() = default;

std::shared_ptr<Pkcs11Key> Pkcs11Key::open(const QString& text, QString* error)
{
    Uri uri;
    std::unique_ptr<Session> session = connect(text, uri, error);
    if (!session)
        return nullptr;
    const QString name = keyName(uri, session->token);
    if (!session->findOne(uri, name, displayUri(text), error))
        return nullptr;
    if (!checkKey(*session, name, error))
        return nullptr;
    return std::shared_ptr<Pkcs11Key>(new Pkcs11Key(std::move(session), displayUri(text), name));
}

bool Pkcs11Key::generate(const QString& text, QString* error)
{
    Uri uri;
    std::unique_ptr<Session> session = connect(text, uri, error);
    if (!session)
        return false;
    const CK_ATTRIBUTE* label = p11_kit_uri_get_attribute(uri.get(), CKA_LABEL);
    if (!label) {
        *error = QStringLiteral("a new key needs a label: object=LABEL in %1").arg(displayUri(text));
        return false;
    }
    const std::optional<std::vector<CK_OBJECT_HANDLE>> found = session->find(uri, error);
    if (!found)
        return false;
    if (!found->empty()) {
        *error = QStringLiteral("%1 exists already; a key is never replaced").arg(keyName(uri, session->token));
        return false;
    }
    CK_OBJECT_CLASS secretKey = CKO_SECRET_KEY;
    CK_KEY_TYPE aes = CKK_AES;
    CK_ULONG length = kKeyBytes;
    CK_BBOOL yes = CK_TRUE;
    CK_BBOOL no = CK_FALSE;
    std::vector<CK_ATTRIBUTE> attributes = {
        {CKA_CLASS, &secretKey, sizeof(secretKey)}, {CKA_KEY_TYPE, &aes, sizeof(aes)},
        {CKA_VALUE_LEN, &length, sizeof(length)},   {CKA_TOKEN, &yes, sizeof(yes)},
        {CKA_PRIVATE, &yes, sizeof(yes)},           {CKA_SENSITIVE, &yes, sizeof(yes)},
        {CKA_EXTRACTABLE, &no, sizeof(no)},         {CKA_ENCRYPT, &yes, sizeof(yes)},
        {CKA_DECRYPT, &yes, sizeof(yes)},           {CKA_SIGN, &yes, sizeof(yes)},
        {CKA_VERIFY, &yes, sizeof(yes)},            {CKA_WRAP, &no, sizeof(no)},
        {CKA_UNWRAP, &no, sizeof(no)},              *label,
    };
    if (const CK_ATTRIBUTE* id = p11_kit_uri_get_attribute(uri.get(), CKA_ID))
        attributes.push_back(*id);
    CK_MECHANISM mechanism{CKM_AES_KEY_GEN, nullptr, 0};
    CK_OBJECT_HANDLE handle = CK_INVALID_HANDLE;
    const CK_RV rv =
        session->module->C_GenerateKey(session->handle, &mechanism, attributes.data(), attributes.size(), &handle);
    if (rv != CKR_OK) {
        *error = QStringLiteral("%1 could not make the key %2: %3").arg(session->token, displayUri(text), describeRv(rv));
        return false;
    }
    return true;
}

std::optional<bool> Pkcs11Key::exists(const QString& text, QString* error)
{
    Uri uri;
    std::unique_ptr<Session> session = connect(text, uri, error);
    if (!session)
        return std::nullopt;
    const std::optional<std::vector<CK_OBJECT_HANDLE>> found = session->find(uri, error);
    if (!found)
        return std::nullopt;
    return !found->empty();
}

bool Pkcs11Key::destroy(const QString& text, QString* error)
{
    Uri uri;
    std::unique_ptr<Session> session = connect(text, uri, error);
    if (!session)
        return false;
    if (!session->findOne(uri, keyName(uri, session->token), displayUri(text), error))
        return false;
    const CK_RV rv = session->module->C_DestroyObject(session->handle, session->key);
    if (rv != CKR_OK) {
        *error = QStringLiteral("%1 did not destroy %2: %3").arg(session->token, displayUri(text), describeRv(rv));
        return false;
    }
    return true;
}

std::optional<QByteArray> Pkcs11Key::encrypt(QByteArrayView nonce, QByteArrayView plaintext, QByteArrayView aad,
                                             QString* error) const
{
    if (nonce.size() != kNonceBytes) {
        *error = QStringLiteral("an AES-GCM nonce has %1 bytes, not %2").arg(nonce.size()).arg(kNonceBytes);
        return std::nullopt;
    }
    CK_GCM_PARAMS params = gcmParams(nonce, aad);
    CK_MECHANISM mechanism{CKM_AES_GCM, &params, sizeof(params)};
    QByteArray sealed(plaintext.size() + kTagBytes, Qt::Uninitialized);
    CK_ULONG size = static_cast<CK_ULONG>(sealed.size());
    const std::lock_guard<std::mutex> lock(m_mutex);
    CK_RV rv = m_session->module->C_EncryptInit(m_session->handle, &mechanism, m_session->key);
    if (rv == CKR_OK)
        rv = m_session->module->C_Encrypt(m_session->handle,
                                          reinterpret_cast<CK_BYTE*>(const_cast<char*>(plaintext.data())),
                                          static_cast<CK_ULONG>(plaintext.size()),
                                          reinterpret_cast<CK_BYTE*>(sealed.data()), &size);
    if (rv != CKR_OK || size != CK_ULONG(sealed.size())) {
        *error = QStringLiteral("%1 did not encrypt: %2").arg(m_description, describeRv(rv));
        return std::nullopt;
    }
    return sealed;
}

std::optional<SecureBuffer> Pkcs11Key::decrypt(QByteArrayView nonce, QByteArrayView sealed, QByteArrayView aad,
                                               QString* error) const
{
    if (nonce.size() != kNonceBytes || sealed.size() < kTagBytes) {
        *error = QStringLiteral("truncated");
        return std::nullopt;
    }
    CK_GCM_PARAMS params = gcmParams(nonce, aad);
    CK_MECHANISM mechanism{CKM_AES_GCM, &params, sizeof(params)};
    // SoftHSM2 wants room for the tag in the output too.
    SecureBuffer plaintext(sealed.size());
    CK_ULONG size = static_cast<CK_ULONG>(plaintext.size());
    const std::lock_guard<std::mutex> lock(m_mutex);
    CK_RV rv = m_session->module->C_DecryptInit(m_session->handle, &mechanism, m_session->key);
    if (rv == CKR_OK)
        rv = m_session->module->C_Decrypt(m_session->handle, reinterpret_cast<CK_BYTE*>(const_cast<char*>(sealed.data())),
                                          static_cast<CK_ULONG>(sealed.size()),
                                          reinterpret_cast<CK_BYTE*>(plaintext.data()), &size);
    if (rv == CKR_ENCRYPTED_DATA_INVALID || rv == CKR_ENCRYPTED_DATA_LEN_RANGE) {
        *error = AesGcm::authenticationFailed();
        return std::nullopt;
    }
    if (rv != CKR_OK || size > CK_ULONG(plaintext.size())) {
        *error = QStringLiteral("%1 did not decrypt: %2").arg(m_description, describeRv(rv));
        return std::nullopt;
    }
    return SecureBuffer::copyOf(plaintext.view().first(qsizetype(size)));
}

std::optional<QByteArray> Pkcs11Key::cmac(QByteArrayView message, QString* error) const
{
    CK_MECHANISM mechanism{CKM_AES_CMAC, nullptr, 0};
    QByteArray mac(16, Qt::Uninitialized);
    CK_ULONG size = static_cast<CK_ULONG>(mac.size());
    const std::lock_guard<std::mutex> lock(m_mutex);
    CK_RV rv = m_session->module->C_SignInit(m_session->handle, &mechanism, m_session->key);
    if (rv == CKR_OK)
        rv = m_session->module->C_Sign(m_session->handle, reinterpret_cast<CK_BYTE*>(const_cast<char*>(message.data())),
                                       static_cast<CK_ULONG>(message.size()), reinterpret_cast<CK_BYTE*>(mac.data()),
                                       &size);
    if (rv != CKR_OK || size != 16) {
        *error = QStringLiteral("%1 did not compute a CMAC: %2").arg(m_description, describeRv(rv));
        return std::nullopt;
    }
    return mac;
}

} // namespace fg
