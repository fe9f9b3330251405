#pragma once
// B-splines on pykan's extended uniform grid, the numeric core of a KAN edge. The tensor functions
// follow pykan's definitions (Cox-de Boor recursion, half-open order-0 indicators, 0/0 taken as 0)
// so that coefficients move between the two without conversion; bsplineBasisValues is a separate
// scalar implementation for evaluating and drawing single edges.
#include <torch/types.h>

#include <cstdint>
#include <vector>

namespace sl::ml {

// `intervals` equal intervals on [low, high], extended by `order` knots of the same spacing on each
// side: intervals + 2 * order + 1 knots, one identical row per input, shape (inputs, knots).
// Built with pykan's float32 operations so that the knots agree with pykan's to the bit.
torch::Tensor extendedGrid(std::int64_t inputs, std::int64_t intervals, std::int64_t order,
                           double low, double high);

// Every basis function of the given order at every x: x (batch, inputs), grid (inputs, knots)
// -> (batch, inputs, knots - order - 1). Inside [grid[order], grid[knots - order - 1]) the values
// sum to 1; outside [grid[0], grid[knots - 1]) they are all 0.
torch::Tensor bsplineBasis(const torch::Tensor &x, const torch::Tensor &grid, std::int64_t order);

// Coefficients whose splines pass closest to y at x (pykan's curve2coef): least squares through
// the normal equations with a small ridge term, which keeps the fit defined when there are fewer
// samples than basis functions (as at initialisation). Solved in double precision whatever the
// dtype of y, which is the dtype returned. x (samples, inputs), y (samples, inputs, outputs)
// -> (inputs, outputs, knots - order - 1).
torch::Tensor fitSplineCoefficients(const torch::Tensor &x, const torch::Tensor &y,
                                    const torch::Tensor &grid, std::int64_t order,
                                    double ridge = 1e-8);

// The same basis as bsplineBasis for one knot vector and one x, in double precision, without
// LibTorch: knots.size() - order - 1 values.
std::vector<double> bsplineBasisValues(const std::vector<double> &knots, int order, double x);

}  // namespace sl::ml
