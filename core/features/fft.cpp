#include "core/features/fft.h"

#include <numbers>
#include <stdexcept>
#include <utility>

namespace sl::features {

std::size_t nextPowerOfTwo(std::size_t n)
{
    std::size_t p = 1;
    while (p < n)
        p <<= 1;
    return p;
}

Fft::Fft(std::size_t size) : m_size(size), m_bitReversed(size), m_twiddles(size / 2)
{
    if (size == 0 || (size & (size - 1)) != 0)
        throw std::invalid_argument("FFT size must be a power of two");
    std::size_t bits = 0;
    while ((std::size_t{1} << bits) < size)
        ++bits;
    for (std::size_t i = 0; i < size; ++i) {
        std::size_t r = 0;
        for (std::size_t b = 0; b < bits; ++b)
            r |= ((i >> b) & 1U) << (bits - 1 - b);
        m_bitReversed[i] = r;
    }
    for (std::size_t k = 0; k < size / 2; ++k)
        m_twiddles[k] = std::polar(1.0, -2.0 * std::numbers::pi * static_cast<double>(k) / static_cast<double>(size));
}

void Fft::forward(std::vector<std::complex<double>> &data) const
{
    if (data.size() != m_size)
        throw std::invalid_argument("FFT input has the wrong size");
    for (std::size_t i = 0; i < m_size; ++i)
        if (i < m_bitReversed[i])
            std::swap(data[i], data[m_bitReversed[i]]);
    // Iterative Cooley-Tukey: butterflies of growing span; the twiddle stride halves each pass.
    for (std::size_t span = 2; span <= m_size; span <<= 1) {
        const std::size_t half = span / 2;
        const std::size_t stride = m_size / span;
        for (std::size_t start = 0; start < m_size; start += span) {
            for (std::size_t k = 0; k < half; ++k) {
                const std::complex<double> odd = data[start + k + half] * m_twiddles[k * stride];
                data[start + k + half] = data[start + k] - odd;
                data[start + k] += odd;
            }
        }
    }
}

void Fft::powerSpectrum(const double *input, std::size_t count, std::vector<double> &power) const
{
    m_scratch.assign(m_size, {});
    for (std::size_t i = 0; i < count && i < m_size; ++i)
        m_scratch[i] = input[i];
    forward(m_scratch);
    power.resize(m_size / 2 + 1);
    for (std::size_t k = 0; k < power.size(); ++k)
        power[k] = std::norm(m_scratch[k]);
}

}  // namespace sl::features
