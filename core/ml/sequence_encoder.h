#pragma once
// Turns one modality's padded sequence into a single vector per sample, respecting lengths.
// Two kinds, chosen by the "encoder" setting of an architecture:
//  - "lstm": a one-layer unidirectional LSTM read at each sample's last valid frame. Because the
//    LSTM runs left to right, the state at frame length-1 has not seen the padding, so no packing
//    is needed and padded and unpadded batches give the same vector. On the CPU (float32/64) it
//    runs SentiLens's fused LSTM (fused_lstm.h) on the torch::nn::LSTM's own parameters, so
//    model files keep their parameter names; elsewhere the stock module.
//  - "mean": the mean of the valid frames through Linear + ReLU (what KAN-MCP does before its
//    bottleneck, minus the padding it averages in).
// A sample of length 0 gets the zero vector.
#include <torch/nn/cloneable.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/rnn.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <cstdint>
#include <string>

namespace sl::ml {

enum class SequenceEncoderKind { Lstm, Mean };

// "lstm" or "mean"; throws std::invalid_argument otherwise.
SequenceEncoderKind sequenceEncoderKind(const std::string &name);

class SequenceEncoderImpl : public torch::nn::Cloneable<SequenceEncoderImpl> {
public:
    SequenceEncoderImpl(std::int64_t inputs, std::int64_t outputs, SequenceEncoderKind kind);
    void reset() override;

    // features (batch, time, inputs) with padding already zeroed; lengths (batch), int64.
    // Returns (batch, outputs).
    torch::Tensor forward(const torch::Tensor &features, const torch::Tensor &lengths);

private:
    torch::Tensor lstmStates(const torch::Tensor &features);

    std::int64_t inputs_, outputs_;
    SequenceEncoderKind kind_;
    torch::nn::LSTM lstm_{nullptr};
    torch::nn::Linear linear_{nullptr};
};
TORCH_MODULE(SequenceEncoder);

}  // namespace sl::ml
