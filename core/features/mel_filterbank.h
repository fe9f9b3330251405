#pragma once
// Triangular filters spaced evenly on the mel scale, applied to a power spectrum. Standard library only.
//
// Conventions (they decide the MFCC values, so tests and other tools can reproduce them):
// - mel(f) = 2595 log10(1 + f / 700), the HTK formula;
// - band m rises linearly from edge m to edge m+1 and falls to edge m+2, where the bands + 2
//   edges are spaced evenly in mel between minHz and maxHz; its peak is 1 (no area normalisation);
// - a filter weighs FFT bin k at frequency k * sampleRate / fftSize.
#include <cstddef>
#include <vector>

namespace sl::features {

double hzToMel(double hz);
double melToHz(double mel);

class MelFilterbank {
public:
    MelFilterbank(int sampleRate, std::size_t fftSize, int bands, double minHz, double maxHz);

    int bands() const { return static_cast<int>(m_filters.size()); }

    // power: fftSize/2 + 1 bins. energies: one value per band.
    void apply(const std::vector<double> &power, std::vector<double> &energies) const;

private:
    struct Filter {
        std::size_t firstBin = 0;
        std::vector<double> weights;  // for bins firstBin, firstBin + 1, ...
    };
    std::vector<Filter> m_filters;
};

}  // namespace sl::features
