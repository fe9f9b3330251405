#pragma once
// A KAN network: KAN layers in sequence, e.g. widths [9, 4, 1] for KAN-MCP's fusion head.
// forward keeps every layer's input and edge values so that explanations (kan_attribution.h) and
// edge plots can be made from the same pass.
#include "core/ml/kan_layer.h"

#include <torch/nn/modules/container/modulelist.h>

#include <cstdint>
#include <utility>
#include <vector>

namespace sl::ml {

struct KanOptions {
    explicit KanOptions(std::vector<std::int64_t> widths) : widths_(std::move(widths)) {}
    TORCH_ARG(std::vector<std::int64_t>, widths);  // at least two: inputs, ..., outputs
    TORCH_ARG(KanSplineOptions, spline);
};

struct KanOutput {
    torch::Tensor output;                // (batch, widths.back())
    std::vector<KanLayerOutput> layers;  // one per layer, input first
};

class KanImpl : public torch::nn::Cloneable<KanImpl> {
public:
    explicit KanImpl(const KanOptions &options);
    void reset() override;

    // x: (batch, widths.front()).
    KanOutput forward(const torch::Tensor &x) const;

    const KanOptions &options() const { return options_; }
    std::size_t layerCount() const { return act_fun_->size(); }
    // Every layer's grid follows its own inputs on the samples x (batch, widths.front()), first
    // layer first, each next layer seeing the previous one's refitted outputs.
    void updateGridsFromSamples(const torch::Tensor &x);

    KanLayerImpl &layer(std::size_t index);
    const KanLayerImpl &layer(std::size_t index) const;

private:
    KanOptions options_;
    // The layers, under pykan's name. Reached only through this list: clone() replaces its
    // contents, so pointers kept elsewhere would go stale.
    torch::nn::ModuleList act_fun_;
};
TORCH_MODULE(Kan);

}  // namespace sl::ml
