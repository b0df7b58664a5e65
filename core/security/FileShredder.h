#pragma once

#include <QString>

namespace fg {

// Destroys a file that holds a secret or personal data (an old key file, a
// document reader's photo): its bytes are overwritten in place with random
// ones and fsync'ed, then the file is unlinked and its folder fsync'ed. A
// symbolic link or anything but a regular file is refused, untouched.
//
// What the storage keeps of the old blocks is beyond a program's reach: a
// journaling or copy-on-write file system (btrfs, ZFS, ext4 with
// data=journal), an SSD's flash translation layer that remaps a rewritten
// block, snapshots and backups may all keep the bytes that were there. Keep
// such files on storage that is encrypted, or destroyed with the machine.
class FileShredder {
public:
    struct Outcome {
        bool overwritten = false; // the bytes were replaced by random ones and fsync'ed
        bool removed = false;     // and the file unlinked
    };

    // Overwrites at least minimumBytes (more when the file is larger), then
    // unlinks. `what` names the file in the error ("key file", "document
    // photo"): "cannot open <what> <path> to destroy it: <why>". False with
    // *error when the file is not removed; *outcome then says whether its
    // bytes were overwritten all the same (a folder the account may not
    // write into lets the file be overwritten but not unlinked).
    static bool shred(const QString& path, const QString& what, qint64 minimumBytes, QString* error,
                      Outcome* outcome = nullptr);
};

} // namespace fg
