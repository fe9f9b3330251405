#include "core/ml/kan_attribution.h"

namespace sl::ml {

namespace {
// Spread over the batch dimension; see KanLayerScales for the one-sample case.
torch::Tensor spread(const torch::Tensor &values)
{
    return values.size(0) > 1 ? values.std(0, /*unbiased=*/true) : values[0].abs();
}
}  // namespace

KanLayerScales layerScales(const KanLayerOutput &layer)
{
    const torch::Tensor edge = spread(layer.edges.detach());
    const torch::Tensor input = layer.input.detach();
    // pykan adds 0.1 to the input spread for batches, but not to the one-sample absolute value.
    const torch::Tensor inputSpread = input.size(0) > 1 ? spread(input) + 0.1 : spread(input);
    return {edge, spread(layer.nodeSums.detach()), edge / inputSpread.unsqueeze(0)};
}

KanAttribution attribute(const KanOutput &pass)
{
    TORCH_CHECK(!pass.layers.empty(), "attribute: the pass has no layers");
    const std::int64_t outputs = pass.output.size(1);
    // nodeScore[k, j]: score of node j at the current level with respect to network output k.
    torch::Tensor nodeScore = torch::eye(outputs, pass.output.options());
    std::vector<torch::Tensor> edgeAll(pass.layers.size());
    std::vector<torch::Tensor> nodeAll(pass.layers.size() + 1);
    nodeAll.back() = nodeScore;
    for (std::size_t l = pass.layers.size(); l-- > 0;) {
        const KanLayerScales scales = layerScales(pass.layers[l]);
        // edge[k, j, i] = edgeSpread[j, i] * nodeScore[k, j] / (subnodeSpread[j] + 1e-4)
        edgeAll[l] = scales.edge.unsqueeze(0) * (nodeScore / (scales.subnode + 1e-4)).unsqueeze(2);
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

torch::Tensor edgeAlpha(const torch::Tensor &scores, double beta)
{
    return torch::tanh(beta * scores);
}

}  // namespace sl::ml
