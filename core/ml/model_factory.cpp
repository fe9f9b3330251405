#include "core/ml/model_factory.h"

#include "core/ml/architectures.h"
#include "core/ml/kan.h"

#include <stdexcept>

namespace sl::ml {

const std::vector<ArchitectureInfo> &architectures()
{
    static const std::vector<ArchitectureInfo> list = {
        {"late-fusion", "late-fusion baseline: one scored encoder per modality, weighted sum"},
        {"e-mib", "MIB, early fusion: fused features through one information bottleneck"},
        {"l-mib", "MIB, late fusion: one bottleneck per modality, fused latents"},
        {"c-mib", "MIB, complete: unimodal bottlenecks, fusion, multimodal bottleneck"},
        {"kan-mcp", "KAN-MCP: DRD-MIB per modality to 3-d latents, KAN [9, 4, 1], MCPareto"},
        {"camib", "CaMIB: bottlenecks, causal/shortcut mask, instrument, backdoor adjustment"},
    };
    return list;
}

std::shared_ptr<SentimentModel> createModel(const std::string &architecture,
                                            const ModelConfig &config)
{
    if (architecture == "late-fusion")
        return makeLateFusion(config);
    if (architecture == "e-mib" || architecture == "l-mib" || architecture == "c-mib")
        return makeMib(architecture, config);
    if (architecture == "kan-mcp")
        return makeKanMcp(config);
    if (architecture == "camib")
        return makeCamib(config);
    std::string known;
    for (const ArchitectureInfo &info : architectures())
        known += (known.empty() ? "" : ", ") + info.name;
    throw std::invalid_argument("unknown architecture '" + architecture + "' (known: " + known +
                                ")");
}

const KanImpl *findKan(const SentimentModel &model)
{
    for (const auto &child : model.modules(/*include_self=*/false))
        if (const auto *kan = child->as<KanImpl>())
            return kan;
    return nullptr;
}

}  // namespace sl::ml
