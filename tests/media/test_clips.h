#pragma once
// Small media files that the media and feature tests (and the benchmark) make for themselves with
// the ffmpeg command-line tool, so no binary test data lives in the repository.
#include <QString>
#include <QStringList>

namespace sl::test {

// Runs `ffmpeg -y -loglevel error ARGS...`; aborts the test with ffmpeg's message if it fails.
void runFfmpeg(const QStringList &arguments);

// A clip of ffmpeg's test pattern with a sine tone: H.264 video (yuv420p) and AAC audio in MP4.
// toneHz 0 leaves the audio out; withVideo false leaves the video out (then AAC in .m4a / .mp4).
struct ClipSpec {
    double seconds = 2.0;
    int width = 160;
    int height = 120;
    int fps = 25;
    double toneHz = 440.0;
    bool withVideo = true;
    bool faststart = false;  // index at the start of the file, as web video has it
};
QString makeClip(const QString &path, const ClipSpec &spec);

// The public-domain astronaut photo: from python3-skimage if installed, else the repository copy.
// Empty when neither exists.
QString astronautImagePath();

// A clip of width x height made from the astronaut photo, panned horizontally at panPixelsPerSecond
// (0 for a still picture), H.264 at fps frames per second, with a 220 Hz tone.
QString makeAstronautClip(const QString &path, double seconds, int width, int height, int fps,
                          double panPixelsPerSecond);

// The first `fraction` of a file's bytes, written to `to`.
QString writeTruncatedCopy(const QString &from, const QString &to, double fraction);

}  // namespace sl::test
