#include "core/demo/demo_generator.h"

#include "core/common/error.h"
#include "core/demo/clip_encoder.h"
#include "core/demo/demo_resources.h"
#include "core/demo/external_tool.h"
#include "core/demo/face_animator.h"
#include "core/demo/manifest.h"
#include "core/demo/speech_synth.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace sl::demo {

namespace {

// Speech plus a short pause must fit in the 2-5 s clip; 4.9 s leaves room for the AAC encoder's
// last frame so that the file never reports more than 5 s.
constexpr double kMaxSpeechSeconds = 4.5;
constexpr double kPauseSeconds = 0.4;
constexpr double kMinClipSeconds = 2.0;
constexpr double kMaxClipSeconds = 4.9;

int frameCountFor(double speechSeconds, double fps)
{
    const int wanted = int(std::ceil((speechSeconds + kPauseSeconds) * fps));
    return std::clamp(wanted, int(std::ceil(kMinClipSeconds * fps)), int(std::floor(kMaxClipSeconds * fps)));
}

// Creates the output folder and every Raw/<video_id> folder up front, so that an unwritable
// destination fails before any work starts.
void prepareFolders(const DemoOptions &options, const QList<PlannedClip> &plan)
{
    const QDir out(options.outputDir);
    QSet<QString> folders{options.outputDir};
    for (const PlannedClip &pc : plan)
        folders.insert(out.filePath(QFileInfo(pc.clip.mediaPath).path()));
    for (const QString &folder : folders) {
        if (!QDir().mkpath(folder))
            throw Error(QStringLiteral("%1: cannot create the demo output folder").arg(folder));
    }
    const QFileInfo info(options.outputDir);
    if (!info.isDir() || !info.isWritable())
        throw Error(QStringLiteral("%1: the demo output folder is not writable").arg(options.outputDir));
}

DemoClip makeClip(const PlannedClip &pc, const DemoOptions &options, const QString &workDir)
{
    DemoClip clip = pc.clip;
    const QString mp4Path = QDir(options.outputDir).filePath(clip.mediaPath);
    const QString wavPath = QDir(workDir).filePath(QStringLiteral("%1_%2.wav").arg(clip.videoId, clip.clipId));

    // A sentence that takes too long with this clip's voice gives way to the next candidate;
    // the order is fixed by the plan, so the choice is as reproducible as the rest.
    int attempt = 0;
    double speechSeconds = 0;
    for (; attempt < pc.candidates.size(); ++attempt) {
        speechSeconds = synthesizeSpeech(pc.candidates[attempt].text, pc.prosody, wavPath);
        if (speechSeconds <= kMaxSpeechSeconds)
            break;
    }
    if (attempt == pc.candidates.size())
        throw Error(QStringLiteral("%1: every candidate sentence lasts over %2 s when spoken")
                        .arg(mp4Path)
                        .arg(kMaxSpeechSeconds));
    const Sentence &spoken = pc.candidates[attempt];

    const EncodeRequest request{wavPath, mp4Path, frameCountFor(speechSeconds, options.fps), options.fps,
                                cv::Size(options.width, options.height)};
    const FaceAnimator face(demoPhoto(), pc.expression, request.frameSize);
    encodeClip(request, [&](int i) { return face.frame(i / options.fps); });
    QFile::remove(wavPath);

    clip.text = spoken.text;
    clip.textSource = spoken.source;
    clip.durationSeconds = request.frameCount / options.fps;
    clip.parameters.insert("sentence", sentenceParameters(spoken, polarityOf(clip.labelT), attempt));
    clip.parameters.insert("speechSeconds", std::round(speechSeconds * 1000) / 1000);
    clip.parameters.insert("frameCount", request.frameCount);
    clip.parameters.insert("durationSeconds", clip.durationSeconds);
    return clip;
}

// Runs make(i) for i in [0, count) on `workers` threads; reports progress and rethrows the first
// failure on the calling thread.
void runInParallel(int count, int workers, const std::function<void(int)> &make,
                   const std::function<void(int, int)> &progress)
{
    std::atomic<int> next{0};
    std::mutex mutex;
    std::condition_variable changed;
    int done = 0;
    std::exception_ptr failure;

    auto work = [&] {
        for (;;) {
            {
                const std::lock_guard lock(mutex);
                if (failure)
                    return;  // no point in finishing clips of a dataset that has failed
            }
            const int i = next++;
            if (i >= count)
                return;
            try {
                make(i);
                const std::lock_guard lock(mutex);
                ++done;
            } catch (...) {
                const std::lock_guard lock(mutex);
                if (!failure)
                    failure = std::current_exception();
            }
            changed.notify_all();
        }
    };
    std::vector<std::thread> threads;
    for (int w = 0; w < std::min(workers, count); ++w)
        threads.emplace_back(work);

    int reported = -1;
    std::unique_lock lock(mutex);
    while (true) {
        changed.wait(lock, [&] { return done != reported || failure || done == count; });
        if (failure || reported == count)
            break;
        reported = done;
        if (progress) {
            lock.unlock();
            try {
                progress(reported, count);
            } catch (...) {
                lock.lock();
                failure = std::current_exception();
                break;
            }
            lock.lock();
        }
    }
    lock.unlock();
    for (std::thread &t : threads)
        t.join();
    if (failure)
        std::rethrow_exception(failure);
}

}  // namespace

DemoResult generateDemoDataset(const DemoOptions &options, const std::function<void(int done, int total)> &progress)
{
    QElapsedTimer timer;
    timer.start();
    const QList<PlannedClip> plan = planClips(options);
    if (options.outputDir.isEmpty())
        throw Error(QStringLiteral("demo dataset: no output folder given"));
    prepareFolders(options, plan);
    // Missing programs are reported before the first clip rather than by every worker.
    findTool(QStringLiteral("espeak-ng"), QStringLiteral("espeak-ng"), options.outputDir);
    findTool(QStringLiteral("ffmpeg"), QStringLiteral("ffmpeg"), options.outputDir);
    demoPhoto();  // decoded once here so that a broken build fails before threads start

    const QTemporaryDir workDir;
    if (!workDir.isValid())
        throw Error(QStringLiteral("%1: cannot create a temporary folder for the speech: %2")
                        .arg(options.outputDir, workDir.errorString()));

    std::vector<DemoClip> made(std::size_t(plan.size()));
    runInParallel(
        int(plan.size()), options.workers,
        [&](int i) { made[std::size_t(i)] = makeClip(plan[i], options, workDir.path()); }, progress);

    DemoResult result;
    result.clips = QList<DemoClip>(made.begin(), made.end());
    result.manifestPath = writeManifest(options, result.clips);
    result.elapsedSeconds = timer.elapsed() / 1000.0;
    return result;
}

}  // namespace sl::demo
