#pragma once
// SentiLens's own CPU LSTM: the same function as a one-layer, unidirectional, batch-first
// torch::nn::LSTM with both biases and a zero initial state (PyTorch's gate order i, f, g, o),
// computed from that module's own parameters, but with a handful of LibTorch calls instead of
// ~10 operations per time step forward and ~20 autograd nodes per step backward.
//
// Why: with an optimised BLAS the small per-step matrix products are cheap, and the stock LSTM's
// time went into LibTorch's per-operation dispatch and autograd bookkeeping. Here the forward
// pass is one GEMM for the input projection of all time steps, then per step one BLAS call with
// W_hh and one hand-written elementwise pass; the backward pass (written by hand, registered as
// a torch::autograd::Function) is per step one elementwise pass and one BLAS call, then single
// large GEMMs for the weight, bias and input gradients.
//
// Double backward (create_graph through the LSTM) is not supported and throws.
#include <torch/types.h>

namespace sl::ml {

// Whether SequenceEncoder uses fusedLstm where it can: true unless switched off, which only
// comparisons with the stock module do (tests, benchmarks). Process-wide.
void setFusedLstmEnabled(bool enabled);
bool fusedLstmEnabled();

// True when fusedLstm can run on these tensors: all on the CPU, strided, float32 or float64 (the
// latter for gradient checks), of one dtype. Otherwise use torch::nn::LSTM (e.g. on CUDA).
bool fusedLstmSupports(const torch::Tensor &input, const torch::Tensor &weightIh);

// input (batch, time, inputs); weightIh (4 hidden, inputs); weightHh (4 hidden, hidden);
// biasIh, biasHh (4 hidden). Returns the hidden states of every step, (batch, time, hidden),
// equal to std::get<0>(lstm->forward(input)) of the module holding these parameters.
// Differentiable with respect to all five tensors. Throws std::invalid_argument on bad shapes.
torch::Tensor fusedLstm(const torch::Tensor &input, const torch::Tensor &weightIh,
                        const torch::Tensor &weightHh, const torch::Tensor &biasIh,
                        const torch::Tensor &biasHh);

}  // namespace sl::ml
