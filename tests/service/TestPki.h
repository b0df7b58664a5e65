#pragma once

// The test PKI of installer/make-test-pki.sh, made in a temporary folder at
// test time (FACEGATE_MAKE_TEST_PKI is the script's path, set by CMake), or
// one already made in a folder (a test's helper process reading its parent's).
#include "core/service/TlsServerConfig.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QDir>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QString>
#include <QTemporaryDir>

#include <optional>

namespace fg::test {

class TestPki {
public:
    TestPki() = default;
    // The PKI another TestPki made in folder (no make()).
    explicit TestPki(const QString& folder)
        : m_folder(folder)
    {
    }

    bool make(QString* error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        m_folder = m_dir.path();
        QProcess script;
        script.start(QStringLiteral("bash"), {QStringLiteral(FACEGATE_MAKE_TEST_PKI), m_folder});
        if (!script.waitForFinished(60000) || script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0) {
            *error = QStringLiteral("make-test-pki.sh failed: ") + QString::fromLocal8Bit(script.readAllStandardError());
            return false;
        }
        return true;
    }

    QString path(const QString& name) const { return QDir(m_folder).filePath(name); }

    QByteArray read(const QString& name) const
    {
        QFile file(path(name));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    QSslCertificate certificate(const QString& name) const
    {
        const QList<QSslCertificate> all = QSslCertificate::fromData(read(name + QStringLiteral(".pem")));
        return all.isEmpty() ? QSslCertificate() : all.front();
    }

    QSslKey key(const QString& name) const
    {
        return QSslKey(read(name + QStringLiteral(".key")), QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    }

    // A client's TLS settings: trusting only the test CA, presenting one of the
    // test certificates (none when certificate is empty).
    QSslConfiguration clientConfiguration(const QString& certificate,
                                          QSsl::SslProtocol protocol = QSsl::TlsV1_2OrLater) const
    {
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setCaCertificates({this->certificate(QStringLiteral("ca"))});
        config.setProtocol(protocol);
        config.setPeerVerifyMode(QSslSocket::VerifyPeer);
        if (!certificate.isEmpty()) {
            config.setLocalCertificate(this->certificate(certificate));
            config.setPrivateKey(key(certificate));
        }
        return config;
    }

    TlsServerConfig::Files serverFiles() const
    {
        return {path(QStringLiteral("server.pem")), path(QStringLiteral("server.key")), path(QStringLiteral("ca.pem"))};
    }

    // The server's configuration with revoked.pem revoked by its fingerprint.
    std::optional<TlsServerConfig> serverConfig(QString* error) const
    {
        const QString revoked = QString::fromLatin1(read(QStringLiteral("revoked.sha256")).trimmed());
        return TlsServerConfig::load(serverFiles(), {revoked}, QDateTime::currentDateTimeUtc(), error);
    }

private:
    QTemporaryDir m_dir; // removed with the TestPki that made it
    QString m_folder;
};

} // namespace fg::test
