#pragma once
// The variational information bottleneck block of MIB and KAN-MCP's DRD-MIB:
//     h = relu(W_e x),  mu = W_mu h,  std = softplus(W_s h - 5),  z = mu + std * eps,
// with an optional linear decoder from z to a prediction. The shift of 5 makes the initial noise
// tiny (std ~ softplus(-5) ~ 0.0067) so training starts almost deterministic. Plus the KL terms
// that keep z close to a prior.
#include <torch/arg.h>
#include <torch/nn/cloneable.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <cstdint>

namespace sl::ml {

struct VariationalBottleneckOptions {
    VariationalBottleneckOptions(std::int64_t inputs, std::int64_t hidden, std::int64_t latent)
        : inputs_(inputs), hidden_(hidden), latent_(latent) {}
    TORCH_ARG(std::int64_t, inputs);
    TORCH_ARG(std::int64_t, hidden);       // MIB 1024; DRD-MIB 1024 (MOSI) or 518 (MOSEI)
    TORCH_ARG(std::int64_t, latent);       // MIB 50; DRD-MIB 3
    TORCH_ARG(std::int64_t, predictions) = 1;  // decoder outputs; 0 for no decoder
    TORCH_ARG(double, std_shift) = 5.0;
};

// Sampled draws z = mu + std * eps as the papers' code does, in training and at test time alike.
// Mean returns z = mu: a deterministic output (the app's default for inference).
enum class BottleneckMode { Sampled, Mean };

struct BottleneckOutput {
    torch::Tensor z;           // (batch, latent)
    torch::Tensor mean;        // (batch, latent)
    torch::Tensor std;         // (batch, latent), > 0
    torch::Tensor prediction;  // (batch, predictions) from z; undefined without a decoder
};

class VariationalBottleneckImpl : public torch::nn::Cloneable<VariationalBottleneckImpl> {
public:
    explicit VariationalBottleneckImpl(const VariationalBottleneckOptions &options);
    void reset() override;

    // x: (batch, inputs). Sampled mode draws eps from LibTorch's global generator
    // (torch::manual_seed makes it repeatable).
    BottleneckOutput forward(const torch::Tensor &x, BottleneckMode mode = BottleneckMode::Sampled);

    const VariationalBottleneckOptions &options() const { return options_; }

private:
    VariationalBottleneckOptions options_;
    torch::nn::Linear encoder_{nullptr}, meanHead_{nullptr}, stdHead_{nullptr}, decoder_{nullptr};
};
TORCH_MODULE(VariationalBottleneck);

// How the element-wise KL values are combined. Mean (over batch and dimensions) is what the MIB
// and KAN-MCP code uses; Sum is the textbook KL of the whole batch; None keeps the elements.
enum class KlReduction { Mean, Sum, None };

// KL(N(mean, std^2) || N(0, 1)) per element: 0.5 * (mean^2 + std^2 - 2 log std - 1).
torch::Tensor klToStandardNormal(const torch::Tensor &mean, const torch::Tensor &std,
                                 KlReduction reduction = KlReduction::Mean);

// KL(N(mean1, std1^2) || N(mean2, std2^2)) per element for diagonal Gaussians:
// log(std2 / std1) + (std1^2 + (mean1 - mean2)^2) / (2 std2^2) - 1/2.
torch::Tensor klDiagonalGaussians(const torch::Tensor &mean1, const torch::Tensor &std1,
                                  const torch::Tensor &mean2, const torch::Tensor &std2,
                                  KlReduction reduction = KlReduction::Mean);

// The bottleneck's training loss in MIB and DRD-MIB: L1(prediction, target) + beta * KL (mean).
torch::Tensor bottleneckLoss(const BottleneckOutput &output, const torch::Tensor &target,
                             double beta = 1e-3);

}  // namespace sl::ml
