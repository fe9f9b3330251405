#include "core/demo/clip_encoder.h"

#include "core/common/error.h"
#include "core/demo/external_tool.h"

#include <QByteArray>

namespace sl::demo {

namespace {

constexpr int kEncodeTimeoutMs = 120000;

QStringList ffmpegArguments(const EncodeRequest &r)
{
    const QString size = QStringLiteral("%1x%2").arg(r.frameSize.width).arg(r.frameSize.height);
    const QString seconds = QString::number(r.frameCount / r.fps, 'f', 6);
    return {
        "-hide_banner", "-loglevel", "error", "-y",
        "-f", "rawvideo", "-pix_fmt", "bgr24", "-s", size, "-r", QString::number(r.fps), "-i", "pipe:0",
        "-i", r.wavPath,
        "-map", "0:v", "-map", "1:a",
        // Silence after the speech until the last frame, then both streams stop together.
        "-af", "apad", "-t", seconds,
        // One encoder thread: the generator already runs one clip per core.
        "-c:v", "libx264", "-preset", "veryfast", "-crf", "23", "-pix_fmt", "yuv420p", "-threads", "1",
        "-c:a", "aac", "-b:a", "64k", "-ar", "16000", "-ac", "1",
        // No timestamps or encoder versions in the file, so the same seed gives the same bytes.
        "-map_metadata", "-1", "-fflags", "+bitexact", "-flags:v", "+bitexact", "-flags:a", "+bitexact",
        "-movflags", "+faststart", r.mp4Path,
    };
}

}  // namespace

void encodeClip(const EncodeRequest &request, const std::function<cv::Mat(int)> &frameAt)
{
    ToolRun run(QStringLiteral("ffmpeg"), QStringLiteral("ffmpeg"), ffmpegArguments(request), request.mp4Path);
    for (int i = 0; i < request.frameCount; ++i) {
        const cv::Mat frame = frameAt(i);
        if (frame.size() != request.frameSize || frame.type() != CV_8UC3 || !frame.isContinuous())
            throw Error(QStringLiteral("%1: frame %2 has the wrong size or format").arg(request.mp4Path).arg(i));
        run.write(QByteArray(reinterpret_cast<const char *>(frame.data), qsizetype(frame.total() * frame.elemSize())));
    }
    run.finish(kEncodeTimeoutMs);
}

}  // namespace sl::demo
