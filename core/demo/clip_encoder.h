#pragma once
// Encodes one clip: raw frames piped to the external program ffmpeg together with the speech WAV,
// giving an H.264 (yuv420p) / AAC MP4.
#include <QString>
#include <functional>
#include <opencv2/core.hpp>

namespace sl::demo {

struct EncodeRequest {
    QString wavPath;
    QString mp4Path;
    int frameCount = 0;  // the clip lasts frameCount / fps; the speech is padded with silence
    double fps = 15;
    cv::Size frameSize;
};

// frameAt(i) returns frame i (BGR, frameSize). Throws sl::Error naming mp4Path when ffmpeg is
// missing or fails.
void encodeClip(const EncodeRequest &request, const std::function<cv::Mat(int)> &frameAt);

}  // namespace sl::demo
