#pragma once
// AdamW with its update computed in one pass over each parameter's memory.
//
// Why: LibTorch's AdamW::step runs about ten tensor operations per parameter tensor (the weight
// decay, the two moment updates, the square root, the bias corrections, the update), each a
// dispatch, an iterator and a full pass over memory, plus two temporaries. Our models have 30 - 60
// small parameter tensors, so one step costs several hundred operations: ~6% of a training epoch
// on the CPU. This class keeps torch::optim::AdamW's options, parameter groups and state (the same
// AdamWParamState entries, so save/load and the learning-rate schedule work unchanged) and only
// replaces the arithmetic, for dense float32 CPU parameters without amsgrad. Any other case
// (CUDA, double, amsgrad, sparse gradients) takes LibTorch's own step.
//
// The update is AdamW as LibTorch and the paper define it, in float:
//   p <- p (1 - lr wd);  m <- b1 m + (1 - b1) g;  v <- b2 v + (1 - b2) g^2
//   p <- p - lr / (1 - b1^t) * m / (sqrt(v) / sqrt(1 - b2^t) + eps)
// It may differ from LibTorch's step in the last bit of a float (LibTorch's vectorised kernels
// use fused multiply-adds where this loop rounds twice, and the other way round).
#include <torch/optim/adamw.h>

namespace sl::ml {

class FusedAdamW : public torch::optim::AdamW {
public:
    using torch::optim::AdamW::AdamW;

    torch::Tensor step(LossClosure closure = nullptr) override;

private:
    bool canFuse() const;
};

}  // namespace sl::ml
