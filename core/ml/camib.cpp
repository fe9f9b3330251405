// CaMIB, the causal multimodal information bottleneck (Jiang, Jiang, Hu, Mai; arXiv 2509.21805).
// No code is public: this follows the paper's description as summarised in models.md section 5,
// and every part whose exact form is unverified is a setting.
//  1. Per modality an encoder and a bottleneck (prior N(0, I), weight beta) with its own
//     prediction; the three z's are fused by Linear + ReLU into Z (batch, fused).
//  2. A mask generator (MLP, sigmoid) gives a per-sample soft mask over Z's dimensions:
//     causal Z_c = mask * Z, shortcut Z_s = (1 - mask) * Z. The prediction is made from Z_c.
//  3. An instrumental variable V: self-attention over the frames of all three modalities
//     together (padding and absent modalities masked), pooled over valid frames, projected to the
//     size of Z. Alignment loss mean ||Z_c - V||^2 (the L2 form a reviewer cites), weight lambda1.
//  4. A shortcut head on Z_s is pushed towards an uninformative prediction. For regression we
//     read "uniform" as the batch's mean label (the best constant guess): loss mean (s - mean y)^2,
//     weight lambda2.
//  5. Backdoor adjustment (training only): the causal part of each sample is combined with the
//     shortcut part of another sample of the batch (a random permutation) and must still predict
//     the sample's label: L1, weight backdoor_weight.
// Settings: hidden (64), bottleneck_hidden (256), latent (32), fused (64), mask_hidden (64),
// beta (1e-3), lambda1 (0.1), lambda2 (0.1), backdoor_weight (0.5), unimodal_weight (1),
// weight_<modality> (1); choice encoder ("lstm" | "mean").
// Internals: "<modality>.mean"/".std", "camib.fused", "camib.mask", "camib.causal",
// "camib.shortcut", "camib.instrument", "camib.shortcut_prediction", and "camib.token_attention"
// (batch, frames of T, A, V in that order): the attention each frame receives, averaged over the
// sample's frames, a saliency over time.
#include "core/ml/architectures.h"
#include "core/ml/causal_parts.h"
#include "core/ml/modality_blocks.h"

#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/container/sequential.h>

#include <cmath>

namespace sl::ml {

namespace {

class Camib : public SentimentModel, public CausalPartsPredictor {
public:
    explicit Camib(const ModelConfig &config) : SentimentModel("camib", config)
    {
        requireSettings(config, architecture(),
                        {"hidden", "bottleneck_hidden", "latent", "fused", "mask_hidden", "beta",
                         "lambda1", "lambda2", "backdoor_weight"},
                        {"encoder"});
        const std::int64_t hidden = config.integer("hidden", 64);
        const std::int64_t latent = config.integer("latent", 32);
        const std::int64_t fused = config.integer("fused", 64);
        const std::int64_t maskHidden = config.integer("mask_hidden", 64);
        beta_ = config.number("beta", 1e-3);
        lambda1_ = config.number("lambda1", 0.1);
        lambda2_ = config.number("lambda2", 0.1);
        backdoorWeight_ = config.number("backdoor_weight", 0.5);

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
        // Samples with no modality at all have nothing to align.
        const torch::Tensor anyPresent =
            ((batch[Modality::Text].present + batch[Modality::Audio].present +
              batch[Modality::Visual].present) > 0).to(torch::kFloat32);
        addLoss(out, "instrument", maskedMean((causal - instrument).pow(2).mean(1), anyPresent),
                lambda1_);
        addLoss(out, "shortcut_uniform",
                (shortcutPrediction - y.mean().detach()).pow(2).mean(), lambda2_);
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

    double beta_, lambda1_, lambda2_, backdoorWeight_;
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
