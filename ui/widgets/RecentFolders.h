#pragma once

#include <QString>

class QWidget;

namespace fg {

// The folder each kind of file was last opened from or saved to ("manifest",
// "document", "export"), so that a file dialog opens there again, also after
// a restart. Kept apart from the configuration file (which refuses unknown
// keys) in the user's data folder: recent-folders.ini. A folder that is gone
// is forgotten.
class RecentFolders {
public:
    // The last folder of that kind, or empty (the dialog's own default).
    static QString folder(const QString& kind);
    // Remembers the folder of a chosen file (nothing for an empty path).
    static void remember(const QString& kind, const QString& chosenFile);
    // A save dialog's starting point: the suggested file name in the last folder.
    static QString inLastFolder(const QString& kind, const QString& suggestedName);

    // QFileDialog's open / save dialogs starting in the last folder of that
    // kind and remembering the one chosen; empty when cancelled.
    static QString openFile(QWidget* parent, const QString& kind, const QString& title, const QString& filter);
    static QString saveFile(QWidget* parent, const QString& kind, const QString& title, const QString& suggestedName,
                            const QString& filter);
};

} // namespace fg
