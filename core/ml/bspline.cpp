#include "core/ml/bspline.h"

#include <stdexcept>

namespace sl::ml {

torch::Tensor extendedGrid(std::int64_t inputs, std::int64_t intervals, std::int64_t order,
                           double low, double high)
{
    if (inputs < 1 || intervals < 1 || order < 0 || !(low < high))
        throw std::invalid_argument("extendedGrid: needs inputs >= 1, intervals >= 1, order >= 0 "
                                    "and low < high");
    torch::Tensor grid = torch::linspace(low, high, intervals + 1, torch::kFloat32)
                             .unsqueeze(0)
                             .expand({inputs, intervals + 1});
    // One knot at a time on each side, as pykan does, so the rounding of every knot is the same.
    const torch::Tensor step =
        (grid.slice(1, -1) - grid.slice(1, 0, 1)) / static_cast<double>(intervals);
    for (std::int64_t i = 0; i < order; ++i) {
        grid = torch::cat({grid.slice(1, 0, 1) - step, grid}, 1);
        grid = torch::cat({grid, grid.slice(1, -1) + step}, 1);
    }
    return grid.contiguous();
}

torch::Tensor bsplineBasis(const torch::Tensor &x, const torch::Tensor &grid, std::int64_t order)
{
    TORCH_CHECK(x.dim() == 2 && grid.dim() == 2 && x.size(1) == grid.size(0),
                "bsplineBasis: x must be (batch, inputs) and grid (inputs, knots)");
    const std::int64_t knots = grid.size(1);
    TORCH_CHECK(knots >= order + 2, "bsplineBasis: too few knots for the order");
    const torch::Tensor t = grid.unsqueeze(0);  // (1, inputs, knots)
    const torch::Tensor v = x.unsqueeze(2);     // (batch, inputs, 1)

    torch::Tensor basis = ((v >= t.slice(2, 0, knots - 1)) & (v < t.slice(2, 1))).to(x.dtype());
    for (std::int64_t p = 1; p <= order; ++p) {
        const std::int64_t n = knots - p - 1;  // basis functions of order p
        const torch::Tensor ti = t.slice(2, 0, n);
        const torch::Tensor tip = t.slice(2, p, p + n);
        const torch::Tensor ti1 = t.slice(2, 1, 1 + n);
        const torch::Tensor tip1 = t.slice(2, p + 1, p + 1 + n);
        basis = (v - ti) / (tip - ti) * basis.slice(2, 0, n) +
                (tip1 - v) / (tip1 - ti1) * basis.slice(2, 1, 1 + n);
        // Repeated knots give 0/0; that term contributes nothing.
        basis = torch::nan_to_num(basis);
    }
    return basis;
}

torch::Tensor fitSplineCoefficients(const torch::Tensor &x, const torch::Tensor &y,
                                    const torch::Tensor &grid, std::int64_t order, double ridge)
{
    TORCH_CHECK(y.dim() == 3 && y.size(0) == x.size(0) && y.size(1) == x.size(1),
                "fitSplineCoefficients: y must be (samples, inputs, outputs)");
    // Solved in double precision: pykan solves in float32, where the 1e-8 ridge is below rounding
    // and the result picks up coefficients of size ~1 that are invisible at the samples but make
    // the splines wiggle between them. In double the fit is the intended small, smooth one.
    const auto f64 = torch::kFloat64;
    const std::int64_t outputs = y.size(2);
    // Design matrix per (input, output) pair: (inputs, outputs, samples, basis).
    const torch::Tensor design = bsplineBasis(x.to(f64), grid.to(f64), order)
                                     .permute({1, 0, 2})
                                     .unsqueeze(1)
                                     .expand({-1, outputs, -1, -1});
    const torch::Tensor designT = design.transpose(2, 3);
    // (inputs, outputs, samples, 1)
    const torch::Tensor target = y.to(f64).permute({1, 2, 0}).unsqueeze(3);
    const std::int64_t n = design.size(3);
    const torch::Tensor normal =
        designT.matmul(design) +
        ridge * torch::eye(n, design.options()).expand({design.size(0), outputs, n, n});
    return torch::pinverse(normal).matmul(designT.matmul(target)).squeeze(3).to(y.dtype());
}

std::vector<double> bsplineBasisValues(const std::vector<double> &knots, int order, double x)
{
    if (order < 0 || knots.size() < static_cast<std::size_t>(order) + 2)
        throw std::invalid_argument("bsplineBasisValues: too few knots for the order");
    const std::size_t intervals = knots.size() - 1;
    std::vector<double> b(intervals);
    for (std::size_t i = 0; i < intervals; ++i)
        b[i] = knots[i] <= x && x < knots[i + 1] ? 1.0 : 0.0;
    // Raise the order in place: B_{i,p} only needs B_{i,p-1} and B_{i+1,p-1}, both still unchanged
    // when i runs upwards.
    const auto ratio = [](double num, double den) { return den != 0.0 ? num / den : 0.0; };
    for (int p = 1; p <= order; ++p) {
        const std::size_t count = knots.size() - static_cast<std::size_t>(p) - 1;
        for (std::size_t i = 0; i < count; ++i) {
            b[i] = ratio(x - knots[i], knots[i + p] - knots[i]) * b[i] +
                   ratio(knots[i + p + 1] - x, knots[i + p + 1] - knots[i + 1]) * b[i + 1];
        }
        b.resize(count);
    }
    return b;
}

}  // namespace sl::ml
