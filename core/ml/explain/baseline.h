#pragma once
// What an "absent" modality is replaced by in the explanations (Shapley coalitions, the starting
// point of integrated gradients): per modality one vector over its feature dims, written into
// every valid frame of the clip. The clip's lengths are kept, so the model sees the same number
// of time steps with and without the modality and only the content changes.
#include "core/ml/dataset.h"

#include <array>
#include <optional>
#include <string>

namespace sl::ml::explain {

enum class BaselineKind {
    Zeros,  // every feature 0 (the compressed features of project_data are centred near 0)
    Mean,   // the per-dim mean over the valid frames of a reference set (the training split)
};

std::string baselineName(BaselineKind kind);                       // "zeros" / "mean"
std::optional<BaselineKind> baselineFromName(const std::string &name);

struct Baseline {
    BaselineKind kind = BaselineKind::Zeros;
    std::array<torch::Tensor, kModalityCount> values;  // (dims) float each, on the CPU
};

// Zeros needs only the dims; Mean averages `reference`'s valid frames per dim (a modality the
// reference lacks falls back to zeros). Throws std::invalid_argument when Mean has no reference.
Baseline makeBaseline(BaselineKind kind, const std::array<std::int64_t, kModalityCount> &dims,
                      const Dataset *reference = nullptr);

// `features` (batch, time, dims) with every valid frame (t < length) replaced by the baseline
// vector and padding left at zero.
torch::Tensor baselineFeatures(const torch::Tensor &features, const torch::Tensor &lengths,
                               const torch::Tensor &baselineVector);

// The samples at `indices` of `data` as a model input without targets (what every explainer reads).
ModelInput clipsInput(const Dataset &data, const torch::Tensor &indices);

}  // namespace sl::ml::explain
