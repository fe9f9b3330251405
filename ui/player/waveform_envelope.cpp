#include "ui/player/waveform_envelope.h"

#include <algorithm>

namespace sl::ui {

WaveformEnvelope envelopeOf(const std::vector<float> &samples, int sampleRate, int buckets)
{
    WaveformEnvelope envelope;
    if (samples.empty() || sampleRate <= 0 || buckets <= 0)
        return envelope;
    const auto total = static_cast<qsizetype>(samples.size());
    const qsizetype count = std::min<qsizetype>(buckets, total);
    envelope.times.reserve(count);
    envelope.lows.reserve(count);
    envelope.highs.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        // Integer bounds spread the remainder over the buckets instead of piling it on the last.
        const qsizetype begin = i * total / count;
        const qsizetype end = (i + 1) * total / count;
        const auto [low, high] = std::minmax_element(samples.begin() + begin, samples.begin() + end);
        envelope.times.append(static_cast<double>(begin) / sampleRate);
        envelope.lows.append(*low);
        envelope.highs.append(*high);
    }
    return envelope;
}

}  // namespace sl::ui
