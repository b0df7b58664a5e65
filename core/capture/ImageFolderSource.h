#pragma once

#include "core/capture/CaptureClock.h"
#include "core/capture/FramePacer.h"
#include "core/capture/FrameSource.h"

#include <memory>
#include <optional>

namespace fg {

// The images of one folder (jpg, jpeg, png, bmp; any letter case), in name
// order, once or in a loop, as fast as possible or paced to a frame rate. An
// image that cannot be decoded is skipped and the reason is reported through
// takeWarnings(); it never ends the sequence. Paced, it keeps to the
// frame rate's steady clock (FramePacer), as a camera would.
class ImageFolderSource final : public FrameSource {
public:
    struct Options {
        bool loop = false;
        bool realTime = false;
        double framesPerSecond = 10.0; // pace when realTime
    };

    explicit ImageFolderSource(QString folder);
    ImageFolderSource(QString folder, Options options, std::shared_ptr<CaptureClock> clock = {});

    bool open(QString* error) override;
    ReadStatus read(Frame* frame, QString* error) override;
    void close() override;
    bool isOpen() const override { return m_open; }
    QString description() const override;
    bool isLive() const override { return false; }
    QStringList takeWarnings() override;
    void interrupt() override;

    // Valid after open(): the image files found, in the order they are read.
    const QStringList& files() const { return m_files; }
    // Every file skipped so far, with the reason.
    const QStringList& skipped() const { return m_skipped; }

    static const QStringList& imageNameFilters();

private:
    QString m_folder;
    Options m_options;
    std::shared_ptr<CaptureClock> m_clock;
    QStringList m_files;
    QStringList m_warnings;
    QStringList m_skipped;
    bool m_open = false;
    int m_position = 0;
    qint64 m_nextIndex = 0;
    std::optional<FramePacer> m_pacer; // when realTime
};

} // namespace fg
