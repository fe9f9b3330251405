#pragma once
// The fusion choices of the MIB code for three per-modality vectors of the same size d, each
// giving a d-sized fused vector:
//  - concat:   Linear(3d, d) + ReLU over [t; a; v] (the paper's default)
//  - add:      t + a + v
//  - multiply: t * a * v, with a missing modality replaced by ones so that it drops out instead of
//              zeroing the product
//  - tensor:   the MIB reference's tensor fusion (TFN): outer product of [t; 1], [a; 1], [v; 1]
//              ((d+1)^3 values) -> dropout 0.5 -> Linear -> d, then tanh(Linear(d, d)), then
//              ReLU(Linear(d, d)): the activations identity / tanh / ReLU of its E-MIB and L-MIB
//              files (its C-MIB file uses tanh for all three; one head serves all variants here).
//              Large: d = 50 gives 6.6 M weights in the first Linear.
// Low-rank and graph fusion of the MIB code are not offered.
#include <torch/nn/cloneable.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <array>
#include <cstdint>
#include <string>

namespace sl::ml {

enum class FusionKind { Concat, Add, Multiply, Tensor };

FusionKind fusionKind(const std::string &name);  // throws std::invalid_argument

class FusionImpl : public torch::nn::Cloneable<FusionImpl> {
public:
    FusionImpl(std::int64_t size, FusionKind kind);
    void reset() override;

    // Each vector (batch, size); present (batch) float flags per modality.
    torch::Tensor forward(const std::array<torch::Tensor, 3> &vectors,
                          const std::array<torch::Tensor, 3> &present);

private:
    std::int64_t size_;
    FusionKind kind_;
    torch::nn::Linear linear_{nullptr};
    // Tensor fusion only: the reference's post-fusion dropout and its second and third layers.
    torch::nn::Dropout dropout_{nullptr};
    torch::nn::Linear second_{nullptr}, third_{nullptr};
};
TORCH_MODULE(Fusion);

}  // namespace sl::ml
