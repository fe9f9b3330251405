#include "tests/ml/synthetic_data.h"

#include <torch/types.h>
#include <torch/utils.h>

using namespace sl::ml;

Dataset makeSyntheticDataset(const SyntheticSpec &spec)
{
    torch::manual_seed(spec.seed);
    const std::int64_t n = spec.samples;
    Dataset data;
    std::array<torch::Tensor, 3> scores;
    for (Modality m : kModalities) {
        const std::size_t i = index(m);
        scores[i] = torch::rand({n}) * 2 - 1;
        data.lengths[i] = spec.variableLengths
                              ? torch::randint(1, spec.maxTime[i] + 1, {n}, torch::kInt64)
                              : torch::full({n}, spec.maxTime[i], torch::kInt64);
        torch::Tensor features = torch::randn({n, spec.maxTime[i], spec.dims[i]}) * 0.3;
        features.select(2, 0).add_(scores[i].unsqueeze(1));
        data.features[i] = features * timeMask(data.lengths[i], spec.maxTime[i]).unsqueeze(2);
        data.unimodalLabels[i] = scores[i] * 3;
    }
    data.labels = (1.5 * scores[0] + scores[1] - scores[2]).clamp(-3, 3);
    return data;
}

ModelConfig tinyConfig(const std::string &architecture, const std::array<std::int64_t, 3> &dims)
{
    ModelConfig config;
    config.dims = dims;
    if (architecture == "late-fusion") {
        config.numbers = {{"hidden", 12}};
    } else if (architecture == "kan-mcp") {
        config.numbers = {{"bottleneck_hidden", 24}};
    } else if (architecture == "camib") {
        config.numbers = {{"hidden", 12}, {"bottleneck_hidden", 24}, {"latent", 8},
                          {"fused", 12},  {"mask_hidden", 12}};
    } else {  // MIB variants
        config.numbers = {{"hidden", 12}, {"bottleneck_hidden", 24}, {"latent", 8}};
    }
    return config;
}
