#include "core/features/constant_q_chroma.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace sl::features {

namespace {

constexpr int kBinsPerOctave = 12;

// Quality factor of a semitone-wide bin: centre frequency over bandwidth.
double semitoneQ()
{
    return 1.0 / (std::pow(2.0, 1.0 / kBinsPerOctave) - 1.0);
}

std::size_t longestKernel(int sampleRate, double minHz)
{
    return static_cast<std::size_t>(std::ceil(semitoneQ() * sampleRate / minHz));
}

}  // namespace

const std::array<std::string, 12> &ConstantQChroma::pitchClassNames()
{
    static const std::array<std::string, 12> names = {"C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"};
    return names;
}

ConstantQChroma::ConstantQChroma(int sampleRate, double minHz, int octaves)
    : m_fft(nextPowerOfTwo(sampleRate > 0 && minHz > 0.0 ? longestKernel(sampleRate, minHz) : 1))
{
    const int bins = octaves * kBinsPerOctave;
    if (sampleRate <= 0 || !(minHz > 0.0) || octaves < 1
        || minHz * std::pow(2.0, static_cast<double>(bins - 1) / kBinsPerOctave) >= sampleRate / 2.0)
        throw std::invalid_argument("constant-Q chroma: the bins must lie between 0 and the Nyquist frequency");

    const std::size_t size = m_fft.size();
    const double q = semitoneQ();
    std::vector<std::complex<double>> kernel(size);
    m_kernels.resize(static_cast<std::size_t>(bins));
    for (int k = 0; k < bins; ++k) {
        const double hz = minHz * std::pow(2.0, static_cast<double>(k) / kBinsPerOctave);
        const auto length = static_cast<std::size_t>(std::ceil(q * sampleRate / hz));
        // Centred in the FFT frame, so every bin is measured around the same instant.
        const std::size_t offset = (size - length) / 2;
        std::fill(kernel.begin(), kernel.end(), std::complex<double>());
        for (std::size_t n = 0; n < length; ++n) {
            const double window = 0.5 - 0.5 * std::cos(2.0 * std::numbers::pi * static_cast<double>(n) / static_cast<double>(length));
            const double phase = 2.0 * std::numbers::pi * hz * static_cast<double>(n) / sampleRate;
            kernel[offset + n] = std::polar(window / static_cast<double>(length), phase);
        }
        m_fft.forward(kernel);
        // By Parseval, sum_n x[n] conj(k[n]) = (1/N) sum_j X[j] conj(K[j]); K is concentrated
        // around the bin's frequency, so the tiny coefficients elsewhere are dropped.
        double peak = 0.0;
        for (const auto &c : kernel)
            peak = std::max(peak, std::abs(c));
        std::size_t first = size;
        std::size_t last = 0;
        for (std::size_t j = 0; j < size / 2 + 1; ++j) {
            if (std::abs(kernel[j]) > 1e-3 * peak) {
                first = std::min(first, j);
                last = j;
            }
        }
        Kernel &sparse = m_kernels[static_cast<std::size_t>(k)];
        sparse.firstBin = first;
        for (std::size_t j = first; j <= last; ++j)
            sparse.weights.push_back(std::conj(kernel[j]) / static_cast<double>(size));
    }
}

void ConstantQChroma::compute(const float *samples, float *chroma) const
{
    const std::size_t size = m_fft.size();
    m_spectrum.resize(size);
    for (std::size_t n = 0; n < size; ++n)
        m_spectrum[n] = samples[n];
    m_fft.forward(m_spectrum);

    std::array<double, kBinsPerOctave> energy{};
    for (std::size_t k = 0; k < m_kernels.size(); ++k) {
        const Kernel &kernel = m_kernels[k];
        std::complex<double> sum;
        for (std::size_t i = 0; i < kernel.weights.size(); ++i)
            sum += m_spectrum[kernel.firstBin + i] * kernel.weights[i];
        energy[k % kBinsPerOctave] += std::norm(sum);
    }
    const double peak = *std::max_element(energy.begin(), energy.end());
    // Below about -110 dB full scale the frame is treated as silent rather than normalising noise.
    const bool silent = peak < 1e-12;
    for (std::size_t p = 0; p < energy.size(); ++p)
        chroma[p] = silent ? 0.0F : static_cast<float>(energy[p] / peak);
}

}  // namespace sl::features
