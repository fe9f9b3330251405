#pragma once
// Frame-level acoustic descriptors of 16 kHz mono audio. Standard library only.
//
// Frames: frame n covers samples [n * hop, n * hop + window) and is stamped with its centre,
// (n * hop + window / 2) / sampleRate seconds, so every time lies inside the clip. Audio shorter
// than one window gives one zero-padded frame; empty audio gives none.
//
// Layout "default" (35 dims):
//   log_f0             natural log of F0 in Hz (YIN), 0 when unvoiced or silent
//   voicing_prob       0..1, above 0.5 exactly when the frame is voiced (see yin_pitch.h)
//   rms                root mean square of the unwindowed frame (full scale = 1)
//   loudness_db        20 log10(rms), dB full scale, floored at -100
//   mfcc_1 .. mfcc_20  see mfcc.h and mel_filterbank.h for the conventions
//   spectral_centroid_hz, spectral_flux, spectral_rolloff_hz (85% of power), zero_crossing_rate
//   speech_prob, in_speech, segment_duration_s, segment_log_f0_mean, segment_loudness_db_mean,
//   speaking_rate, pause_ratio: voice activity from the Silero VAD network, see
//   core/audio/voice_activity_features.h; all 0 when SentiLens was built without its weights
// Layout "ch-sims-33" (33 dims), the acoustic features of CH-SIMS:
//   log_f0, mfcc_1 .. mfcc_20, chroma_C .. chroma_B (constant-Q chroma, see constant_q_chroma.h)
//
// Spectra: the frame (after optional pre-emphasis, none by default, as librosa) is multiplied by a
// periodic Hann window and zero-padded to the next power of two (512 points for 25 ms at 16 kHz).
// Pitch and chroma read longer spans centred on the same frame centre, zero outside the audio.
#include "core/features/feature_matrix.h"

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace sl::features {

// Stored with every acoustic feature set; raise it whenever a change alters the values, so that
// feature sets extracted before are re-extracted (and models trained on them are told apart).
// 2: YIN sums its squared differences in eight partial sums (values change in the last bits).
// 3: the seven voice activity columns of layout "default" (issue 15).
inline constexpr const char *kAcousticExtractorVersion = "3";

enum class AcousticLayout { Default, ChSims33 };

struct AcousticConfig {
    AcousticLayout layout = AcousticLayout::Default;
    int sampleRate = 16000;
    double windowSeconds = 0.025;
    double hopSeconds = 0.010;

    double f0MinHz = 60.0;        // the lowest pitch searched sets the longest lag YIN compares
    double f0MaxHz = 600.0;
    double yinThreshold = 0.15;
    double silenceDb = -60.0;     // frames quieter than this are unvoiced whatever YIN says

    int melBands = 40;
    int mfccCount = 20;
    double melMinHz = 0.0;
    double melMaxHz = 0.0;        // 0 means the Nyquist frequency
    double logFloor = 1e-10;
    double preEmphasis = 0.0;     // y[n] = x[n] - a x[n-1] before spectra; 0 turns it off

    double rolloffFraction = 0.85;
};

// Named presets: "default" and "ch-sims-33". Throws std::invalid_argument for other names.
AcousticConfig acousticPreset(std::string_view name);
std::vector<std::string> acousticPresetNames();

// Dimension names of a layout, in column order.
std::vector<std::string> acousticFeatureNames(const AcousticConfig &config);

// Holds the filters, kernels and buffers of one configuration, so that many clips can be analysed
// without rebuilding them. Not for sharing between threads: give each thread its own.
class AcousticExtractor {
public:
    // Throws std::invalid_argument for a configuration that cannot work.
    explicit AcousticExtractor(const AcousticConfig &config = {});
    ~AcousticExtractor();
    AcousticExtractor(const AcousticExtractor &) = delete;
    AcousticExtractor &operator=(const AcousticExtractor &) = delete;

    const std::vector<std::string> &names() const;
    FeatureMatrix extract(const std::vector<float> &samples);

private:
    struct Parts;
    std::unique_ptr<Parts> m_parts;
};

// One-off convenience: builds an extractor and runs it.
FeatureMatrix extractAcoustic(const std::vector<float> &samples, const AcousticConfig &config = {});

}  // namespace sl::features
