#include "core/biometrics/PipelinePool.h"

#include "core/biometrics/PresentationAttack.h"

#include <QMutexLocker>

#include <algorithm>
#include <optional>
#include <utility>

namespace fg {

struct PipelinePool::Slot {
    std::unique_ptr<FacePipeline> pipeline;
    std::optional<PadFrameScorer> presentationAttack;
};

PipelinePool::Lease::Lease(PipelinePool* pool, Slot* slot)
    : m_pool(pool)
    , m_slot(slot)
{
}

PipelinePool::Lease::Lease(Lease&& other) noexcept
    : m_pool(std::exchange(other.m_pool, nullptr))
    , m_slot(std::exchange(other.m_slot, nullptr))
{
}

PipelinePool::Lease::~Lease()
{
    if (m_pool)
        m_pool->giveBack(m_slot);
}

FacePipeline& PipelinePool::Lease::operator*() const
{
    return *m_slot->pipeline;
}

FacePipeline* PipelinePool::Lease::operator->() const
{
    return m_slot->pipeline.get();
}

PadFrameScorer* PipelinePool::Lease::presentationAttack() const
{
    return m_slot->presentationAttack ? &*m_slot->presentationAttack : nullptr;
}

std::unique_ptr<PipelinePool> PipelinePool::create(const FacePipeline::Options& options, int count, QString* error)
{
    return create(options, count, Scorers::FaceOnly, error);
}

std::unique_ptr<PipelinePool> PipelinePool::create(const FacePipeline::Options& options, int count, Scorers scorers,
                                                   QString* error)
{
    std::vector<std::unique_ptr<Slot>> slots;
    for (int i = 0; i < std::max(count, 1); ++i) {
        auto slot = std::make_unique<Slot>();
        // The self-test proves the models and the build once; the copies load the same files.
        FacePipeline::Options copy = options;
        copy.selfTest = options.selfTest && i == 0;
        slot->pipeline = FacePipeline::create(copy, error);
        if (!slot->pipeline)
            return nullptr;
        if (scorers == Scorers::WithPresentationAttack) {
            QString why;
            slot->presentationAttack = PadFrameScorer::load(options.modelDirectory, &why);
            if (!slot->presentationAttack) {
                if (error)
                    *error = QStringLiteral("the presentation-attack model (fr_liveness.onnx): %1").arg(why);
                return nullptr;
            }
        }
        slots.push_back(std::move(slot));
    }
    return std::unique_ptr<PipelinePool>(new PipelinePool(std::move(slots), scorers));
}

PipelinePool::PipelinePool(std::vector<std::unique_ptr<FacePipeline>> pipelines)
{
    Q_ASSERT(!pipelines.empty());
    for (auto& pipeline : pipelines) {
        auto slot = std::make_unique<Slot>();
        slot->pipeline = std::move(pipeline);
        m_free.push_back(slot.get());
        m_slots.push_back(std::move(slot));
    }
}

PipelinePool::PipelinePool(std::vector<std::unique_ptr<Slot>> slots, Scorers scorers)
    : m_slots(std::move(slots))
    , m_scorers(scorers)
{
    Q_ASSERT(!m_slots.empty());
    for (const auto& slot : m_slots)
        m_free.push_back(slot.get());
}

PipelinePool::~PipelinePool()
{
    // A lease outliving its pool would give a pipeline back to freed memory.
    Q_ASSERT(m_free.size() == m_slots.size());
}

const QString& PipelinePool::modelId() const
{
    return m_slots.front()->pipeline->modelId();
}

const FacePipeline::Options& PipelinePool::options() const
{
    return m_slots.front()->pipeline->options();
}

PipelinePool::Lease PipelinePool::acquire()
{
    QMutexLocker lock(&m_mutex);
    while (m_free.empty())
        m_returned.wait(&m_mutex);
    Slot* slot = m_free.back();
    m_free.pop_back();
    return Lease(this, slot);
}

void PipelinePool::giveBack(Slot* slot)
{
    {
        const QMutexLocker lock(&m_mutex);
        m_free.push_back(slot);
    }
    m_returned.wakeOne();
}

} // namespace fg
