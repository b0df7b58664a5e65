#include "core/security/KeyEncryptionKey.h"

#include "core/security/AesGcm.h"
#include "core/security/CryptoRandom.h"
#include "core/security/FileDescriptor.h"
#include "core/security/FileShredder.h"
#include "core/security/Hmac.h"
#include "core/security/Pkcs11Key.h"
#include "core/security/PrivateFile.h"
#include "core/security/Scrypt.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <openssl/crypto.h>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fg {
namespace {

const int kHexDigits = 2 * KeyEncryptionKey::kKeyBytes;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QString wrongSize(const QString& path, qint64 size)
{
    return QStringLiteral("key file %1 holds %2 bytes; it must hold 64 hex digits or exactly 32 raw bytes")
        .arg(path)
        .arg(size);
}

// The key of a key file's contents: 32 raw bytes, or 64 hex digits and at most
// one line end.
std::optional<SecureBuffer> keyOfContents(QByteArrayView contents, const QString& path, QString* error)
{
    if (contents.size() == KeyEncryptionKey::kKeyBytes)
        return SecureBuffer::copyOf(contents);
    QByteArrayView hex = contents;
    if (hex.endsWith('\n'))
        hex.chop(1);
    if (hex.endsWith('\r'))
        hex.chop(1);
    if (hex.size() != kHexDigits) {
        *error = wrongSize(path, contents.size());
        return std::nullopt;
    }
    SecureBuffer key(KeyEncryptionKey::kKeyBytes);
    for (int i = 0; i < KeyEncryptionKey::kKeyBytes; ++i) {
        const int high = hexValue(hex[2 * i]);
        const int low = hexValue(hex[2 * i + 1]);
        if (high < 0 || low < 0) {
            *error = QStringLiteral("key file %1 holds a character that is not a hex digit; it must hold 64 hex "
                                    "digits or exactly 32 raw bytes")
                         .arg(path);
            return std::nullopt;
        }
        key.data()[i] = static_cast<char>(high * 16 + low);
    }
    return key;
}

// Creates the missing folders of `folder`, each with mode 0700.
bool makeFolders(const QString& folder, QString* error)
{
    QStringList missing;
    for (QString f = QDir::cleanPath(folder); !QFileInfo::exists(f); f = QFileInfo(f).absolutePath()) {
        missing.prepend(f);
        if (f == QFileInfo(f).absolutePath())
            break;
    }
    for (const QString& f : missing) {
        if (::mkdir(QFile::encodeName(f).constData(), 0700) != 0 && errno != EEXIST) {
            *error = QStringLiteral("cannot create the folder %1 for the key file: %2").arg(f, systemError());
            return false;
        }
    }
    return true;
}

} // namespace

KeyEncryptionKey::KeyEncryptionKey(SecureBuffer key)
    : m_key(std::move(key))
    , m_id(QString::fromLatin1(Hmac::sha256(m_key.view(), "FaceGate KEK id v1").toHex().left(16)))
    , m_checkValue(Hmac::sha256(m_key.view(), "FaceGate KEK check v1"))
{
}

KeyEncryptionKey::KeyEncryptionKey(std::shared_ptr<const Pkcs11Key> token, QString id, QByteArray checkValue)
    : m_token(std::move(token))
    , m_id(std::move(id))
    , m_checkValue(std::move(checkValue))
{
}

std::optional<QByteArray> KeyEncryptionKey::wrap(QByteArrayView secret, QByteArrayView aad, QString* error) const
{
    if (!m_token)
        return AesGcm::seal(m_key, secret, aad, error);
    const std::optional<QByteArray> nonce = CryptoRandom::bytes(AesGcm::kNonceBytes, error);
    if (!nonce)
        return std::nullopt;
    const std::optional<QByteArray> sealed = m_token->encrypt(*nonce, secret, aad, error);
    if (!sealed)
        return std::nullopt;
    return *nonce + *sealed;
}

std::optional<SecureBuffer> KeyEncryptionKey::unwrap(QByteArrayView wrapped, QByteArrayView aad, QString* error) const
{
    if (!m_token)
        return AesGcm::openSecret(m_key, wrapped, aad, error);
    if (wrapped.size() < AesGcm::kOverheadBytes) {
        *error = QStringLiteral("truncated");
        return std::nullopt;
    }
    return m_token->decrypt(wrapped.first(AesGcm::kNonceBytes), wrapped.sliced(AesGcm::kNonceBytes), aad, error);
}

bool KeyEncryptionKey::isTokenLocation(const QString& location)
{
    return Pkcs11Key::isUri(location);
}

QString KeyEncryptionKey::displayLocation(const QString& location)
{
    return isTokenLocation(location) ? Pkcs11Key::displayUri(location) : location;
}

std::optional<KeyEncryptionKey> KeyEncryptionKey::open(const QString& location, QString* error)
{
    if (!isTokenLocation(location))
        return fromKeyFile(location, error);
    std::shared_ptr<const Pkcs11Key> token = Pkcs11Key::open(location, error);
    if (!token)
        return std::nullopt;
    // The token never gives the key out: it names and checks itself by MAC.
    const std::optional<QByteArray> id = token->cmac("FaceGate KEK id v1", error);
    const std::optional<QByteArray> check = id ? token->cmac("FaceGate KEK check v1", error) : std::nullopt;
    if (!check)
        return std::nullopt;
    return KeyEncryptionKey(std::move(token), QString::fromLatin1(id->toHex().left(16)), *check);
}

bool KeyEncryptionKey::create(const QString& location, QString* error)
{
    return isTokenLocation(location) ? Pkcs11Key::generate(location, error) : createKeyFile(location, error);
}

std::optional<bool> KeyEncryptionKey::exists(const QString& location, QString* error)
{
    if (isTokenLocation(location))
        return Pkcs11Key::exists(location, error);
    return QFileInfo::exists(location);
}

bool KeyEncryptionKey::destroy(const QString& location, QString* error)
{
    return isTokenLocation(location) ? Pkcs11Key::destroy(location, error) : destroyKeyFile(location, error);
}

std::optional<KeyEncryptionKey> KeyEncryptionKey::fromKey(SecureBuffer key, QString* error)
{
    if (key.size() != kKeyBytes) {
        *error = QStringLiteral("a key-encryption key has %1 bytes; it needs %2").arg(key.size()).arg(kKeyBytes);
        return std::nullopt;
    }
    return KeyEncryptionKey(std::move(key));
}

std::optional<KeyEncryptionKey> KeyEncryptionKey::generate(QString* error)
{
    std::optional<SecureBuffer> key = CryptoRandom::secret(kKeyBytes, error);
    if (!key)
        return std::nullopt;
    return KeyEncryptionKey(std::move(*key));
}

std::optional<KeyEncryptionKey> KeyEncryptionKey::fromPassphrase(const SecureBuffer& passphrase, QByteArrayView salt,
                                                                 const ScryptParams& params, QString* error)
{
    if (passphrase.isEmpty()) {
        *error = QStringLiteral("the passphrase is empty");
        return std::nullopt;
    }
    if (salt.size() < kMinSaltBytes) {
        *error = QStringLiteral("the key salt has %1 bytes; it needs at least %2").arg(salt.size()).arg(kMinSaltBytes);
        return std::nullopt;
    }
    std::optional<SecureBuffer> key = Scrypt::derive(passphrase.view(), salt, params, kKeyBytes, error);
    if (!key)
        return std::nullopt;
    return KeyEncryptionKey(std::move(*key));
}

std::optional<KeyEncryptionKey> KeyEncryptionKey::fromKeyFile(const QString& path, QString* error)
{
    const std::optional<PrivateFile> file = PrivateFile::open(path, QStringLiteral("key file"), error);
    if (!file)
        return std::nullopt;
    const qint64 longest = kHexDigits + 2; // hex digits and CR LF
    if (file->size() > longest) {
        *error = wrongSize(path, file->size());
        return std::nullopt;
    }
    const std::optional<SecureBuffer> contents = file->read(longest, error);
    if (!contents)
        return std::nullopt;
    std::optional<SecureBuffer> key = keyOfContents(contents->view(), path, error);
    if (!key)
        return std::nullopt;
    return KeyEncryptionKey(std::move(*key));
}

bool KeyEncryptionKey::createKeyFile(const QString& path, QString* error)
{
    if (path.isEmpty()) {
        *error = QStringLiteral("no key file path given");
        return false;
    }
    const QString folder = QFileInfo(path).absolutePath();
    if (!makeFolders(folder, error))
        return false;
    const std::optional<SecureBuffer> key = CryptoRandom::secret(kKeyBytes, error);
    if (!key)
        return false;
    static const char kDigits[] = "0123456789abcdef";
    SecureBuffer text(kHexDigits + 1);
    for (int i = 0; i < kKeyBytes; ++i) {
        const auto byte = static_cast<unsigned char>(key->data()[i]);
        text.data()[2 * i] = kDigits[byte >> 4];
        text.data()[2 * i + 1] = kDigits[byte & 0x0f];
    }
    text.data()[kHexDigits] = '\n';

    const QByteArray native = QFile::encodeName(path);
    FileDescriptor file(::open(native.constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (file.get() < 0) {
        if (errno == EEXIST)
            *error = QStringLiteral("key file %1 already exists; a key file is never overwritten").arg(path);
        else
            *error = QStringLiteral("cannot create key file %1: %2").arg(path, systemError());
        return false;
    }
    // 0600 whatever the umask; the descriptor stays writable either way.
    bool written = ::fchmod(file.get(), 0600) == 0 && writeAll(file.get(), text.data(), text.size())
        && ::fsync(file.get()) == 0;
    QString reason = written ? QString() : systemError();
    if (!file.close() && written) {
        written = false;
        reason = systemError();
    }
    if (!written) {
        ::unlink(native.constData());
        *error = QStringLiteral("cannot write key file %1: %2").arg(path, reason);
        return false;
    }
    // Make the new directory entry durable too (best effort: some file systems refuse).
    FileDescriptor parent(::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (parent.get() >= 0)
        static_cast<void>(::fsync(parent.get()));
    return true;
}

bool KeyEncryptionKey::destroyKeyFile(const QString& path, QString* error)
{
    // At least a key's worth of random bytes, whatever the file holds (FileShredder:
    // what the storage keeps of the old blocks is beyond reach).
    return FileShredder::shred(path, QStringLiteral("key file"), kKeyBytes, error);
}

} // namespace fg
