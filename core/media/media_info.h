#pragma once
// What a clip contains, read from the container without decoding it.
#include <QString>

namespace sl::media {

struct MediaInfo {
    QString path;
    double durationSeconds = 0.0;

    bool hasVideo = false;
    double frameRate = 0.0;        // frames per second (average rate of the video stream)
    long long frameCount = 0;      // from the container, else duration x frame rate
    int width = 0;
    int height = 0;
    QString videoCodec;            // libavcodec's short name, e.g. "h264"; "unknown (tag 0x...)"
    bool videoDecodable = false;   // this build has a decoder for it

    bool hasAudio = false;
    int sampleRate = 0;
    int channels = 0;
    QString audioCodec;            // e.g. "aac", "pcm_s16le"
    bool audioDecodable = false;
};

// Reads the streams of a video or audio file. Throws sl::Error naming the file when it is missing,
// empty, not a media file, corrupt, has neither audio nor video, or has zero length. A stream
// whose codec cannot be decoded is reported (…Decodable = false), not thrown: the decoders say so.
MediaInfo probeMedia(const QString &path);

}  // namespace sl::media
