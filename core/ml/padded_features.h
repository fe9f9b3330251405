#pragma once
// The cleaning every model applies to one modality's padded features before its encoder:
// non-finite values become 0 (MMSA's audio files hold -inf where a feature was undefined), the
// model's input standardisation (x - shift) / scale is applied when it has one, and the frames
// past each sample's length are set to 0.
#include <torch/types.h>

namespace sl::ml {

// features: (batch, time, dims) float32 on any device; lengths: (batch) int64 on the same
// device, already clamped to [0, time]; shift and scale: (dims) or undefined (no scaling).
// Returns a new tensor; `features` is not changed.
//
// On the CPU, for inputs that need no gradient, the three steps are one pass over memory
// instead of four tensor operations with a temporary each: for a batch of text features
// (32 x 50 x 768) that pass is most of the cost of preparing the batch. Elsewhere (CUDA, or
// inputs that need gradients, as integrated gradients does) the same steps run as tensor
// operations. Both give the same values: each step rounds to float as the tensor operation
// does (only the sign of a padded zero may differ: 0 here, where x * 0 gives -0 for x < 0).
torch::Tensor cleanPaddedFeatures(const torch::Tensor &features, const torch::Tensor &lengths,
                                  const torch::Tensor &shift, const torch::Tensor &scale);

}  // namespace sl::ml
