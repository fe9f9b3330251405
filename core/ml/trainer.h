#pragma once
// Trains a SentimentModel on an in-memory dataset: AdamW with parameter groups, a linear warm-up
// then linear decay of the learning rate (or a constant rate), selection and early stopping on
// the validation set (lowest multimodal MAE, MMSA's "Loss" key, or lowest MSE as the MIB and
// KAN-MCP scripts select), MCPareto for models that support it, progress per step and per epoch,
// and cancellation that takes effect before the next step (or between the forward and backward
// pass of the current one). Adam without weight decay, the MIB scripts' optimiser, is AdamW with
// weightDecay 0: the two updates are then the same.
//
// Reproducibility: the seed is given to LibTorch's global generator (bottleneck noise, dropout,
// CaMIB's backdoor permutation) and to a separate generator for the data order, and the CPU
// thread count is fixed; the same model initialisation, data, options and LibTorch build then give
// the same numbers to the last digit on the CPU. (Seed before createModel() for the same
// initialisation.)
#include "core/ml/dataset.h"
#include "core/ml/evaluation.h"
#include "core/ml/json.h"
#include "core/ml/model.h"
#include "core/ml/training_record.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace sl::ml {

struct TrainerOptions {
    int epochs = 30;
    std::int64_t batchSize = 32;
    double learningRate = 1e-3;
    // Per parameter group (ParameterGroup::name, e.g. "text"), overriding learningRate.
    std::map<std::string, double> groupLearningRates;
    double weightDecay = 0.01;
    double warmupFraction = 0.1;  // of all steps; KAN-MCP's scripts use 0.5
    int patience = 8;             // epochs after warm-up without improvement before stopping; 0: never
    std::uint64_t seed = 1111;
    int threads = 0;              // 0: LibTorch's current setting
    std::string labelScale = "mosi";
    bool pareto = true;           // MCPareto where the model supports it
    double paretoGamma = 1.5;
    std::string device = "cpu";   // "auto", "cpu", "cuda", "cuda:N"
    BottleneckMode trainingMode = BottleneckMode::Sampled;
    BottleneckMode validationMode = BottleneckMode::Mean;
    bool constantRate = false;    // true: no warm-up and no decay (the MIB scripts)
    bool selectOnMse = false;     // true: the best epoch has the lowest validation MSE, not MAE
    std::string recipe = "sentilens";  // recorded: "sentilens" or "paper" (training_recipe.h)
    std::string optimizerName = "AdamW";  // recorded as the recipe names it ("Adam": decay 0)

    Json toJson() const;
};

struct TrainingProgress {
    enum class Kind { Step, Epoch };
    Kind kind = Kind::Step;
    int epoch = 0;                 // 1-based
    std::int64_t step = 0;         // steps done so far
    std::int64_t totalSteps = 0;
    double loss = 0;               // step: this batch's total; epoch: mean over the epoch
    double learningRate = 0;       // base rate after the schedule
    // Epoch only.
    double validationLoss = 0;        // multimodal MAE
    double validationSquaredError = 0;  // multimodal MSE
    MetricList validationMetrics;
    bool improved = false;
};

using ProgressCallback = std::function<void(const TrainingProgress &)>;

struct TrainingResult {
    TrainingRecord record;
    Evaluation validation;  // at the best epoch (empty without a validation set)
    bool cancelled = false;
};

// Trains `model` in place and leaves it with the weights of the best validation epoch (the last
// epoch without a validation set). `validation` may be empty. `labelSnapshot` identifies the
// labels (id or hash); it is only recorded. Throws std::invalid_argument for bad options or data.
// A CUDA error falls back to the CPU: training restarts there from the initial weights and the
// record notes why.
TrainingResult train(SentimentModel &model, const Dataset &training, const Dataset &validation,
                     const TrainerOptions &options, const std::string &labelSnapshot = {},
                     const ProgressCallback &progress = {},
                     const std::atomic<bool> *cancel = nullptr);

// The schedule's factor on the base learning rate before step `step` (0-based) of `total`:
// rises linearly to 1 over the warm-up steps (the first step already at 1/warmup), then falls
// linearly to 0 at the end.
double learningRateFactor(std::int64_t step, std::int64_t total, std::int64_t warmup);

}  // namespace sl::ml
