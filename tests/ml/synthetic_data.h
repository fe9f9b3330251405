#pragma once
// Synthetic data for the core/ml tests and the benchmark: clips whose label is a known function
// of their features, and small model configs that train in seconds.
#include "core/ml/dataset.h"
#include "core/ml/model_config.h"

#include <array>
#include <cstdint>
#include <string>

struct SyntheticSpec {
    std::int64_t samples = 96;
    std::array<std::int64_t, 3> dims{6, 5, 4};
    std::array<std::int64_t, 3> maxTime{8, 10, 6};
    std::uint64_t seed = 7;
    bool variableLengths = true;  // lengths drawn in [1, maxTime]; else all maxTime
};

// Per clip and modality a hidden score s_m in [-1, 1] is written into feature 0 of every valid
// frame (plus noise); the other features are noise and padding is zero. Labels:
// y = clamp(1.5 s_t + s_a - s_v, -3, 3); unimodal labels 3 s_m. Uses (and reseeds) LibTorch's
// global generator.
sl::ml::Dataset makeSyntheticDataset(const SyntheticSpec &spec);

// Small sizes for every architecture so that a test trains it in seconds.
sl::ml::ModelConfig tinyConfig(const std::string &architecture,
                               const std::array<std::int64_t, 3> &dims);
