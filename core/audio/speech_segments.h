#pragma once
// Speech segments from per-window speech probabilities, and from a clip's audio. Standard
// library only (the network is behind silero_vad.h).
//
// Hysteresis, so that a probability hovering near one threshold does not chop speech into pieces:
// speech starts at the first window whose probability reaches `threshold`; it ends at the first
// window below `releaseThreshold` after which no window reaches `threshold` again for
// `minSilenceSeconds`. Segments shorter than `minSpeechSeconds` are dropped (clicks, breaths).
// Times are window edges (32 ms steps). `padSeconds` then widens every segment on both sides
// within the clip, neighbours meeting halfway when their padding would overlap: for cutting audio
// for speech recognition, which should not lose the edges of words.
#include <memory>
#include <span>
#include <vector>

namespace sl::audio {

class SileroVad;

struct SpeechSegment {
    double startSeconds = 0;
    double endSeconds = 0;
    double duration() const { return endSeconds - startSeconds; }
};

struct SegmentOptions {
    double threshold = 0.5;
    double releaseThreshold = 0.35;
    double minSilenceSeconds = 0.1;
    double minSpeechSeconds = 0.25;
    double padSeconds = 0.0;
};

// `probabilities[k]` covers [k * windowSeconds, (k + 1) * windowSeconds); `clipSeconds` bounds
// the last segment and the padding. Throws std::invalid_argument for options that cannot work.
std::vector<SpeechSegment> speechSegments(std::span<const float> probabilities, double windowSeconds,
                                          double clipSeconds, const SegmentOptions &options = {});

// The speech segments of 16 kHz mono audio as `vad` hears them.
std::vector<SpeechSegment> detectSpeech(const SileroVad &vad, std::span<const float> samples,
                                        const SegmentOptions &options = {});

}  // namespace sl::audio
