#pragma once
// An in-memory dataset of whole tensors, the form the trainer and the evaluation read. The
// project integration later fills it from the feature cache and the label store.
#include "core/ml/model.h"

#include <torch/types.h>

#include <array>
#include <cstdint>

namespace sl::ml {

struct Dataset {
    // Per modality (samples, time, dims) zero-padded features and (samples) int64 lengths;
    // undefined features mean the modality is missing for the whole set.
    std::array<torch::Tensor, kModalityCount> features;
    std::array<torch::Tensor, kModalityCount> lengths;
    torch::Tensor labels;                                   // (samples) multimodal labels
    std::array<torch::Tensor, kModalityCount> unimodalLabels;  // (samples) each, or undefined

    std::int64_t size() const { return labels.defined() ? labels.size(0) : 0; }

    // Throws std::invalid_argument when sizes disagree.
    void validate() const;

    // The samples at `indices` (int64) as a model input with targets.
    ModelInput batch(const torch::Tensor &indices) const;
};

}  // namespace sl::ml
