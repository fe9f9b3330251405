#include "core/features/spectral_shape.h"

#include <algorithm>
#include <cmath>

namespace sl::features {

double rootMeanSquare(const float *samples, std::size_t count)
{
    if (count == 0)
        return 0.0;
    double sum = 0.0;
    for (std::size_t i = 0; i < count; ++i)
        sum += static_cast<double>(samples[i]) * samples[i];
    return std::sqrt(sum / static_cast<double>(count));
}

double levelDb(double rms)
{
    return 20.0 * std::log10(std::max(rms, 1e-5));
}

double zeroCrossingRate(const float *samples, std::size_t count)
{
    if (count < 2)
        return 0.0;
    std::size_t crossings = 0;
    for (std::size_t i = 1; i < count; ++i)
        crossings += (samples[i - 1] < 0.0F) != (samples[i] < 0.0F) ? 1 : 0;
    return static_cast<double>(crossings) / static_cast<double>(count - 1);
}

double spectralCentroid(const std::vector<double> &power, double binHz)
{
    double weighted = 0.0;
    double total = 0.0;
    for (std::size_t k = 0; k < power.size(); ++k) {
        const double magnitude = std::sqrt(power[k]);
        weighted += magnitude * static_cast<double>(k) * binHz;
        total += magnitude;
    }
    return total > 0.0 ? weighted / total : 0.0;
}

double spectralRolloff(const std::vector<double> &power, double binHz, double fraction)
{
    double total = 0.0;
    for (double p : power)
        total += p;
    if (total <= 0.0)
        return 0.0;
    double running = 0.0;
    for (std::size_t k = 0; k < power.size(); ++k) {
        running += power[k];
        if (running >= fraction * total)
            return static_cast<double>(k) * binHz;
    }
    return static_cast<double>(power.size() - 1) * binHz;
}

double SpectralFlux::next(const std::vector<double> &power)
{
    m_current.resize(power.size());
    double norm = 0.0;
    for (std::size_t k = 0; k < power.size(); ++k) {
        m_current[k] = std::sqrt(power[k]);
        norm += power[k];
    }
    norm = std::sqrt(norm);
    for (double &m : m_current)
        m = norm > 0.0 ? m / norm : 0.0;

    double flux = 0.0;
    const bool comparable = m_previousAudible && m_previous.size() == m_current.size() && norm > 0.0;
    if (comparable) {
        for (std::size_t k = 0; k < m_current.size(); ++k) {
            const double d = m_current[k] - m_previous[k];
            flux += d * d;
        }
        flux = std::sqrt(flux);
    }
    std::swap(m_previous, m_current);
    m_previousAudible = norm > 0.0;
    return flux;
}

}  // namespace sl::features
