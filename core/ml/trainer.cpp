#include "core/ml/trainer.h"

#include "core/ml/device.h"
#include "core/ml/fused_adamw.h"
#include "core/ml/pareto_step.h"

#include <ATen/Parallel.h>
#include <c10/util/Exception.h>
#include <torch/optim/adamw.h>
#include <torch/utils.h>
#include <torch/version.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <random>
#include <stdexcept>

namespace sl::ml {

namespace {

// Copies of every parameter and buffer, to keep the best epoch and to restart on the CPU.
std::vector<torch::Tensor> snapshot(SentimentModel &model)
{
    std::vector<torch::Tensor> state;
    for (const torch::Tensor &p : model.parameters())
        state.push_back(p.detach().clone());
    for (const torch::Tensor &b : model.buffers())
        state.push_back(b.detach().clone());
    return state;
}

void restore(SentimentModel &model, const std::vector<torch::Tensor> &state)
{
    torch::NoGradGuard noGrad;
    std::size_t i = 0;
    for (torch::Tensor &p : model.parameters())
        p.copy_(state[i++]);
    for (torch::Tensor &b : model.buffers())
        b.copy_(state[i++]);
}

// Fisher-Yates with a plain modulo: unlike std::shuffle and the standard distributions, the
// order is the same with every standard library.
std::vector<std::int64_t> shuffled(std::int64_t n, std::mt19937_64 &rng)
{
    std::vector<std::int64_t> order(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
        order[static_cast<std::size_t>(i)] = i;
    for (std::int64_t i = n - 1; i > 0; --i)
        std::swap(order[static_cast<std::size_t>(i)],
                  order[static_cast<std::size_t>(rng() % static_cast<std::uint64_t>(i + 1))]);
    return order;
}

std::unique_ptr<torch::optim::AdamW> makeOptimizer(SentimentModel &model,
                                                   const TrainerOptions &options,
                                                   std::vector<double> &baseRates)
{
    std::vector<torch::optim::OptimizerParamGroup> groups;
    for (const ParameterGroup &group : model.parameterGroups()) {
        if (group.parameters.empty())
            continue;
        const auto it = options.groupLearningRates.find(group.name);
        const double rate = it == options.groupLearningRates.end() ? options.learningRate
                                                                    : it->second;
        baseRates.push_back(rate);
        groups.emplace_back(group.parameters,
                            std::make_unique<torch::optim::AdamWOptions>(
                                torch::optim::AdamWOptions(rate).weight_decay(options.weightDecay)));
    }
    return std::make_unique<FusedAdamW>(
        std::move(groups),
        torch::optim::AdamWOptions(options.learningRate).weight_decay(options.weightDecay));
}

struct Run {
    SentimentModel &model;
    const Dataset &training;
    const Dataset &validation;
    const TrainerOptions &options;
    const ProgressCallback &progress;
    const std::atomic<bool> *cancel;

    bool cancelled() const { return cancel && cancel->load(); }

    // One whole training on the device the model is on; fills result.
    void go(TrainingResult &result)
    {
        TrainingRecord &record = result.record;
        torch::manual_seed(options.seed);
        std::mt19937_64 orderRng(options.seed);
        std::vector<double> baseRates;
        auto optimizer = makeOptimizer(model, options, baseRates);
        const bool pareto = options.pareto && !model.paretoGroups()[0].empty();
        const MetricScale scale = metricScale(options.labelScale);

        const std::int64_t n = training.size();
        const std::int64_t perEpoch = (n + options.batchSize - 1) / options.batchSize;
        const std::int64_t total = perEpoch * options.epochs;
        const auto warmup = static_cast<std::int64_t>(std::llround(options.warmupFraction * total));
        // Up to 512 training clips, evenly spread, for models that adapt layers to the data; built
        // only when a model asks (most never do, KAN-MCP before its first epoch).
        const auto samples = [this, n] {
            const std::int64_t count = std::min<std::int64_t>(n, 512);
            return training.batch(torch::linspace(0, double(n - 1), count).round().to(torch::kInt64));
        };
        std::vector<torch::Tensor> best;
        double bestLoss = std::numeric_limits<double>::infinity();
        int sinceBest = 0;
        record.stopReason = "completed";

        for (int epoch = 1; epoch <= options.epochs; ++epoch) {
            model.adaptToSamples(samples);
            model.train();
            const std::vector<std::int64_t> order = shuffled(n, orderRng);
            double lossSum = 0;
            for (std::int64_t b = 0; b < perEpoch; ++b) {
                if (cancelled())
                    return stop(result, "cancelled", best);
                const std::int64_t from = b * options.batchSize;
                const std::int64_t to = std::min(n, from + options.batchSize);
                const torch::Tensor indices = torch::tensor(
                    std::vector<std::int64_t>(order.begin() + from, order.begin() + to),
                    torch::kInt64);
                const ModelOutput out =
                    model.forward(training.batch(indices), options.trainingMode);
                if (cancelled())
                    return stop(result, "cancelled", best);
                const double factor =
                    options.constantRate ? 1.0 : learningRateFactor(record.steps, total, warmup);
                for (std::size_t g = 0; g < baseRates.size(); ++g)
                    static_cast<torch::optim::AdamWOptions &>(
                        optimizer->param_groups()[g].options())
                        .lr(baseRates[g] * factor);
                if (pareto) {
                    paretoBackward(model, out, options.paretoGamma);
                } else {
                    clearGradients(model);
                    out.loss.backward();
                }
                optimizer->step();
                ++record.steps;
                const double loss = out.loss.item<double>();
                lossSum += loss;
                if (progress)
                    progress({TrainingProgress::Kind::Step, epoch, record.steps, total, loss,
                              options.learningRate * factor, 0, 0, {}, false});
            }
            record.epochsRun = epoch;
            TrainingProgress summary{TrainingProgress::Kind::Epoch, epoch, record.steps, total,
                                     lossSum / static_cast<double>(perEpoch),
                                     options.learningRate *
                                         (options.constantRate ? 1.0 : learningRateFactor(record.steps - 1, total, warmup)),
                                     0, 0, {}, false};
            if (validation.size() > 0) {
                const Evaluation eval = evaluate(
                    predict(model, validation, options.validationMode), validation, scale);
                const double key = options.selectOnMse ? eval.squaredError : eval.loss;
                summary.validationLoss = eval.loss;
                summary.validationSquaredError = eval.squaredError;
                summary.validationMetrics = eval.multimodal;
                summary.improved = key < bestLoss;
                if (summary.improved) {
                    bestLoss = key;
                    best = snapshot(model);
                    record.bestEpoch = epoch;
                    result.validation = eval;
                    sinceBest = 0;
                } else if (options.constantRate || record.steps > warmup) {
                    // Epochs still warming up do not count against patience: while the rate
                    // climbs, validation may well stall (KAN-MCP warms up for half its steps,
                    // which on a small project used to end training before the rate peaked).
                    ++sinceBest;
                }
            } else {
                record.bestEpoch = epoch;
            }
            if (progress)
                progress(summary);
            if (options.patience > 0 && sinceBest >= options.patience)
                return stop(result, "early-stop", best);
        }
        stop(result, record.stopReason, best);
    }

    void stop(TrainingResult &result, const std::string &reason,
              const std::vector<torch::Tensor> &best)
    {
        result.record.stopReason = reason;
        result.cancelled = reason == "cancelled";
        if (!best.empty())
            restore(model, best);
        result.record.validationLoss = result.validation.loss;
        result.record.validationMetrics = result.validation.multimodal;
    }
};

void checkOptions(const TrainerOptions &options, const Dataset &training,
                  const Dataset &validation)
{
    if (options.optimizerName == "Adam" && options.weightDecay != 0.0)
        throw std::invalid_argument("trainer: Adam is run as AdamW with weight decay 0; a decay needs AdamW");
    if (options.epochs < 1 || options.batchSize < 1)
        throw std::invalid_argument("trainer: epochs and batch size must be at least 1");
    if (options.warmupFraction < 0 || options.warmupFraction > 1)
        throw std::invalid_argument("trainer: warm-up fraction must be in [0, 1]");
    metricScale(options.labelScale);
    training.validate();
    if (training.size() == 0)
        throw std::invalid_argument("trainer: the training set is empty");
    if (validation.labels.defined())
        validation.validate();
}

}  // namespace

double learningRateFactor(std::int64_t step, std::int64_t total, std::int64_t warmup)
{
    if (step < warmup)
        return static_cast<double>(step + 1) / static_cast<double>(warmup);
    if (total <= warmup)
        return 1.0;
    return std::max(0.0, static_cast<double>(total - step) / static_cast<double>(total - warmup));
}

Json TrainerOptions::toJson() const
{
    JsonObject groups;
    for (const auto &[name, rate] : groupLearningRates)
        groups[name] = Json(rate);
    const auto modeName = [](BottleneckMode m) {
        return Json(m == BottleneckMode::Mean ? "mean" : "sampled");
    };
    return Json(JsonObject{{"epochs", Json(epochs)},
                           {"batch_size", Json(batchSize)},
                           {"learning_rate", Json(learningRate)},
                           {"group_learning_rates", Json(groups)},
                           {"weight_decay", Json(weightDecay)},
                           {"warmup_fraction", Json(warmupFraction)},
                           {"patience", Json(patience)},
                           {"seed", Json(std::to_string(seed))},
                           {"threads", Json(threads)},
                           {"label_scale", Json(labelScale)},
                           {"pareto", Json(pareto)},
                           {"pareto_gamma", Json(paretoGamma)},
                           {"device", Json(device)},
                           {"training_mode", modeName(trainingMode)},
                           {"validation_mode", modeName(validationMode)},
                           {"schedule", Json(constantRate ? "constant" : "warmup-linear")},
                           {"selection", Json(selectOnMse ? "valid-mse" : "valid-mae")},
                           {"recipe", Json(recipe)},
                           {"optimizer", Json(optimizerName)}});
}

TrainingResult train(SentimentModel &model, const Dataset &training, const Dataset &validation,
                     const TrainerOptions &options, const std::string &labelSnapshot,
                     const ProgressCallback &progress, const std::atomic<bool> *cancel)
{
    checkOptions(options, training, validation);
    if (!model.trainable())
        throw std::invalid_argument("this model (" + model.architecture() +
                                    ") can only predict, not train");
    if (options.threads > 0)
        at::set_num_threads(options.threads);

    TrainingResult result;
    TrainingRecord &record = result.record;
    record.architecture = model.architecture();
    record.config = model.config();
    record.hyperparameters = options.toJson();
    record.seed = options.seed;
    record.threads = at::get_num_threads();
    record.labelSnapshot = labelSnapshot;
    record.labelScale = options.labelScale;
    record.libtorchVersion = TORCH_VERSION;
    record.trainSamples = training.size();
    record.validationSamples = validation.size();
    record.startedAt = utcTimestamp();
    const auto started = std::chrono::steady_clock::now();

    const DeviceChoice choice = chooseDevice(options.device);
    record.device = choice.selected;
    record.deviceNote = choice.note;
    // Fitted on the training split only, so validation and test see the numbers a new clip will.
    if (model.scalesInputs())
        for (Modality m : kModalities)
            if (training.features[index(m)].defined())
                model.setInputScaling(m, fitFeatureScaling(training.features[index(m)],
                                                           training.lengths[index(m)]));
    const std::vector<torch::Tensor> initial = snapshot(model);
    Run run{model, training, validation, options, progress, cancel};
    try {
        model.to(torch::Device(choice.selected));
        run.go(result);
    } catch (const c10::Error &error) {
        if (choice.selected == "cpu")
            throw;
        // A CUDA failure (out of memory, driver trouble): start again on the CPU.
        model.to(torch::kCPU);
        restore(model, initial);
        const std::string note = "CUDA failed (" + std::string(error.what_without_backtrace()) +
                                 "); trained on the CPU instead";
        result = TrainingResult{};
        result.record = record;
        result.record.steps = 0;
        result.record.device = "cpu";
        result.record.deviceNote = note;
        run.go(result);
    }
    result.record.finishedAt = utcTimestamp();
    result.record.seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace sl::ml
