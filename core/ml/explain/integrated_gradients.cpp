#include "core/ml/explain/integrated_gradients.h"

#include <ATen/Context.h>
#include <torch/autograd.h>
#include <torch/utils.h>

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>
#include <stdexcept>

namespace sl::ml::explain {

namespace {

std::int64_t clipCount(const ModelInput &clips)
{
    for (const ModalityInput &in : clips.modalities)
        if (in.lengths.defined())
            return in.lengths.size(0);
    return 0;
}

// f(x) and f(baseline) for every clip, in one pass of 2n rows.
std::pair<torch::Tensor, torch::Tensor> endpoints(SentimentModel &model, const ModelInput &clips,
                                                  const std::array<torch::Tensor, kModalityCount> &base,
                                                  std::int64_t n)
{
    torch::NoGradGuard noGrad;
    ModelInput both = clips;
    for (Modality m : kModalities) {
        if (!base[index(m)].defined())
            continue;
        both[m].features = torch::cat({clips[m].features, base[index(m)]}, 0);
        both[m].lengths = clips[m].lengths.repeat({2});
    }
    const torch::Tensor values = model.forward(both, BottleneckMode::Mean).prediction.detach()
                                     .to(torch::kCPU, torch::kFloat64);
    return {values.narrow(0, 0, n), values.narrow(0, n, n)};
}

// cuDNN's LSTM has no backward pass in eval mode; LibTorch's own LSTM kernels have. Switched off
// for the gradient passes only, and restored afterwards (also when they throw).
class CudnnOff {
public:
    CudnnOff() : previous_(at::globalContext().userEnabledCuDNN()) { at::globalContext().setUserEnabledCuDNN(false); }
    ~CudnnOff() { at::globalContext().setUserEnabledCuDNN(previous_); }
    CudnnOff(const CudnnOff &) = delete;
    CudnnOff &operator=(const CudnnOff &) = delete;

private:
    bool previous_;
};

}  // namespace

namespace {

ModelInput selectClips(const ModelInput &clips, const torch::Tensor &rows)
{
    ModelInput subset = clips;
    for (Modality m : kModalities) {
        if (!clips[m].features.defined())
            continue;
        subset[m].features = clips[m].features.index_select(0, rows.to(clips[m].features.device()));
        subset[m].lengths = clips[m].lengths.index_select(0, rows.to(clips[m].lengths.device()));
    }
    return subset;
}

// Gauss-Legendre nodes and weights on [0, 1] (weights sum to 1): the path integral of a smooth
// model converges far faster than with midpoints (exact for polynomials of degree 2n - 1), so fewer
// clips need more steps. Nodes by Newton's method on the Legendre polynomial P_n, in double.
std::pair<torch::Tensor, torch::Tensor> gaussLegendre(std::int64_t n)
{
    std::vector<double> nodes(static_cast<size_t>(n)), weights(static_cast<size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
        double x = std::cos(M_PI * (double(i) + 0.75) / (double(n) + 0.5));
        double derivative = 0;
        for (int iteration = 0; iteration < 100; ++iteration) {
            double p0 = 1, p1 = x;  // P_0, P_1; then the recurrence up to P_n
            for (std::int64_t k = 2; k <= n; ++k) {
                const double p2 = ((2.0 * double(k) - 1.0) * x * p1 - (double(k) - 1.0) * p0) / double(k);
                p0 = p1;
                p1 = p2;
            }
            const double pn = n == 1 ? x : p1, pn1 = n == 1 ? 1.0 : p0;
            derivative = double(n) * (x * pn - pn1) / (x * x - 1.0);
            const double step = pn / derivative;
            x -= step;
            if (std::fabs(step) < 1e-15)
                break;
        }
        nodes[size_t(i)] = (1.0 - x) / 2.0;  // map [-1, 1] to [0, 1], ascending
        weights[size_t(i)] = 1.0 / ((1.0 - x * x) * derivative * derivative);  // 2/((1-x^2)P'^2), halved
    }
    return {torch::tensor(nodes, torch::kFloat64).to(torch::kFloat32), torch::tensor(weights, torch::kFloat64)};
}

// Attributions (n, time) per present modality of `clips` against `base`, with `steps` Gauss-Legendre
// points.
std::array<torch::Tensor, kModalityCount> attributionsAt(SentimentModel &model, const ModelInput &clips,
                                                         const std::array<torch::Tensor, kModalityCount> &base,
                                                         std::int64_t n, std::int64_t steps, int maxRowsPerPass)
{
    const auto [alphas, weights] = gaussLegendre(steps);
    const std::int64_t clipsPerPass = std::max<std::int64_t>(1, maxRowsPerPass / steps);
    std::array<torch::Tensor, kModalityCount> attributions;  // (n, time) each
    for (Modality m : kModalities)
        if (base[index(m)].defined())
            attributions[index(m)] = torch::zeros({n, clips[m].features.size(1)}, torch::kFloat64);
    const CudnnOff cudnnOff;
    for (std::int64_t first = 0; first < n; first += clipsPerPass) {
        const std::int64_t count = std::min(clipsPerPass, n - first);
        // Row r = clip (first + r / steps) at alpha (r % steps).
        ModelInput path;
        std::array<torch::Tensor, kModalityCount> leaves, deltas;
        for (Modality m : kModalities) {
            path[m].present = false;
            if (!base[index(m)].defined())
                continue;
            const torch::Tensor x = clips[m].features.narrow(0, first, count).to(torch::kFloat32);
            const torch::Tensor b = base[index(m)].narrow(0, first, count);
            deltas[index(m)] = x - b;
            const torch::Tensor a = alphas.to(x.device()).view({1, steps, 1, 1});
            leaves[index(m)] = (b.unsqueeze(1) + a * (x - b).unsqueeze(1))
                                   .reshape({count * steps, x.size(1), x.size(2)})
                                   .detach()
                                   .requires_grad_(true);
            path[m].present = true;
            path[m].features = leaves[index(m)];
            path[m].lengths = clips[m].lengths.narrow(0, first, count).repeat_interleave(steps);
        }
        const torch::Tensor prediction = model.forward(path, BottleneckMode::Mean).prediction;
        std::vector<torch::Tensor> inputs;
        std::vector<Modality> order;
        for (Modality m : kModalities)
            if (leaves[index(m)].defined()) {
                inputs.push_back(leaves[index(m)]);
                order.push_back(m);
            }
        // allow_unused: a modality the architecture ignores has no gradient (its attribution is 0).
        const std::vector<torch::Tensor> grads =
            torch::autograd::grad({prediction.sum()}, inputs, {}, false, false, true);
        for (size_t k = 0; k < order.size(); ++k) {
            const Modality m = order[k];
            if (!grads[k].defined())
                continue;
            const torch::Tensor meanGrad =
                (grads[k].detach().to(torch::kFloat64).view({count, steps, grads[k].size(1), grads[k].size(2)}) *
                 weights.to(grads[k].device()).view({1, steps, 1, 1}))
                    .sum(1);
            attributions[index(m)].narrow(0, first, count)
                .copy_((meanGrad * deltas[index(m)]).sum(-1).to(torch::kCPU, torch::kFloat64));
        }
    }

    return attributions;
}

}  // namespace

std::vector<SaliencyResult> integratedGradients(SentimentModel &model, const ModelInput &clips,
                                                const Baseline &baseline,
                                                const IntegratedGradientsOptions &options)
{
    if (options.steps < 1 || options.maxSteps < options.steps)
        throw std::invalid_argument("integrated gradients need at least one step, and maxSteps >= steps");
    model.eval();
    const std::int64_t n = clipCount(clips);
    if (n == 0)
        return {};
    std::array<torch::Tensor, kModalityCount> base;  // (n, time, dims) where present
    for (Modality m : kModalities)
        if (clips[m].present && clips[m].features.defined())
            base[index(m)] = baselineFeatures(clips[m].features.to(torch::kFloat32), clips[m].lengths,
                                              baseline.values[index(m)]);
    const auto [fInput, fBaseline] = endpoints(model, clips, base, n);
    const torch::Tensor explained = (fInput - fBaseline).abs().clamp_min(0.01);

    std::array<torch::Tensor, kModalityCount> attributions =
        attributionsAt(model, clips, base, n, options.steps, options.maxRowsPerPass);
    std::vector<int> stepsUsed(static_cast<size_t>(n), options.steps);
    const auto relativeErrors = [&]() {
        torch::Tensor sum = torch::zeros({n}, torch::kFloat64);
        for (const torch::Tensor &a : attributions)
            if (a.defined())
                sum += a.sum(1);  // padding frames hold exactly 0
        return (sum - (fInput - fBaseline)).abs() / explained;
    };
    // Refine the clips over the tolerance with twice the steps, until they pass or reach maxSteps.
    for (std::int64_t steps = 2 * std::int64_t(options.steps); steps <= options.maxSteps; steps *= 2) {
        const torch::Tensor failing = (relativeErrors() > options.tolerance).nonzero().view({-1});
        if (failing.numel() == 0)
            break;
        std::array<torch::Tensor, kModalityCount> subBase;
        for (Modality m : kModalities)
            if (base[index(m)].defined())
                subBase[index(m)] = base[index(m)].index_select(0, failing.to(base[index(m)].device()));
        const auto refined = attributionsAt(model, selectClips(clips, failing), subBase, failing.numel(),
                                            steps, options.maxRowsPerPass);
        for (Modality m : kModalities)
            if (attributions[index(m)].defined())
                attributions[index(m)].index_copy_(0, failing, refined[index(m)]);
        for (std::int64_t k = 0; k < failing.numel(); ++k)
            stepsUsed[size_t(failing[k].item<std::int64_t>())] = int(steps);
    }
    const torch::Tensor relative = relativeErrors();

    std::vector<SaliencyResult> results(static_cast<size_t>(n));
    for (std::int64_t i = 0; i < n; ++i) {
        SaliencyResult &r = results[size_t(i)];
        r.fInput = fInput[i].item<double>();
        r.fBaseline = fBaseline[i].item<double>();
        for (Modality m : kModalities) {
            if (!attributions[index(m)].defined())
                continue;
            const std::int64_t length =
                std::min(clips[m].lengths[i].item<std::int64_t>(), attributions[index(m)].size(1));
            const torch::Tensor row = attributions[index(m)][i].narrow(0, 0, std::max<std::int64_t>(0, length))
                                          .contiguous();
            r.steps[index(m)].assign(row.data_ptr<double>(), row.data_ptr<double>() + row.numel());
            for (double value : r.steps[index(m)])
                r.modalityTotal[index(m)] += value;
            r.attributionSum += r.modalityTotal[index(m)];
        }
        r.completenessError = std::fabs(r.attributionSum - (r.fInput - r.fBaseline));
        r.relativeError = relative[i].item<double>();
        r.stepsUsed = stepsUsed[size_t(i)];
        r.reliable = r.relativeError <= options.tolerance;
    }
    return results;
}

}  // namespace sl::ml::explain
