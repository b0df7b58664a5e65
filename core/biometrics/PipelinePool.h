#pragma once

#include "core/biometrics/FacePipeline.h"

#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <memory>
#include <vector>

namespace fg {

class PadFrameScorer;

// Several FacePipelines of the same models for threads that analyse at the
// same time (a pipeline is not thread-safe). acquire() lends one, waiting
// while all are lent; the lease gives it back when it ends. Each pipeline
// holds its own networks and their buffers, so the count is the number of
// threads meant to analyse at once, not more. A pool made to score
// presentation attacks lends each pipeline with a PadFrameScorer of its own
// (it holds a network too, and is no more thread-safe).
class PipelinePool {
    struct Slot; // a pipeline and what comes with it

public:
    // What each pipeline is lent with.
    enum class Scorers { FaceOnly, WithPresentationAttack };

    class Lease {
    public:
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Lease(Lease&& other) noexcept;
        Lease& operator=(Lease&&) = delete;
        ~Lease();

        FacePipeline& operator*() const;
        FacePipeline* operator->() const;
        // This pipeline's presentation-attack scorer; nullptr in a pool made FaceOnly.
        PadFrameScorer* presentationAttack() const;

    private:
        friend class PipelinePool;
        Lease(PipelinePool* pool, Slot* slot);

        PipelinePool* m_pool;
        Slot* m_slot;
    };

    // count pipelines (at least one) made with FacePipeline::create, each with
    // a PadFrameScorer loaded from the same model folder when scorers asks
    // for one; nullptr with *error from the first that cannot be made.
    static std::unique_ptr<PipelinePool> create(const FacePipeline::Options& options, int count, QString* error);
    static std::unique_ptr<PipelinePool> create(const FacePipeline::Options& options, int count, Scorers scorers,
                                                QString* error);
    // Pipelines made elsewhere (all of the same model); at least one. FaceOnly.
    explicit PipelinePool(std::vector<std::unique_ptr<FacePipeline>> pipelines);
    ~PipelinePool();
    PipelinePool(const PipelinePool&) = delete;
    PipelinePool& operator=(const PipelinePool&) = delete;

    // Blocks until a pipeline is free. Safe from any thread.
    Lease acquire();

    int size() const { return int(m_slots.size()); }
    const QString& modelId() const;
    const FacePipeline::Options& options() const;
    // Whether every lease comes with a presentation-attack scorer.
    bool scoresPresentationAttacks() const { return m_scorers == Scorers::WithPresentationAttack; }

private:
    PipelinePool(std::vector<std::unique_ptr<Slot>> slots, Scorers scorers);
    void giveBack(Slot* slot);

    std::vector<std::unique_ptr<Slot>> m_slots;
    Scorers m_scorers = Scorers::FaceOnly;
    QMutex m_mutex;
    QWaitCondition m_returned;
    std::vector<Slot*> m_free; // guarded by m_mutex
};

} // namespace fg
