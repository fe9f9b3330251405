#include "core/features/yin_pitch.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <stdexcept>

namespace sl::features {

namespace {

// Sum of (a[j] - b[j])^2 over n samples: YIN's inner loop, some 270 x 400 products per frame and
// most of the acoustic extraction's time. Eight independent partial sums let the compiler use
// vector instructions; one running float sum would force it to add the products in order, one
// at a time (it may not reorder float additions on its own).
float squaredDistance(const float *a, const float *b, std::size_t n)
{
    constexpr std::size_t kLanes = 8;
    std::array<float, kLanes> lanes{};
    std::size_t j = 0;
    for (; j + kLanes <= n; j += kLanes) {
        for (std::size_t k = 0; k < kLanes; ++k) {
            const float delta = a[j + k] - b[j + k];
            lanes[k] += delta * delta;
        }
    }
    float sum = 0.0F;
    for (const float lane : lanes)
        sum += lane;
    for (; j < n; ++j) {
        const float delta = a[j] - b[j];
        sum += delta * delta;
    }
    return sum;
}

}  // namespace

YinPitch::YinPitch(int sampleRate, std::size_t integrationLength, double minHz, double maxHz, double threshold)
    : m_sampleRate(sampleRate), m_integration(integrationLength), m_threshold(threshold)
{
    if (sampleRate <= 0 || integrationLength < 2 || !(minHz > 0.0) || !(maxHz > minHz) || !(threshold > 0.0))
        throw std::invalid_argument("YIN: invalid sample rate, window, pitch range or threshold");
    m_minLag = std::max<std::size_t>(2, static_cast<std::size_t>(std::floor(sampleRate / maxHz)));
    m_maxLag = static_cast<std::size_t>(std::ceil(sampleRate / minHz)) + 1;  // +1 leaves room to refine
    m_difference.resize(m_maxLag + 1);
}

// d'(tau) = d(tau) / ((1/tau) sum_{j=1..tau} d(j)), d'(0) = 1, where d is the squared difference
// between the window and its copy shifted by tau. The normalisation removes YIN's bias towards
// lag 0 and gives a scale-free value: near 0 for a periodic signal, near 1 for noise.
void YinPitch::normalisedDifference(const float *samples) const
{
    m_difference[0] = 1.0;
    double running = 0.0;
    for (std::size_t tau = 1; tau <= m_maxLag; ++tau) {
        const double sum = squaredDistance(samples, samples + tau, m_integration);
        running += sum;
        m_difference[tau] = running > 0.0 ? sum * static_cast<double>(tau) / running : 1.0;
    }
}

// The first lag whose value dips under the threshold, followed down to the bottom of that dip:
// taking the first dip rather than the global minimum avoids octave-too-low errors.
std::size_t YinPitch::pickLag() const
{
    for (std::size_t tau = m_minLag; tau < m_maxLag; ++tau) {
        if (m_difference[tau] < m_threshold) {
            while (tau + 1 < m_maxLag && m_difference[tau + 1] < m_difference[tau])
                ++tau;
            return tau;
        }
    }
    return static_cast<std::size_t>(std::min_element(m_difference.begin() + static_cast<long>(m_minLag),
                                                     m_difference.begin() + static_cast<long>(m_maxLag))
                                    - m_difference.begin());
}

// A parabola through the minimum and its neighbours places the period between samples; without
// it a 440 Hz tone at 16 kHz (period 36.4 samples) could be off by 1.4%.
double YinPitch::refineLag(std::size_t lag) const
{
    if (lag < 1 || lag + 1 > m_maxLag)
        return static_cast<double>(lag);
    const double left = m_difference[lag - 1];
    const double mid = m_difference[lag];
    const double right = m_difference[lag + 1];
    const double curvature = left - 2.0 * mid + right;
    if (curvature <= 0.0)
        return static_cast<double>(lag);
    return static_cast<double>(lag) + std::clamp(0.5 * (left - right) / curvature, -0.5, 0.5);
}

PitchEstimate YinPitch::estimate(const float *samples) const
{
    normalisedDifference(samples);
    const std::size_t lag = pickLag();
    const double dip = m_difference[lag];
    PitchEstimate result;
    // Voicing maps the depth of the dip linearly onto [0, 1] so that 0.5 falls on the threshold:
    // a perfect period gives 1, a dip twice the threshold or shallower gives 0.
    result.voicing = std::clamp(1.0 - dip / (2.0 * m_threshold), 0.0, 1.0);
    result.voiced = dip < m_threshold;
    if (result.voiced)
        result.f0Hz = m_sampleRate / refineLag(lag);
    return result;
}

}  // namespace sl::features
