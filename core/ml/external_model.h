#pragma once
// Models trained elsewhere (PyTorch on a cluster) and exported as TorchScript, run behind the
// same SentimentModel interface. A JSON description says how to call the module and read its
// result; it lives inside the archive as the extra file "sentilens.json" or beside it as
// "<file>.json":
//   {"format": "sentilens-external", "format_version": 1, "name": "mult-cluster",
//    "inputs": ["text", "text_lengths", "audio", "audio_lengths", "visual", "visual_lengths"],
//    "contract": {"text": {"dim": 768, "extractor": "...", "version": "..."}, "audio": ..., ...},
//    "label_scale": "mosi",
//    "outputs": {"container": "dict", "multimodal": "prediction",
//                "unimodal": {"text": "out_t"}, "internals": {"causal.mask": "mask"}}}
// "inputs" lists forward()'s arguments in order: a modality's name is its (batch, time, dims)
// features, "<modality>_lengths" its int64 lengths; an absent modality is passed as one zero frame
// with length 0. "container" is "tensor" (forward returns the prediction), "tuple" (keys are
// positions, e.g. "0") or "dict" (keys are the dict's string keys). Unimodal outputs and
// internals are optional and are shown by the explanation views when present.
#include "core/ml/feature_contract.h"
#include "core/ml/json.h"
#include "core/ml/model.h"

#include <torch/csrc/jit/api/module.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace sl::ml {

inline constexpr const char *kExternalFormat = "sentilens-external";

struct ExternalDescription {
    std::string name;
    FeatureContract contract;
    std::string labelScale;
    std::vector<std::pair<Modality, bool>> inputs;  // (modality, true: its lengths)
    std::string container;                          // "tensor", "tuple" or "dict"
    std::string multimodal;                         // key of the prediction
    std::map<Modality, std::string> unimodal;       // keys of unimodal predictions
    std::map<std::string, std::string> internals;   // internal name -> key

    static ExternalDescription fromJson(const Json &json);  // throws JsonError
};

// Wraps a loaded TorchScript module (put in eval mode) as a prediction-only SentimentModel whose
// architecture is "external:<name>". The bottleneck mode does not reach the module.
std::shared_ptr<SentimentModel> makeExternalModel(torch::jit::Module module,
                                                  const ExternalDescription &description,
                                                  const torch::Device &device);

}  // namespace sl::ml
