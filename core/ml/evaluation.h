#pragma once
// Predictions over a whole dataset and their MMSA metrics, per target (M, and T/A/V where the
// model has unimodal heads and the dataset has unimodal labels).
#include "core/ml/dataset.h"
#include "core/ml/metrics.h"
#include "core/ml/model.h"

#include <array>
#include <string>
#include <vector>

namespace sl::ml {

// "mosi" (also for MOSEI) or "sims" (also for SIMS v2); throws std::invalid_argument otherwise.
MetricScale metricScale(const std::string &labelScale);

struct Predictions {
    std::vector<double> multimodal;
    std::array<std::vector<double>, kModalityCount> unimodal;  // empty where the model has none
};

// Runs the model in evaluation mode, batch by batch, without gradients; the model's training
// flag is restored afterwards.
Predictions predict(SentimentModel &model, const Dataset &data, BottleneckMode mode,
                    std::int64_t batchSize = 128);

struct Evaluation {
    MetricList multimodal;
    std::array<MetricList, kModalityCount> unimodal;  // empty without head or labels
    double loss = 0;  // multimodal MAE: the selection key (MMSA's KeyEval "Loss", an L1)
    double squaredError = 0;  // multimodal MSE: the selection key of the MIB and KAN-MCP scripts
};

Evaluation evaluate(const Predictions &predictions, const Dataset &data, MetricScale scale);

}  // namespace sl::ml
