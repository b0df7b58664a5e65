#pragma once

#include "core/live/DocumentReaderFiles.h"

#include <QFileSystemWatcher>
#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>
#include <QTimer>

namespace fg {

// The folder a document reader writes into. Each new photo (the chip's or
// the data page's portrait: .jpg, .jpeg, .png, .bmp, .tif, .tiff, .webp) is
// taken once its size has stayed the same for settleMs (the reader has
// finished writing it): read into memory with the machine-readable zone the
// reader wrote beside it (<name>.mrz or <name>.txt, if there is one by then),
// and then both files are destroyed (DocumentReaderFiles::take: overwritten
// with random bytes, fsync'ed, unlinked; the storage may keep old blocks).
// A photo that cannot be read or decoded is destroyed too, and announced
// with its problem. A later photo of the same name is a new one.
//
// Files there before watch() belong to earlier travelers, left by a session
// that closed or crashed: personal data that no rule keeps. They are never
// announced; watch() destroys them unread (the photos, every .mrz, and the
// .txt beside a photo; other files are left alone, so the folder must be the
// reader's own).
//
// The file work runs on a thread of this object's own, one file at a time in
// the order they settled, never on the caller's (GUI) thread; the signals
// are emitted on the caller's thread. filesDeleted() comes first for each
// batch of files destroyed (or that could not be: a read-only folder, a file
// of another account, each said with its error), then documentArrived() for
// a photo taken. A zone written after its photo was taken stays until the
// next watch(). Destroying this object waits for the file in hand and drops
// the ones not yet started (they stay for the next watch()).
class DocumentReaderFolder : public QObject {
    Q_OBJECT
public:
    static constexpr int kSettleMs = 300;

    explicit DocumentReaderFolder(QObject* parent = nullptr);
    ~DocumentReaderFolder() override;

    // False with *error naming the folder when it is missing or cannot be
    // watched. Else the files already there are destroyed (filesDeleted(),
    // with the reason "stale") and new ones are watched for.
    bool watch(const QString& folder, QString* error);
    QString folder() const { return m_folder; }

Q_SIGNALS:
    // A photo taken: its bytes (empty with document.problem when it could
    // not be read or decoded), its zone, and how its files' deletion went.
    void documentArrived(const fg::DocumentReaderFiles::Document& document);
    void filesDeleted(const QList<fg::DocumentReaderFiles::Deletion>& deletions);

private:
    void scan();
    void settle();
    void took(const DocumentReaderFiles::Document& document);
    void shredded(const QList<DocumentReaderFiles::Deletion>& deletions);
    QStringList photos() const;

    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QString m_folder;
    QSet<QString> m_taking;           // handed to the file thread
    QSet<QString> m_leftBehind;       // not deleted: not taken again while there
    QHash<QString, qint64> m_growing; // photo -> size at the last look
    QThreadPool m_files;              // one thread: the file work, in order
};

} // namespace fg
