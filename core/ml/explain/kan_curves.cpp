#include "core/ml/explain/kan_curves.h"

#include "core/ml/kan.h"
#include "core/ml/kan_attribution.h"

#include <torch/utils.h>

#include <algorithm>

namespace sl::ml::explain {

namespace {

std::shared_ptr<KanImpl> findKan(SentimentModel &model)
{
    for (const auto &child : model.named_children())
        if (child.key() == "kan")
            return std::dynamic_pointer_cast<KanImpl>(child.value());
    return nullptr;
}

std::vector<double> toVector(const torch::Tensor &t)
{
    const torch::Tensor flat = t.detach().to(torch::kCPU, torch::kFloat64).contiguous().view({-1});
    return {flat.data_ptr<double>(), flat.data_ptr<double>() + flat.numel()};
}

// The KAN's input: the model's "latent" internal, from a deterministic pass without gradients.
torch::Tensor kanInput(SentimentModel &model, const ModelInput &input)
{
    model.eval();
    torch::NoGradGuard noGrad;
    const ModelOutput out = model.forward(input, BottleneckMode::Mean);
    const auto latent = out.internals.find("latent");
    if (latent == out.internals.end())
        throw std::invalid_argument(model.architecture() + ": the model has a KAN but no \"latent\" internal");
    return latent->second;
}

// KAN-MCP's inputs are the modalities' latents side by side (kan_mcp.cpp): with a width that is
// a multiple of three, the first third is text, then audio, then visual.
std::vector<std::string> inputNames(std::int64_t width)
{
    static const char *codes[] = {"T", "A", "V"};
    std::vector<std::string> names;
    for (std::int64_t i = 0; i < width; ++i) {
        // Appending step by step: GCC 12 warns falsely on "literal" + std::to_string(...).
        std::string name;
        if (width % 3 == 0) {
            name.append(codes[i / (width / 3)]).append(".z").append(std::to_string(i % (width / 3) + 1));
        } else {
            name.append("x").append(std::to_string(i + 1));
        }
        names.push_back(name);
    }
    return names;
}

std::array<double, kModalityCount> perModality(const std::vector<double> &scores)
{
    std::array<double, kModalityCount> sums{};
    if (scores.size() % 3 != 0)
        return sums;
    for (size_t i = 0; i < scores.size(); ++i)
        sums[i / (scores.size() / 3)] += scores[i];
    return sums;
}

}  // namespace

bool hasKan(SentimentModel &model)
{
    return findKan(model) != nullptr;
}

KanCurves kanCurves(SentimentModel &model, const ModelInput &dataset, const KanCurveOptions &options)
{
    KanCurves curves;
    const std::shared_ptr<KanImpl> kan = findKan(model);
    if (!kan) {
        curves.reason = model.architecture() + " has no KAN";
        return curves;
    }
    curves.available = true;
    const torch::Tensor latent = kanInput(model, dataset);
    torch::NoGradGuard noGrad;
    const KanOutput pass = kan->forward(latent);
    // pykan's batch scores need two samples; a one-clip dataset gets the per-clip score.
    const KanAttribution attribution = latent.size(0) > 1 ? attribute(pass) : clipScores(pass);
    const std::vector<std::int64_t> &widths = kan->options().widths();
    curves.nodeNames.push_back(inputNames(widths.front()));
    for (size_t level = 1; level < widths.size(); ++level) {
        std::vector<std::string> names;
        for (std::int64_t i = 0; i < widths[level]; ++i) {
            // Appended step by step for the same GCC 12 warning as in inputNames().
            std::string name;
            if (level + 1 == widths.size())
                name.append("M").append(widths[level] == 1 ? "" : std::to_string(i + 1));
            else
                name.append("h").append(std::to_string(level)).append(".").append(std::to_string(i + 1));
            names.push_back(name);
        }
        curves.nodeNames.push_back(names);
    }
    curves.featureScores = toVector(attribution.featureScores());
    curves.modalityScores = perModality(curves.featureScores);

    // An even subsample of the dataset's rows for the operating points.
    const std::int64_t rows = latent.size(0);
    const std::int64_t kept = std::min<std::int64_t>(rows, std::max(1, options.maxDatasetPoints));
    const torch::Tensor sample =
        kept == rows ? torch::arange(rows) : torch::linspace(0, double(rows - 1), kept).round().to(torch::kInt64);
    const std::int64_t points = std::max(2, options.points);
    for (size_t l = 0; l < kan->layerCount(); ++l) {
        const KanLayerImpl &layer = kan->layer(l);
        const torch::Tensor data = pass.layers[l].input.detach().cpu();
        // Range: the interior of the spline grid, widened to the data.
        const torch::Tensor grid = layer.grid().detach().cpu();
        const std::int64_t k = layer.order();
        torch::Tensor low = torch::minimum(grid.select(1, k), data.amin(0));
        torch::Tensor high = torch::maximum(grid.select(1, grid.size(1) - 1 - k), data.amax(0));
        const torch::Tensor unit = torch::linspace(0, 1, points).unsqueeze(1);  // (points, 1)
        const torch::Tensor xs = low.unsqueeze(0) + unit * (high - low).unsqueeze(0);  // (points, inputs)
        // The layer's own forward on the grid gives every edge's values at once.
        // To the layer's own device (grid above is a CPU copy): on CUDA the layer runs there.
        const KanLayerOutput sampled = layer.forward(xs.to(layer.grid().device(), torch::kFloat32));
        const torch::Tensor mask = layer.mask().detach().cpu().t();  // (outputs, inputs)
        const torch::Tensor splinePart =
            (mask * layer.scaleSpline().detach().cpu().t()).unsqueeze(0) * sampled.splines.cpu();
        const torch::Tensor basePart =
            (mask * layer.scaleBase().detach().cpu().t()).unsqueeze(0) * torch::silu(xs).unsqueeze(1);
        const torch::Tensor edges = sampled.edges.cpu();
        const torch::Tensor dataEdges = pass.layers[l].edges.detach().cpu().index_select(0, sample);
        const torch::Tensor dataInputs = data.index_select(0, sample);
        const torch::Tensor scores = attribution.edgeScores[l].detach().cpu();
        const torch::Tensor supportLow = grid.select(1, 0), supportHigh = grid.select(1, grid.size(1) - 1);
        const torch::Tensor inside =
            ((data >= supportLow.unsqueeze(0)) & (data <= supportHigh.unsqueeze(0))).to(torch::kFloat64).mean(0);
        for (std::int64_t j = 0; j < layer.outputs(); ++j) {
            for (std::int64_t i = 0; i < layer.inputs(); ++i) {
                KanEdgeCurve edge;
                edge.layer = int(l);
                edge.input = int(i);
                edge.output = int(j);
                edge.x = toVector(xs.select(1, i));
                edge.base = toVector(basePart.select(1, j).select(1, i));
                edge.spline = toVector(splinePart.select(1, j).select(1, i));
                edge.total = toVector(edges.select(1, j).select(1, i));
                edge.datasetX = toVector(dataInputs.select(1, i));
                edge.datasetY = toVector(dataEdges.select(1, j).select(1, i));
                edge.importance = scores[j][i].item<double>();
                edge.supportLow = supportLow[i].item<double>();
                edge.supportHigh = supportHigh[i].item<double>();
                edge.insideSupport = inside[i].item<double>();
                edge.enabled = mask[j][i].item<double>() != 0.0;
                curves.edges.push_back(std::move(edge));
            }
        }
    }
    return curves;
}

std::vector<KanClipView> kanClipViews(SentimentModel &model, const ModelInput &clips)
{
    const std::shared_ptr<KanImpl> kan = findKan(model);
    if (!kan)
        return {};
    const torch::Tensor latent = kanInput(model, clips);
    torch::NoGradGuard noGrad;
    std::vector<KanClipView> views;
    for (std::int64_t c = 0; c < latent.size(0); ++c) {
        // Each clip on its own: its scores are its shares of the absolute flow (clipScores).
        const KanOutput pass = kan->forward(latent.narrow(0, c, 1));
        KanClipView view;
        for (const KanLayerOutput &layer : pass.layers) {
            const torch::Tensor x = layer.input[0].cpu(), y = layer.edges[0].cpu();  // (in), (out, in)
            for (std::int64_t j = 0; j < y.size(0); ++j)
                for (std::int64_t i = 0; i < y.size(1); ++i) {
                    view.edgeX.push_back(x[i].item<double>());
                    view.edgeY.push_back(y[j][i].item<double>());
                }
        }
        view.featureScores = toVector(clipScores(pass).featureScores());
        view.modalityScores = perModality(view.featureScores);
        views.push_back(std::move(view));
    }
    return views;
}

}  // namespace sl::ml::explain
