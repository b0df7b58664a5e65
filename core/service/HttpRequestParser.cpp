#include "core/service/HttpRequestParser.h"


#include <utility>

namespace fg {

namespace {

// The service's reasons go to its clients in JSON and to its log: English,
// never translated (translations/CMakeLists.txt: core words the officer reads).
QString tr(const char* text)
{
    return QString::fromUtf8(text);
}

// RFC 9110 tchar: the characters of a method or a header field name.
bool isToken(const QByteArray& text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
        if (!ok)
            return false;
    }
    return true;
}

bool hasControl(const QByteArray& text, bool allowTab)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && !(allowTab && c == '\t')) || u == 0x7f)
            return true;
    }
    return false;
}

// A field value without the SP and HTAB around it (RFC 9110 5.5); unlike
// QByteArray::trimmed(), CR, LF, VT and FF stay, to be refused as controls.
QByteArray trimmedOfSpaceAndTab(const QByteArray& text)
{
    qsizetype begin = 0;
    qsizetype end = text.size();
    while (begin < end && (text.at(begin) == ' ' || text.at(begin) == '\t'))
        ++begin;
    while (end > begin && (text.at(end - 1) == ' ' || text.at(end - 1) == '\t'))
        --end;
    return text.mid(begin, end - begin);
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// The index of a '\n' not preceded by '\r', or -1.
qsizetype bareLineFeed(const QByteArray& bytes, qsizetype limit)
{
    for (qsizetype i = 0; i < limit; ++i) {
        if (bytes.at(i) == '\n' && (i == 0 || bytes.at(i - 1) != '\r'))
            return i;
    }
    return -1;
}

} // namespace

HttpRequestParser::HttpRequestParser(HttpLimits limits)
    : m_limits(limits)
{
}

HttpRequestParser::Status HttpRequestParser::feed(const QByteArray& bytes)
{
    m_buffer += bytes;
    if (m_phase == Phase::Done || m_phase == Phase::Failed)
        return m_status;
    return parse();
}

HttpRequest HttpRequestParser::takeRequest()
{
    return std::exchange(m_request, HttpRequest{});
}

HttpRequestParser::Status HttpRequestParser::next()
{
    if (m_phase == Phase::Failed)
        return m_status;
    m_request = {};
    m_contentLength = 0;
    m_phase = Phase::Head;
    m_status = Status::Incomplete;
    return parse();
}

bool HttpRequestParser::hasStarted() const
{
    return m_phase == Phase::Body || (m_phase == Phase::Head && !m_buffer.isEmpty());
}

HttpRequestParser::Status HttpRequestParser::parse()
{
    if (m_phase == Phase::Head) {
        const Status head = parseHead();
        if (m_phase != Phase::Body)
            return head;
    }
    if (m_buffer.size() < m_contentLength)
        return m_status = Status::Incomplete;
    m_request.body = m_buffer.left(m_contentLength);
    m_buffer.remove(0, m_contentLength);
    m_phase = Phase::Done;
    return m_status = Status::Complete;
}

HttpRequestParser::Status HttpRequestParser::parseHead()
{
    // Empty lines before a request line are ignored (RFC 9112 2.2), such as a
    // stray CRLF after the previous request's body.
    while (m_buffer.startsWith("\r\n"))
        m_buffer.remove(0, 2);

    const qsizetype end = m_buffer.indexOf("\r\n\r\n");
    const qsizetype scanned = end < 0 ? m_buffer.size() : end + 4;
    if (scanned > m_limits.maxHeaderBytes)
        return fail(431, tr("the request line and header fields are over %1 bytes").arg(m_limits.maxHeaderBytes));
    if (bareLineFeed(m_buffer, scanned) >= 0)
        return fail(400, tr("a line of the request does not end with CR LF"));
    if (end < 0)
        return m_status = Status::Incomplete;

    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> lines = head.split('\n');
    if (!parseRequestLine(lines.front().chopped(lines.size() > 1 ? 1 : 0)))
        return m_status;
    if (lines.size() - 1 > m_limits.maxHeaderFields)
        return fail(431, tr("more than %1 header fields").arg(m_limits.maxHeaderFields));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QByteArray line = lines.at(i);
        if (i + 1 < lines.size())
            line.chop(1); // the '\r' before the '\n'
        if (!parseHeaderLine(line))
            return m_status;
    }
    if (!checkFraming())
        return m_status;
    m_phase = Phase::Body;
    return m_status = Status::Incomplete;
}

bool HttpRequestParser::parseRequestLine(const QByteArray& line)
{
    const QList<QByteArray> parts = line.split(' ');
    if (parts.size() != 3) {
        fail(400, tr("the request line is not \"METHOD /path HTTP/1.1\""));
        return false;
    }
    const QByteArray& method = parts.at(0);
    const QByteArray& target = parts.at(1);
    const QByteArray& version = parts.at(2);
    if (!isToken(method)) {
        fail(400, tr("the method is not a token"));
        return false;
    }
    if (!target.startsWith('/') || hasControl(target, false) || target.contains('#')) {
        fail(400, tr("the request target is not an absolute path (\"/v1/...\")"));
        return false;
    }
    if (version == "HTTP/1.1" || version == "HTTP/1.0") {
        m_request.versionMinor = version.back() - '0';
    } else if (version.size() == 8 && version.startsWith("HTTP/") && isDigit(version.at(5))
               && version.at(6) == '.' && isDigit(version.at(7))) {
        fail(505, tr("only HTTP/1.0 and HTTP/1.1 are served"));
        return false;
    } else {
        fail(400, tr("the request line does not end with an HTTP version"));
        return false;
    }
    m_request.method = method;
    m_request.target = target;
    const qsizetype question = target.indexOf('?');
    m_request.path = question < 0 ? target : target.left(question);
    m_request.query = question < 0 ? QByteArray() : target.mid(question + 1);
    return true;
}

bool HttpRequestParser::parseHeaderLine(const QByteArray& line)
{
    if (line.startsWith(' ') || line.startsWith('\t')) {
        fail(400, tr("a header field is folded over lines (obsolete)"));
        return false;
    }
    const qsizetype colon = line.indexOf(':');
    const QByteArray name = colon < 0 ? QByteArray() : line.left(colon);
    if (!isToken(name)) {
        fail(400, tr("a header line is not \"Name: value\""));
        return false;
    }
    const QByteArray value = trimmedOfSpaceAndTab(line.mid(colon + 1));
    if (hasControl(value, true)) {
        fail(400, tr("the header field %1 holds a control character").arg(QString::fromLatin1(name)));
        return false;
    }
    m_request.headers.append({name.toLower(), value});
    return true;
}

bool HttpRequestParser::checkFraming()
{
    int hosts = 0;
    QByteArray length;
    bool hasLength = false;
    for (const auto& [name, value] : std::as_const(m_request.headers)) {
        if (name == "host")
            ++hosts;
        if (name != "content-length")
            continue;
        // Repeated Content-Length fields must agree (RFC 9112 6.3).
        if (hasLength && value != length) {
            fail(400, tr("Content-Length is given twice with different values"));
            return false;
        }
        hasLength = true;
        length = value;
    }
    if (m_request.versionMinor >= 1 && hosts != 1) {
        fail(400, hosts == 0 ? tr("an HTTP/1.1 request needs a Host header field")
                             : tr("the Host header field is given more than once"));
        return false;
    }
    if (m_request.hasHeader("transfer-encoding")) {
        if (hasLength) {
            fail(400, tr("Content-Length and Transfer-Encoding are both given"));
            return false;
        }
        const QByteArray codings = m_request.header("transfer-encoding").toLower();
        if (codings.split(',').back().trimmed() == "chunked")
            fail(411, tr("chunked bodies are not accepted: send the body with a Content-Length"));
        else
            fail(501, tr("the transfer coding \"%1\" is not implemented").arg(QString::fromLatin1(codings)));
        return false;
    }
    if (!hasLength) {
        const bool needsBody = m_request.method == "POST" || m_request.method == "PUT" || m_request.method == "PATCH";
        if (needsBody) {
            fail(411, tr("a %1 request needs a Content-Length").arg(QString::fromLatin1(m_request.method)));
            return false;
        }
        m_contentLength = 0;
        return true;
    }
    bool digits = !length.isEmpty() && length.size() <= 18;
    for (const char c : std::as_const(length))
        digits = digits && isDigit(c);
    if (!digits) {
        fail(400, tr("Content-Length is not a number of bytes"));
        return false;
    }
    m_contentLength = length.toLongLong();
    if (m_contentLength > m_limits.maxBodyBytes) {
        fail(413, tr("the body of %1 bytes is over the limit of %2 bytes")
                      .arg(m_contentLength)
                      .arg(m_limits.maxBodyBytes));
        return false;
    }
    return true;
}

HttpRequestParser::Status HttpRequestParser::fail(int status, const QString& reason)
{
    m_phase = Phase::Failed;
    m_errorStatus = status;
    m_errorReason = reason;
    m_request = {};
    return m_status = Status::Failed;
}

} // namespace fg
