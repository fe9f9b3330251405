#pragma once
// Constructors of the built-in architectures, one per source file; model_factory.h is the public
// way to reach them by name. Each throws std::invalid_argument for unknown or invalid settings.
#include "core/ml/model.h"

#include <memory>

namespace sl::ml {

// late_fusion.cpp: "late-fusion"
std::shared_ptr<SentimentModel> makeLateFusion(const ModelConfig &config);
// mib.cpp: "e-mib", "l-mib", "c-mib"
std::shared_ptr<SentimentModel> makeMib(const std::string &variant, const ModelConfig &config);
// kan_mcp.cpp: "kan-mcp"
std::shared_ptr<SentimentModel> makeKanMcp(const ModelConfig &config);
// camib.cpp: "camib"
std::shared_ptr<SentimentModel> makeCamib(const ModelConfig &config);

}  // namespace sl::ml
