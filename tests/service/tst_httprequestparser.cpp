// HttpRequestParser: the HTTP/1.x requests facegate-matchd reads, the ones it
// refuses with which status, and that the answer is the same whether the bytes
// come at once or one at a time (as TLS records may split them).
#include "core/service/HttpRequestParser.h"

#include <QTest>

using namespace fg;

namespace {

constexpr int kIncomplete = 0;
constexpr int kComplete = 1;

HttpLimits smallLimits()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 512;
    limits.maxBodyBytes = 1024;
    limits.maxHeaderFields = 10;
    return limits;
}

int outcome(const HttpRequestParser& parser)
{
    switch (parser.status()) {
    case HttpRequestParser::Status::Incomplete:
        return kIncomplete;
    case HttpRequestParser::Status::Complete:
        return kComplete;
    case HttpRequestParser::Status::Failed:
        return parser.errorStatus();
    }
    return -1;
}

} // namespace

class TestHttpRequestParser : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void pipelinedRequestsAreReadInTurn();
    void headerBytesAreCountedBeforeTheEndArrives();
    void oversizedBodyIsRefusedBeforeItArrives();
    void keepAliveFollowsTheVersionAndConnection();
    void mediaTypeDropsParameters();
    void failureIsFinal();
};

void TestHttpRequestParser::parse_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("expected"); // kIncomplete, kComplete or the error status
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("path");
    QTest::addColumn<QByteArray>("body");

    const QByteArray none;
    QTest::newRow("get") << QByteArray("GET /v1/health HTTP/1.1\r\nHost: localhost\r\n\r\n") << kComplete
                         << QByteArray("GET") << QByteArray("/v1/health") << none;
    QTest::newRow("post with body")
        << QByteArray("POST /v1/echo HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\n"
                      "{\"a\":1}")
        << kComplete << QByteArray("POST") << QByteArray("/v1/echo") << QByteArray("{\"a\":1}");
    QTest::newRow("query split off") << QByteArray("GET /v1/x?top=5 HTTP/1.1\r\nHost: a\r\n\r\n") << kComplete
                                     << QByteArray("GET") << QByteArray("/v1/x") << none;
    QTest::newRow("HTTP/1.0 without Host") << QByteArray("GET / HTTP/1.0\r\n\r\n") << kComplete << QByteArray("GET")
                                           << QByteArray("/") << none;
    QTest::newRow("leading CRLF ignored") << QByteArray("\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n") << kComplete
                                          << QByteArray("GET") << QByteArray("/") << none;
    QTest::newRow("same Content-Length twice")
        << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok") << kComplete
        << QByteArray("POST") << QByteArray("/") << QByteArray("ok");
    QTest::newRow("header value trimmed, tab allowed")
        << QByteArray("GET / HTTP/1.1\r\nHost:\ta\r\nX-Note:  one\ttwo  \r\n\r\n") << kComplete << QByteArray("GET")
        << QByteArray("/") << none;

    QTest::newRow("head not ended") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\n") << kIncomplete << none << none
                                    << none;
    QTest::newRow("body not whole") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n12345")
                                    << kIncomplete << none << none << none;

    QTest::newRow("bare LF") << QByteArray("GET / HTTP/1.1\nHost: a\n\n") << 400 << none << none << none;
    QTest::newRow("two words") << QByteArray("GET /\r\nHost: a\r\n\r\n") << 400 << none << none << none;
    QTest::newRow("four words") << QByteArray("GET / x HTTP/1.1\r\nHost: a\r\n\r\n") << 400 << none << none << none;
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01\x02\x01 / HTTP/1.1\r\n\r\n") << 400 << none << none << none;
    QTest::newRow("method not a token") << QByteArray("GE(T / HTTP/1.1\r\nHost: a\r\n\r\n") << 400 << none << none
                                        << none;
    QTest::newRow("absolute-form target") << QByteArray("GET http://a/ HTTP/1.1\r\nHost: a\r\n\r\n") << 400 << none
                                          << none << none;
    QTest::newRow("asterisk target") << QByteArray("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n") << 400 << none << none
                                     << none;
    QTest::newRow("HTTP/2.0") << QByteArray("GET / HTTP/2.0\r\nHost: a\r\n\r\n") << 505 << none << none << none;
    QTest::newRow("bad version") << QByteArray("GET / HTTP/1.1x\r\nHost: a\r\n\r\n") << 400 << none << none << none;
    QTest::newRow("lower-case version") << QByteArray("GET / http/1.1\r\nHost: a\r\n\r\n") << 400 << none << none
                                        << none;
    QTest::newRow("no Host in 1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400 << none << none << none;
    QTest::newRow("two Hosts") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400 << none << none
                               << none;
    QTest::newRow("folded header") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\r\n 2\r\n\r\n") << 400 << none
                                   << none << none;
    QTest::newRow("no colon") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-A 1\r\n\r\n") << 400 << none << none
                              << none;
    QTest::newRow("space before colon") << QByteArray("GET / HTTP/1.1\r\nHost : a\r\n\r\n") << 400 << none << none
                                        << none;
    QTest::newRow("control character") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\x01\r\n\r\n") << 400
                                       << none << none << none;
    QTest::newRow("CR inside a value") << QByteArray("GET / HTTP/1.1\r\nHost: a\rX-A: 1\r\n\r\n") << 400 << none
                                       << none << none;
    // Only SP and HTAB surround a value (RFC 9110 5.5): a lone CR, VT or FF
    // next to it is a control character, not whitespace to trim away.
    QTest::newRow("lone CR after a value") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\r\n\r\n") << 400 << none
                                           << none << none;
    QTest::newRow("VT before a value") << QByteArray("GET / HTTP/1.1\r\nHost: \x0b" "a\r\n\r\n") << 400 << none
                                       << none << none;
    QTest::newRow("FF after a value") << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-A: 1\x0c\r\n\r\n") << 400
                                      << none << none << none;
    QTest::newRow("Content-Length with VT")
        << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: \x0b" "2\r\n\r\nok") << 400 << none << none
        << none;
    QTest::newRow("Content-Length not a number")
        << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 12a\r\n\r\n") << 400 << none << none << none;
    QTest::newRow("Content-Length negative")
        << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n") << 400 << none << none << none;
    QTest::newRow("Content-Length overflowing")
        << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n") << 400 << none
        << none << none;
    QTest::newRow("Content-Length twice, different")
        << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc") << 400
        << none << none << none;
    QTest::newRow("body over the limit")
        << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1025\r\n\r\n") << 413 << none << none << none;
    QTest::newRow("100 MB body announced")
        << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 104857600\r\n\r\n") << 413 << none << none
        << none;
    QTest::newRow("chunked") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n") << 411
                             << none << none << none;
    QTest::newRow("gzip transfer coding")
        << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n") << 501 << none << none << none;
    QTest::newRow("Content-Length and Transfer-Encoding")
        << QByteArray("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\nabc")
        << 400 << none << none << none;
    QTest::newRow("POST without length") << QByteArray("POST / HTTP/1.1\r\nHost: a\r\n\r\n") << 411 << none << none
                                         << none;
    QTest::newRow("header section too long")
        << QByteArray("GET / HTTP/1.1\r\nHost: a\r\nX-Pad: " + QByteArray(600, 'x') + "\r\n\r\n") << 431 << none
        << none << none;
    QByteArray many = "GET / HTTP/1.1\r\nHost: a\r\n";
    for (int i = 0; i < 11; ++i)
        many += "X-" + QByteArray::number(i) + ": 1\r\n";
    QTest::newRow("too many fields") << QByteArray(many + "\r\n") << 431 << none << none << none;
}

void TestHttpRequestParser::parse()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, expected);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, path);
    QFETCH(QByteArray, body);

    // All at once, then a byte at a time: the same outcome.
    for (const bool byteByByte : {false, true}) {
        HttpRequestParser parser(smallLimits());
        if (byteByByte) {
            for (const char c : std::as_const(bytes))
                parser.feed(QByteArray(1, c));
        } else {
            parser.feed(bytes);
        }
        QVERIFY2(outcome(parser) == expected,
                 qPrintable(QStringLiteral("%1: got %2 (%3), expected %4")
                                .arg(byteByByte ? QStringLiteral("byte by byte") : QStringLiteral("at once"))
                                .arg(outcome(parser))
                                .arg(parser.errorReason())
                                .arg(expected)));
        if (expected == kComplete) {
            QCOMPARE(parser.request().method, method);
            QCOMPARE(parser.request().path, path);
            QCOMPARE(parser.request().body, body);
        }
        if (expected >= 400)
            QVERIFY(!parser.errorReason().isEmpty());
    }
}

void TestHttpRequestParser::pipelinedRequestsAreReadInTurn()
{
    HttpRequestParser parser(smallLimits());
    parser.feed("POST /a HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc"
                "GET /b?x=1 HTTP/1.1\r\nHost: h\r\n\r\nGET /c HTTP/1.1\r\n");
    QCOMPARE(parser.status(), HttpRequestParser::Status::Complete);
    QCOMPARE(parser.request().path, QByteArray("/a"));
    QCOMPARE(parser.request().body, QByteArray("abc"));
    QCOMPARE(parser.next(), HttpRequestParser::Status::Complete);
    QCOMPARE(parser.request().path, QByteArray("/b"));
    QCOMPARE(parser.request().query, QByteArray("x=1"));
    QCOMPARE(parser.request().target, QByteArray("/b?x=1"));
    QVERIFY(!parser.hasStarted());
    QCOMPARE(parser.next(), HttpRequestParser::Status::Incomplete);
    QVERIFY(parser.hasStarted());
    QCOMPARE(parser.feed("Host: h\r\n\r\n"), HttpRequestParser::Status::Complete);
    QCOMPARE(parser.request().path, QByteArray("/c"));
    QCOMPARE(parser.next(), HttpRequestParser::Status::Incomplete);
    QVERIFY(!parser.hasStarted());
}

void TestHttpRequestParser::headerBytesAreCountedBeforeTheEndArrives()
{
    // A client that never ends its header section is refused once it passes
    // the limit, not when (if ever) the blank line comes.
    HttpRequestParser parser(smallLimits());
    parser.feed("GET / HTTP/1.1\r\nHost: a\r\nX-Pad: ");
    QCOMPARE(parser.status(), HttpRequestParser::Status::Incomplete);
    parser.feed(QByteArray(600, 'x'));
    QCOMPARE(parser.status(), HttpRequestParser::Status::Failed);
    QCOMPARE(parser.errorStatus(), 431);
}

void TestHttpRequestParser::oversizedBodyIsRefusedBeforeItArrives()
{
    HttpLimits limits;
    limits.maxBodyBytes = 1024 * 1024;
    HttpRequestParser parser(limits);
    QCOMPARE(parser.feed("POST /v1/echo HTTP/1.1\r\nHost: a\r\nContent-Length: 104857600\r\n\r\n"),
             HttpRequestParser::Status::Failed);
    QCOMPARE(parser.errorStatus(), 413);
    QVERIFY2(parser.errorReason().contains(QLatin1String("104857600")), qPrintable(parser.errorReason()));
    // The body that follows is never parsed into a request.
    parser.feed(QByteArray(4096, 'x'));
    QCOMPARE(parser.status(), HttpRequestParser::Status::Failed);
    QCOMPARE(parser.next(), HttpRequestParser::Status::Failed);
}

void TestHttpRequestParser::keepAliveFollowsTheVersionAndConnection()
{
    const auto keepAlive = [](const QByteArray& head) {
        HttpRequestParser parser;
        parser.feed(head + "\r\n");
        return parser.status() == HttpRequestParser::Status::Complete && parser.request().keepAlive();
    };
    QVERIFY(keepAlive("GET / HTTP/1.1\r\nHost: a\r\n"));
    QVERIFY(!keepAlive("GET / HTTP/1.1\r\nHost: a\r\nConnection: close\r\n"));
    QVERIFY(!keepAlive("GET / HTTP/1.1\r\nHost: a\r\nConnection: keep-alive, Close\r\n"));
    QVERIFY(!keepAlive("GET / HTTP/1.0\r\n"));
    QVERIFY(keepAlive("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n"));
}

void TestHttpRequestParser::mediaTypeDropsParameters()
{
    HttpRequestParser parser;
    parser.feed("POST / HTTP/1.1\r\nHost: a\r\nCONTENT-TYPE: Application/JSON; charset=utf-8\r\nContent-Length: 2\r\n"
                "\r\n{}");
    QCOMPARE(parser.status(), HttpRequestParser::Status::Complete);
    QCOMPARE(parser.request().mediaType(), QByteArray("application/json"));
    QCOMPARE(parser.request().header("Content-Length"), QByteArray("2"));
}

void TestHttpRequestParser::failureIsFinal()
{
    HttpRequestParser parser;
    parser.feed("BROKEN\r\n\r\n");
    QCOMPARE(parser.status(), HttpRequestParser::Status::Failed);
    QCOMPARE(parser.errorStatus(), 400);
    parser.feed("GET / HTTP/1.1\r\nHost: a\r\n\r\n");
    QCOMPARE(parser.status(), HttpRequestParser::Status::Failed);
    QCOMPARE(parser.next(), HttpRequestParser::Status::Failed);
}

QTEST_GUILESS_MAIN(TestHttpRequestParser)
#include "tst_httprequestparser.moc"
