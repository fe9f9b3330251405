#include "core/features/mfcc.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <stdexcept>

namespace sl::features {

Mfcc::Mfcc(int sampleRate, std::size_t fftSize, int melBands, int coefficients, double minHz, double maxHz, double logFloor)
    : m_bank(sampleRate, fftSize, melBands, minHz, maxHz), m_count(coefficients), m_logFloor(logFloor)
{
    if (coefficients < 1 || coefficients >= melBands || !(logFloor > 0.0))
        throw std::invalid_argument("MFCC: need 1 <= coefficients < mel bands and a positive log floor");
    const auto bands = static_cast<std::size_t>(melBands);
    const double scale = std::sqrt(2.0 / melBands);
    m_cosines.resize(static_cast<std::size_t>(coefficients) * bands);
    for (int k = 1; k <= coefficients; ++k)
        for (std::size_t m = 0; m < bands; ++m)
            m_cosines[static_cast<std::size_t>(k - 1) * bands + m] =
                scale * std::cos(std::numbers::pi * k * (static_cast<double>(m) + 0.5) / melBands);
}

void Mfcc::compute(const std::vector<double> &power, float *out) const
{
    m_bank.apply(power, m_energies);
    for (double &e : m_energies)
        e = std::log(std::max(e, m_logFloor));
    const std::size_t bands = m_energies.size();
    for (int k = 0; k < m_count; ++k) {
        const double *basis = &m_cosines[static_cast<std::size_t>(k) * bands];
        double sum = 0.0;
        for (std::size_t m = 0; m < bands; ++m)
            sum += basis[m] * m_energies[m];
        out[k] = static_cast<float>(sum);
    }
}

}  // namespace sl::features
