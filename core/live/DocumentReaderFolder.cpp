#include "core/live/DocumentReaderFolder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace fg {

DocumentReaderFolder::DocumentReaderFolder(QObject* parent)
    : QObject(parent)
{
    m_settle.setSingleShot(true);
    m_settle.setInterval(kSettleMs);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &DocumentReaderFolder::scan);
    connect(&m_settle, &QTimer::timeout, this, &DocumentReaderFolder::settle);
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
    const QStringList before = photos();
    m_announced = QSet<QString>(before.cbegin(), before.cend());
    return true;
}

QStringList DocumentReaderFolder::photos() const
{
    const QDir dir(m_folder);
    QStringList paths;
    const QStringList patterns{QStringLiteral("*.jpg"),  QStringLiteral("*.jpeg"), QStringLiteral("*.png"),
                               QStringLiteral("*.bmp"),  QStringLiteral("*.tif"),  QStringLiteral("*.tiff"),
                               QStringLiteral("*.webp")};
    for (const QString& name : dir.entryList(patterns, QDir::Files | QDir::Readable, QDir::Name | QDir::IgnoreCase))
        paths.append(dir.filePath(name));
    return paths;
}

void DocumentReaderFolder::scan()
{
    for (const QString& path : photos()) {
        if (!m_announced.contains(path) && !m_growing.contains(path))
            m_growing.insert(path, -1); // seen now; announced once its size stops changing
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
        m_announced.insert(path);
        QString mrz;
        const QFileInfo photo(path);
        for (const QString& suffix : {QStringLiteral(".mrz"), QStringLiteral(".txt")}) {
            QFile text(photo.dir().filePath(photo.completeBaseName() + suffix));
            if (text.open(QIODevice::ReadOnly)) {
                mrz = QString::fromUtf8(text.read(4096)).trimmed(); // a zone is at most 3 x 44 characters
                break;
            }
        }
        Q_EMIT documentArrived(path, mrz);
    }
}

} // namespace fg
