// Benchmark (not a test): how fast decoding and feature extraction run on a 60 s 640 x 360 clip.
// Prints seconds of work per second of media and the ratio of full extraction to bare decoding.
//
//   bench_features [CLIP...]    without clips, makes two 60 s clips with ffmpeg: the astronaut
//                               photo panning (a face in every frame, a gliding tone) and ffmpeg's
//                               test pattern (no face: every frame gets a full face search)
//
// Each clip is processed the way an extraction job would: the audio branch (decode, acoustic
// features) and the video branch (decode at 15 fps, visual features) run side by side, and the
// video branch spreads itself over threads of its own (decoding, following the face, describing
// it: see core/features/visual_pipeline.h). The last two lines run two copies of the clip at
// once, as a job over many clips would.
#include "core/audio/silero_vad.h"
#include "core/features/acoustic_features.h"
#include "core/features/clip_features.h"
#include "core/media/audio_decoder.h"
#include "core/media/video_frame_reader.h"
#include "tests/media/test_clips.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <chrono>
#include <ctime>
#include <functional>
#include <cstdio>
#include <future>
#include <thread>

using namespace sl;

namespace {

// Wall-clock and CPU seconds (all threads of the process) of a piece of work. On a shared machine
// the wall time grows with other people's load; the CPU time much less.
struct Cost {
    double wall = 0.0;
    double cpu = 0.0;
};

Cost costOf(const std::function<void()> &work)
{
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpuStart = std::clock();
    work();
    return {std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
            static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC};
}

// Two pieces of work run side by side.
Cost inParallel(const std::function<void()> &a, const std::function<void()> &b)
{
    return costOf([&] {
        auto other = std::async(std::launch::async, b);
        a();
        other.get();
    });
}

void decodeVideo(const QString &path)
{
    media::VideoFrameReader reader(path);
    media::VideoFrame frame;
    while (reader.next(frame)) {
    }
}

void report(const char *what, Cost cost, double mediaSeconds, Cost bare = {})
{
    std::printf("  %-36s %6.2f s wall %6.2f s CPU  %6.4f s/s  %6.1fx real time", what, cost.wall, cost.cpu,
                cost.wall / mediaSeconds, mediaSeconds / cost.wall);
    if (bare.wall > 0.0)
        std::printf("  %4.2fx bare decoding (CPU %4.2fx)", cost.wall / bare.wall, cost.cpu / bare.cpu);
    std::printf("\n");
}

void bench(const QString &path)
{
    const media::MediaInfo info = media::probeMedia(path);
    const double length = info.durationSeconds;
    std::printf("%s: %.1f s, %dx%d at %.2f fps (%s), audio %d Hz (%s)\n", qPrintable(path), length, info.width, info.height,
                info.frameRate, qPrintable(info.videoCodec), info.sampleRate, qPrintable(info.audioCodec));

    features::VisualExtractor visual;
    features::AcousticExtractor acoustic;
    std::vector<float> audio;
    features::FeatureMatrix acousticOut;
    features::FeatureMatrix visualOut;
    const auto audioBranch = [&] { acousticOut = acoustic.extract(media::decodeAudioMono16k(path)); };
    const auto videoBranch = [&] { visualOut = features::extractVisualFile(path, visual); };

    const Cost videoDecode = costOf([&] { decodeVideo(path); });
    const Cost audioDecode = costOf([&] { audio = media::decodeAudioMono16k(path); });
    const Cost acousticOnly = costOf([&] { acousticOut = acoustic.extract(audio); });
    // The voice activity network's share of the acoustic features (core/audio/silero_vad.h).
    const auto vad = audio::SileroVad::shared();
    const Cost vadOnly = costOf([&] {
        if (vad)
            vad->speechProbabilities(audio);
    });
    const Cost videoAndVisual = costOf(videoBranch);
    const Cost bare = inParallel([&] { decodeVideo(path); }, [&] { media::decodeAudioMono16k(path); });
    const Cost full = inParallel(videoBranch, audioBranch);
    // What a job running two clips at once gets out of two cores: each thread does one whole clip.
    features::VisualExtractor otherVisual;
    features::AcousticExtractor otherAcoustic;
    const Cost twoClips = inParallel([&] { audioBranch(); videoBranch(); }, [&] {
        otherAcoustic.extract(media::decodeAudioMono16k(path));
        features::extractVisualFile(path, otherVisual);
    });
    const Cost twoBare = inParallel([&] { decodeVideo(path); media::decodeAudioMono16k(path); },
                                    [&] { decodeVideo(path); media::decodeAudioMono16k(path); });

    double faces = 0.0;
    for (std::size_t f = 0; f < visualOut.frames(); ++f)
        faces += visualOut.at(f, 0);
    std::printf("  %zu acoustic frames x %zu dims, %zu video frames x %zu dims, face in %.1f%% of frames\n",
                acousticOut.frames(), acousticOut.dims(), visualOut.frames(), visualOut.dims(),
                100.0 * faces / static_cast<double>(std::max<std::size_t>(1, visualOut.frames())));
    report("video decoding (15 fps)", videoDecode, length);
    report("audio decoding (16 kHz mono)", audioDecode, length);
    report("acoustic features alone", acousticOnly, length);
    report(vad ? "  of which voice activity network" : "  (no voice activity network)", vadOnly, length);
    report("video decoding + visual features", videoAndVisual, length);
    report("bare decoding, 2 threads", bare, length);
    report("full extraction, 2 threads", full, length, bare);
    report("2 clips at once: bare decoding", twoBare, 2.0 * length);
    report("2 clips at once: full extraction", twoClips, 2.0 * length, twoBare);
}

}  // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    std::printf("hardware threads: %u\n", std::thread::hardware_concurrency());
    QStringList clips = app.arguments().mid(1);
    QTemporaryDir dir;
    if (clips.isEmpty()) {
        const QString face = dir.filePath("face-60s.mp4");
        std::printf("making 60 s clips with ffmpeg...\n");
        // The photo pans back and forth by up to 180 px (at most 72 px/s) under a tone whose pitch
        // glides like a voice between 130 and 170 Hz; 30 fps H.264 and 44.1 kHz AAC, as from a camera.
        test::runFfmpeg({"-loop", "1", "-framerate", "30", "-i", test::astronautImagePath(), "-f", "lavfi", "-i",
                         "aevalsrc=0.3*sin(2*PI*(150*t+20*sin(2*PI*0.5*t)/(2*PI*0.5))):s=44100:d=60", "-t", "60", "-vf",
                         "scale=852:852,crop=640:360:x='90*(1-cos(0.8*t))':y=85,format=yuv420p", "-r", "30", "-c:v",
                         "libx264", "-preset", "veryfast", "-c:a", "aac", "-shortest", face});
        test::ClipSpec pattern;
        pattern.seconds = 60.0;
        pattern.width = 640;
        pattern.height = 360;
        pattern.fps = 30;
        pattern.toneHz = 220.0;
        clips << face << test::makeClip(dir.filePath("pattern-60s.mp4"), pattern);
    }
    for (const QString &clip : clips)
        bench(clip);
    return 0;
}
