#pragma once
// MCPareto, KAN-MCP's gradient balancing between the multimodal loss and one modality's own loss
// (after MMPareto). For the parameters of modality m's encoder:
//  1. if the two gradients point the same way (cosine > 0), both get weight 0.5; otherwise the
//     weights are the two-task min-norm (MGDA) solution, the point of the segment between the two
//     gradients closest to the origin, which no longer harms either loss;
//  2. per parameter tensor the new gradient is 2 k_mm g_mm + 2 k_m g_m, stretched to the length of
//     the ordinary total gradient when that is longer, then multiplied by gamma (1.5).
// Works on lists of gradient tensors, one per parameter, so it does not care about the model.
#include <torch/types.h>

#include <vector>

namespace sl::ml {

using GradientList = std::vector<torch::Tensor>;

// The gradients of `parameters` right now, copied; zeros where a parameter has none.
GradientList captureGradients(const std::vector<torch::Tensor> &parameters);

// Sets each parameter's gradient to the matching tensor of `gradients`.
void assignGradients(const std::vector<torch::Tensor> &parameters, const GradientList &gradients);

// Inner product and cosine of two gradient lists, as if every list were flattened into one vector.
// The cosine is 0 when either side is all zeros.
double gradientDot(const GradientList &a, const GradientList &b);
double gradientCosine(const GradientList &a, const GradientList &b);

// Weights (first, second) with first + second = 1 that minimise |first * v1 + second * v2|, from
// the three inner products (min_norm_solvers' two-vector case). When one vector already is the
// minimum (v1.v2 >= v1.v1, or >= v2.v2) the weights stop at 0.999 / 0.001 rather than 1 / 0.
struct MinNormWeights {
    double first = 0.5;
    double second = 0.5;
    double cost = 0.0;  // the squared norm at the solution, as the solver reports it
};
MinNormWeights minNormTwo(double v1v1, double v1v2, double v2v2);

struct ParetoWeights {
    double multimodal = 0.5;  // k_mm
    double unimodal = 0.5;    // k_m
    double cosine = 0.0;      // between the two gradients
    bool conflicting = false; // cosine <= 0: the min-norm weights were used
};

ParetoWeights paretoWeights(const GradientList &multimodal, const GradientList &unimodal);

// The balanced gradients for one modality's parameters, tensor by tensor. `total` is the gradient
// of the full loss (L_mm + weight1 * sum of unimodal losses). A tensor whose combined gradient is
// zero stays zero (the reference code would divide by zero there).
GradientList paretoGradients(const GradientList &multimodal, const GradientList &unimodal,
                             const GradientList &total, const ParetoWeights &weights,
                             double gamma = 1.5);

}  // namespace sl::ml
