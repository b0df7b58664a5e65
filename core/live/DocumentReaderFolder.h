#pragma once

#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>

namespace fg {

// The folder a document reader writes into: each new photo (the chip's or
// the data page's portrait: .jpg, .jpeg, .png, .bmp, .tif, .tiff, .webp) is
// announced once, when its size has stayed the same for settleMs (the reader
// has finished writing it), with the machine-readable zone the reader wrote
// beside it (<name>.mrz or <name>.txt), if there is one by then. Files that
// were there before watch() are not announced: they belong to earlier
// travelers.
class DocumentReaderFolder : public QObject {
    Q_OBJECT
public:
    static constexpr int kSettleMs = 300;

    explicit DocumentReaderFolder(QObject* parent = nullptr);

    // False with *error naming the folder when it is missing or cannot be watched.
    bool watch(const QString& folder, QString* error);
    QString folder() const { return m_folder; }

Q_SIGNALS:
    void documentArrived(const QString& photoPath, const QString& mrzText);

private:
    void scan();
    void settle();
    QStringList photos() const;

    QFileSystemWatcher m_watcher;
    QTimer m_settle;
    QString m_folder;
    QSet<QString> m_announced;        // and those there before watch()
    QHash<QString, qint64> m_growing; // photo -> size at the last look
};

} // namespace fg
