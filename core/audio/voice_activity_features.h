#pragma once
// The acoustic features' voice activity columns (acoustic_features.h, layout "default"): what the
// speech probabilities and speech segments (speech_segments.h) say about each 10 ms frame, with
// statistics of the stretch of speech or pause the frame lies in. Standard library only.
//
// Columns, in order:
//   speech_prob               Silero VAD's probability for the 32 ms window holding the frame's centre
//   in_speech                 1 inside a speech segment (default SegmentOptions, no padding), else 0
//   segment_duration_s        length of the speech segment, or of the pause, the frame lies in
//   segment_log_f0_mean       mean log_f0 of the voiced frames of that stretch (0 when none is voiced)
//   segment_loudness_db_mean  mean loudness_db of the frames of that stretch
//   speaking_rate             syllables per second of the frame's speech segment, 0 in pauses
//   pause_ratio               share of the whole clip outside speech segments (same in every frame)
// Pauses are the stretches between segments and before the first and after the last; a clip with no
// speech is one pause, pause_ratio 1.
//
// Syllables are counted as loudness peaks (after a 50 ms moving average) of the segment that lie
// within 20 dB of its loudest point: a peak counts when the loudness dips at least 2 dB between it
// and the previous counted peak, and the two lie at least 100 ms apart; otherwise the louder of the
// two stands for both. A vowel is louder than the consonants around it, so each syllable nucleus
// gives one peak. Voicing is not required: YIN misses vowels of fast speech (a peak test on
// espeak-ng at 240 words a minute found 10 of 13 syllables with it, 12 without). Measured on
// espeak-ng (tests/audio/test_vad_features.cpp): 2% over the hand count at 120 words a minute, 14%
// under it at 240.
#include <span>
#include <string>
#include <vector>

namespace sl::audio {

inline constexpr std::size_t kVoiceActivityDims = 7;

std::vector<std::string> voiceActivityFeatureNames();

struct FrameTrack {
    std::span<const double> times;       // frame centres, seconds, increasing
    std::span<const float> logF0;        // 0 when unvoiced
    std::span<const float> loudnessDb;
};

// kVoiceActivityDims values per frame, frame after frame. `probabilities[k]` covers
// [k * windowSeconds, (k + 1) * windowSeconds); `clipSeconds` is the audio's length. Throws
// std::invalid_argument when the track's columns differ in length.
std::vector<float> voiceActivityFeatures(std::span<const float> probabilities, double windowSeconds,
                                         double clipSeconds, const FrameTrack &track);

}  // namespace sl::audio
