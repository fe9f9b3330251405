#pragma once
// Single-number descriptors of a frame's waveform and spectrum. Standard library only.
#include <cstddef>
#include <vector>

namespace sl::features {

// sqrt(mean(x^2)) of the unwindowed frame; a sine of amplitude A gives A / sqrt(2).
double rootMeanSquare(const float *samples, std::size_t count);

// 20 log10(rms) in dB relative to full scale (a full-scale square wave is 0 dB), floored at
// -100 dB so silence stays finite. A level, not a perceptual loudness model.
double levelDb(double rms);

// Fraction of neighbouring sample pairs whose signs differ (zero counts as positive); a sine of
// frequency f sampled at rate r gives about 2 f / r.
double zeroCrossingRate(const float *samples, std::size_t count);

// Centre of gravity of the magnitude spectrum, in Hz; 0 for a silent frame.
double spectralCentroid(const std::vector<double> &power, double binHz);

// Lowest frequency (Hz) below which `fraction` of the spectral power lies; 0 for a silent frame.
double spectralRolloff(const std::vector<double> &power, double binHz, double fraction);

// Euclidean distance between the magnitude spectra of consecutive frames, each scaled to unit
// length first so that the value measures a change of spectral shape (0 .. sqrt 2), not of level.
// The first frame, and a frame next to a silent one, give 0.
class SpectralFlux {
public:
    double next(const std::vector<double> &power);

private:
    std::vector<double> m_previous;
    std::vector<double> m_current;
    bool m_previousAudible = false;
};

}  // namespace sl::features
