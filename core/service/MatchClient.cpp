#include "core/service/MatchClient.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslKey>
#include <QTimer>

namespace fg {

namespace {

// The words of a file that cannot be used, as the officer reads them (the
// NO DECISION panel, the status bar): in the class's context, like the tr()
// of its member functions, so lupdate and the .qm files find them.
struct FileWords {
    const char* missing;    // no path configured
    const char* unreadable; // %1 the path, %2 why
};

const FileWords kCertificateWords{
    QT_TRANSLATE_NOOP("fg::MatchClient", "no client certificate is configured"),
    QT_TRANSLATE_NOOP("fg::MatchClient", "client certificate %1 cannot be read: %2")};
const FileWords kKeyWords{QT_TRANSLATE_NOOP("fg::MatchClient", "no client key is configured"),
                          QT_TRANSLATE_NOOP("fg::MatchClient", "client key %1 cannot be read: %2")};
const FileWords kCaWords{QT_TRANSLATE_NOOP("fg::MatchClient", "no CA certificate is configured"),
                         QT_TRANSLATE_NOOP("fg::MatchClient", "CA certificate %1 cannot be read: %2")};

std::optional<QByteArray> readFile(const QString& path, const FileWords& words, QString* error)
{
    QFile file(path);
    if (path.isEmpty()) {
        *error = QCoreApplication::translate("fg::MatchClient", words.missing);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("fg::MatchClient", words.unreadable).arg(path, file.errorString());
        return std::nullopt;
    }
    return file.readAll();
}

} // namespace

std::unique_ptr<MatchClient> MatchClient::create(const MatchClientOptions& options, QString* error, QObject* parent)
{
    if (!options.endpoint.isValid() || options.endpoint.scheme() != QLatin1String("https")
        || options.endpoint.host().isEmpty()) {
        *error = tr("the matching service's address %1 is not an https address").arg(options.endpoint.toString());
        return nullptr;
    }
    const std::optional<QByteArray> certificateBytes = readFile(options.certificatePath, kCertificateWords, error);
    const std::optional<QByteArray> keyBytes =
        certificateBytes ? readFile(options.keyPath, kKeyWords, error) : std::nullopt;
    const std::optional<QByteArray> caBytes = keyBytes ? readFile(options.caPath, kCaWords, error) : std::nullopt;
    if (!caBytes)
        return nullptr;
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(*certificateBytes, QSsl::Pem);
    if (certificates.isEmpty()) {
        *error = tr("client certificate %1 holds no PEM certificate").arg(options.certificatePath);
        return nullptr;
    }
    QSslKey key(*keyBytes, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull())
        key = QSslKey(*keyBytes, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (key.isNull()) {
        *error = tr("client key %1 holds no unencrypted PEM EC or RSA private key").arg(options.keyPath);
        return nullptr;
    }
    const QList<QSslCertificate> authorities = QSslCertificate::fromData(*caBytes, QSsl::Pem);
    if (authorities.isEmpty()) {
        *error = tr("CA certificate %1 holds no PEM certificate").arg(options.caPath);
        return nullptr;
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setProtocol(QSsl::TlsV1_2OrLater);
    tls.setLocalCertificate(certificates.front());
    tls.setPrivateKey(key);
    // The port's CA only: never the system's roots (this also stops Qt from
    // loading roots on demand).
    tls.setCaCertificates(authorities);
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return std::unique_ptr<MatchClient>(new MatchClient(options, tls, parent));
}

MatchClient::MatchClient(MatchClientOptions options, QSslConfiguration tls, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_tls(std::move(tls))
    , m_network(new QNetworkAccessManager(this))
{
}

MatchClient::~MatchClient()
{
    // Requests still out answer nobody: their callbacks may refer to objects
    // going away with this client.
    for (QNetworkReply* reply : m_network->findChildren<QNetworkReply*>()) {
        disconnect(reply, nullptr, this, nullptr);
        reply->abort();
    }
}

void MatchClient::verify(const QByteArray& probeJpeg, const QByteArray& reference, Done done)
{
    send("POST", QStringLiteral("/v1/verify"),
         QJsonObject{{QStringLiteral("probe"), QString::fromLatin1(probeJpeg.toBase64())},
                     {QStringLiteral("reference"), QString::fromLatin1(reference.toBase64())}},
         true, std::move(done));
}

void MatchClient::identify(const QByteArray& probeJpeg, const QString& gallery, int top, Done done)
{
    const QJsonObject body{{QStringLiteral("probe"), QString::fromLatin1(probeJpeg.toBase64())},
                           {QStringLiteral("gallery"), gallery},
                           {QStringLiteral("top"), top}};
    sendIdentify(body, [this, body, gallery, done = std::move(done)](const MatchClientReply& reply) mutable {
        // 404 is identify's answer for a gallery the service does not hold
        // (docs/api.md): after a restart, one this client had loaded.
        if (reply.status == 404 && m_galleries.count(gallery) > 0) {
            reloadAndRetry(body, gallery, reply, std::move(done));
            return;
        }
        done(reply);
    });
}

void MatchClient::sendIdentify(const QJsonObject& body, Done done)
{
    send("POST", QStringLiteral("/v1/identify"), body, true, std::move(done));
}

void MatchClient::reloadAndRetry(const QJsonObject& body, const QString& gallery, const MatchClientReply& notLoaded,
                                 Done done)
{
    const QString manifest = m_galleries.at(gallery);
    loadGallery(gallery, manifest,
                [this, body, gallery, manifest, notLoaded, done = std::move(done)](const MatchClientReply& put) mutable {
                    if (!put.ok()) {
                        MatchClientReply failed = put;
                        failed.error = tr("%1; loading gallery %2 again from %3 failed: %4")
                                           .arg(notLoaded.error, gallery, manifest, put.error);
                        done(failed);
                        return;
                    }
                    // Asked once more, and only once: its answer is the caller's, whatever it is.
                    sendIdentify(body, std::move(done));
                });
}

void MatchClient::loadGallery(const QString& name, const QString& manifestFileName, Done done)
{
    // The name goes into the path: percent-encoded, so a slash in it stays a
    // character the service refuses rather than another route.
    send("PUT", QStringLiteral("/v1/galleries/") + QString::fromLatin1(QUrl::toPercentEncoding(name)),
         QJsonObject{{QStringLiteral("manifest"), manifestFileName}}, false,
         [this, name, manifestFileName, done = std::move(done)](const MatchClientReply& reply) {
             if (reply.ok())
                 m_galleries[name] = manifestFileName;
             done(reply);
         });
}

QString MatchClient::manifestOf(const QString& name) const
{
    const auto found = m_galleries.find(name);
    return found == m_galleries.end() ? QString() : found->second;
}

void MatchClient::send(const QByteArray& method, const QString& path, const QJsonObject& body, bool decides, Done done)
{
    QUrl url = m_options.endpoint;
    url.setPath(path, QUrl::TolerantMode);
    QNetworkRequest request(url);
    request.setSslConfiguration(m_tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false); // the service speaks HTTP/1.1
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply* reply =
        m_network->sendCustomRequest(request, method, QJsonDocument(body).toJson(QJsonDocument::Compact));

    // TLS errors are collected for the words, never ignored.
    auto sslErrors = std::make_shared<QStringList>();
    connect(reply, &QNetworkReply::sslErrors, this, [sslErrors](const QList<QSslError>& errors) {
        for (const QSslError& error : errors)
            *sslErrors << error.errorString();
    });
    auto timedOut = std::make_shared<bool>(false);
    auto* timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(timeoutFor(decides));
    connect(reply, &QNetworkReply::finished, this, [this, reply, decides, timedOut, sslErrors, done = std::move(done)] {
        reply->deleteLater();
        MatchClientReply answer = replyOf(reply, decides, *timedOut);
        if (!sslErrors->isEmpty() && !answer.reachable)
            answer.error = tr("TLS error with %1: %2").arg(m_options.endpoint.authority(), sslErrors->join(QStringLiteral("; ")));
        done(answer);
    });
}

MatchClientReply MatchClient::replyOf(QNetworkReply* reply, bool decides, bool timedOut) const
{
    MatchClientReply answer;
    const QString where = m_options.endpoint.authority();
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (timedOut) {
        answer.error = tr("no answer from %1 within %2 s").arg(where).arg(double(timeoutFor(decides).count()) / 1000.0);
        return answer;
    }
    if (answer.status == 0) {
        // No HTTP answer: the connection, TLS or the network failed.
        answer.error = reply->error() == QNetworkReply::ConnectionRefusedError
                           ? tr("the connection to %1 was refused").arg(where)
                           : QStringLiteral("%1: %2").arg(where, reply->errorString()); // Qt's words, translated by Qt
        return answer;
    }
    answer.reachable = true;
    QJsonParseError parse{};
    const QJsonDocument document = QJsonDocument::fromJson(reply->readAll(), &parse);
    answer.body = document.object();
    if (answer.status < 200 || answer.status >= 300) {
        const QString reason = answer.body.value(QStringLiteral("error")).toString();
        answer.error = reason.isEmpty() ? tr("the service answered HTTP %1").arg(answer.status)
                                        : tr("the service answered HTTP %1: %2").arg(answer.status).arg(reason);
        return answer;
    }
    if (parse.error != QJsonParseError::NoError || !document.isObject()) {
        answer.error = tr("the service's answer is not a JSON object");
        return answer;
    }
    if (decides) {
        QString error;
        answer.outcome = outcomeOf(answer.body, &error);
        if (!answer.outcome)
            answer.error = tr("the service's answer cannot be read: %1").arg(error);
    }
    return answer;
}

std::optional<MatchOutcome> MatchClient::outcomeOf(const QJsonObject& answer, QString* error)
{
    const std::optional<Encounter::Decision> decision =
        Encounter::decisionFromName(answer.value(QStringLiteral("decision")).toString());
    if (!decision) {
        *error = tr("no known decision in it");
        return std::nullopt;
    }
    const QJsonValue threshold = answer.value(QStringLiteral("threshold"));
    if (!threshold.isDouble()) {
        *error = tr("no threshold in it");
        return std::nullopt;
    }
    MatchOutcome outcome;
    outcome.decision = *decision;
    outcome.threshold = threshold.toDouble();
    outcome.fmrTarget = answer.value(QStringLiteral("fmr")).toDouble();
    const QJsonValue score = answer.value(QStringLiteral("score"));
    if (score.isDouble())
        outcome.score = score.toDouble();
    outcome.reason = answer.value(QStringLiteral("reason")).toString();
    for (const QJsonValue& value : answer.value(QStringLiteral("candidates")).toArray()) {
        const QJsonObject candidate = value.toObject();
        ReferencePerson person;
        person.travelerId = candidate.value(QStringLiteral("traveler_id")).toString();
        person.name = candidate.value(QStringLiteral("name")).toString();
        outcome.candidates.emplace_back(person, candidate.value(QStringLiteral("score")).toDouble());
    }
    if (!outcome.candidates.empty())
        outcome.reference = outcome.candidates.front().first;
    return outcome;
}

} // namespace fg
