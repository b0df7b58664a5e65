// RoleMap: roles bound to client certificates by their subject, from
// configuration; the first matching rule wins and a malformed rule is refused.
#include "core/service/RoleMap.h"

#include <QTest>

using namespace fg;

namespace {

ClientIdentity client(const QString& cn, const QString& o, const QString& ou)
{
    ClientIdentity identity;
    identity.commonName = cn;
    identity.organization = o;
    identity.organizationalUnit = ou;
    identity.fingerprintSha256 = QByteArray(64, 'a');
    return identity;
}

} // namespace

class TestRoleMap : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void defaultsBindPartnersAndWorkstations();
    void firstMatchingRuleWins();
    void malformedRulesAreRefused_data();
    void malformedRulesAreRefused();
};

void TestRoleMap::defaultsBindPartnersAndWorkstations()
{
    const RoleMap map = RoleMap::defaults();
    QCOMPARE(map.roleFor(client(QStringLiteral("ua-camera-7"), QStringLiteral("United Airlines"),
                                QStringLiteral("partner"))),
             QStringLiteral("partner"));
    QCOMPARE(map.roleFor(client(QStringLiteral("gate-b12"), QString(), QStringLiteral("workstation"))),
             QStringLiteral("workstation"));
    QCOMPARE(map.roleFor(client(QStringLiteral("x"), QString(), QStringLiteral("Partner"))), QString());
    QCOMPARE(map.roleFor(ClientIdentity{}), QString());
}

void TestRoleMap::firstMatchingRuleWins()
{
    QString error;
    const std::optional<RoleMap> map = RoleMap::parse(
        {QStringLiteral("CN=gate-b12:supervisor"), QStringLiteral("ou = workstation : workstation"),
         QStringLiteral("O=United Airlines:partner")},
        &error);
    QVERIFY2(map, qPrintable(error));
    QCOMPARE(map->rules().size(), std::size_t(3));
    QCOMPARE(map->roleFor(client(QStringLiteral("gate-b12"), QString(), QStringLiteral("workstation"))),
             QStringLiteral("supervisor"));
    QCOMPARE(map->roleFor(client(QStringLiteral("gate-b13"), QString(), QStringLiteral("workstation"))),
             QStringLiteral("workstation"));
    QCOMPARE(map->roleFor(client(QStringLiteral("ua-1"), QStringLiteral("United Airlines"), QString())),
             QStringLiteral("partner"));
}

void TestRoleMap::malformedRulesAreRefused_data()
{
    QTest::addColumn<QString>("rule");
    QTest::newRow("no role") << QStringLiteral("OU=partner");
    QTest::newRow("empty role") << QStringLiteral("OU=partner:");
    QTest::newRow("no value") << QStringLiteral("OU=:partner");
    QTest::newRow("unknown attribute") << QStringLiteral("EMAIL=a@b:partner");
    QTest::newRow("no attribute") << QStringLiteral("=x:partner");
}

void TestRoleMap::malformedRulesAreRefused()
{
    QFETCH(QString, rule);
    QString error;
    QVERIFY(!RoleMap::parse({QStringLiteral("OU=partner:partner"), rule}, &error));
    QVERIFY2(error.contains(rule), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestRoleMap)
#include "tst_rolemap.moc"
