#include "core/media/video_frame_reader.h"
#include "core/media/media_error.h"

#include <QFile>

#include <algorithm>
#include <cmath>
#include <opencv2/videoio.hpp>

namespace sl::media {

VideoFrameReader::VideoFrameReader(const QString &path, double analysisRate) : m_info(probeMedia(path))
{
    if (!m_info.hasVideo)
        throwMediaError(path, QStringLiteral("has no video stream (audio only)"));
    if (!m_info.videoDecodable)
        throwUnsupportedCodec(path, QStringLiteral("video"), m_info.videoCodec);
    if (!(analysisRate > 0.0))
        throwMediaError(path, QStringLiteral("cannot be analysed at %1 frames per second").arg(analysisRate));
    m_rate = m_info.frameRate > 0.0 ? std::min(analysisRate, m_info.frameRate) : analysisRate;

    m_capture = std::make_unique<cv::VideoCapture>(QFile::encodeName(path).toStdString(), cv::CAP_FFMPEG);
    if (!m_capture->isOpened())
        throwMediaError(path, QStringLiteral("its video (%1) cannot be decoded").arg(m_info.videoCodec));
}

VideoFrameReader::~VideoFrameReader() = default;

// Times come from the frame index and the stream's rate rather than from CAP_PROP_POS_MSEC, which
// OpenCV 4.6 reports as 0 for frames without a timestamp; for the constant-rate clips that
// cameras and datasets produce the two agree. Only a stream without a known rate falls back on
// OpenCV's timestamps.
double VideoFrameReader::sourceTime(long long index) const
{
    if (m_info.frameRate > 0.0)
        return static_cast<double>(index) / m_info.frameRate;
    return std::max(m_lastTime, m_capture->get(cv::CAP_PROP_POS_MSEC) / 1000.0);
}

bool VideoFrameReader::next(VideoFrame &frame)
{
    // Grabbing without retrieving skips the colour conversion of frames that are not analysed.
    while (m_capture->grab()) {
        ++m_index;
        const double time = sourceTime(m_index);
        // A frame is due when it opens a new slot of width 1/rate; the tiny offset keeps exact
        // multiples (rate equal to the clip's) from landing in the previous slot by rounding.
        const auto slot = static_cast<long long>(std::floor(time * m_rate + 1e-6));
        if (slot <= m_lastSlot)
            continue;
        if (!m_capture->retrieve(frame.image) || frame.image.empty())
            throwMediaError(m_info.path, QStringLiteral("is corrupt: video frame %1 cannot be decoded").arg(m_index));
        m_lastSlot = slot;
        m_lastTime = time;
        frame.timeSeconds = time;
        frame.sourceIndex = m_index;
        return true;
    }
    checkComplete();
    return false;
}

void VideoFrameReader::checkComplete() const
{
    if (m_index < 0)
        throwMediaError(m_info.path, QStringLiteral("is corrupt or has zero length: no video frame can be decoded"));
    if (m_info.frameRate <= 0.0 || m_info.frameCount <= 0)
        return;  // nothing promised to compare with
    const double reached = static_cast<double>(m_index + 1) / m_info.frameRate;
    const double promised = static_cast<double>(m_info.frameCount) / m_info.frameRate;
    if (reached < promised - std::max(0.5, 0.05 * promised))
        throwMediaError(m_info.path, QStringLiteral("is truncated or corrupt: its video stops at %1 s of %2 s")
                                         .arg(reached, 0, 'f', 2)
                                         .arg(promised, 0, 'f', 2));
}

}  // namespace sl::media
