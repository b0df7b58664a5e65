#pragma once

#include "core/workflow/Inspection.h"

#include <QJsonObject>
#include <QObject>
#include <QSslConfiguration>
#include <QString>
#include <QUrl>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;

namespace fg {

// Where facegate-matchd is and who the workstation is to it (matching/endpoint,
// matching/clientCertificate, matching/clientKey, matching/caCertificate).
struct MatchClientOptions {
    QUrl endpoint;               // https://host:port
    QString certificatePath;     // the workstation's client certificate (PEM)
    QString keyPath;             // its private key (PEM, EC or RSA, unencrypted)
    QString caPath;              // the port's CA: the only one the service's certificate may chain to
    std::chrono::milliseconds timeout = std::chrono::seconds(5); // a decision (verify, identify)
    // Loading a gallery: the service enrols every photo of the flight's
    // manifest first (about 0.1 s a photo per worker), minutes for a wide-body flight.
    std::chrono::milliseconds galleryTimeout = std::chrono::minutes(10);
};

// One answer of the service, or why there is none.
struct MatchClientReply {
    bool reachable = false; // an HTTP answer came back over the verified TLS connection
    int status = 0;         // its HTTP status (0: none)
    QJsonObject body;
    std::optional<MatchOutcome> outcome; // verify and identify: the service's decision
    QString error;                       // in words; empty when the request did what was asked

    bool ok() const { return error.isEmpty(); }
};

// The workstation's side of docs/api.md: asynchronous requests to
// facegate-matchd over mutual TLS (the workstation's certificate and key, the
// port's CA only, TLS 1.2 or later, no HTTP/2), each answered once through its
// callback on this object's thread, within the timeout. Every failure becomes
// words: the connection refused, a TLS error, no answer in time, or the
// service's own reason for a 4xx/5xx.
//
// The service keeps its galleries in memory: after it restarts, identify
// answers 404 for a gallery this client had loaded. The client then puts the
// gallery again from the manifest it was loaded from, once, and asks again,
// once; the caller gets that answer, or the reason neither worked. It never
// decides anything itself.
class MatchClient : public QObject {
    Q_OBJECT
public:
    using Done = std::function<void(const MatchClientReply&)>;

    // nullopt with *error naming the file that cannot be read or used.
    static std::unique_ptr<MatchClient> create(const MatchClientOptions& options, QString* error,
                                               QObject* parent = nullptr);
    ~MatchClient() override;

    QUrl endpoint() const { return m_options.endpoint; }

    // POST /v1/verify: the capture (JPEG) against the document photo (JPEG or PNG bytes).
    void verify(const QByteArray& probeJpeg, const QByteArray& reference, Done done);
    // POST /v1/identify against the loaded gallery `gallery`; a 404 for a
    // gallery loadGallery() loaded puts it again and asks once more.
    void identify(const QByteArray& probeJpeg, const QString& gallery, int top, Done done);
    // PUT /v1/galleries/{name}: the service builds it from `manifestFileName`
    // in its own manifest folder. Once loaded, the client remembers which
    // manifest the name was loaded from.
    void loadGallery(const QString& name, const QString& manifestFileName, Done done);
    // The manifest file name `name` was last loaded from, empty if never.
    QString manifestOf(const QString& name) const;

    // The service's JSON answer to verify/identify as the desk's outcome
    // (reference: the best candidate, traveler id and name only).
    static std::optional<MatchOutcome> outcomeOf(const QJsonObject& answer, QString* error);

private:
    MatchClient(MatchClientOptions options, QSslConfiguration tls, QObject* parent);
    void send(const QByteArray& method, const QString& path, const QJsonObject& body, bool decides, Done done);
    void sendIdentify(const QJsonObject& body, Done done);
    // identify's 404 for a gallery loaded here: put it again, then ask again once.
    void reloadAndRetry(const QJsonObject& body, const QString& gallery, const MatchClientReply& notLoaded, Done done);
    MatchClientReply replyOf(QNetworkReply* reply, bool decides, bool timedOut) const;
    // A decision's timeout, or a gallery load's (the only request that decides nothing).
    std::chrono::milliseconds timeoutFor(bool decides) const
    {
        return decides ? m_options.timeout : m_options.galleryTimeout;
    }

    MatchClientOptions m_options;
    QSslConfiguration m_tls;
    QNetworkAccessManager* m_network = nullptr;
    std::map<QString, QString> m_galleries; // name -> manifest file name, of the galleries loaded
};

} // namespace fg
