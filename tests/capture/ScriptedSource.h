#pragma once

#include "core/capture/FrameSource.h"

#include <QList>

#include <opencv2/core.hpp>

namespace fg::test {

// A live source that follows a script: each open() takes the next entry of
// openResults (true = opens; the list empty = opens), each read() while open
// takes the next entry of reads (the list empty = a frame).
class ScriptedSource final : public FrameSource {
public:
    QList<bool> openResults;
    QList<ReadStatus> reads;
    int opens = 0;
    int closes = 0;
    bool live = true;

    bool open(QString* error) override
    {
        ++opens;
        const bool ok = openResults.isEmpty() ? true : openResults.takeFirst();
        m_open = ok;
        if (!ok && error)
            *error = QStringLiteral("scripted device refused to open (#%1)").arg(opens);
        return ok;
    }
    ReadStatus read(Frame* frame, QString* error) override
    {
        const ReadStatus status = reads.isEmpty() ? ReadStatus::Frame : reads.takeFirst();
        if (status == ReadStatus::Frame) {
            frame->image = cv::Mat(4, 4, CV_8UC3, cv::Scalar::all(1));
            frame->index = m_index++;
        } else if (error) {
            *error = status == ReadStatus::Lost ? QStringLiteral("scripted device unplugged")
                                                : QStringLiteral("scripted end");
        }
        return status;
    }
    void close() override
    {
        ++closes;
        m_open = false;
    }
    bool isOpen() const override { return m_open; }
    QString description() const override { return QStringLiteral("scripted device"); }
    bool isLive() const override { return live; }

private:
    bool m_open = false;
    qint64 m_index = 0;
};

} // namespace fg::test
