#pragma once
// Implemented by models whose prediction is made from a causal part of the fused representation
// and which also have a shortcut part (CaMIB): predicts from causal + shortcut, so explanations can
// recombine the parts of different samples (the backdoor view). A separate interface rather than a
// virtual on SentimentModel, so only the models that have such parts carry it.
#include <torch/types.h>

namespace sl::ml {

class CausalPartsPredictor {
public:
    virtual ~CausalPartsPredictor() = default;
    // causal, shortcut: (batch, fused). Returns the prediction (batch).
    virtual torch::Tensor predictFromParts(const torch::Tensor &causal, const torch::Tensor &shortcut) = 0;
};

}  // namespace sl::ml
