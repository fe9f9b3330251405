#include "core/ml/sequence_encoder.h"

#include "core/ml/fused_lstm.h"
#include "core/ml/model.h"

#include <stdexcept>

namespace sl::ml {

SequenceEncoderKind sequenceEncoderKind(const std::string &name)
{
    if (name == "lstm")
        return SequenceEncoderKind::Lstm;
    if (name == "mean")
        return SequenceEncoderKind::Mean;
    throw std::invalid_argument("unknown sequence encoder '" + name + "' (use lstm or mean)");
}

SequenceEncoderImpl::SequenceEncoderImpl(std::int64_t inputs, std::int64_t outputs,
                                         SequenceEncoderKind kind)
    : inputs_(inputs), outputs_(outputs), kind_(kind)
{
    reset();
}

void SequenceEncoderImpl::reset()
{
    lstm_ = nullptr;
    linear_ = nullptr;
    if (kind_ == SequenceEncoderKind::Lstm) {
        lstm_ = register_module(
            "lstm", torch::nn::LSTM(torch::nn::LSTMOptions(inputs_, outputs_).batch_first(true)));
        // Forget gates start open (bias 1, Jozefowicz et al. 2015): with standardised inputs the
        // default bias near 0 halves the memory every step, and an audio sequence of ~70 steps that
        // ends in silence then reaches its last state with nothing of the speech left in it.
        const torch::NoGradGuard noGrad;
        lstm_->named_parameters(/*recurse=*/false)["bias_ih_l0"].narrow(0, outputs_, outputs_).fill_(1.0);
    } else
        linear_ = register_module("linear", torch::nn::Linear(inputs_, outputs_));
}

torch::Tensor SequenceEncoderImpl::lstmStates(const torch::Tensor &features)
{
    // The fused CPU LSTM computes the same function from the module's own parameters with far
    // fewer LibTorch calls; other devices and dtypes (CUDA, half) keep the stock module.
    const auto &parameters = lstm_->named_parameters(/*recurse=*/false);
    const torch::Tensor &weightIh = parameters["weight_ih_l0"];
    if (!fusedLstmEnabled() || !fusedLstmSupports(features, weightIh))
        return std::get<0>(lstm_->forward(features));
    return fusedLstm(features, weightIh, parameters["weight_hh_l0"], parameters["bias_ih_l0"],
                     parameters["bias_hh_l0"]);
}

torch::Tensor SequenceEncoderImpl::forward(const torch::Tensor &features,
                                           const torch::Tensor &lengths)
{
    const torch::Tensor present = (lengths > 0).to(features.scalar_type()).unsqueeze(1);
    if (kind_ == SequenceEncoderKind::Mean)
        return torch::relu(linear_->forward(maskedTimeMean(features, lengths))) * present;
    const torch::Tensor states = lstmStates(features);  // (batch, time, out)
    const torch::Tensor last = (lengths - 1).clamp_min(0).view({-1, 1, 1}).expand(
        {features.size(0), 1, outputs_});
    return states.gather(1, last).squeeze(1) * present;
}

}  // namespace sl::ml
