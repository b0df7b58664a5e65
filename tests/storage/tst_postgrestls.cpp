// Issue 18: the PostgreSQL connection is encrypted and the server's
// certificate checked. The options built from a URL are checked without a
// server; the rest runs against the server of FACEGATE_TEST_POSTGRESQL_URL
// (installer/postgres-throwaway.sh makes one with TLS on and prints a URL
// with sslmode=verify-full&sslrootcert=CA) and is skipped without one.
#include "core/storage/Database.h"
#include "core/storage/DatabaseUrl.h"
#include "core/storage/PostgresTls.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

using fg::Database;
using fg::DatabaseOptions;
using fg::DatabaseUrl;

namespace {

using Parameters = QList<QPair<QString, QString>>;

// The server's URL with another host and these query parameters set (an
// empty value removes one).
QString variant(const QString& base, const QString& host, const Parameters& parameters)
{
    QUrl url(base, QUrl::StrictMode);
    if (!host.isEmpty())
        url.setHost(host);
    QUrlQuery query(url);
    for (const auto& [key, value] : parameters) {
        query.removeAllQueryItems(key);
        if (!value.isEmpty())
            query.addQueryItem(key, value);
    }
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

// Opens without writing anything (the server's own test database may be
// shared). A refusal is shown in the test's output: it is what an officer or
// administrator would read.
std::unique_ptr<Database> openReadOnly(const QString& text, QString* error)
{
    const std::optional<DatabaseUrl> url = DatabaseUrl::parse(text, error);
    if (!url)
        return nullptr;
    DatabaseOptions options;
    options.readOnly = true;
    std::unique_ptr<Database> database = Database::open(*url, error, options);
    if (!database)
        qInfo("refused: %s", qPrintable(*error));
    return database;
}

// The libpq keyword=value pairs of the options built for a URL.
QMap<QString, QString> optionsFor(const QString& text)
{
    QString error;
    const std::optional<DatabaseUrl> url = DatabaseUrl::parse(text, &error);
    if (!url)
        qFatal("%s", qPrintable(error)); // a test's own URL
    QMap<QString, QString> options;
    for (const QString& option : fg::PostgresTls::connectOptions(*url).split(';')) {
        const qsizetype equals = option.indexOf('=');
        options.insert(option.left(equals), option.mid(equals + 1));
    }
    return options;
}

} // namespace

class TestPostgresTls : public QObject {
    Q_OBJECT

private:
    QString m_url;    // FACEGATE_TEST_POSTGRESQL_URL
    QString m_ca;     // its sslrootcert
    QString m_port;
    QTemporaryDir m_scratch;

    // False without a TLS test server (the calling test then skips).
    bool haveServer()
    {
        if (m_url.isEmpty() || m_ca.isEmpty())
            return false;
        return true;
    }

    // A self-signed CA that signed nothing the server holds.
    QString otherCa()
    {
        const QString certificate = m_scratch.filePath("other-ca.pem");
        if (QFile::exists(certificate))
            return certificate;
        QProcess openssl;
        openssl.start("openssl", {"req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                                  "-days", "2", "-subj", "/CN=Somebody else's CA", "-keyout",
                                  m_scratch.filePath("other-ca.key"), "-out", certificate});
        if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
            qWarning("openssl: %s", openssl.readAllStandardError().constData());
        return certificate;
    }

    QString clientFile(const QString& name) const { return QFileInfo(m_ca).dir().filePath(name); }

private Q_SLOTS:
    // Without a server: what libpq is asked for. A host that is not loopback
    // gets verify-full unless the URL says otherwise; loopback keeps libpq's
    // default (prefer) unless a CA is named.
    void sslModeBuiltFromTheUrl_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("sslmode"); // as passed; empty: none passed
        QTest::addColumn<bool>("warned");
        QTest::newRow("remote name") << "postgresql://u@db.port.example/records" << "'verify-full'" << false;
        QTest::newRow("remote IPv4") << "postgresql://u@10.20.0.5:5432/records" << "'verify-full'" << false;
        QTest::newRow("remote IPv6") << "postgresql://u@[2001:db8::5]/records" << "'verify-full'" << false;
        QTest::newRow("128.0.0.1") << "postgresql://u@128.0.0.1/records" << "'verify-full'" << false;
        QTest::newRow("remote, loopback hostaddr")
            << "postgresql://u@db.port.example/records?hostaddr=127.0.0.1" << "'verify-full'" << false;
        QTest::newRow("remote verify-ca") << "postgresql://u@db.port.example/records?sslmode=verify-ca"
                                          << "'verify-ca'" << false;
        QTest::newRow("remote require") << "postgresql://u@db.port.example/records?sslmode=require" << "'require'"
                                        << true;
        QTest::newRow("remote disable") << "postgresql://u@db.port.example/records?sslmode=disable" << "'disable'"
                                        << true;
        QTest::newRow("127.0.0.1") << "postgresql://u@127.0.0.1/records" << "" << false;
        QTest::newRow("127.1.2.3") << "postgresql://u@127.1.2.3/records" << "" << false;
        QTest::newRow("localhost") << "postgresql://u@localhost/records" << "" << false;
        QTest::newRow("LOCALHOST") << "postgresql://u@LOCALHOST/records" << "" << false;
        QTest::newRow("::1") << "postgresql://u@[::1]/records" << "" << false;
        QTest::newRow("loopback with a CA") << "postgresql://u@127.0.0.1/records?sslrootcert=/etc/ca.pem"
                                            << "'verify-full'" << false;
        QTest::newRow("loopback disable") << "postgresql://u@localhost/records?sslmode=disable" << "'disable'"
                                          << false;
    }
    void sslModeBuiltFromTheUrl()
    {
        QFETCH(QString, url);
        QFETCH(QString, sslmode);
        QFETCH(bool, warned);
        const QMap<QString, QString> options = optionsFor(url);
        QCOMPARE(options.value("sslmode"), sslmode);
        QCOMPARE(options.value("connect_timeout"), QString("10"));
        QString error;
        const QString warning = DatabaseUrl::parse(url, &error)->weakTlsWarning();
        QCOMPARE(!warning.isEmpty(), warned);
        if (warned)
            QVERIFY2(warning.contains("db.port.example") && warning.contains("not verified"), qPrintable(warning));
    }

    // Files reach libpq whole, quoted; paths are made absolute.
    void filesBuiltFromTheUrl()
    {
        const QMap<QString, QString> options = optionsFor(
            "postgresql://u@db.port.example/records?sslrootcert=/etc/it's%20here/ca.pem&sslcert=station.pem"
            "&sslkey=/etc/k%5Cey.pem&hostaddr=10.20.0.5");
        QCOMPARE(options.value("sslrootcert"), QString("'/etc/it\\'s here/ca.pem'"));
        QCOMPARE(options.value("sslcert"), "'" + QDir::current().absoluteFilePath("station.pem") + "'");
        QCOMPARE(options.value("sslkey"), QString("'/etc/k\\\\ey.pem'"));
        QCOMPARE(options.value("hostaddr"), QString("'10.20.0.5'"));
    }

    // Without a server: libpq's words about a refused connection get
    // FaceGate's in front, naming host, file and sslmode; other failures are
    // left as libpq says them.
    void explainsRefusals_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("libpq");
        QTest::addColumn<QStringList>("mentions");
        const QString remote = "postgresql://u@db.port.example:5433/records?sslrootcert=/etc/fg/ca.pem";
        QTest::newRow("wrong CA") << remote << "SSL error: certificate verify failed"
                                  << QStringList{"db.port.example:5433", "not signed by", "/etc/fg/ca.pem",
                                                 "sslmode=verify-full (the default"};
        QTest::newRow("name") << remote + "&hostaddr=10.1.1.1"
                              << "server certificate for \"db2.port.example\" does not match host name "
                                 "\"db.port.example\""
                              << QStringList{"(address 10.1.1.1)", "does not name the host db.port.example"};
        QTest::newRow("no CA given") << "postgresql://u@db.port.example/records"
                                     << "root certificate file \"/root/.postgresql/root.crt\" does not exist"
                                     << QStringList{"~/.postgresql/root.crt", "database/sslrootcert",
                                                    "sslmode=verify-full"};
        QTest::newRow("no TLS offered") << "postgresql://u@db.port.example/records?sslmode=require"
                                        << "server does not support SSL, but SSL was required"
                                        << QStringList{"does not offer TLS", "sslmode=require"};
        QTest::newRow("TLS required") << "postgresql://u@127.0.0.1/records?sslmode=disable"
                                      << "FATAL:  no pg_hba.conf entry for host \"127.0.0.1\", user \"u\", "
                                         "database \"records\", no encryption"
                                      << QStringList{"refuses an unencrypted connection", "sslmode=disable"};
        QTest::newRow("client certificate refused")
            << remote + "&sslcert=/etc/fg/station.pem&sslkey=/etc/fg/station.key"
            << "SSL error: tlsv1 alert unknown ca"
            << QStringList{"did not accept the client certificate /etc/fg/station.pem", "/etc/fg/station.key"};
        QTest::newRow("password") << remote << "FATAL:  password authentication failed for user \"u\""
                                  << QStringList{};
    }
    void explainsRefusals()
    {
        QFETCH(QString, url);
        QFETCH(QString, libpq);
        QFETCH(QStringList, mentions);
        QString error;
        const std::optional<DatabaseUrl> parsed = DatabaseUrl::parse(url, &error);
        QVERIFY2(parsed, qPrintable(error));
        const QString text = fg::PostgresTls::explainFailure(*parsed, libpq);
        QVERIFY2(text.endsWith(libpq), qPrintable(text));
        if (mentions.isEmpty())
            QCOMPARE(text, libpq);
        for (const QString& word : std::as_const(mentions))
            QVERIFY2(text.contains(word), qPrintable(QString("no \"%1\" in: %2").arg(word, text)));
    }

    void initTestCase()
    {
        QVERIFY(m_scratch.isValid());
        m_url = qEnvironmentVariable("FACEGATE_TEST_POSTGRESQL_URL");
        const QUrl url(m_url);
        m_ca = QUrlQuery(url).queryItemValue("sslrootcert", QUrl::FullyDecoded);
        m_port = QString::number(url.port(5432));
    }

    void verifyFullWithTheRightCaIsEncrypted()
    {
        if (!haveServer())
            QSKIP("FACEGATE_TEST_POSTGRESQL_URL is unset or names no sslrootcert: no TLS test server "
                  "(installer/postgres-throwaway.sh start DIR prints one)");
        QString error;
        const auto db = openReadOnly(variant(m_url, {}, {{"sslmode", "verify-full"}}), &error);
        QVERIFY2(db, qPrintable(error));
        const auto ssl = db->scalar("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()", {}, "ssl", &error);
        QVERIFY2(ssl, qPrintable(error));
        QVERIFY(ssl->toBool());
    }

    void wrongCaIsRefused()
    {
        if (!haveServer())
            QSKIP("FACEGATE_TEST_POSTGRESQL_URL is unset or names no sslrootcert: no TLS test server");
        const QString other = otherCa();
        QVERIFY2(QFile::exists(other), "openssl could not make a second CA");
        QString error;
        QVERIFY(!openReadOnly(variant(m_url, {}, {{"sslmode", "verify-full"}, {"sslrootcert", other}}), &error));
        QVERIFY2(error.contains(other), qPrintable(error));
        QVERIFY2(error.contains("127.0.0.1:" + m_port), qPrintable(error));
        QVERIFY2(error.contains("not signed by"), qPrintable(error));
        // verify-ca checks the chain as well.
        QVERIFY(!openReadOnly(variant(m_url, {}, {{"sslmode", "verify-ca"}, {"sslrootcert", other}}), &error));
        QVERIFY2(error.contains("not signed by"), qPrintable(error));
    }

    // The server's certificate names 127.0.0.1 and localhost; reached at its
    // address under another name (hostaddr), verify-full refuses it.
    void certificateForAnotherNameIsRefused()
    {
        if (!haveServer())
            QSKIP("FACEGATE_TEST_POSTGRESQL_URL is unset or names no sslrootcert: no TLS test server");
        QString error;
        QVERIFY(!openReadOnly(
            variant(m_url, "records.port.example", {{"hostaddr", "127.0.0.1"}, {"sslmode", "verify-full"}}), &error));
        QVERIFY2(error.contains("records.port.example"), qPrintable(error));
        QVERIFY2(error.contains("does not name"), qPrintable(error));
        // verify-ca checks only the chain: the same server is then accepted.
        const auto db = openReadOnly(
            variant(m_url, "records.port.example", {{"hostaddr", "127.0.0.1"}, {"sslmode", "verify-ca"}}), &error);
        QVERIFY2(db, qPrintable(error));
    }

    // A host that is not loopback gets verify-full when the URL names no sslmode.
    void nonLoopbackDefaultsToVerifyFull()
    {
        if (!haveServer())
            QSKIP("FACEGATE_TEST_POSTGRESQL_URL is unset or names no sslrootcert: no TLS test server");
        QString error;
        QVERIFY(!openReadOnly(variant(m_url, "records.port.example", {{"hostaddr", "127.0.0.1"}, {"sslmode", {}}}),
                              &error));
        QVERIFY2(error.contains("does not name") && error.contains("verify-full"), qPrintable(error));
        // Weaker, given explicitly: it connects (encrypted here), with a warning.
        QTest::ignoreMessage(QtWarningMsg,
                             QRegularExpression("records\\.port\\.example.*sslmode=require.*not verified"));
        const auto db = openReadOnly(
            variant(m_url, "records.port.example", {{"hostaddr", "127.0.0.1"}, {"sslmode", "require"}}), &error);
        QVERIFY2(db, qPrintable(error));
    }

    void missingRootCertificateIsNamed()
    {
        if (!haveServer())
            QSKIP("FACEGATE_TEST_POSTGRESQL_URL is unset or names no sslrootcert: no TLS test server");
        const QString missing = m_scratch.filePath("no-such-ca.pem");
        QString error;
        QVERIFY(!openReadOnly(variant(m_url, {}, {{"sslrootcert", missing}}), &error));
        QVERIFY2(error.contains(missing) && error.contains("does not exist"), qPrintable(error));
        QVERIFY2(error.contains("sslrootcert"), qPrintable(error));
    }

    // The throw-away server's role facegate_cert must show a client certificate.
    void clientCertificate()
    {
        if (!haveServer())
            QSKIP("FACEGATE_TEST_POSTGRESQL_URL is unset or names no sslrootcert: no TLS test server");
        const QString certificate = clientFile("client.pem");
        const QString key = clientFile("client.key");
        if (!QFile::exists(certificate))
            QSKIP("no client.pem beside the server's CA (installer/postgres-throwaway.sh makes one)");
        QUrl asCertRole(m_url);
        asCertRole.setUserName("facegate_cert");
        const QString base = asCertRole.toString(QUrl::FullyEncoded);
        QString error;
        {
            const auto db = openReadOnly(variant(base, {}, {{"sslcert", certificate}, {"sslkey", key}}), &error);
            QVERIFY2(db, qPrintable(error));
            QCOMPARE(db->scalar("SELECT current_user", {}, "who", &error)->toString(), QString("facegate_cert"));
        }
        QVERIFY(!openReadOnly(base, &error));
        QVERIFY2(error.contains("client certificate") && error.contains("sslcert"), qPrintable(error));

        const QString missing = m_scratch.filePath("no-such-client.pem");
        QVERIFY(!openReadOnly(variant(base, {}, {{"sslcert", missing}, {"sslkey", key}}), &error));
        QVERIFY2(error.contains(missing) && error.contains("does not exist"), qPrintable(error));

        // A key others may read is refused by libpq; the error names the file.
        const QString open = m_scratch.filePath("open.key");
        QVERIFY(QFile::copy(key, open));
        QVERIFY(QFile::setPermissions(open, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup
                                                | QFile::ReadOther));
        QVERIFY(!openReadOnly(variant(base, {}, {{"sslcert", certificate}, {"sslkey", open}}), &error));
        QVERIFY2(error.contains(open) && error.contains("sslkey"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestPostgresTls)
#include "tst_postgrestls.moc"
