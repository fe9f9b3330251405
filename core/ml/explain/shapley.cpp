#include "core/ml/explain/shapley.h"

#include <torch/utils.h>

#include <cmath>
#include <limits>

namespace sl::ml::explain {

namespace {

// Shapley weight |S|! (n - |S| - 1)! / n! for n = 3 players.
double coalitionWeight(int size)
{
    static constexpr double weights[] = {1.0 / 3.0, 1.0 / 6.0, 1.0 / 3.0};
    return weights[size];
}

int popcount(int bits)
{
    return (bits & 1) + ((bits >> 1) & 1) + ((bits >> 2) & 1);
}

}  // namespace

std::vector<ShapleyResult> shapleyValues(SentimentModel &model, const ModelInput &clips,
                                         const Baseline &baseline)
{
    model.eval();
    torch::NoGradGuard noGrad;
    // Coalition c occupies rows [c * n, (c + 1) * n) of one batch of 8n clips.
    ModelInput stacked;
    std::int64_t n = -1;
    for (Modality m : kModalities) {
        const ModalityInput &in = clips[m];
        ModalityInput &out = stacked[m];
        out.present = in.present && in.features.defined();
        if (!out.present)
            continue;
        n = in.features.size(0);
        const torch::Tensor base = baselineFeatures(in.features, in.lengths, baseline.values[index(m)]);
        std::vector<torch::Tensor> copies;
        for (int c = 0; c < kCoalitionCount; ++c)
            copies.push_back((c >> int(index(m))) & 1 ? in.features : base);
        out.features = torch::cat(copies, 0);
        out.lengths = in.lengths.repeat({kCoalitionCount});
    }
    if (n < 0)
        for (const ModalityInput &in : clips.modalities)
            if (in.lengths.defined())
                n = in.lengths.size(0);
    if (n <= 0)
        return {};
    const ModelOutput output = model.forward(stacked, BottleneckMode::Mean);
    const torch::Tensor values = output.prediction.detach().to(torch::kCPU, torch::kFloat64)
                                     .view({kCoalitionCount, n});
    // The unimodal heads are read from the all-present copy.
    std::array<torch::Tensor, kModalityCount> unimodal;
    for (Modality m : kModalities)
        if (output.unimodal[index(m)].defined())
            unimodal[index(m)] = output.unimodal[index(m)].detach().to(torch::kCPU, torch::kFloat64)
                                     .view({kCoalitionCount, n})[kCoalitionCount - 1];

    const auto v = values.accessor<double, 2>();
    std::vector<ShapleyResult> results(static_cast<size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
        ShapleyResult &r = results[size_t(i)];
        for (int c = 0; c < kCoalitionCount; ++c)
            r.coalition[size_t(c)] = v[c][i];
        r.fNone = r.coalition[0];
        r.fAll = r.coalition[kCoalitionCount - 1];
        double sum = 0;
        for (Modality m : kModalities) {
            const int bit = 1 << int(index(m));
            double phi = 0;
            for (int s = 0; s < kCoalitionCount; ++s)
                if (!(s & bit))
                    phi += coalitionWeight(popcount(s)) * (r.coalition[size_t(s | bit)] - r.coalition[size_t(s)]);
            r.phi[index(m)] = phi;
            sum += phi;
            r.unimodal[index(m)] = unimodal[index(m)].defined() ? unimodal[index(m)][i].item<double>()
                                                               : std::numeric_limits<double>::quiet_NaN();
        }
        r.efficiencyError = std::fabs(sum - (r.fAll - r.fNone));
    }
    return results;
}

}  // namespace sl::ml::explain
