#pragma once
// Mel-frequency cepstral coefficients from a power spectrum. Standard library only.
//
// Conventions, on top of those of MelFilterbank:
// - log energies are natural logs of max(energy, logFloor), with logFloor 1e-10 by default so that
//   silent bands give a finite value;
// - the cepstrum is the orthonormal DCT-II of the log energies,
//     c_k = sqrt(2 / M) * sum_{m=0}^{M-1} log E_m * cos(pi * k * (m + 0.5) / M),  k = 1 .. count,
//   c_0 (overall level) is left out because RMS and loudness already carry it;
// - no liftering; pre-emphasis and windowing are the caller's business (see AcousticConfig).
#include "core/features/mel_filterbank.h"

#include <vector>

namespace sl::features {

class Mfcc {
public:
    Mfcc(int sampleRate, std::size_t fftSize, int melBands, int coefficients, double minHz, double maxHz,
         double logFloor = 1e-10);

    int coefficients() const { return m_count; }

    // power: fftSize/2 + 1 bins; out: coefficients 1 .. count.
    void compute(const std::vector<double> &power, float *out) const;

private:
    MelFilterbank m_bank;
    int m_count;
    double m_logFloor;
    std::vector<double> m_cosines;  // count x bands, row k-1 holds the DCT-II basis for c_k
    mutable std::vector<double> m_energies;
};

}  // namespace sl::features
