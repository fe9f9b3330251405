#pragma once
// What a training run used and reached, kept with the model it produced (model files carry it
// as JSON) so that any number can be traced back to its data, settings and machine. Free of
// LibTorch so that views and the store can read it.
#include "core/ml/json.h"
#include "core/ml/metrics.h"
#include "core/ml/model_config.h"

#include <cstdint>
#include <string>

namespace sl::ml {

struct TrainingRecord {
    std::string architecture;
    ModelConfig config;
    Json hyperparameters;        // the trainer options as given
    std::uint64_t seed = 0;
    int threads = 0;             // CPU threads LibTorch used (results depend on it)
    std::string labelSnapshot;   // id or hash of the labels, from the caller
    std::string labelScale;      // "mosi" or "sims"
    std::string device;          // "cpu" or "cuda:N": where it actually ran
    std::string deviceNote;      // why that differs from the request, if it does
    std::string libtorchVersion;
    std::string startedAt, finishedAt;  // ISO 8601, UTC
    double seconds = 0;
    std::int64_t trainSamples = 0, validationSamples = 0;
    int epochsRun = 0;
    int bestEpoch = 0;            // 1-based; the weights kept are this epoch's
    std::int64_t steps = 0;
    std::string stopReason;       // "completed", "early-stop" or "cancelled"
    MetricList validationMetrics;  // multimodal, at the best epoch
    double validationLoss = 0;     // MAE at the best epoch (MMSA's "Loss" selection key)

    Json toJson() const;
    static TrainingRecord fromJson(const Json &json);  // throws JsonError
};

Json metricsToJson(const MetricList &metrics);  // array of [name, value] in order
MetricList metricsFromJson(const Json &json);

// The current time as "YYYY-MM-DDTHH:MM:SSZ".
std::string utcTimestamp();

}  // namespace sl::ml
