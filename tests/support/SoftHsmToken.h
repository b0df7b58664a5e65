#pragma once

// A throw-away SoftHSM2 token for the tests that keep the KEK in hardware
// (core/security/Pkcs11Key): its own token folder and configuration under a
// temporary folder (SOFTHSM2_CONF points there, for this process and the
// programs it starts), one token initialised with softhsm2-util, and a PIN
// file (0600) that the URI names. Header-only; needs Debian's softhsm2
// (installer/setup.sh test installs it). Missing, the test fails, naming it:
// a key-in-hardware test that silently skips proves nothing.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <cstdlib>

namespace fg::test {

class SoftHsmToken {
public:
    static constexpr char kModule[] = "/usr/lib/softhsm/libsofthsm2.so";
    static constexpr char kUserPin[] = "4711-2026";
    static constexpr char kSoPin[] = "so-8472-1937";

    // Sets up a token labelled `label`; false with *error naming what failed.
    bool init(const QString& label, QString* error)
    {
        if (!QFileInfo::exists(QString::fromLatin1(kModule))) {
            *error = QStringLiteral("%1 is missing: install softhsm2 (installer/setup.sh test does)").arg(kModule);
            return false;
        }
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        m_label = label;
        const QString tokens = m_dir.filePath(QStringLiteral("tokens"));
        if (!QDir().mkpath(tokens)) {
            *error = QStringLiteral("cannot create %1").arg(tokens);
            return false;
        }
        const QString conf = m_dir.filePath(QStringLiteral("softhsm2.conf"));
        if (!writeFile(conf, QStringLiteral("directories.tokendir = %1\nobjectstore.backend = file\nlog.level = INFO\n")
                                 .arg(tokens)
                                 .toUtf8(),
                       error)
            || !writeFile(pinFile(), QByteArray(kUserPin) + '\n', error))
            return false;
        ::setenv("SOFTHSM2_CONF", QFile::encodeName(conf).constData(), 1);
        return run({QStringLiteral("--init-token"), QStringLiteral("--free"), QStringLiteral("--label"), label,
                    QStringLiteral("--pin"), QString::fromLatin1(kUserPin), QStringLiteral("--so-pin"),
                    QString::fromLatin1(kSoPin)},
                   error);
    }

    QString pinFile() const { return m_dir.filePath(QStringLiteral("user.pin")); }
    QString folder() const { return m_dir.path(); }

    // The URI of key `object` in this token, with the module and the PIN file.
    QString uri(const QString& object) const
    {
        return QStringLiteral("pkcs11:token=%1;object=%2?module-path=%3&pin-source=file:%4")
            .arg(m_label, object, QString::fromLatin1(kModule), pinFile());
    }

    // softhsm2-util with `arguments`.
    static bool run(const QStringList& arguments, QString* error)
    {
        QProcess process;
        process.start(QStringLiteral("softhsm2-util"), arguments);
        if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
            *error = QStringLiteral("softhsm2-util %1 failed: %2 %3")
                         .arg(arguments.join(QLatin1Char(' ')), process.errorString(),
                              QString::fromUtf8(process.readAllStandardError() + process.readAllStandardOutput()));
            return false;
        }
        return true;
    }

    static bool writeFile(const QString& path, const QByteArray& contents, QString* error)
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
            || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) || file.write(contents) < 0
            || !file.flush()) {
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
            return false;
        }
        return true;
    }

private:
    QTemporaryDir m_dir;
    QString m_label;
};

} // namespace fg::test
