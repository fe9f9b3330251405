#pragma once
// Per-dimension standardisation of a modality's input features, fitted on the training split and
// kept inside the model (as buffers, so model files carry it and predictions on new clips use the
// same numbers).
//
// Why: the extractors' dims live on very different scales (spectral centroid in Hz, MFCCs in the
// hundreds, face boxes in [0, 1]). Unscaled, the large dims saturate the encoders' gates and the
// small ones are never learnt: on the demo project the models ignored the visual modality
// entirely although its mouth features correlate at 0.9 with the visual label.
#include <torch/types.h>

namespace sl::ml {

struct FeatureScaling {
    torch::Tensor shift;  // (dims): subtracted
    torch::Tensor scale;  // (dims): divided by; always > 0
};

// Mean and standard deviation of every dim over the valid frames of all samples. A dim that is
// constant (or a modality with no valid frame) gets scale 1, so it passes through shifted only.
// features (samples, time, dims), lengths (samples) int64.
FeatureScaling fitFeatureScaling(const torch::Tensor &features, const torch::Tensor &lengths);

}  // namespace sl::ml
