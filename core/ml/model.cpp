#include "core/ml/model.h"

#include "core/ml/padded_features.h"

#include <stdexcept>
#include <utility>

namespace sl::ml {

namespace {

std::string shapeText(const torch::Tensor &t)
{
    std::string text = "(";
    for (std::int64_t i = 0; i < t.dim(); ++i)
        text += (i ? ", " : "") + std::to_string(t.size(i));
    return text + ")";
}

// Checks one modality against the model's dims and the batch size, and turns it into the
// zero-padded, padding-cleared form the architectures expect.
PreparedModality prepare(const ModalityInput &in, Modality m, std::int64_t dims,
                         std::int64_t batch, const torch::Device &device,
                         const torch::Tensor &shift, const torch::Tensor &scale)
{
    const std::string name = modalityName(m);
    PreparedModality out;
    if (!in.present || !in.features.defined()) {
        out.features = torch::zeros({batch, 1, dims}, torch::TensorOptions(device));
        out.lengths = torch::zeros({batch}, torch::TensorOptions(device).dtype(torch::kInt64));
        out.present = torch::zeros({batch}, torch::TensorOptions(device));
        return out;
    }
    if (in.features.dim() != 3 || in.features.size(0) != batch || in.features.size(2) != dims)
        throw std::invalid_argument(name + " features have shape " + shapeText(in.features) +
                                    ", the model expects (" + std::to_string(batch) +
                                    ", time, " + std::to_string(dims) + ")");
    if (!in.lengths.defined() || in.lengths.dim() != 1 || in.lengths.size(0) != batch)
        throw std::invalid_argument(name + " lengths must have shape (" + std::to_string(batch) +
                                    ")");
    const std::int64_t time = in.features.size(1);
    torch::Tensor features = in.features.to(device, torch::kFloat32);
    out.lengths = in.lengths.to(device, torch::kInt64).clamp(0, time);
    if (time == 0) {
        features = torch::zeros({batch, 1, dims}, features.options());
    } else {
        // NaN/inf would poison every sample the batch touches, so they become 0, as MMSA's
        // loader does.
        features = cleanPaddedFeatures(features, out.lengths, shift, scale);
    }
    out.features = features;
    out.present = (out.lengths > 0).to(torch::kFloat32);
    return out;
}

std::int64_t batchSizeOf(const ModelInput &input)
{
    for (const ModalityInput &m : input.modalities)
        if (m.present && m.features.defined())
            return m.features.size(0);
    for (const ModalityInput &m : input.modalities)
        if (m.lengths.defined())
            return m.lengths.size(0);
    if (input.targets.multimodal.defined())
        return input.targets.multimodal.size(0);
    throw std::invalid_argument("model input has no modality, lengths or targets to size it");
}

}  // namespace

torch::Tensor PreparedBatch::unimodalTarget(Modality m) const
{
    const torch::Tensor &own = targets->unimodal[index(m)];
    return own.defined() ? own : targets->multimodal;
}

SentimentModel::SentimentModel(std::string architecture, ModelConfig config)
    : architecture_(std::move(architecture)), config_(std::move(config))
{
    for (Modality m : kModalities)
        if (config_.dims[index(m)] < 1)
            throw std::invalid_argument("model config: the " + modalityName(m) +
                                        " feature dim must be positive");
    const std::string scaling = config_.choice(kInputScalingKey, "none");
    if (scaling != "none" && scaling != kInputScalingStandardise)
        throw std::invalid_argument("unknown input scaling '" + scaling + "' (use " +
                                    kInputScalingStandardise + " or none)");
    scalesInputs_ = scaling == kInputScalingStandardise;
    if (scalesInputs_)
        for (Modality m : kModalities) {
            const std::string name = modalityName(m);
            inputShift_[index(m)] = register_buffer("input_shift_" + name, torch::zeros({config_.dims[index(m)]}));
            inputScale_[index(m)] = register_buffer("input_scale_" + name, torch::ones({config_.dims[index(m)]}));
        }
}

void SentimentModel::setInputScaling(Modality m, const FeatureScaling &scaling)
{
    if (!scalesInputs_)
        throw std::logic_error("this model does not scale its inputs");
    const std::int64_t dims = config_.dims[index(m)];
    if (scaling.shift.numel() != dims || scaling.scale.numel() != dims)
        throw std::invalid_argument("input scaling for " + modalityName(m) + " has " +
                                    std::to_string(scaling.shift.numel()) + " dims, the model " +
                                    std::to_string(dims));
    const torch::NoGradGuard noGrad;
    inputShift_[index(m)].copy_(scaling.shift.reshape({dims}));
    inputScale_[index(m)].copy_(scaling.scale.reshape({dims}));
}

FeatureScaling SentimentModel::inputScaling(Modality m) const
{
    if (!scalesInputs_)
        return {};
    return {inputShift_[index(m)], inputScale_[index(m)]};
}

ModelOutput SentimentModel::forward(const ModelInput &input, BottleneckMode mode)
{
    const torch::Device device = this->device();
    PreparedBatch batch;
    batch.size = batchSizeOf(input);
    for (Modality m : kModalities)
        batch.modalities[index(m)] = prepare(input[m], m, config_.dims[index(m)], batch.size,
                                             device, inputShift_[index(m)], inputScale_[index(m)]);
    Targets targets;
    if (input.targets.multimodal.defined()) {
        const auto toDevice = [&](const torch::Tensor &t) {
            if (!t.defined())
                return t;
            if (t.numel() != batch.size)
                throw std::invalid_argument("targets must have one value per sample");
            return t.to(device, torch::kFloat32).reshape({batch.size});
        };
        targets.multimodal = toDevice(input.targets.multimodal);
        for (Modality m : kModalities)
            targets.unimodal[index(m)] = toDevice(input.targets.unimodal[index(m)]);
        batch.targets = &targets;
    }
    ModelOutput out = run(batch, mode);
    for (Modality m : kModalities)
        out.internals[modalityName(m) + ".present"] = batch[m].present;
    return out;
}

torch::Device SentimentModel::device() const
{
    const std::vector<torch::Tensor> params = parameters();
    return params.empty() ? torch::Device(torch::kCPU) : params[0].device();
}

std::vector<ParameterGroup> SentimentModel::parameterGroups()
{
    return {{"all", parameters()}};
}

torch::Tensor timeMask(const torch::Tensor &lengths, std::int64_t time)
{
    return (torch::arange(time, lengths.options()).unsqueeze(0) < lengths.unsqueeze(1))
        .to(torch::kFloat32);
}

torch::Tensor maskedTimeMean(const torch::Tensor &features, const torch::Tensor &lengths)
{
    const torch::Tensor mask = timeMask(lengths, features.size(1)).unsqueeze(-1);
    const torch::Tensor count = lengths.clamp_min(1).to(features.scalar_type()).unsqueeze(1);
    return (features * mask).sum(1) / count;
}

torch::Tensor maskedMean(const torch::Tensor &perSample, const torch::Tensor &present)
{
    return (perSample * present).sum() / present.sum().clamp_min(1.0);
}

torch::Tensor maskedL1(const torch::Tensor &prediction, const torch::Tensor &target,
                       const torch::Tensor &present)
{
    return maskedMean((prediction - target).abs(), present);
}

torch::Tensor maskedKl(const BottleneckOutput &bottleneck, const torch::Tensor &present)
{
    return maskedMean(klToStandardNormal(bottleneck.mean, bottleneck.std, KlReduction::None)
                          .mean(1),
                      present);
}

void keepBottleneck(ModelOutput &out, const std::string &prefix, const BottleneckOutput &b)
{
    out.internals[prefix + ".mean"] = b.mean;
    out.internals[prefix + ".std"] = b.std;
}

double unimodalLossWeight(const ModelConfig &config, Modality m, double defaultWeight)
{
    return config.number("unimodal_weight", defaultWeight) *
           config.number("weight_" + modalityName(m), 1.0);
}

void requireSettings(const ModelConfig &config, const std::string &architecture,
                     std::vector<std::string> numberKeys, std::vector<std::string> choiceKeys)
{
    numberKeys.insert(numberKeys.end(),
                      {"unimodal_weight", "weight_text", "weight_audio", "weight_visual"});
    choiceKeys.push_back(kInputScalingKey);
    config.requireKnown(architecture, numberKeys, choiceKeys);
}

void addLoss(ModelOutput &out, const std::string &name, const torch::Tensor &value, double weight)
{
    out.losses[name] = value;
    out.loss = out.loss.defined() ? out.loss + weight * value : weight * value;
}

void addUnimodalLosses(ModelOutput &out, const PreparedBatch &batch, const ModelConfig &config,
                       double defaultWeight, const std::array<torch::Tensor, kModalityCount> &kl,
                       double beta)
{
    for (Modality m : kModalities) {
        torch::Tensor term = maskedL1(out.unimodal[index(m)], batch.unimodalTarget(m),
                                      batch[m].present);
        if (kl[index(m)].defined())
            term = term + beta * kl[index(m)];
        addLoss(out, modalityName(m), term, unimodalLossWeight(config, m, defaultWeight));
    }
}

}  // namespace sl::ml
