#pragma once
// The JSON description inside a SentiLens model file (the "sentilens.json" extra file of the
// TorchScript archive): what the model is, what it expects, how it was trained and how well it
// did. Free of LibTorch, so the store and the views can read it without loading the model.
#include "core/ml/feature_contract.h"
#include "core/ml/input_envelope.h"
#include "core/ml/json.h"
#include "core/ml/metrics.h"
#include "core/ml/model_config.h"
#include "core/ml/training_record.h"

#include <map>
#include <optional>
#include <string>

namespace sl::ml {

inline constexpr const char *kModelFormat = "sentilens-model";
inline constexpr int kModelFormatVersion = 1;

struct ModelDescription {
    std::string architecture;
    ModelConfig config;
    FeatureContract contract;   // its dims must equal config.dims
    std::string labelScale;     // "mosi" or "sims"
    std::string inference = "mean";  // default bottleneck mode at inference: "mean" or "sampled"
    std::optional<TrainingRecord> training;
    std::map<std::string, MetricList> metrics;  // per target ("M", "T", "A", "V") or split
    // 64-bit FNV-1a over the parameter bytes, in file order, as hex: catches damaged tensor data
    // that the archive itself would not notice. Filled in by saveModel.
    std::string parameterDigest;
    // Where the training inputs lay (input_envelope.h). Absent in files written before it
    // existed and in imported models: their predictions report "no envelope".
    std::optional<InputEnvelope> envelope;

    Json toJson() const;
    static ModelDescription fromJson(const Json &json);  // throws JsonError
};

}  // namespace sl::ml
