#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace fg {

class AuditLog;

// What FaceGate does with the files a document reader writes (a traveler's
// portrait and the machine-readable zone beside it: personal data that no
// retention rule keeps on disk). Blocking file work: DocumentReaderFolder runs
// it on a thread of its own, never on the GUI thread.
//
// take() reads the photo and its zone into memory, then destroys both files
// (FileShredder: overwritten with random bytes, fsync'ed, unlinked; what the
// storage keeps of the old blocks, in a journal, a snapshot or an SSD's
// remapped flash, is beyond a program's reach: keep the folder on encrypted
// storage). A photo that cannot be read or decoded is destroyed too. Files
// found in the folder before the watch (left by a session that closed or
// crashed) are destroyed unread (destroyUnread()). Each file destroyed, or
// that could not be, is a Deletion, recorded as the audit event
// "document.file.delete" (record()).
class DocumentReaderFiles {
public:
    enum class Reason {
        Imported,    // read into memory for the 1:1 reference, then destroyed
        Undecodable, // read, but not an image FaceGate can decode
        Unreadable,  // could not be read (permissions, too large)
        Stale,       // there before the watch: never imported
    };

    struct Deletion {
        QString path;
        QString kind;             // "photo" or "zone" (the .mrz / .txt beside it)
        qint64 bytes = 0;         // its size before it was destroyed
        Reason reason = Reason::Imported;
        bool deleted = false;     // overwritten and unlinked
        bool overwritten = false; // when not deleted: its bytes were destroyed all the same
        QString error;            // why it was not deleted

        QString fileName() const;
    };

    struct Document {
        QString photoPath;         // where the photo was (the file is gone)
        QByteArray photo;          // its bytes; empty when it could not be read
        QString mrzText;           // the zone beside it, trimmed; empty when there was none
        QString problem;           // why the photo cannot be the reference; empty: it can
        QList<Deletion> deletions; // the photo's and its zone's
    };

    // The photos a reader writes: *.jpg, *.jpeg, *.png, *.bmp, *.tif, *.tiff, *.webp.
    static QStringList photoPatterns();
    // The zone files beside a photo that exist: <name>.mrz, <name>.txt.
    static QStringList zonesOf(const QString& photoPath);

    // Reads the photo (and the first zone file that can be read) into memory,
    // checks that the photo decodes, then destroys the photo and every zone
    // file beside it, whatever the outcome.
    static Document take(const QString& photoPath);
    // Destroys files that were never read.
    static QList<Deletion> destroyUnread(const QStringList& paths, const QString& kind);

    static QString reasonName(Reason reason); // "imported", "undecodable", "unreadable", "stale"
    // The audit event's details: file name, folder, kind, bytes, reason,
    // deleted (and overwritten and error when not). Nothing of the zone's
    // contents, nor the holder's name or document number.
    static QJsonObject auditDetails(const Deletion& deletion);
    // Appends "document.file.delete" (subject "document_reader:<file name>")
    // in a transaction of its own: database work, for the records thread.
    static bool record(const AuditLog& audit, const QString& actor, const Deletion& deletion, QString* error);
};

} // namespace fg
