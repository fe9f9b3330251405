#pragma once
// One MCPareto backward pass for a model that exposes paretoGroups() (KAN-MCP), following the
// reference training loop (models.md 3.5): gradients of the multimodal loss and of each unimodal
// loss are taken separately, the full loss's gradient last; then each modality's group gets the
// balanced gradient of mcpareto.h and every other parameter keeps the full loss's gradient.
// Leaves the result in the parameters' .grad(), ready for the optimiser.
#include "core/ml/mcpareto.h"
#include "core/ml/model.h"

#include <array>

namespace sl::ml {

std::array<ParetoWeights, kModalityCount> paretoBackward(SentimentModel &model,
                                                         const ModelOutput &output,
                                                         double gamma = 1.5);

// Clears every parameter's gradient (to undefined, so absent gradients stay recognisable).
void clearGradients(SentimentModel &model);

}  // namespace sl::ml
