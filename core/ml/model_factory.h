#pragma once
// Builds a model from an architecture name and a config: what the trainer, the CLI and the model
// file loader use. Names: "late-fusion", "e-mib", "l-mib", "c-mib", "kan-mcp", "camib".
#include "core/ml/model.h"

#include <memory>
#include <string>
#include <vector>

namespace sl::ml {

class KanImpl;

struct ArchitectureInfo {
    std::string name;
    std::string summary;  // one line, for `train --help`
};

const std::vector<ArchitectureInfo> &architectures();

// Throws std::invalid_argument for an unknown name (listing the known ones) or invalid settings.
// Parameters are initialised from LibTorch's global generator: seed it first (torch::manual_seed)
// for a reproducible model.
std::shared_ptr<SentimentModel> createModel(const std::string &architecture,
                                            const ModelConfig &config);

// The model's KAN (KAN-MCP), for edge plots and attribution; null when it has none.
const KanImpl *findKan(const SentimentModel &model);

}  // namespace sl::ml
