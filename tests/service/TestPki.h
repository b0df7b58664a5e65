#pragma once

// The test PKI of installer/make-test-pki.sh, made in a temporary folder at
// test time (FACEGATE_MAKE_TEST_PKI is the script's path, set by CMake).
#include "core/service/TlsServerConfig.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QTemporaryDir>

#include <optional>

namespace fg::test {

class TestPki {
public:
    bool make(QString* error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        QProcess script;
        script.start(QStringLiteral("bash"), {QStringLiteral(FACEGATE_MAKE_TEST_PKI), m_dir.path()});
        if (!script.waitForFinished(60000) || script.exitStatus() != QProcess::NormalExit || script.exitCode() != 0) {
            *error = QStringLiteral("make-test-pki.sh failed: ") + QString::fromLocal8Bit(script.readAllStandardError());
            return false;
        }
        return true;
    }

    QString path(const QString& name) const { return m_dir.filePath(name); }

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
    QTemporaryDir m_dir;
};

} // namespace fg::test
