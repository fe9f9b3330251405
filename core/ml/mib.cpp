// MIB, the multimodal information bottleneck (Mai, Zeng, Hu, IEEE TMM 2022), in its three variants
// as models.md section 4 describes the authors' code:
//  - E-MIB: encoders -> fusion -> one bottleneck -> prediction. Loss L1 + beta KL.
//  - L-MIB: one bottleneck per modality (each with its own prediction and loss), fusion of the
//    z's -> Linear -> prediction. Loss: L1 of the prediction + sum of the unimodal bottleneck
//    losses; no KL on the fused vector.
//  - C-MIB: unimodal bottlenecks, fusion of the z's, then a multimodal bottleneck -> prediction.
//    Loss: the multimodal bottleneck's loss + the unimodal bottleneck losses.
// In all three files of the reference code the outer model adds L1(prediction, y) once more, so
// the final L1 counts twice; "extra_final_l1" (default 1) keeps that, 0 drops it.
//
// Deviations, all settings: the per-modality encoders are an LSTM read at the last valid frame
// (or a masked mean, "encoder": "mean") instead of BERT / Conv1d + Transformer read at the last
// padded position; that makes predictions independent of padding. Fusion "concat" (default),
// "add", "multiply" or "tensor" (fusion.h). Inference uses the bottleneck mean unless sampling is
// asked for; the reference code samples at test time too.
//
// Settings: hidden (50, encoder output = the paper's d), bottleneck_hidden (1024), latent (50),
// beta (1e-3), extra_final_l1 (1), unimodal_weight (1), weight_<modality> (1); choices encoder,
// fusion.
// Internals: "<modality>.mean"/".std" (L-, C-MIB), "fused" (fusion output), "fused.mean"/
// ".std" (E-, C-MIB).
#include "core/ml/architectures.h"
#include "core/ml/fusion.h"
#include "core/ml/modality_blocks.h"

#include <stdexcept>

namespace sl::ml {

namespace {

enum class MibVariant { Early, Late, Complete };

class Mib : public SentimentModel {
public:
    Mib(const std::string &name, MibVariant variant, const ModelConfig &config)
        : SentimentModel(name, config), variant_(variant)
    {
        requireSettings(config, name,
                        {"hidden", "bottleneck_hidden", "latent", "beta", "extra_final_l1"},
                        {"encoder", "fusion"});
        const std::int64_t hidden = config.integer("hidden", 50);
        const std::int64_t bottleneckHidden = config.integer("bottleneck_hidden", 1024);
        const std::int64_t latent = config.integer("latent", 50);
        beta_ = config.number("beta", 1e-3);
        extraFinalL1_ = config.number("extra_final_l1", 1.0);
        const FusionKind fusion = fusionKind(config.choice("fusion", "concat"));

        encoders_ = registerEncoders(*this, config, hidden);
        if (variant_ == MibVariant::Early) {
            fusion_ = register_module("fusion", Fusion(hidden, fusion));
        } else {
            bottlenecks_ = registerBottlenecks(*this, {hidden, hidden, hidden}, bottleneckHidden,
                                               latent);
            fusion_ = register_module("fusion", Fusion(latent, fusion));
        }
        if (variant_ == MibVariant::Late)
            head_ = register_module("head", torch::nn::Linear(latent, 1));
        else
            fused_ = register_module(
                "fused_bottleneck",
                VariationalBottleneck(VariationalBottleneckOptions(
                    variant_ == MibVariant::Early ? hidden : latent, bottleneckHidden, latent)));
    }

    std::vector<ParameterGroup> parameterGroups() override
    {
        std::vector<ParameterGroup> groups;
        for (Modality m : kModalities) {
            std::vector<torch::Tensor> params = encoders_[index(m)]->parameters();
            if (bottlenecks_[index(m)])
                for (const torch::Tensor &p : bottlenecks_[index(m)]->parameters())
                    params.push_back(p);
            groups.push_back({modalityName(m), params});
        }
        std::vector<torch::Tensor> rest = fusion_->parameters();
        for (const torch::Tensor &p : head_ ? head_->parameters() : fused_->parameters())
            rest.push_back(p);
        groups.push_back({"fusion", rest});
        return groups;
    }

protected:
    ModelOutput run(const PreparedBatch &batch, BottleneckMode mode) override
    {
        ModelOutput out;
        const auto encoded = encodeAll(encoders_, batch);
        std::array<BottleneckOutput, kModalityCount> unimodal;
        torch::Tensor fused;
        if (variant_ == MibVariant::Early) {
            fused = fusion_->forward(encoded, presence(batch));
        } else {
            unimodal = bottleneckAll(bottlenecks_, encoded, batch, mode, out);
            fused = fusion_->forward({unimodal[0].z, unimodal[1].z, unimodal[2].z},
                                     presence(batch));
        }
        out.internals["fused"] = fused;
        BottleneckOutput top;
        if (head_) {
            out.prediction = head_->forward(fused).squeeze(1);
        } else {
            top = fused_->forward(fused, mode);
            keepBottleneck(out, "fused", top);
            out.prediction = top.prediction.squeeze(1);
        }
        if (batch.targets) {
            const torch::Tensor l1 = torch::l1_loss(out.prediction, batch.targets->multimodal);
            addLoss(out, kLossMultimodal, l1, 1.0 + extraFinalL1_);
            if (!head_)
                addLoss(out, "kl", klToStandardNormal(top.mean, top.std), beta_);
            if (variant_ != MibVariant::Early)
                addUnimodalLosses(out, batch, config(), 1.0, klAll(unimodal, batch), beta_);
        }
        return out;
    }

private:
    MibVariant variant_;
    double beta_ = 1e-3;
    double extraFinalL1_ = 1.0;
    ModalityEncoders encoders_{nullptr, nullptr, nullptr};
    ModalityBottlenecks bottlenecks_{nullptr, nullptr, nullptr};
    Fusion fusion_{nullptr};
    VariationalBottleneck fused_{nullptr};
    torch::nn::Linear head_{nullptr};
};

}  // namespace

std::shared_ptr<SentimentModel> makeMib(const std::string &variant, const ModelConfig &config)
{
    if (variant == "e-mib")
        return std::make_shared<Mib>(variant, MibVariant::Early, config);
    if (variant == "l-mib")
        return std::make_shared<Mib>(variant, MibVariant::Late, config);
    if (variant == "c-mib")
        return std::make_shared<Mib>(variant, MibVariant::Complete, config);
    throw std::invalid_argument("unknown MIB variant '" + variant + "'");
}

}  // namespace sl::ml
