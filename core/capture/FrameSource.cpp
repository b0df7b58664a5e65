#include "core/capture/FrameSource.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

namespace fg {

FrameSource::~FrameSource() = default;

bool FrameSource::toBgr8(const cv::Mat& decoded, cv::Mat* bgr)
{
    if (decoded.empty() || !bgr)
        return false;
    cv::Mat eightBit;
    switch (decoded.depth()) {
    case CV_8U:
        eightBit = decoded;
        break;
    case CV_16U:
        decoded.convertTo(eightBit, CV_8U, 1.0 / 257.0);
        break;
    default:
        return false;
    }
    switch (eightBit.channels()) {
    case 3:
        *bgr = eightBit;
        return true;
    case 1:
        cv::cvtColor(eightBit, *bgr, cv::COLOR_GRAY2BGR);
        return true;
    case 4:
        cv::cvtColor(eightBit, *bgr, cv::COLOR_BGRA2BGR);
        return true;
    default:
        return false;
    }
}

FrameSource::Grab FrameSource::grabBgr(cv::VideoCapture& capture, cv::Mat* bgr, QString* detail)
{
    cv::Mat decoded; // fresh each time: toBgr8 hands a BGR picture on without a copy
    try {
        if (!capture.read(decoded))
            return Grab::Nothing;
    } catch (const cv::Exception& e) {
        if (detail)
            *detail = QString::fromStdString(e.msg);
        return Grab::Threw;
    }
    return toBgr8(decoded, bgr) ? Grab::Picture : Grab::Unsupported;
}

} // namespace fg
