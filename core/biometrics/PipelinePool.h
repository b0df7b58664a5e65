#pragma once

#include "core/biometrics/FacePipeline.h"

#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <memory>
#include <vector>

namespace fg {

// Several FacePipelines of the same models for threads that analyse at the
// same time (a pipeline is not thread-safe). acquire() lends one, waiting
// while all are lent; the lease gives it back when it ends. Each pipeline
// holds its own networks and their buffers, so the count is the number of
// threads meant to analyse at once, not more.
class PipelinePool {
public:
    class Lease {
    public:
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        ~Lease();

        FacePipeline& operator*() const { return *m_pipeline; }
        FacePipeline* operator->() const { return m_pipeline; }

    private:
        friend class PipelinePool;
        Lease(PipelinePool* pool, FacePipeline* pipeline);

        PipelinePool* m_pool;
        FacePipeline* m_pipeline;
    };

    // count pipelines (at least one) made with FacePipeline::create; nullptr
    // with *error from the first one that cannot be made.
    static std::unique_ptr<PipelinePool> create(const FacePipeline::Options& options, int count, QString* error);
    // Pipelines made elsewhere (all of the same model); at least one.
    explicit PipelinePool(std::vector<std::unique_ptr<FacePipeline>> pipelines);
    ~PipelinePool();
    PipelinePool(const PipelinePool&) = delete;
    PipelinePool& operator=(const PipelinePool&) = delete;

    // Blocks until a pipeline is free. Safe from any thread.
    Lease acquire();

    int size() const { return int(m_pipelines.size()); }
    const QString& modelId() const { return m_pipelines.front()->modelId(); }
    const FacePipeline::Options& options() const { return m_pipelines.front()->options(); }

private:
    void giveBack(FacePipeline* pipeline);

    std::vector<std::unique_ptr<FacePipeline>> m_pipelines;
    QMutex m_mutex;
    QWaitCondition m_returned;
    std::vector<FacePipeline*> m_free; // guarded by m_mutex
};

} // namespace fg
