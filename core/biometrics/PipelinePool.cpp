#include "core/biometrics/PipelinePool.h"

#include <QMutexLocker>

#include <algorithm>
#include <utility>

namespace fg {

PipelinePool::Lease::Lease(PipelinePool* pool, FacePipeline* pipeline)
    : m_pool(pool)
    , m_pipeline(pipeline)
{
}

PipelinePool::Lease::Lease(Lease&& other) noexcept
    : m_pool(std::exchange(other.m_pool, nullptr))
    , m_pipeline(std::exchange(other.m_pipeline, nullptr))
{
}

PipelinePool::Lease::~Lease()
{
    if (m_pool)
        m_pool->giveBack(m_pipeline);
}

std::unique_ptr<PipelinePool> PipelinePool::create(const FacePipeline::Options& options, int count, QString* error)
{
    std::vector<std::unique_ptr<FacePipeline>> pipelines;
    for (int i = 0; i < std::max(count, 1); ++i) {
        // The self-test proves the models and the build once; the copies load the same files.
        FacePipeline::Options copy = options;
        copy.selfTest = options.selfTest && i == 0;
        std::unique_ptr<FacePipeline> pipeline = FacePipeline::create(copy, error);
        if (!pipeline)
            return nullptr;
        pipelines.push_back(std::move(pipeline));
    }
    return std::make_unique<PipelinePool>(std::move(pipelines));
}

PipelinePool::PipelinePool(std::vector<std::unique_ptr<FacePipeline>> pipelines)
    : m_pipelines(std::move(pipelines))
{
    Q_ASSERT(!m_pipelines.empty());
    for (const auto& pipeline : m_pipelines)
        m_free.push_back(pipeline.get());
}

PipelinePool::~PipelinePool()
{
    // A lease outliving its pool would give a pipeline back to freed memory.
    Q_ASSERT(m_free.size() == m_pipelines.size());
}

PipelinePool::Lease PipelinePool::acquire()
{
    QMutexLocker lock(&m_mutex);
    while (m_free.empty())
        m_returned.wait(&m_mutex);
    FacePipeline* pipeline = m_free.back();
    m_free.pop_back();
    return Lease(this, pipeline);
}

void PipelinePool::giveBack(FacePipeline* pipeline)
{
    {
        const QMutexLocker lock(&m_mutex);
        m_free.push_back(pipeline);
    }
    m_returned.wakeOne();
}

} // namespace fg
