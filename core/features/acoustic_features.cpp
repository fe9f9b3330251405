#include "core/features/acoustic_features.h"
#include "core/audio/silero_vad.h"
#include "core/audio/voice_activity_features.h"
#include "core/features/constant_q_chroma.h"
#include "core/features/fft.h"
#include "core/features/mfcc.h"
#include "core/features/spectral_shape.h"
#include "core/features/yin_pitch.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <stdexcept>

namespace sl::features {

namespace {

std::size_t samplesOf(double seconds, int sampleRate)
{
    return static_cast<std::size_t>(std::lround(seconds * sampleRate));
}

// Copies `length` samples centred on `centre` (the first half before it), zeros outside the audio.
void copyCentred(const std::vector<float> &audio, std::size_t centre, std::size_t length, std::vector<float> &out)
{
    out.assign(length, 0.0F);
    const auto start = static_cast<long long>(centre) - static_cast<long long>(length / 2);
    const auto total = static_cast<long long>(audio.size());
    for (std::size_t i = 0; i < length; ++i) {
        const long long source = start + static_cast<long long>(i);
        if (source >= 0 && source < total)
            out[i] = audio[static_cast<std::size_t>(source)];
    }
}

// Fills the voice activity columns, the last kVoiceActivityDims of layout "default", from the clip's
// speech probabilities and the frames' log_f0 and loudness_db.
void addVoiceActivity(const audio::SileroVad &vad, const std::vector<float> &samples, double sampleRate, FeatureMatrix &m)
{
    const std::size_t frames = m.frames();
    const int f0Column = m.column("log_f0");
    const int loudnessColumn = m.column("loudness_db");
    std::vector<float> logF0(frames), loudness(frames);
    for (std::size_t f = 0; f < frames; ++f) {
        logF0[f] = m.values[f * m.dims() + std::size_t(f0Column)];
        loudness[f] = m.values[f * m.dims() + std::size_t(loudnessColumn)];
    }
    const std::vector<float> probabilities = vad.speechProbabilities(samples);
    const std::vector<float> columns = audio::voiceActivityFeatures(
        probabilities, audio::SileroVad::kWindowSeconds, double(samples.size()) / sampleRate, {m.times, logF0, loudness});
    const std::size_t first = m.dims() - audio::kVoiceActivityDims;
    for (std::size_t f = 0; f < frames; ++f)
        std::copy_n(columns.data() + f * audio::kVoiceActivityDims, audio::kVoiceActivityDims,
                    m.values.data() + f * m.dims() + first);
}

}  // namespace

AcousticConfig acousticPreset(std::string_view name)
{
    AcousticConfig config;
    if (name == "default")
        return config;
    if (name == "ch-sims-33") {
        config.layout = AcousticLayout::ChSims33;
        return config;
    }
    throw std::invalid_argument("unknown acoustic preset \"" + std::string(name) + "\" (known: default, ch-sims-33)");
}

std::vector<std::string> acousticPresetNames()
{
    return {"default", "ch-sims-33"};
}

std::vector<std::string> acousticFeatureNames(const AcousticConfig &config)
{
    std::vector<std::string> names = {"log_f0"};
    if (config.layout == AcousticLayout::Default)
        names.insert(names.end(), {"voicing_prob", "rms", "loudness_db"});
    for (int k = 1; k <= config.mfccCount; ++k)
        names.push_back("mfcc_" + std::to_string(k));
    if (config.layout == AcousticLayout::Default)
    {
        names.insert(names.end(), {"spectral_centroid_hz", "spectral_flux", "spectral_rolloff_hz", "zero_crossing_rate"});
        for (std::string &name : audio::voiceActivityFeatureNames())
            names.push_back(std::move(name));
    } else
        for (const std::string &pitchClass : ConstantQChroma::pitchClassNames())
            names.push_back("chroma_" + pitchClass);
    return names;
}

struct AcousticExtractor::Parts {
    explicit Parts(const AcousticConfig &c)
        : config(c),
          names(acousticFeatureNames(c)),
          window(samplesOf(c.windowSeconds, c.sampleRate)),
          hop(samplesOf(c.hopSeconds, c.sampleRate)),
          fft(nextPowerOfTwo(window)),
          mfcc(c.sampleRate, fft.size(), c.melBands, c.mfccCount, c.melMinHz,
               c.melMaxHz > 0.0 ? c.melMaxHz : c.sampleRate / 2.0, c.logFloor),
          yin(c.sampleRate, window, c.f0MinHz, c.f0MaxHz, c.yinThreshold)
    {
        if (window < 2 || hop < 1)
            throw std::invalid_argument("acoustic features: the window needs two samples and the hop one");
        if (c.layout == AcousticLayout::ChSims33)
            chroma.emplace(c.sampleRate);
        // The network runs at 16 kHz only; clip_features.cpp decodes every clip at that rate.
        else if (c.sampleRate == audio::SileroVad::kSampleRate)
            vad = audio::SileroVad::shared();
        // Periodic Hann (denominator N, not N - 1): consecutive windows at half overlap sum to one.
        hann.resize(window);
        for (std::size_t n = 0; n < window; ++n)
            hann[n] = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * static_cast<double>(n) / static_cast<double>(window));
    }

    // Power spectrum of the frame that starts at `start`.
    void spectrumAt(const std::vector<float> &audio, std::size_t start)
    {
        windowed.resize(window);
        for (std::size_t n = 0; n < window; ++n) {
            const std::size_t i = start + n;
            double x = i < audio.size() ? audio[i] : 0.0;
            if (config.preEmphasis != 0.0 && i >= 1 && i - 1 < audio.size())
                x -= config.preEmphasis * audio[i - 1];
            windowed[n] = x * hann[n];
        }
        fft.powerSpectrum(windowed.data(), window, power);
    }

    AcousticConfig config;
    std::vector<std::string> names;
    std::size_t window;
    std::size_t hop;
    Fft fft;
    Mfcc mfcc;
    YinPitch yin;
    std::optional<ConstantQChroma> chroma;
    std::shared_ptr<const audio::SileroVad> vad;  // null: the voice activity columns stay 0
    std::vector<double> hann;
    std::vector<double> windowed;
    std::vector<double> power;
    std::vector<float> frame;
    std::vector<float> span;
};

AcousticExtractor::AcousticExtractor(const AcousticConfig &config) : m_parts(std::make_unique<Parts>(config)) {}

AcousticExtractor::~AcousticExtractor() = default;

const std::vector<std::string> &AcousticExtractor::names() const
{
    return m_parts->names;
}

FeatureMatrix AcousticExtractor::extract(const std::vector<float> &audio)
{
    Parts &p = *m_parts;
    FeatureMatrix out;
    out.names = p.names;
    if (audio.empty())
        return out;
    const std::size_t frames = audio.size() >= p.window ? 1 + (audio.size() - p.window) / p.hop : 1;
    const double binHz = static_cast<double>(p.config.sampleRate) / static_cast<double>(p.fft.size());
    out.times.resize(frames);
    out.values.resize(frames * out.dims());
    SpectralFlux flux;

    for (std::size_t f = 0; f < frames; ++f) {
        const std::size_t start = f * p.hop;
        const std::size_t centre = start + p.window / 2;
        out.times[f] = static_cast<double>(centre) / p.config.sampleRate;
        float *row = out.values.data() + f * out.dims();

        copyCentred(audio, centre, p.window, p.frame);
        const double rms = rootMeanSquare(p.frame.data(), p.frame.size());
        copyCentred(audio, centre, p.yin.spanLength(), p.span);
        PitchEstimate pitch = p.yin.estimate(p.span.data());
        if (levelDb(rms) < p.config.silenceDb)
            pitch = PitchEstimate{};
        p.spectrumAt(audio, start);

        *row++ = pitch.voiced ? static_cast<float>(std::log(pitch.f0Hz)) : 0.0F;
        if (p.config.layout == AcousticLayout::Default) {
            *row++ = static_cast<float>(pitch.voicing);
            *row++ = static_cast<float>(rms);
            *row++ = static_cast<float>(levelDb(rms));
        }
        p.mfcc.compute(p.power, row);
        row += p.mfcc.coefficients();
        if (p.config.layout == AcousticLayout::Default) {
            *row++ = static_cast<float>(spectralCentroid(p.power, binHz));
            *row++ = static_cast<float>(flux.next(p.power));
            *row++ = static_cast<float>(spectralRolloff(p.power, binHz, p.config.rolloffFraction));
            *row++ = static_cast<float>(zeroCrossingRate(p.frame.data(), p.frame.size()));
        } else {
            copyCentred(audio, centre, p.chroma->spanLength(), p.span);
            p.chroma->compute(p.span.data(), row);
        }
    }
    if (p.vad)
        addVoiceActivity(*p.vad, audio, static_cast<double>(p.config.sampleRate), out);
    return out;
}

FeatureMatrix extractAcoustic(const std::vector<float> &samples, const AcousticConfig &config)
{
    return AcousticExtractor(config).extract(samples);
}

}  // namespace sl::features
