#pragma once
// The one interface every SentiLens model implements, native or imported.
//
// Input: per modality (text, audio, visual) a zero-padded sequence (batch × time × dims) and the
// valid lengths (int64, batch). A modality can be missing for the whole batch (`present` false,
// features may be left undefined) or for single samples (length 0); either way the model sees
// zeros for it, the sample is flagged in the "<modality>.present" internal tensor, and unimodal
// losses skip it. Frames after a sample's length are zeroed before any layer sees them, so padding
// content can never change a prediction.
//
// Output: the multimodal prediction, the unimodal predictions where the architecture has heads
// for them, named internal tensors for the explanation views, and, when the input carries
// targets, the named loss terms and their weighted total.
#include "core/ml/input_scaling.h"
#include "core/ml/model_config.h"
#include "core/ml/modality.h"
#include "core/ml/variational.h"

#include <torch/nn/module.h>
#include <torch/types.h>

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sl::ml {

struct ModalityInput {
    torch::Tensor features;  // (batch, time, dims), float
    torch::Tensor lengths;   // (batch), int64; 0 marks the modality missing for that sample
    bool present = true;     // false: missing for every sample of the batch
};

struct Targets {
    torch::Tensor multimodal;                        // (batch)
    std::array<torch::Tensor, kModalityCount> unimodal;  // (batch) each; undefined: use multimodal
};

struct ModelInput {
    std::array<ModalityInput, kModalityCount> modalities;
    Targets targets;  // optional; with targets.multimodal defined, forward also gives the losses

    ModalityInput &operator[](Modality m) { return modalities[index(m)]; }
    const ModalityInput &operator[](Modality m) const { return modalities[index(m)]; }
};

// Names of the loss terms the trainer relies on (each architecture may add its own).
inline const std::string kLossMultimodal = "multimodal";  // the fused prediction's loss
// Unimodal losses are named after the modality ("text", "audio", "visual"), unweighted.

struct ModelOutput {
    torch::Tensor prediction;                            // (batch)
    std::array<torch::Tensor, kModalityCount> unimodal;  // (batch) each, or undefined
    std::map<std::string, torch::Tensor> internals;      // for explanations; see each model
    std::map<std::string, torch::Tensor> losses;         // scalar terms, before weighting
    torch::Tensor loss;                                  // weighted total; undefined w/o targets
};

// Optimiser parameter groups: the trainer may give each its own learning rate.
struct ParameterGroup {
    std::string name;
    std::vector<torch::Tensor> parameters;
};

// What forward() hands to an architecture after checking the input: per modality zero-padded
// features with padding zeroed (absent modalities as zeros of one frame), clamped lengths, and a
// float presence flag per sample.
struct PreparedModality {
    torch::Tensor features;  // (batch, time >= 1, dims)
    torch::Tensor lengths;   // (batch), int64
    torch::Tensor present;   // (batch), float 1/0
};

struct PreparedBatch {
    std::array<PreparedModality, kModalityCount> modalities;
    const Targets *targets = nullptr;  // null when the input has no targets
    std::int64_t size = 0;

    const PreparedModality &operator[](Modality m) const { return modalities[index(m)]; }
    // The label a modality's head learns: its own when given, else the multimodal one.
    torch::Tensor unimodalTarget(Modality m) const;
};

class SentimentModel : public torch::nn::Module {
public:
    SentimentModel(std::string architecture, ModelConfig config);

    const std::string &architecture() const { return architecture_; }
    const ModelConfig &config() const { return config_; }

    // Throws std::invalid_argument for inputs that do not fit the model (dims, batch sizes).
    // Mean is the deterministic inference the app uses; Sampled draws the bottlenecks' noise as
    // the papers' code does.
    ModelOutput forward(const ModelInput &input, BottleneckMode mode = BottleneckMode::Mean);

    // Every parameter in one group unless the architecture splits them (per modality + fusion).
    virtual std::vector<ParameterGroup> parameterGroups();
    // MCPareto: per modality the parameters that both the multimodal loss and that modality's
    // own loss train. Empty arrays: the architecture does not support MCPareto.
    virtual std::array<std::vector<torch::Tensor>, kModalityCount> paretoGroups() { return {}; }
    // Called by the trainer before every epoch with (a subsample of) the training split, after the
    // input scaling is fitted: layers that must follow where the data lies (KAN grids) adapt to
    // it. Most architectures have none.
    // `samples` builds the input on demand.
    virtual void adaptToSamples(const std::function<ModelInput()> &) {}
    // False for imported TorchScript models, which can only predict.
    virtual bool trainable() const { return true; }
    // Where inputs are moved before run(): that of the first parameter, else the CPU.
    virtual torch::Device device() const;

    // Input standardisation (setting "input_scaling": "standardise"; "none" or absent, as in
    // model files made before it existed, leaves features as they come). When on, every modality's
    // features are shifted and scaled per dim before any layer sees them; the numbers are buffers
    // of the model, identity until setInputScaling() is called (the trainer fits them).
    bool scalesInputs() const { return scalesInputs_; }
    void setInputScaling(Modality m, const FeatureScaling &scaling);
    FeatureScaling inputScaling(Modality m) const;

protected:
    virtual ModelOutput run(const PreparedBatch &batch, BottleneckMode mode) = 0;

private:
    std::string architecture_;
    ModelConfig config_;
    bool scalesInputs_ = false;
    std::array<torch::Tensor, kModalityCount> inputShift_, inputScale_;
};

// The values of the "input_scaling" setting.
inline const std::string kInputScalingKey = "input_scaling";
inline const std::string kInputScalingStandardise = "standardise";

// --- Helpers shared by the architectures ------------------------------------------------------

// (batch, time) float mask: 1 where t < length.
torch::Tensor timeMask(const torch::Tensor &lengths, std::int64_t time);
// Mean over each sample's valid frames; zeros for a sample of length 0.
torch::Tensor maskedTimeMean(const torch::Tensor &features, const torch::Tensor &lengths);
// Mean over samples with weight 1 of a per-sample value; 0 (with gradient) when none has.
torch::Tensor maskedMean(const torch::Tensor &perSample, const torch::Tensor &present);
// Masked L1 between predictions and targets (both (batch)).
torch::Tensor maskedL1(const torch::Tensor &prediction, const torch::Tensor &target,
                       const torch::Tensor &present);
// KL(bottleneck || N(0, I)), mean over dims, then over present samples.
torch::Tensor maskedKl(const BottleneckOutput &bottleneck, const torch::Tensor &present);
// Adds a modality's bottleneck mean and std to the internals as "<prefix>.mean" / ".std".
void keepBottleneck(ModelOutput &out, const std::string &prefix, const BottleneckOutput &b);
// The per-modality loss weights every architecture reads: unimodal_weight * weight_<modality>.
double unimodalLossWeight(const ModelConfig &config, Modality m, double defaultWeight);
// config.requireKnown with the architecture's own number keys plus the unimodal weight keys.
void requireSettings(const ModelConfig &config, const std::string &architecture,
                     std::vector<std::string> numberKeys, std::vector<std::string> choiceKeys);
// Records loss term `name` and adds weight * value to the total (which it starts if undefined).
void addLoss(ModelOutput &out, const std::string &name, const torch::Tensor &value, double weight);
// Per modality: L1 of its head against its target over present samples, plus beta * kl[m] where
// kl[m] is given; recorded under the modality's name and weighted by unimodalLossWeight.
void addUnimodalLosses(ModelOutput &out, const PreparedBatch &batch, const ModelConfig &config,
                       double defaultWeight,
                       const std::array<torch::Tensor, kModalityCount> &kl = {}, double beta = 0);

}  // namespace sl::ml
