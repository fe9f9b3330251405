#pragma once
// Video frames for analysis, decoded by OpenCV's FFmpeg backend and thinned to an analysis rate.
#include "core/media/media_info.h"

#include <QString>

#include <memory>
#include <opencv2/core/mat.hpp>

namespace cv {
class VideoCapture;
}

namespace sl::media {

inline constexpr double kDefaultAnalysisRate = 15.0;

struct VideoFrame {
    cv::Mat image;                // 8-bit BGR, as OpenCV decodes it
    double timeSeconds = 0.0;     // presentation time from the start of the clip
    long long sourceIndex = 0;    // position among all frames of the clip
};

class VideoFrameReader {
public:
    // Probes the clip and opens its video. The analysis rate is lowered to the clip's own rate
    // when the clip has fewer frames per second. Throws sl::Error naming the file when it is
    // missing, corrupt, has no video stream, or uses a video codec this build cannot decode.
    explicit VideoFrameReader(const QString &path, double analysisRate = kDefaultAnalysisRate);
    ~VideoFrameReader();
    VideoFrameReader(const VideoFrameReader &) = delete;
    VideoFrameReader &operator=(const VideoFrameReader &) = delete;

    // The next frame due at the analysis rate; false once the clip has ended. Throws sl::Error
    // when the video stops well before the length the container promised (a truncated file).
    bool next(VideoFrame &frame);

    const MediaInfo &info() const { return m_info; }
    double analysisRate() const { return m_rate; }

private:
    double sourceTime(long long index) const;
    void checkComplete() const;

    MediaInfo m_info;
    double m_rate = 0.0;
    std::unique_ptr<cv::VideoCapture> m_capture;
    long long m_index = -1;        // source index of the last grabbed frame
    long long m_lastSlot = -1;     // analysis slot (time x rate, rounded down) last returned
    double m_lastTime = 0.0;
};

}  // namespace sl::media
