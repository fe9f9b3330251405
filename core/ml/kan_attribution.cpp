#include "core/ml/kan_attribution.h"

#include <stdexcept>

namespace sl::ml {

namespace {
torch::Tensor batchSpread(const torch::Tensor &values)
{
    return values.std(0, /*unbiased=*/true);
}

// Each layer's edge weights (outputs, inputs) propagated back from the outputs: edge[k, j, i] =
// weight[j, i] * nodeScore[k, j], node scores the sums over outgoing edges, averaged over k.
KanAttribution propagate(const KanOutput &pass, const std::vector<torch::Tensor> &weights)
{
    const std::int64_t outputs = pass.output.size(1);
    // nodeScore[k, j]: score of node j at the current level with respect to network output k.
    torch::Tensor nodeScore = torch::eye(outputs, pass.output.options());
    std::vector<torch::Tensor> edgeAll(pass.layers.size());
    std::vector<torch::Tensor> nodeAll(pass.layers.size() + 1);
    nodeAll.back() = nodeScore;
    for (std::size_t l = pass.layers.size(); l-- > 0;) {
        edgeAll[l] = weights[l].unsqueeze(0) * nodeScore.unsqueeze(2);
        nodeScore = edgeAll[l].sum(1);
        nodeAll[l] = nodeScore;
    }
    KanAttribution result;
    for (const torch::Tensor &e : edgeAll)
        result.edgeScores.push_back(e.mean(0));
    for (const torch::Tensor &n : nodeAll)
        result.nodeScores.push_back(n.mean(0));
    return result;
}
}  // namespace

KanLayerScales layerScales(const KanLayerOutput &layer)
{
    if (layer.edges.size(0) < 2)
        throw std::invalid_argument("KAN batch scores need at least two samples (use clipScores for one)");
    const torch::Tensor edge = batchSpread(layer.edges.detach());
    const torch::Tensor inputSpread = batchSpread(layer.input.detach()) + 0.1;
    return {edge, batchSpread(layer.nodeSums.detach()), edge / inputSpread.unsqueeze(0)};
}

KanAttribution attribute(const KanOutput &pass)
{
    TORCH_CHECK(!pass.layers.empty(), "attribute: the pass has no layers");
    std::vector<torch::Tensor> weights;
    for (const KanLayerOutput &layer : pass.layers) {
        const KanLayerScales scales = layerScales(layer);
        weights.push_back(scales.edge / (scales.subnode + 1e-4).unsqueeze(1));
    }
    return propagate(pass, weights);
}

KanAttribution clipScores(const KanOutput &pass)
{
    TORCH_CHECK(!pass.layers.empty(), "clipScores: the pass has no layers");
    if (pass.output.size(0) != 1)
        throw std::invalid_argument("clipScores: expected a pass over one clip");
    std::vector<torch::Tensor> weights;
    for (const KanLayerOutput &layer : pass.layers) {
        const torch::Tensor magnitude = layer.edges.detach()[0].abs();  // (outputs, inputs)
        const torch::Tensor inflow = magnitude.sum(1, /*keepdim=*/true);
        weights.push_back(torch::where(inflow > 0, magnitude / inflow.clamp_min(1e-30),
                                       torch::zeros_like(magnitude)));
    }
    return propagate(pass, weights);
}

torch::Tensor edgeAlpha(const torch::Tensor &scores, double beta)
{
    return torch::tanh(beta * scores);
}

}  // namespace sl::ml
