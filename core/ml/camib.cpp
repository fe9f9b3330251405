// CaMIB, the causal multimodal information bottleneck (Jiang, Jiang, Hu, Mai; arXiv 2509.21805).
// No code is public and the paper's equations could not be read here (only its abstract and
// reviews of the full text): this follows the description summarised in models.md section 5, and
// every part whose exact form is unverified is a setting. Where the description leaves the model
// degenerate, SentiLens adds documented terms of its own (marked "SentiLens").
//  1. Per modality an encoder and a bottleneck (prior N(0, I), weight beta) with its own
//     prediction; the three z's are fused by Linear + ReLU into Z (batch, fused).
//  2. A mask generator (MLP, sigmoid) gives a per-sample soft mask over Z's dimensions:
//     causal Z_c = mask * Z, shortcut Z_s = (1 - mask) * Z. The prediction is made from Z_c.
//     SentiLens: a budget term (mean_j mask_j - mask_budget)^2 per sample, weight mask_weight.
//     Without it the mask can sit at 1 everywhere at no cost (Z_s = 0 makes the shortcut and
//     backdoor terms trivial), and the mask view then shows nothing.
//  3. An instrumental variable V: self-attention over the frames of all three modalities
//     together (padding and absent modalities masked), pooled over valid frames, projected to the
//     size of Z. The paper aligns Z_c with V by mean ||Z_c - V||^2 (weight lambda1). SentiLens
//     reads the constraint as two-stage least squares, with gradients stopped so that each side
//     has one job: first stage ||V - sg(Z_c)||^2 (V learns what of Z_c the inputs' global
//     attention explains), alignment ||Z_c - sg(V)||^2 (the paper's pull of Z_c towards it), and
//     second stage L1(predictor(sg(V)), y) (the predictor must work on the instrumented part).
//     Joint, unstopped, V only regressed Z_c and never served as an instrument.
//  4. The shortcut branch is pushed towards an uninformative prediction. For regression
//     "uniform" is read as the batch's mean label (the best constant guess). SentiLens: the
//     shortcut head is a probe fitted to y on sg(Z_s) (L1, weight lambda2), and Z_s is pushed
//     through the probe's frozen weights towards the mean label ((s - mean y)^2, weight lambda2).
//     Trained jointly as one head, it met the target with its bias alone and hid nothing.
//  5. Backdoor adjustment (training only): the causal part of each sample is combined with the
//     shortcut part of another sample of the batch (a random permutation) and must still predict
//     the sample's label: L1, weight backdoor_weight.
// Settings: hidden (64), bottleneck_hidden (256), latent (32), fused (64), mask_hidden (64),
// beta (1e-3), lambda1 (0.1), lambda2 (0.1), backdoor_weight (0.5), mask_budget (0.5),
// mask_weight (1), unimodal_weight (1), weight_<modality> (1); choice encoder ("lstm" | "mean").
// Internals: "<modality>.mean"/".std", "camib.fused", "camib.mask", "camib.causal",
// "camib.shortcut", "camib.instrument", "camib.shortcut_prediction", and "camib.token_attention"
// (batch, frames of T, A, V in that order): the attention each frame receives, averaged over the
// sample's frames, a saliency over time.
#include "core/ml/architectures.h"
#include "core/ml/causal_parts.h"
#include "core/ml/modality_blocks.h"

#include <torch/nn/modules/activation.h>
#include <torch/nn/functional/linear.h>
#include <torch/nn/modules/container/sequential.h>

#include <cmath>
#include <stdexcept>

namespace sl::ml {

namespace {

class Camib : public SentimentModel, public CausalPartsPredictor {
public:
    explicit Camib(const ModelConfig &config) : SentimentModel("camib", config)
    {
        requireSettings(config, architecture(),
                        {"hidden", "bottleneck_hidden", "latent", "fused", "mask_hidden", "beta",
                         "lambda1", "lambda2", "backdoor_weight", "mask_budget", "mask_weight"},
                        {"encoder"});
        const std::int64_t hidden = config.integer("hidden", 64);
        const std::int64_t latent = config.integer("latent", 32);
        const std::int64_t fused = config.integer("fused", 64);
        const std::int64_t maskHidden = config.integer("mask_hidden", 64);
        beta_ = config.number("beta", 1e-3);
        lambda1_ = config.number("lambda1", 0.1);
        lambda2_ = config.number("lambda2", 0.1);
        backdoorWeight_ = config.number("backdoor_weight", 0.5);
        maskBudget_ = config.number("mask_budget", 0.5);
        maskWeight_ = config.number("mask_weight", 1.0);
        if (maskBudget_ < 0 || maskBudget_ > 1)
            throw std::invalid_argument("camib: mask_budget must be in [0, 1]");

        encoders_ = registerEncoders(*this, config, hidden);
        bottlenecks_ = registerBottlenecks(*this, {hidden, hidden, hidden},
                                           config.integer("bottleneck_hidden", 256), latent);
        fusion_ = register_module("fusion", torch::nn::Linear(3 * latent, fused));
        maskGenerator_ = register_module(
            "mask_generator",
            torch::nn::Sequential(torch::nn::Linear(fused, maskHidden), torch::nn::ReLU(),
                                  torch::nn::Linear(maskHidden, fused)));
        predictor_ = register_module(
            "predictor", torch::nn::Sequential(torch::nn::Linear(fused, fused), torch::nn::ReLU(),
                                               torch::nn::Linear(fused, 1)));
        shortcutHead_ = register_module("shortcut_head", torch::nn::Linear(fused, 1));
        for (Modality m : kModalities)
            tokenProjections_[index(m)] = register_module(
                modalityName(m) + "_tokens", torch::nn::Linear(config.dims[index(m)], fused));
        query_ = register_module("iv_query", torch::nn::Linear(fused, fused));
        key_ = register_module("iv_key", torch::nn::Linear(fused, fused));
        value_ = register_module("iv_value", torch::nn::Linear(fused, fused));
    }

    // The backdoor combination of training: the predictor applied to causal + shortcut.
    torch::Tensor predictFromParts(const torch::Tensor &causal, const torch::Tensor &shortcut) override
    {
        return predictor_->forward(causal + shortcut).squeeze(1);
    }

protected:
    ModelOutput run(const PreparedBatch &batch, BottleneckMode mode) override
    {
        ModelOutput out;
        const auto encoded = encodeAll(encoders_, batch);
        const auto bottlenecks = bottleneckAll(bottlenecks_, encoded, batch, mode, out);
        const torch::Tensor z = torch::relu(fusion_->forward(
            torch::cat({bottlenecks[0].z, bottlenecks[1].z, bottlenecks[2].z}, 1)));
        const torch::Tensor mask = torch::sigmoid(maskGenerator_->forward(z));
        const torch::Tensor causal = mask * z;
        const torch::Tensor shortcut = (1 - mask) * z;
        const torch::Tensor instrument = instrumentalVariable(batch, out);
        const torch::Tensor shortcutPrediction = shortcutHead_->forward(shortcut).squeeze(1);
        out.prediction = predictor_->forward(causal).squeeze(1);
        out.internals["camib.fused"] = z;
        out.internals["camib.mask"] = mask;
        out.internals["camib.causal"] = causal;
        out.internals["camib.shortcut"] = shortcut;
        out.internals["camib.instrument"] = instrument;
        out.internals["camib.shortcut_prediction"] = shortcutPrediction;
        if (!batch.targets)
            return out;

        const torch::Tensor &y = batch.targets->multimodal;
        addLoss(out, kLossMultimodal, torch::l1_loss(out.prediction, y), 1.0);
        addLoss(out, "mask_budget", (mask.mean(1) - maskBudget_).pow(2).mean(), maskWeight_);
        // Samples with no modality at all have nothing to align.
        const torch::Tensor anyPresent =
            ((batch[Modality::Text].present + batch[Modality::Audio].present +
              batch[Modality::Visual].present) > 0).to(torch::kFloat32);
        addLoss(out, "instrument_first_stage",
                maskedMean((instrument - causal.detach()).pow(2).mean(1), anyPresent), lambda1_);
        addLoss(out, "instrument",
                maskedMean((causal - instrument.detach()).pow(2).mean(1), anyPresent), lambda1_);
        addLoss(out, "instrument_second_stage",
                torch::l1_loss(predictor_->forward(instrument.detach()).squeeze(1), y), lambda1_);
        addLoss(out, "shortcut_probe",
                torch::l1_loss(shortcutHead_->forward(shortcut.detach()).squeeze(1), y), lambda2_);
        const torch::Tensor throughFrozenProbe =
            torch::nn::functional::linear(shortcut, shortcutHead_->weight.detach(),
                                          shortcutHead_->bias.detach()).squeeze(1);
        addLoss(out, "shortcut_uniform", (throughFrozenProbe - y.mean().detach()).pow(2).mean(),
                lambda2_);
        if (is_training()) {
            const torch::Tensor permutation = torch::randperm(
                batch.size, torch::TensorOptions(y.device()).dtype(torch::kInt64));
            addLoss(out, "backdoor",
                    torch::l1_loss(predictFromParts(causal, shortcut.index_select(0, permutation)), y),
                    backdoorWeight_);
        }
        addUnimodalLosses(out, batch, config(), 1.0, klAll(bottlenecks, batch), beta_);
        return out;
    }

private:
    // Single-head self-attention over the frames of all modalities, pooled over valid frames.
    // Masked keys get a large negative score rather than -inf, so a sample without any valid
    // frame gets finite (then zeroed) values instead of NaN.
    torch::Tensor instrumentalVariable(const PreparedBatch &batch, ModelOutput &out)
    {
        std::vector<torch::Tensor> tokens, masks;
        for (Modality m : kModalities) {
            tokens.push_back(tokenProjections_[index(m)]->forward(batch[m].features));
            masks.push_back(timeMask(batch[m].lengths, batch[m].features.size(1)));
        }
        const torch::Tensor x = torch::cat(tokens, 1);     // (batch, frames, fused)
        const torch::Tensor valid = torch::cat(masks, 1);  // (batch, frames)
        const double scale = 1.0 / std::sqrt(static_cast<double>(x.size(2)));
        const torch::Tensor scores =
            torch::bmm(query_->forward(x), key_->forward(x).transpose(1, 2)) * scale;
        const torch::Tensor attention =
            torch::softmax(scores.masked_fill(valid.unsqueeze(1) == 0, -1e9), -1);
        const torch::Tensor context = torch::bmm(attention, value_->forward(x));
        const torch::Tensor count = valid.sum(1, true).clamp_min(1.0);
        out.internals["camib.token_attention"] =
            (attention * valid.unsqueeze(2)).sum(1) / count * valid;
        return (context * valid.unsqueeze(2)).sum(1) / count;
    }

    double beta_, lambda1_, lambda2_, backdoorWeight_, maskBudget_, maskWeight_;
    ModalityEncoders encoders_{nullptr, nullptr, nullptr};
    ModalityBottlenecks bottlenecks_{nullptr, nullptr, nullptr};
    std::array<torch::nn::Linear, kModalityCount> tokenProjections_{nullptr, nullptr, nullptr};
    torch::nn::Linear fusion_{nullptr}, shortcutHead_{nullptr};
    torch::nn::Linear query_{nullptr}, key_{nullptr}, value_{nullptr};
    torch::nn::Sequential maskGenerator_{nullptr}, predictor_{nullptr};
};

}  // namespace

std::shared_ptr<SentimentModel> makeCamib(const ModelConfig &config)
{
    return std::make_shared<Camib>(config);
}

}  // namespace sl::ml
