#pragma once
// Twelve-bin chroma from a constant-Q transform, as in the CH-SIMS acoustic features (which
// used librosa's chroma_cqt). Standard library only.
//
// Each constant-Q bin k has centre f_k = minHz * 2^(k/12) and a Hann-windowed complex sinusoid of
// Q = 1 / (2^(1/12) - 1) cycles as its kernel, so every bin is one semitone wide. The kernels are
// moved into the frequency domain once and thinned to their significant coefficients (Brown &
// Puckette's efficient CQT), so one FFT per frame serves all bins. Chroma of pitch class p is the
// sum of |CQ|^2 over the octaves, divided by the largest of the twelve (librosa's default
// norm = inf), giving values in [0, 1]; a silent frame gives twelve zeros.
#include "core/features/fft.h"

#include <array>
#include <complex>
#include <string>
#include <vector>

namespace sl::features {

class ConstantQChroma {
public:
    // The default covers C2 (65.4 Hz) to B7 (3951 Hz): voices and their harmonics, under the
    // 8 kHz Nyquist limit of 16 kHz audio.
    explicit ConstantQChroma(int sampleRate, double minHz = 65.40639, int octaves = 6);

    // Samples compute() reads, centred on the frame's centre (the longest kernel, rounded up to a
    // power of two).
    std::size_t spanLength() const { return m_fft.size(); }

    // samples[0 .. spanLength()) -> chroma[0 .. 12), pitch class C first.
    void compute(const float *samples, float *chroma) const;

    // "C", "C#", ..., "B".
    static const std::array<std::string, 12> &pitchClassNames();

private:
    struct Kernel {
        std::size_t firstBin = 0;
        std::vector<std::complex<double>> weights;  // conj(spectral kernel) / N for bins firstBin, ...
    };

    Fft m_fft;
    std::vector<Kernel> m_kernels;  // bin k belongs to pitch class k % 12
    mutable std::vector<std::complex<double>> m_spectrum;
};

}  // namespace sl::features
