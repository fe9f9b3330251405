#pragma once
// Exact Shapley values of the three modalities for a model's multimodal prediction. The value
// of a coalition S (subset of {T, A, V}) is the prediction with the modalities outside S replaced
// by the baseline (baseline.h); with three players all 8 coalitions are evaluated, in ONE batched
// forward pass (the clips repeated 8 times), in BottleneckMode::Mean, without gradients. Efficiency
// phi_T + phi_A + phi_V = f(all) - f(none) holds by construction; its float error is reported.
#include "core/ml/explain/baseline.h"

#include <array>
#include <vector>

namespace sl::ml::explain {

inline constexpr int kCoalitionCount = 8;  // bit m of the index set: modality m is present

struct ShapleyResult {
    std::array<double, kCoalitionCount> coalition{};  // f(S), indexed by the bit mask
    double fNone = 0;                                 // coalition[0]: all modalities at baseline
    double fAll = 0;                                  // coalition[7]: the clip's prediction
    std::array<double, kModalityCount> phi{};         // T, A, V
    double efficiencyError = 0;                       // |sum phi - (fAll - fNone)|
    // The model's own unimodal predictions (NaN where the architecture has no head).
    std::array<double, kModalityCount> unimodal{};
};

// One result per clip of `clips` (a batch as clipsInput() makes it). Puts the model in eval mode.
std::vector<ShapleyResult> shapleyValues(SentimentModel &model, const ModelInput &clips,
                                         const Baseline &baseline);

}  // namespace sl::ml::explain
