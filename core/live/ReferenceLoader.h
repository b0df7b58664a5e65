#pragma once

#include "core/biometrics/FacePipeline.h"
#include "core/biometrics/GalleryBuilder.h"
#include "core/workflow/Inspection.h"

#include <QObject>
#include <QString>

#include <atomic>
#include <memory>

class QThread;

namespace fg {

// Loads what a capture is matched against, off the GUI thread: a flight's
// gallery from its manifest (GalleryBuilder, all cores) or the document
// photo's template (one FacePipeline), from its file or from its bytes in
// memory. One load at a time: a new one is refused (false) while one runs
// (cancel() stops a gallery build early); idle() says when it has ended.
// Signals are emitted on the loader's (GUI) thread.
class ReferenceLoader : public QObject {
    Q_OBJECT
public:
    explicit ReferenceLoader(FacePipeline::Options options, QObject* parent = nullptr);
    ~ReferenceLoader() override; // cancels and joins

    bool isBusy() const { return m_worker != nullptr; }
    // flight: the name shown ("UA 901"); empty: the manifest's file name.
    bool loadManifest(const QString& manifestPath, const QString& flight);
    bool loadDocumentPhoto(const QString& photoPath, const ReferencePerson& holder);
    // The document photo already in memory (holder.photo: a document
    // reader's, whose file is gone); holder.photoPath names it in errors.
    bool loadDocumentImage(const ReferencePerson& holder);
    void cancel();

Q_SIGNALS:
    void progress(qsizetype done, qsizetype total);
    // failures: the rows that did not enrol, "line N: reason", for the officer.
    void galleryReady(std::shared_ptr<const fg::Gallery> gallery, const QString& flight, const QStringList& failures);
    void documentReady(const fg::Template& documentTemplate, const fg::ReferencePerson& holder);
    void failed(const QString& reason);
    // The load has ended (after its galleryReady, documentReady or failed):
    // the next one may start.
    void idle();

private:
    void run(std::function<void()> work);

    FacePipeline::Options m_options;
    QThread* m_worker = nullptr;
    std::atomic<bool> m_cancel{false};
};

} // namespace fg
