#include "core/audio/speech_segments.h"

#include "core/audio/silero_vad.h"

#include <algorithm>
#include <stdexcept>

namespace sl::audio {

std::vector<SpeechSegment> speechSegments(std::span<const float> probabilities, double windowSeconds,
                                          double clipSeconds, const SegmentOptions &options)
{
    if (!(windowSeconds > 0) || !(options.releaseThreshold <= options.threshold) || options.minSilenceSeconds < 0 ||
        options.minSpeechSeconds < 0 || options.padSeconds < 0)
        throw std::invalid_argument("speech segments: the window must be positive, the release threshold at most the "
                                    "threshold, and the durations not negative");
    std::vector<SpeechSegment> segments;
    bool inSpeech = false;
    double start = 0;
    double releasedAt = -1;  // where speech fell below the release threshold; -1 while it has not
    auto close = [&](double end) {
        end = std::min(end, clipSeconds);
        if (end - start >= options.minSpeechSeconds)
            segments.push_back({start, end});
        inSpeech = false;
        releasedAt = -1;
    };
    for (std::size_t k = 0; k < probabilities.size(); ++k) {
        const double edge = double(k) * windowSeconds;
        const float p = probabilities[k];
        if (!inSpeech) {
            if (p >= options.threshold) {
                inSpeech = true;
                start = edge;
            }
            continue;
        }
        if (p >= options.threshold) {
            releasedAt = -1;  // speech came back before the silence was long enough
        } else if (p < options.releaseThreshold && releasedAt < 0) {
            releasedAt = edge;
        }
        if (releasedAt >= 0 && edge + windowSeconds - releasedAt >= options.minSilenceSeconds)
            close(releasedAt);
    }
    if (inSpeech)
        close(releasedAt >= 0 ? releasedAt : double(probabilities.size()) * windowSeconds);

    if (options.padSeconds > 0) {
        // Bounds from the unpadded neighbours: halfway between two segments, the clip's ends outside.
        const std::vector<SpeechSegment> bare = segments;
        for (std::size_t s = 0; s < segments.size(); ++s) {
            const double lower = s == 0 ? 0.0 : (bare[s - 1].endSeconds + bare[s].startSeconds) / 2;
            const double upper = s + 1 == bare.size() ? clipSeconds : (bare[s].endSeconds + bare[s + 1].startSeconds) / 2;
            segments[s].startSeconds = std::max(lower, bare[s].startSeconds - options.padSeconds);
            segments[s].endSeconds = std::min(upper, bare[s].endSeconds + options.padSeconds);
        }
    }
    return segments;
}

std::vector<SpeechSegment> detectSpeech(const SileroVad &vad, std::span<const float> samples,
                                        const SegmentOptions &options)
{
    const std::vector<float> probabilities = vad.speechProbabilities(samples);
    return speechSegments(probabilities, SileroVad::kWindowSeconds, double(samples.size()) / SileroVad::kSampleRate,
                          options);
}

}  // namespace sl::audio
