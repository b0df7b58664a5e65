#include "core/security/KeyEncryptionKey.h"

#include "core/security/CryptoRandom.h"
#include "core/security/FileShredder.h"
#include "core/security/Hmac.h"
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

QString systemError()
{
    return qt_error_string(errno);
}

// Closes the descriptor when leaving scope.
class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor() { close(); }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }
    bool close()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd < 0 || ::close(fd) == 0;
    }

private:
    int m_fd;
};

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

bool writeAll(int fd, const char* data, qsizetype size)
{
    while (size > 0) {
        const ssize_t written = ::write(fd, data, static_cast<size_t>(size));
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0)
            return false;
        data += written;
        size -= written;
    }
    return true;
}

} // namespace

KeyEncryptionKey::KeyEncryptionKey(SecureBuffer key)
    : m_key(std::move(key))
    , m_id(QString::fromLatin1(Hmac::sha256(m_key.view(), "FaceGate KEK id v1").toHex().left(16)))
{
}

QByteArray KeyEncryptionKey::checkValue() const
{
    return Hmac::sha256(m_key.view(), "FaceGate KEK check v1");
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
    // O_NONBLOCK: a FIFO in the key's place must not hang the start-up.
    FileDescriptor file(::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK));
    if (file.get() < 0) {
        *error = QStringLiteral("cannot open key file %1: %2").arg(path, systemError());
        return std::nullopt;
    }
    struct stat status = {};
    if (::fstat(file.get(), &status) != 0) {
        *error = QStringLiteral("cannot read the status of key file %1: %2").arg(path, systemError());
        return std::nullopt;
    }
    if (!S_ISREG(status.st_mode)) {
        *error = QStringLiteral("key file %1 is not a regular file").arg(path);
        return std::nullopt;
    }
    // Whoever owns the file can replace the key: only this account may.
    if (status.st_uid != ::geteuid()) {
        *error = QStringLiteral("key file %1 belongs to uid %2, not to the account FaceGate runs as (uid %3); its owner "
                                "could replace the key: chown it or run FaceGate as its owner")
                     .arg(path)
                     .arg(status.st_uid)
                     .arg(::geteuid());
        return std::nullopt;
    }
    if ((status.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
        const QString mode = QStringLiteral("%1").arg(status.st_mode & 07777, 4, 8, QLatin1Char('0'));
        *error = QStringLiteral("key file %1 has mode %2; it must be readable by its owner only (chmod 600 %1)")
                     .arg(path, mode);
        return std::nullopt;
    }
    const qint64 longest = kHexDigits + 2; // hex digits and CR LF
    if (status.st_size > longest) {
        *error = wrongSize(path, status.st_size);
        return std::nullopt;
    }
    // One byte more than the longest valid content, should the file grow meanwhile.
    SecureBuffer contents(kHexDigits + 3);
    qsizetype size = 0;
    while (size < contents.size()) {
        const ssize_t got = ::read(file.get(), contents.data() + size, static_cast<size_t>(contents.size() - size));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *error = QStringLiteral("cannot read key file %1: %2").arg(path, systemError());
            return std::nullopt;
        }
        if (got == 0)
            break;
        size += got;
    }
    std::optional<SecureBuffer> key = keyOfContents(contents.view().first(size), path, error);
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
