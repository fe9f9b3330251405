#include "core/audio/voice_activity_features.h"

#include "core/audio/speech_segments.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sl::audio {

namespace {

constexpr double kPeakSpacingSeconds = 0.1;
constexpr double kPeakDipDb = 2.0;
constexpr int kSmoothingFrames = 5;  // 50 ms at the default 10 ms hop
constexpr double kPeakFloorDb = 20.0;  // peaks further below the segment's loudest are not syllables

struct Stretch {
    double start = 0;
    double end = 0;
    bool speech = false;
};

// Speech segments and the pauses around them, covering [0, clipSeconds) without gaps.
std::vector<Stretch> stretchesOf(const std::vector<SpeechSegment> &segments, double clipSeconds)
{
    std::vector<Stretch> out;
    double at = 0;
    for (const SpeechSegment &s : segments) {
        if (s.startSeconds > at)
            out.push_back({at, s.startSeconds, false});
        out.push_back({s.startSeconds, s.endSeconds, true});
        at = s.endSeconds;
    }
    if (at < clipSeconds || out.empty())
        out.push_back({at, std::max(at, clipSeconds), false});
    return out;
}

// Syllable nuclei among frames [first, last) of one speech segment (see the header).
int countSyllables(const FrameTrack &track, std::size_t first, std::size_t last)
{
    if (last <= first)
        return 0;
    std::vector<double> smooth(last - first);
    for (std::size_t f = first; f < last; ++f) {
        const std::size_t lo = f >= first + kSmoothingFrames / 2 ? f - kSmoothingFrames / 2 : first;
        const std::size_t hi = std::min(last, f + kSmoothingFrames / 2 + 1);
        double sum = 0;
        for (std::size_t g = lo; g < hi; ++g)
            sum += track.loudnessDb[g];
        smooth[f - first] = sum / double(hi - lo);
    }
    const double loudest = *std::max_element(smooth.begin(), smooth.end());
    int count = 0;
    std::size_t lastPeak = 0;     // index into smooth of the peak counted last
    bool havePeak = false;
    for (std::size_t i = 0; i < smooth.size(); ++i) {
        const bool loudEnough = smooth[i] >= loudest - kPeakFloorDb;
        const bool rises = i == 0 || smooth[i] > smooth[i - 1];
        const bool holds = i + 1 == smooth.size() || smooth[i] >= smooth[i + 1];
        if (!loudEnough || !rises || !holds)
            continue;
        if (!havePeak) {
            havePeak = true;
            lastPeak = i;
            count = 1;
            continue;
        }
        const double dip = *std::min_element(smooth.begin() + std::ptrdiff_t(lastPeak), smooth.begin() + std::ptrdiff_t(i) + 1);
        const bool apart = track.times[first + i] - track.times[first + lastPeak] >= kPeakSpacingSeconds;
        if (apart && smooth[lastPeak] - dip >= kPeakDipDb && smooth[i] - dip >= kPeakDipDb) {
            ++count;
            lastPeak = i;
        } else if (smooth[i] > smooth[lastPeak]) {
            lastPeak = i;  // the same syllable, its louder point
        }
    }
    return count;
}

}  // namespace

std::vector<std::string> voiceActivityFeatureNames()
{
    return {"speech_prob",         "in_speech",     "segment_duration_s", "segment_log_f0_mean",
            "segment_loudness_db_mean", "speaking_rate", "pause_ratio"};
}

std::vector<float> voiceActivityFeatures(std::span<const float> probabilities, double windowSeconds,
                                         double clipSeconds, const FrameTrack &track)
{
    const std::size_t frames = track.times.size();
    if (track.logF0.size() != frames || track.loudnessDb.size() != frames)
        throw std::invalid_argument("voice activity features: the frame track's columns differ in length");
    std::vector<float> out(frames * kVoiceActivityDims, 0.0F);
    if (frames == 0)
        return out;
    const std::vector<SpeechSegment> segments = speechSegments(probabilities, windowSeconds, clipSeconds);
    const std::vector<Stretch> stretches = stretchesOf(segments, clipSeconds);
    double speech = 0;
    for (const SpeechSegment &s : segments)
        speech += s.duration();
    const double pauseRatio = clipSeconds > 0 ? std::clamp(1.0 - speech / clipSeconds, 0.0, 1.0) : 1.0;

    std::size_t frame = 0;
    for (std::size_t s = 0; s < stretches.size(); ++s) {
        const Stretch &stretch = stretches[s];
        const bool lastStretch = s + 1 == stretches.size();
        // The stretch's frames: centres in [start, end), the last stretch also takes any beyond.
        const std::size_t first = frame;
        while (frame < frames && (lastStretch || track.times[frame] < stretch.end))
            ++frame;
        double f0Sum = 0, loudSum = 0;
        int voiced = 0;
        for (std::size_t f = first; f < frame; ++f) {
            loudSum += track.loudnessDb[f];
            if (track.logF0[f] > 0) {
                f0Sum += track.logF0[f];
                ++voiced;
            }
        }
        const std::size_t count = frame - first;
        const double duration = stretch.end - stretch.start;
        const double rate = stretch.speech && duration > 0 ? countSyllables(track, first, frame) / duration : 0.0;
        for (std::size_t f = first; f < frame; ++f) {
            float *row = out.data() + f * kVoiceActivityDims;
            const auto window = std::min<std::size_t>(probabilities.empty() ? 0 : probabilities.size() - 1,
                                                      std::size_t(std::max(0.0, track.times[f] / windowSeconds)));
            row[0] = probabilities.empty() ? 0.0F : probabilities[window];
            row[1] = stretch.speech ? 1.0F : 0.0F;
            row[2] = float(duration);
            row[3] = voiced > 0 ? float(f0Sum / voiced) : 0.0F;
            row[4] = count > 0 ? float(loudSum / double(count)) : 0.0F;
            row[5] = float(rate);
            row[6] = float(pauseRatio);
        }
    }
    return out;
}

}  // namespace sl::audio
