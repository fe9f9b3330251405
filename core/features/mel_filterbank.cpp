#include "core/features/mel_filterbank.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sl::features {

double hzToMel(double hz)
{
    return 2595.0 * std::log10(1.0 + hz / 700.0);
}

double melToHz(double mel)
{
    return 700.0 * (std::pow(10.0, mel / 2595.0) - 1.0);
}

MelFilterbank::MelFilterbank(int sampleRate, std::size_t fftSize, int bands, double minHz, double maxHz)
{
    if (sampleRate <= 0 || fftSize < 2 || bands < 1 || minHz < 0.0 || !(maxHz > minHz) || maxHz > sampleRate / 2.0)
        throw std::invalid_argument("mel filterbank: invalid rate, FFT size, band count or frequency range");
    const double lowMel = hzToMel(minHz);
    const double step = (hzToMel(maxHz) - lowMel) / (bands + 1);
    const double binHz = static_cast<double>(sampleRate) / static_cast<double>(fftSize);
    const std::size_t bins = fftSize / 2 + 1;

    m_filters.resize(static_cast<std::size_t>(bands));
    for (int m = 0; m < bands; ++m) {
        const double left = melToHz(lowMel + step * m);
        const double centre = melToHz(lowMel + step * (m + 1));
        const double right = melToHz(lowMel + step * (m + 2));
        Filter &filter = m_filters[static_cast<std::size_t>(m)];
        filter.firstBin = static_cast<std::size_t>(std::ceil(left / binHz));
        for (std::size_t k = filter.firstBin; k < bins && k * binHz <= right; ++k) {
            const double f = static_cast<double>(k) * binHz;
            const double weight = f <= centre ? (f - left) / (centre - left) : (right - f) / (right - centre);
            filter.weights.push_back(std::max(0.0, weight));
        }
    }
}

void MelFilterbank::apply(const std::vector<double> &power, std::vector<double> &energies) const
{
    energies.resize(m_filters.size());
    for (std::size_t m = 0; m < m_filters.size(); ++m) {
        const Filter &filter = m_filters[m];
        double sum = 0.0;
        for (std::size_t i = 0; i < filter.weights.size(); ++i)
            sum += filter.weights[i] * power[filter.firstBin + i];
        energies[m] = sum;
    }
}

}  // namespace sl::features
