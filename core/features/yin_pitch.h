#pragma once
// Fundamental frequency by the YIN method (de Cheveigne & Kawahara, 2002): the lag at which a
// window best matches a shifted copy of itself, judged by the cumulative-mean-normalised
// difference function. Standard library only.
#include <cstddef>
#include <vector>

namespace sl::features {

struct PitchEstimate {
    bool voiced = false;
    double f0Hz = 0.0;        // 0 when unvoiced
    double voicing = 0.0;     // in [0, 1]; above 0.5 exactly when voiced (see yin_pitch.cpp)
};

class YinPitch {
public:
    // integrationLength: samples compared per lag (the analysis window, e.g. 25 ms).
    // threshold: YIN's absolute threshold on the normalised difference (0.1 - 0.2 is usual).
    YinPitch(int sampleRate, std::size_t integrationLength, double minHz, double maxHz, double threshold);

    // Samples estimate() reads: the integration length plus the longest period searched.
    std::size_t spanLength() const { return m_integration + m_maxLag; }

    // Estimates the pitch of samples[0 .. spanLength()). Thread-compatible: one object per thread.
    PitchEstimate estimate(const float *samples) const;

private:
    void normalisedDifference(const float *samples) const;
    std::size_t pickLag() const;
    double refineLag(std::size_t lag) const;

    int m_sampleRate;
    std::size_t m_integration;
    std::size_t m_minLag;
    std::size_t m_maxLag;
    double m_threshold;
    mutable std::vector<double> m_difference;
};

}  // namespace sl::features
