#pragma once

#include "core/security/SecureBuffer.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <memory>
#include <mutex>
#include <optional>

struct ck_function_list;

namespace fg {

// An AES-256 key that lives inside a PKCS#11 token (an HSM, a TPM through
// tpm2-pkcs11, a smart card; SoftHSM2 in the tests) and never leaves it: the
// token encrypts and decrypts (AES-GCM) and computes MACs (AES-CMAC) with
// it; FaceGate holds a handle, never the key bytes.
//
// The key is named by an RFC 7512 PKCS#11 URI, e.g.
//   pkcs11:token=FaceGate;object=facegate-kek?module-path=/usr/lib/softhsm/libsofthsm2.so&pin-source=file:/etc/facegate/token.pin
// - the module: module-path, else module-name among the modules registered
//   with p11-kit (/usr/share/p11-kit/modules), else every registered module;
// - the token: any of token, manufacturer, serial, model (exactly one token
//   must match);
// - the key: object (its label) and/or id; type, if given, secret-key;
// - the user PIN: pin-source (a file, "file:" or plain path, owned by the
//   running account with mode 0600 or 0400, one line), else the environment
//   variable FACEGATE_PKCS11_PIN. A pin-value in the URI is refused: the
//   URI is written in settings and logs; the PIN is not.
// Messages name the URI without its query (no module path or PIN source).
//
// A key is refused unless it is AES with 32 bytes, sensitive and not
// extractable: a key that can leave the token is no better than a key file.
// Thread-safe: one session, its operations serialised.
class Pkcs11Key {
public:
    static constexpr int kKeyBytes = 32;

    static bool isUri(const QString& text) { return text.startsWith(QLatin1String("pkcs11:")); }

    // The key of `uri`; an error names what was not found (module, token,
    // key) or refused (PIN, a key that could be extracted).
    static std::shared_ptr<Pkcs11Key> open(const QString& uri, QString* error);
    // Makes the key of `uri` in its token: AES-256 generated inside it,
    // sensitive, not extractable, labelled with `object` (required). Refused
    // when a key of that label or id exists already.
    static bool generate(const QString& uri, QString* error);
    // Whether the key of `uri` exists (nullopt when the token cannot be asked).
    static std::optional<bool> exists(const QString& uri, QString* error);
    // Destroys the key of `uri` inside its token (C_DestroyObject).
    static bool destroy(const QString& uri, QString* error);
    // `uri` without its query: what may appear in messages and records.
    static QString displayUri(const QString& uri);

    ~Pkcs11Key();
    Pkcs11Key(const Pkcs11Key&) = delete;
    Pkcs11Key& operator=(const Pkcs11Key&) = delete;

    // AES-256-GCM in the token: ciphertext | 16-byte tag.
    std::optional<QByteArray> encrypt(QByteArrayView nonce, QByteArrayView plaintext, QByteArrayView aad,
                                      QString* error) const;
    // The plaintext of ciphertext | tag; a wrong tag is an error.
    std::optional<SecureBuffer> decrypt(QByteArrayView nonce, QByteArrayView sealed, QByteArrayView aad,
                                        QString* error) const;
    // AES-CMAC of `message` (16 bytes), in the token.
    std::optional<QByteArray> cmac(QByteArrayView message, QString* error) const;

    // "key facegate-kek in token FaceGate (SoftHSM project, serial 5c9e...)"
    QString description() const { return m_description; }
    QString uri() const { return m_uri; } // without its query

    struct Session; // the loaded module, the open session, the key's handle

private:
    explicit Pkcs11Key(std::unique_ptr<Session> session, QString uri, QString description);

    std::unique_ptr<Session> m_session;
    QString m_uri;
    QString m_description;
    mutable std::mutex m_mutex;
};

} // namespace fg
