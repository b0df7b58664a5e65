#include "core/live/DocumentReaderFolder.h"

#include <QDir>
#include <QFileInfo>
#include <QMetaObject>

namespace fg {

DocumentReaderFolder::DocumentReaderFolder(QObject* parent)
    : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    m_files.setMaxThreadCount(1);
    m_files.setObjectName(QStringLiteral("facegate-reader-files"));
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &DocumentReaderFolder::scan);
    connect(&m_settle, &QTimer::timeout, this, &DocumentReaderFolder::settle);
}

DocumentReaderFolder::~DocumentReaderFolder()
{
    // Files not yet started stay for the next watch(); the one in hand is finished.
    m_files.clear();
    m_files.waitForDone();
}

bool DocumentReaderFolder::watch(const QString& folder, QString* error)
{
    const QFileInfo info(folder);
    if (!info.isDir() || !info.isReadable()) {
        *error = QStringLiteral("the document reader's folder %1 does not exist or cannot be read")
                     .arg(QDir::toNativeSeparators(folder));
        return false;
    }
    if (!m_folder.isEmpty())
        m_watcher.removePath(m_folder);
    m_folder = info.absoluteFilePath();
    if (!m_watcher.addPath(m_folder)) {
        *error = QStringLiteral("the document reader's folder %1 cannot be watched").arg(QDir::toNativeSeparators(m_folder));
        m_folder.clear();
        return false;
    }
    m_growing.clear();
    m_leftBehind.clear();

    // What is already there is an earlier traveler's: destroyed unread.
    QStringList stalePhotos;
    QStringList staleZones;
    const QDir dir(m_folder);
    for (const QString& path : photos()) {
        if (m_taking.contains(path))
            continue;
        stalePhotos.append(path);
        staleZones.append(DocumentReaderFiles::zonesOf(path));
    }
    for (const QString& name : dir.entryList({QStringLiteral("*.mrz")}, QDir::Files, QDir::Name | QDir::IgnoreCase)) {
        const QString path = dir.filePath(name);
        if (!staleZones.contains(path) && !m_taking.contains(path))
            staleZones.append(path);
    }
    if (stalePhotos.isEmpty() && staleZones.isEmpty())
        return true;
    for (const QString& path : stalePhotos + staleZones)
        m_taking.insert(path);
    m_files.start([this, stalePhotos, staleZones] {
        const QList<DocumentReaderFiles::Deletion> deletions =
            DocumentReaderFiles::destroyUnread(stalePhotos, QStringLiteral("photo"))
            + DocumentReaderFiles::destroyUnread(staleZones, QStringLiteral("zone"));
        QMetaObject::invokeMethod(this, [this, deletions] { shredded(deletions); }, Qt::QueuedConnection);
    });
    return true;
}

QStringList DocumentReaderFolder::photos() const
{
    if (m_folder.isEmpty())
        return {}; // never the working folder's
    const QDir dir(m_folder);
    QStringList paths;
    for (const QString& name : dir.entryList(DocumentReaderFiles::photoPatterns(), QDir::Files,
                                             QDir::Name | QDir::IgnoreCase))
        paths.append(dir.filePath(name));
    return paths;
}

void DocumentReaderFolder::scan()
{
    for (auto it = m_leftBehind.begin(); it != m_leftBehind.end();) {
        if (QFileInfo::exists(*it))
            ++it;
        else
            it = m_leftBehind.erase(it); // removed by someone else: a file of that name is new again
    }
    for (const QString& path : photos()) {
        if (!m_taking.contains(path) && !m_leftBehind.contains(path) && !m_growing.contains(path))
            m_growing.insert(path, -1); // seen now; taken once its size stops changing
    }
    if (!m_growing.isEmpty())
        m_settle.start();
}

void DocumentReaderFolder::settle()
{
    QStringList ready;
    for (auto it = m_growing.begin(); it != m_growing.end();) {
        const QFileInfo info(it.key());
        if (!info.exists()) {
            it = m_growing.erase(it); // taken away again
            continue;
        }
        if (info.size() > 0 && info.size() == it.value()) {
            ready.append(it.key());
            it = m_growing.erase(it);
            continue;
        }
        it.value() = info.size();
        ++it;
    }
    if (!m_growing.isEmpty())
        m_settle.start();
    for (const QString& path : std::as_const(ready)) {
        m_taking.insert(path);
        m_files.start([this, path] {
            const DocumentReaderFiles::Document document = DocumentReaderFiles::take(path);
            QMetaObject::invokeMethod(this, [this, document] { took(document); }, Qt::QueuedConnection);
        });
    }
}

void DocumentReaderFolder::shredded(const QList<DocumentReaderFiles::Deletion>& deletions)
{
    for (const DocumentReaderFiles::Deletion& deletion : deletions) {
        m_taking.remove(deletion.path);
        if (!deletion.deleted)
            m_leftBehind.insert(deletion.path);
    }
    Q_EMIT filesDeleted(deletions);
    scan(); // a file of the same name written meanwhile is a new one
}

void DocumentReaderFolder::took(const DocumentReaderFiles::Document& document)
{
    m_taking.remove(document.photoPath);
    shredded(document.deletions);
    Q_EMIT documentArrived(document);
}

} // namespace fg
