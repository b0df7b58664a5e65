#pragma once

// facegate-matchd inside a workstation test's process: the test PKI
// (installer/make-test-pki.sh), a MatchingApi over the workstation's own
// records (so an encounter stored twice would be seen), reading manifests
// from the test's folder, with the [quality] the port sets for the clip's
// camera (ClipCamera.h), on a MatchServer at 127.0.0.1 (a free port). The
// workstation reaches it with clientOptions(): its own client certificate.
#include "core/biometrics/PipelinePool.h"
#include "core/service/MatchClient.h"
#include "core/service/MatchServer.h"
#include "core/service/MatchingApi.h"
#include "core/service/RoleMap.h"
#include "core/workflow/Records.h"
#include "tests/service/TestPki.h"
#include "tests/ui/ClipCamera.h"

#include <QUrl>

#include <chrono>
#include <memory>

namespace fg::test {

class LoopbackMatchService {
public:
    bool start(Records& records, const Clock& clock, double fmr, const QString& manifestFolder, QString* error)
    {
        if (!m_pki.make(error))
            return false;
        m_pipelines = PipelinePool::create(clipCamera().pipeline, 1, error);
        if (!m_pipelines)
            return false;
        m_records = &records;
        m_clock = &clock;
        m_apiOptions.fmr = fmr;
        m_apiOptions.manifestFolder = manifestFolder;
        return listen(0, error);
    }

    // A new process on the same port: the galleries it held are gone.
    bool restart(QString* error)
    {
        const quint16 samePort = port();
        stop();
        return listen(samePort, error);
    }

    // The port closed and the server gone: the workstation's requests are refused.
    void stop()
    {
        m_server.reset();
        m_api.reset();
    }

    MatchClientOptions clientOptions() const
    {
        MatchClientOptions options;
        options.endpoint = QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port()));
        options.certificatePath = m_pki.path(QStringLiteral("workstation.pem"));
        options.keyPath = m_pki.path(QStringLiteral("workstation.key"));
        options.caPath = m_pki.path(QStringLiteral("ca.pem"));
        // A decision's time on a 2-core machine shared with other tests
        // (a gallery's load has its own, longer timeout).
        options.timeout = std::chrono::seconds(30);
        return options;
    }

    quint16 port() const { return m_server ? m_server->serverPort() : 0; }
    const QString& modelId() const { return m_pipelines->modelId(); }
    const MatchServer* server() const { return m_server.get(); }

private:
    bool listen(quint16 at, QString* error)
    {
        m_api = std::make_unique<MatchingApi>(*m_pipelines, m_records->database(), m_records->encounters(),
                                              m_records->audit(), *m_clock, m_apiOptions);
        const std::optional<TlsServerConfig> tls = m_pki.serverConfig(error);
        if (!tls)
            return false;
        MatchServerOptions serverOptions;
        serverOptions.port = at;
        m_server = std::make_unique<MatchServer>(*tls, RoleMap::defaults(), serverOptions, *m_clock);
        m_api->registerOn(*m_server);
        return m_server->listen(error);
    }

    TestPki m_pki;
    Records* m_records = nullptr;
    const Clock* m_clock = nullptr;
    MatchingApiOptions m_apiOptions;
    std::unique_ptr<PipelinePool> m_pipelines;
    std::unique_ptr<MatchingApi> m_api;
    std::unique_ptr<MatchServer> m_server; // destroyed first: it waits for the work using the pipelines
};

} // namespace fg::test
