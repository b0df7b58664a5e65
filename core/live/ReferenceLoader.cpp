#include "core/live/ReferenceLoader.h"

#include "core/biometrics/ImageLoader.h"

#include <QFileInfo>
#include <QMetaObject>
#include <QThread>

namespace fg {

ReferenceLoader::ReferenceLoader(FacePipeline::Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
{
}

ReferenceLoader::~ReferenceLoader()
{
    cancel();
    if (m_worker) {
        m_worker->wait();
        delete m_worker;
    }
}

void ReferenceLoader::cancel()
{
    m_cancel.store(true);
}

void ReferenceLoader::run(std::function<void()> work)
{
    m_cancel.store(false);
    m_worker = QThread::create(std::move(work));
    m_worker->setObjectName(QStringLiteral("facegate-reference"));
    connect(m_worker, &QThread::finished, this, [this] {
        m_worker->deleteLater();
        m_worker = nullptr;
        Q_EMIT idle();
    });
    m_worker->start();
}

bool ReferenceLoader::loadManifest(const QString& manifestPath, const QString& flight)
{
    if (m_worker)
        return false;
    const QString name = flight.isEmpty() ? QFileInfo(manifestPath).completeBaseName() : flight;
    run([this, manifestPath, name] {
        QString error;
        const auto report = [this](qsizetype done, qsizetype total) {
            QMetaObject::invokeMethod(this, [this, done, total] { Q_EMIT progress(done, total); }, Qt::QueuedConnection);
        };
        std::optional<GalleryBuild> build = GalleryBuilder::build(manifestPath, m_options, QThread::idealThreadCount(),
                                                                  &error, report, &m_cancel);
        if (!build) {
            QMetaObject::invokeMethod(this, [this, error] { Q_EMIT failed(error); }, Qt::QueuedConnection);
            return;
        }
        QStringList failures;
        for (const GalleryFailure& failure : build->failed)
            failures << tr("line %1 (%2): %3").arg(failure.line).arg(failure.entry.travelerId, failure.reason);
        auto gallery = std::make_shared<const Gallery>(std::move(build->gallery));
        QMetaObject::invokeMethod(this, [this, gallery, name, failures] { Q_EMIT galleryReady(gallery, name, failures); },
                                  Qt::QueuedConnection);
    });
    return true;
}

bool ReferenceLoader::loadDocumentPhoto(const QString& photoPath, const ReferencePerson& holder)
{
    if (m_worker)
        return false;
    run([this, photoPath, holder] {
        QString error;
        const auto fail = [this](const QString& reason) {
            QMetaObject::invokeMethod(this, [this, reason] { Q_EMIT failed(reason); }, Qt::QueuedConnection);
        };
        const std::unique_ptr<FacePipeline> pipeline = FacePipeline::create(m_options, &error);
        if (!pipeline)
            return fail(error);
        const std::optional<cv::Mat> image = ImageLoader().loadFile(photoPath, &error);
        if (!image)
            return fail(error);
        const std::optional<Enrolment> enrolment = pipeline->enrol(*image, &error);
        if (!enrolment)
            return fail(tr("%1: %2").arg(photoPath, error));
        ReferencePerson person = holder;
        person.photoPath = photoPath;
        const Template documentTemplate = enrolment->faceTemplate;
        QMetaObject::invokeMethod(this, [this, documentTemplate, person] { Q_EMIT documentReady(documentTemplate, person); },
                                  Qt::QueuedConnection);
    });
    return true;
}

bool ReferenceLoader::loadDocumentImage(const ReferencePerson& holder)
{
    if (m_worker)
        return false;
    run([this, holder] {
        QString error;
        const auto fail = [this](const QString& reason) {
            QMetaObject::invokeMethod(this, [this, reason] { Q_EMIT failed(reason); }, Qt::QueuedConnection);
        };
        const QString name = QFileInfo(holder.photoPath).fileName();
        const std::unique_ptr<FacePipeline> pipeline = FacePipeline::create(m_options, &error);
        if (!pipeline)
            return fail(error);
        const std::optional<cv::Mat> image = ImageLoader().decode(holder.photo, &error);
        if (!image)
            return fail(tr("%1: %2").arg(name, error));
        const std::optional<Enrolment> enrolment = pipeline->enrol(*image, &error);
        if (!enrolment)
            return fail(tr("%1: %2").arg(name, error));
        const Template documentTemplate = enrolment->faceTemplate;
        QMetaObject::invokeMethod(this, [this, documentTemplate, holder] { Q_EMIT documentReady(documentTemplate, holder); },
                                  Qt::QueuedConnection);
    });
    return true;
}

} // namespace fg
