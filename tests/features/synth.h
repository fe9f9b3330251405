#pragma once
// Test signals at 16 kHz, made in the tests so that the expected features are known exactly.
#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <vector>

namespace sl::test {

inline constexpr int kRate = 16000;

inline std::vector<float> sine(double hz, double seconds, double amplitude = 0.5, double phase = 0.0)
{
    std::vector<float> x(static_cast<std::size_t>(seconds * kRate));
    for (std::size_t n = 0; n < x.size(); ++n)
        x[n] = static_cast<float>(amplitude * std::sin(2.0 * std::numbers::pi * hz * static_cast<double>(n) / kRate + phase));
    return x;
}

// Uniform white noise in [-amplitude, amplitude] from a fixed seed, so every run sees the same.
inline std::vector<float> whiteNoise(double seconds, double amplitude, std::uint32_t seed)
{
    std::mt19937 random(seed);
    std::uniform_real_distribution<float> uniform(static_cast<float>(-amplitude), static_cast<float>(amplitude));
    std::vector<float> x(static_cast<std::size_t>(seconds * kRate));
    for (float &v : x)
        v = uniform(random);
    return x;
}

}  // namespace sl::test
