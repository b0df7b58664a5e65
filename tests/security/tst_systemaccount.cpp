// Who the audit names before anyone signs in (issue 18): the account the
// process runs as, from the user database, whatever $USER and $LOGNAME say.
#include "core/security/SystemAccount.h"

#include <QTest>

#include <pwd.h>
#include <unistd.h>

class TestSystemAccount : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void theEnvironmentCannotNameSomeoneElse()
    {
        const passwd* entry = ::getpwuid(::geteuid());
        const QString expected = entry ? QString::fromLocal8Bit(entry->pw_name) : QStringLiteral("uid%1").arg(::geteuid());
        QVERIFY(expected != QLatin1String("mallory"));
        qputenv("USER", "mallory");
        qputenv("LOGNAME", "mallory");
        QCOMPARE(fg::systemAccountName(), expected);
        qunsetenv("USER");
        qunsetenv("LOGNAME");
        QCOMPARE(fg::systemAccountName(), expected);
    }
};

QTEST_GUILESS_MAIN(TestSystemAccount)
#include "tst_systemaccount.moc"
