#include "core/ml/envelope_fitting.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace sl::ml {

namespace {

// A spread of exactly 0 (a pooled number constant over the training clips) would make any change
// of it an infinite distance; it is floored at 1% of the modality's median non-zero spread (and
// 1e-6 absolutely), so such a number still counts heavily but finitely.
std::vector<double> flooredSpread(const torch::Tensor &std)
{
    std::vector<double> spread(std.data_ptr<double>(), std.data_ptr<double>() + std.numel());
    std::vector<double> positive;
    for (double s : spread)
        if (s > 0)
            positive.push_back(s);
    double floor = 1e-6;
    if (!positive.empty()) {
        std::nth_element(positive.begin(), positive.begin() + positive.size() / 2, positive.end());
        floor = std::max(floor, 0.01 * positive[positive.size() / 2]);
    }
    for (double &s : spread)
        s = std::max(s, floor);
    return spread;
}

std::vector<double> row(const torch::Tensor &pooled, std::int64_t i)
{
    const torch::Tensor r = pooled[i].contiguous();
    return {r.data_ptr<double>(), r.data_ptr<double>() + r.numel()};
}

// Distances of the samples with frames; the others are skipped.
std::vector<double> distances(const ModalityEnvelope &e, const torch::Tensor &features, const torch::Tensor &lengths)
{
    std::vector<double> out;
    if (!features.defined())
        return out;
    const torch::Tensor pooled = pooledFeatures(features, lengths);
    for (std::int64_t i = 0; i < pooled.size(0); ++i)
        if (lengths[i].item<std::int64_t>() > 0)
            out.push_back(e.distance(row(pooled, i)));
    return out;
}

}  // namespace

torch::Tensor pooledFeatures(const torch::Tensor &features, const torch::Tensor &lengths)
{
    // In chunks of samples: a MOSEI-size train split in float64 at once would take gigabytes.
    constexpr std::int64_t kChunk = 256;
    const torch::Tensor len = lengths.to(torch::kCPU, torch::kInt64);
    std::vector<torch::Tensor> parts;
    for (std::int64_t start = 0; start < features.size(0); start += kChunk) {
        const std::int64_t end = std::min(start + kChunk, features.size(0));
        const torch::Tensor x = features.slice(0, start, end).detach().to(torch::kCPU, torch::kFloat64);
        const torch::Tensor l = len.slice(0, start, end);
        const torch::Tensor mask = timeMask(l, x.size(1)).to(torch::kFloat64).unsqueeze(-1);
        const torch::Tensor count = l.clamp_min(1).to(torch::kFloat64).unsqueeze(1);
        const torch::Tensor mean = (x * mask).sum(1) / count;
        const torch::Tensor variance = ((x - mean.unsqueeze(1)) * mask).pow(2).sum(1) / count;
        parts.push_back(torch::cat({mean, variance.clamp_min(0).sqrt()}, 1));
    }
    if (parts.empty())
        return torch::zeros({0, 2 * features.size(2)}, torch::kFloat64);
    return torch::cat(parts, 0).contiguous();
}

InputEnvelope fitInputEnvelope(const Dataset &train, const Dataset &calibration, double falseAlarmTarget,
                               const std::string &calibrationSplit)
{
    if (!(falseAlarmTarget > 0 && falseAlarmTarget < 1))
        throw std::invalid_argument("the envelope's false-alarm target must lie between 0 and 1");
    InputEnvelope envelope;
    envelope.falseAlarmTarget = falseAlarmTarget;
    envelope.calibrationSplit = calibrationSplit;
    for (Modality m : kModalities) {
        const torch::Tensor &features = train.features[index(m)];
        if (!features.defined())
            continue;
        const torch::Tensor lengths = train.lengths[index(m)].to(torch::kCPU, torch::kInt64);
        const torch::Tensor with = (lengths > 0).nonzero().flatten();
        if (with.numel() == 0)
            continue;
        const torch::Tensor pooled = pooledFeatures(features, lengths).index_select(0, with);
        ModalityEnvelope e;
        const torch::Tensor centre = pooled.mean(0).contiguous();
        e.centre.assign(centre.data_ptr<double>(), centre.data_ptr<double>() + centre.numel());
        e.spread = flooredSpread(pooled.std(0, /*unbiased=*/false).contiguous());
        e.trainClips = int(with.numel());
        // Calibrated on the training clips and the validation clips together: a training clip
        // flagged as outside its own training data would contradict the flag, and a small
        // validation split alone (15 clips in the demo) puts the threshold at its largest
        // distance, about the 94th percentile, whatever the target.
        std::vector<double> reference = distances(e, features, lengths);
        if (&calibration != &train) {
            const std::vector<double> held = distances(e, calibration.features[index(m)], calibration.lengths[index(m)]);
            reference.insert(reference.end(), held.begin(), held.end());
        }
        e.threshold = calibratedThreshold(reference, falseAlarmTarget);
        e.calibrationClips = int(reference.size());
        e.calibrationFlagged = int(std::count_if(reference.begin(), reference.end(), [&](double d) { return d > e.threshold; }));
        envelope.modalities[index(m)] = std::move(e);
    }
    return envelope;
}

std::vector<EnvelopeVerdict> assessInputs(const InputEnvelope &envelope, const Dataset &data)
{
    std::vector<EnvelopeVerdict> verdicts(std::size_t(data.size()));
    for (Modality m : kModalities) {
        const auto &e = envelope.modalities[index(m)];
        const torch::Tensor &features = data.features[index(m)];
        if (!e || !features.defined())
            continue;
        if (features.size(2) * 2 != std::int64_t(e->centre.size()))
            throw std::invalid_argument("the " + modalityName(m) + " features have " + std::to_string(features.size(2)) +
                                        " dims, the model's input envelope " + std::to_string(e->centre.size() / 2));
        const torch::Tensor lengths = data.lengths[index(m)].to(torch::kCPU, torch::kInt64);
        const torch::Tensor pooled = pooledFeatures(features, lengths);
        for (std::int64_t i = 0; i < pooled.size(0); ++i) {
            if (lengths[i].item<std::int64_t>() <= 0)
                continue;
            EnvelopeVerdict &v = verdicts[std::size_t(i)];
            const double d = e->distance(row(pooled, i));
            v.distance[index(m)] = d;
            v.threshold[index(m)] = e->threshold;
            // NaN features give a NaN distance: not inside by any measure.
            v.outside[index(m)] = !(d <= e->threshold);
        }
    }
    return verdicts;
}

}  // namespace sl::ml
