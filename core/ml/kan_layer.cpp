#include "core/ml/kan_layer.h"

#include <cmath>
#include <stdexcept>

namespace sl::ml {

KanLayerImpl::KanLayerImpl(const KanLayerOptions &options) : options_(options)
{
    if (options_.inputs() < 1 || options_.outputs() < 1)
        throw std::invalid_argument("KanLayer: inputs and outputs must be at least 1");
    reset();
}

void KanLayerImpl::reset()
{
    torch::NoGradGuard noGrad;
    const KanSplineOptions &spline = options_.spline();
    const std::int64_t in = options_.inputs();
    const std::int64_t out = options_.outputs();
    const std::int64_t intervals = spline.grid_intervals();
    const std::int64_t k = spline.order();
    const double rootIn = std::sqrt(static_cast<double>(in));

    grid_ = register_buffer(
        "grid", extendedGrid(in, intervals, k, spline.grid_low(), spline.grid_high()));
    // pykan starts each spline as a least-squares fit to uniform noise at the G + 1 grid points:
    // nearly flat, but not identical across edges. The noise is drawn before scale_base, in
    // pykan's order, so one seed gives the same random numbers in both.
    const torch::Tensor noise = (torch::rand({intervals + 1, in, out}) - 0.5) *
                                spline.noise_scale() / static_cast<double>(intervals);
    const torch::Tensor points = grid_.slice(1, k, grid_.size(1) - k).transpose(0, 1);
    coef_ = register_parameter("coef", fitSplineCoefficients(points, noise, grid_, k));
    mask_ = register_buffer("mask", torch::ones({in, out}));
    scale_base_ = register_parameter(
        "scale_base", spline.scale_base_mu() / rootIn +
                          spline.scale_base_sigma() * (torch::rand({in, out}) * 2 - 1) / rootIn);
    // KAN-MCP's pykan copy: scale_sp * mask, not divided by sqrt(inputs) as upstream pykan does.
    scale_sp_ = register_parameter("scale_sp", torch::ones({in, out}) * spline.scale_sp() * mask_);
    subnode_scale_ = register_buffer("subnode_scale", torch::ones({out}));
    subnode_bias_ = register_buffer("subnode_bias", torch::zeros({out}));
    node_scale_ = register_buffer("node_scale", torch::ones({out}));
    node_bias_ = register_buffer("node_bias", torch::zeros({out}));
}

KanLayerOutput KanLayerImpl::forward(const torch::Tensor &x) const
{
    TORCH_CHECK(x.dim() == 2 && x.size(1) == inputs(), "KanLayer: expected input (batch, ",
                inputs(), "), got ", x.sizes());
    const torch::Tensor basis = bsplineBasis(x, grid_, order());                 // (b, in, c)
    const torch::Tensor splines = torch::einsum("bic,ioc->bio", {basis, coef_});  // (b, in, out)
    const torch::Tensor base = torch::silu(x).unsqueeze(2);                       // (b, in, 1)
    const torch::Tensor edges = mask_ * (scale_base_ * base + scale_sp_ * splines);
    const torch::Tensor sums = edges.sum(1);                                      // (b, out)
    const torch::Tensor output = node_scale_ * (subnode_scale_ * sums + subnode_bias_) + node_bias_;
    return {output, x, edges.permute({0, 2, 1}), splines.permute({0, 2, 1}), sums};
}

void KanLayerImpl::updateGridFromSamples(const torch::Tensor &x)
{
    TORCH_CHECK(x.dim() == 2 && x.size(1) == inputs() && x.size(0) >= 2,
                "KanLayer: grid update needs samples (batch >= 2, ", inputs(), "), got ", x.sizes());
    torch::NoGradGuard noGrad;
    const std::int64_t k = order();
    const std::int64_t intervals = grid_.size(1) - 1 - 2 * k;
    const torch::Tensor sorted = std::get<0>(x.detach().to(grid_.device(), grid_.dtype()).sort(0));  // (batch, in)
    // The splines' current values at the samples, to be kept by the new coefficients.
    const torch::Tensor values = torch::einsum("bic,ioc->bio", {bsplineBasis(sorted, grid_, k), coef_});
    const std::int64_t batch = sorted.size(0);
    std::vector<std::int64_t> rows;
    for (std::int64_t i = 0; i < intervals; ++i)
        rows.push_back(batch * i / intervals);
    rows.push_back(batch - 1);
    const torch::Tensor adaptive =
        sorted.index_select(0, torch::tensor(rows, torch::kInt64).to(sorted.device())).t();  // (in, G+1)
    // The range covered: the samples', widened symmetrically to at least the initial grid's width
    // (grid_high - grid_low). Latents bunched into a narrow range early in training otherwise get
    // a grid so fine that the splines' slopes explode.
    const double minWidth = options_.spline().grid_high() - options_.spline().grid_low();
    const torch::Tensor centre = (adaptive.slice(1, 0, 1) + adaptive.slice(1, intervals)) / 2;
    const torch::Tensor halfWidth =
        ((adaptive.slice(1, intervals) - adaptive.slice(1, 0, 1)) / 2).clamp_min(minWidth / 2);
    const torch::Tensor low = torch::minimum(adaptive.slice(1, 0, 1), centre - halfWidth);
    const torch::Tensor high = torch::maximum(adaptive.slice(1, intervals), centre + halfWidth);
    const torch::Tensor unit = torch::arange(intervals + 1, adaptive.options()).unsqueeze(0) / double(intervals);
    const torch::Tensor uniform = low + (high - low) * unit;
    // Quantile knots, clamped into the widened range at its ends.
    const torch::Tensor quantiles = torch::cat(
        {low, adaptive.slice(1, 1, intervals), high}, 1);
    const double eps = options_.spline().grid_eps();
    torch::Tensor grid = eps * uniform + (1.0 - eps) * quantiles;
    // Extended by k knots of the grid's mean spacing on each side, as pykan's extend_grid.
    const torch::Tensor step = (grid.slice(1, intervals) - grid.slice(1, 0, 1)) / double(intervals);
    for (std::int64_t i = 0; i < k; ++i) {
        grid = torch::cat({grid.slice(1, 0, 1) - step, grid}, 1);
        grid = torch::cat({grid, grid.slice(1, -1) + step}, 1);
    }
    grid_.copy_(grid);
    // A ridge that grows with the samples: the outer basis functions of the extended grid touch
    // the samples only with their tails, and pykan's 1e-8 leaves them free to take huge values
    // that the next epoch's slopes feed on (coefficients x30 in five updates on the demo).
    coef_.copy_(fitSplineCoefficients(sorted, values, grid_, k, 1e-3 * double(batch)));
}

void KanLayerImpl::setEdgeEnabled(std::int64_t input, std::int64_t output, bool enabled)
{
    TORCH_CHECK(input >= 0 && input < inputs() && output >= 0 && output < outputs(),
                "KanLayer: no edge ", input, " -> ", output);
    torch::NoGradGuard noGrad;
    mask_.index_put_({input, output}, enabled ? 1.0 : 0.0);
}

namespace {
std::vector<double> asDoubles(const torch::Tensor &t)
{
    const torch::Tensor d = t.detach().to(torch::kCPU, torch::kFloat64).contiguous();
    return {d.data_ptr<double>(), d.data_ptr<double>() + d.numel()};
}
}  // namespace

EdgeCurve evaluateEdge(const KanLayerImpl &layer, std::int64_t input, std::int64_t output,
                       const std::vector<double> &x)
{
    TORCH_CHECK(input >= 0 && input < layer.inputs() && output >= 0 && output < layer.outputs(),
                "evaluateEdge: no edge ", input, " -> ", output);
    const std::vector<double> knots = asDoubles(layer.grid()[input]);
    const std::vector<double> coef = asDoubles(layer.coefficients()[input][output]);
    const double mask = layer.mask()[input][output].item<double>();
    const double scaleBase = mask * layer.scaleBase()[input][output].item<double>();
    const double scaleSpline = mask * layer.scaleSpline()[input][output].item<double>();
    const int order = static_cast<int>(layer.order());

    EdgeCurve curve{x, {}, {}, {}};
    for (double v : x) {
        const std::vector<double> basis = bsplineBasisValues(knots, order, v);
        double spline = 0.0;
        for (std::size_t c = 0; c < basis.size(); ++c)
            spline += coef[c] * basis[c];
        const double base = scaleBase * v / (1.0 + std::exp(-v));
        curve.base.push_back(base);
        curve.spline.push_back(scaleSpline * spline);
        curve.total.push_back(base + scaleSpline * spline);
    }
    return curve;
}

}  // namespace sl::ml
