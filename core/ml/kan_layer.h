#pragma once
// One KAN layer as pykan 0.2 (MultKAN, which KAN-MCP vendors) defines it: every input i and output
// j are joined by a learnable 1-D function
//     phi_ij(x) = mask_ij * (scale_base_ij * silu(x) + scale_sp_ij * sum_c coef_ijc * B_c(x)),
// with B_c the B-splines of the given order on a fixed extended uniform grid. Output j is the sum
// of its incoming edges passed through pykan's subnode and node affine maps (identity unless a
// pykan model with trained affine maps is imported). Parameter and buffer names are pykan's.
#include "core/ml/bspline.h"

#include <torch/arg.h>
#include <torch/nn/cloneable.h>
#include <torch/nn/pimpl.h>
#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace sl::ml {

// How edge functions are built; one set serves every layer of a network. Defaults are those of
// MultKAN as KAN-MCP constructs it, from the copy of pykan that KAN-MCP vendors (current upstream
// pykan divides the initial scale_sp by sqrt(inputs); KAN-MCP's copy does not).
struct KanSplineOptions {
    TORCH_ARG(std::int64_t, grid_intervals) = 3;  // G
    TORCH_ARG(std::int64_t, order) = 3;           // k: cubic splines
    TORCH_ARG(double, grid_low) = -1.0;
    TORCH_ARG(double, grid_high) = 1.0;
    TORCH_ARG(double, noise_scale) = 0.3;        // spread of the random initial splines
    // scale_base starts at (mu + sigma * U(-1, 1)) / sqrt(inputs).
    TORCH_ARG(double, scale_base_mu) = 0.0;
    TORCH_ARG(double, scale_base_sigma) = 1.0;
    TORCH_ARG(double, scale_sp) = 1.0;           // scale_sp starts at this value on every edge
    // Share of the uniform grid in a grid adapted to samples (pykan's grid_eps); the rest follows
    // the samples' quantiles. pykan's default is 0.02; SentiLens uses 1, a uniform grid over the
    // samples' range: with G = 3 quantile knots bunched where the latents bunch, and KAN-MCP
    // training on the demo project diverged (loss above 1,000 by epoch 16).
    TORCH_ARG(double, grid_eps) = 1.0;
};

struct KanLayerOptions {
    KanLayerOptions(std::int64_t inputs, std::int64_t outputs)
        : inputs_(inputs), outputs_(outputs) {}
    TORCH_ARG(std::int64_t, inputs);
    TORCH_ARG(std::int64_t, outputs);
    TORCH_ARG(KanSplineOptions, spline);
};

// What a forward pass computed, kept for explanations (pykan's saved activations).
struct KanLayerOutput {
    torch::Tensor output;    // (batch, outputs): node values after the affine maps
    torch::Tensor input;     // (batch, inputs): the layer's input (pykan acts[l])
    torch::Tensor edges;     // (batch, outputs, inputs): phi_ij(x_i) (pykan spline_postacts)
    torch::Tensor splines;   // (batch, outputs, inputs): unscaled sum_c coef B_c (postsplines)
    torch::Tensor nodeSums;  // (batch, outputs): sum over i of phi_ij, before the affine maps
};

class KanLayerImpl : public torch::nn::Cloneable<KanLayerImpl> {
public:
    explicit KanLayerImpl(const KanLayerOptions &options);

    // Registers and initialises the tensors: splines fitted to small random noise, random
    // scale_base. Called by the constructor and by clone().
    void reset() override;

    // x: (batch, inputs).
    KanLayerOutput forward(const torch::Tensor &x) const;

    const KanLayerOptions &options() const { return options_; }
    std::int64_t inputs() const { return options_.inputs(); }
    std::int64_t outputs() const { return options_.outputs(); }
    std::int64_t order() const { return options_.spline().order(); }

    const torch::Tensor &grid() const { return grid_; }               // (inputs, G + 2k + 1)
    const torch::Tensor &coefficients() const { return coef_; }      // (inputs, outputs, G + k)
    const torch::Tensor &scaleBase() const { return scale_base_; }   // (inputs, outputs)
    const torch::Tensor &scaleSpline() const { return scale_sp_; }   // (inputs, outputs)
    const torch::Tensor &mask() const { return mask_; }              // (inputs, outputs), 0 or 1

    // pykan's update_grid_from_samples: each input's grid is moved to where x (batch, inputs) lies
    // (G + 1 knots: a uniform grid over the samples' range blended by grid_eps with their
    // quantiles, then extended by k knots on each side), and the coefficients are refitted so that
    // every spline keeps, in the least-squares sense, its values at the samples. Without it the
    // fixed grid of [-1, 1] leaves inputs that drift outside to the SiLU base alone. SentiLens's
    // own rule: the range is never narrower than the initial grid (grid_high - grid_low).
    void updateGridFromSamples(const torch::Tensor &x);

    // Switches edge input -> output off (pruning) or back on.
    void setEdgeEnabled(std::int64_t input, std::int64_t output, bool enabled);

private:
    KanLayerOptions options_;
    torch::Tensor grid_, coef_, scale_base_, scale_sp_, mask_;
    torch::Tensor subnode_scale_, subnode_bias_, node_scale_, node_bias_;
};
TORCH_MODULE(KanLayer);

// One edge function sampled at given x values, from the closed form above in double precision
// (independent of forward): what a plot of the edge needs.
struct EdgeCurve {
    std::vector<double> x;
    std::vector<double> base;    // mask * scale_base * silu(x)
    std::vector<double> spline;  // mask * scale_sp * sum_c coef_c B_c(x)
    std::vector<double> total;   // base + spline = phi(x)
};

EdgeCurve evaluateEdge(const KanLayerImpl &layer, std::int64_t input, std::int64_t output,
                       const std::vector<double> &x);

}  // namespace sl::ml
