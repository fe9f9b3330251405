#pragma once
// Reduces audio to what a plot of a given width can show: for each bucket of samples, the lowest
// and highest value. Drawing the envelope costs the same for a 2 s clip and a 5 min one.
#include <QVector>

#include <vector>

namespace sl::ui {

struct WaveformEnvelope {
    QVector<double> times;  // seconds, the start of each bucket
    QVector<double> lows;
    QVector<double> highs;
};

// Splits `samples` into at most `buckets` runs of equal length (fewer when there are fewer
// samples than buckets). An empty input, a rate <= 0 or buckets <= 0 give an empty envelope.
WaveformEnvelope envelopeOf(const std::vector<float> &samples, int sampleRate, int buckets);

}  // namespace sl::ui
