#pragma once
// Fitting the input envelope of input_envelope.h on datasets, and checking clips against it.
#include "core/ml/dataset.h"
#include "core/ml/input_envelope.h"

#include <torch/types.h>

#include <vector>

namespace sl::ml {

// Per sample the pooled numbers of one modality: the mean of every dim over the valid frames, then
// the standard deviation over them (population form, 0 for a single frame): (samples, 2 x dims),
// float64. Samples of length 0 get zeros (the callers skip them).
torch::Tensor pooledFeatures(const torch::Tensor &features, const torch::Tensor &lengths);

// Centre and spread from `train`, threshold from the distances of the clips of `train` and
// `calibration` together (the validation split; pass `train` itself when there is none, and say
// so in calibrationSplit).
// Modalities absent from `train` (undefined features, or no sample with frames) get no envelope.
InputEnvelope fitInputEnvelope(const Dataset &train, const Dataset &calibration, double falseAlarmTarget = 0.01,
                               const std::string &calibrationSplit = "valid");

// One verdict per sample of `data`; a modality is assessed where the envelope has it and the
// sample has frames of it. Throws std::invalid_argument when the dims differ from the envelope's.
std::vector<EnvelopeVerdict> assessInputs(const InputEnvelope &envelope, const Dataset &data);

}  // namespace sl::ml
