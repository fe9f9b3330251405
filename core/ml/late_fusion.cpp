// The late-fusion baseline: every modality is encoded and scored on its own, and the multimodal
// prediction is a learned weighted sum of the three scores plus a bias,
//     M = b + sum over present modalities of w_m * p_m.
// It is the reference point for the explanation views: the contribution of each modality is
// exactly w_m * p_m (internals "<modality>.contribution"), with nothing hidden in a fusion layer.
//
// Settings: hidden (64), encoder ("lstm" | "mean"), unimodal_weight (1), weight_<modality> (1).
// Loss: L1(M, y) + sum_m unimodal_weight * weight_m * L1(p_m, y_m).
#include "core/ml/architectures.h"
#include "core/ml/modality_blocks.h"

#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/activation.h>

namespace sl::ml {

namespace {

class LateFusion : public SentimentModel {
public:
    explicit LateFusion(const ModelConfig &config) : SentimentModel("late-fusion", config)
    {
        requireSettings(config, architecture(), {"hidden"}, {"encoder"});
        const std::int64_t hidden = config.integer("hidden", 64);
        encoders_ = registerEncoders(*this, config, hidden);
        for (Modality m : kModalities) {
            heads_[index(m)] = register_module(
                modalityName(m) + "_head",
                torch::nn::Sequential(torch::nn::Linear(hidden, hidden), torch::nn::ReLU(),
                                      torch::nn::Linear(hidden, 1)));
        }
        weights_ = register_parameter("fusion_weights", torch::full({3}, 1.0 / 3.0));
        bias_ = register_parameter("fusion_bias", torch::zeros({1}));
    }

    std::vector<ParameterGroup> parameterGroups() override
    {
        std::vector<ParameterGroup> groups;
        for (Modality m : kModalities) {
            std::vector<torch::Tensor> params = encoders_[index(m)]->parameters();
            for (const torch::Tensor &p : heads_[index(m)]->parameters())
                params.push_back(p);
            groups.push_back({modalityName(m), params});
        }
        groups.push_back({"fusion", {weights_, bias_}});
        return groups;
    }

protected:
    ModelOutput run(const PreparedBatch &batch, BottleneckMode) override
    {
        ModelOutput out;
        torch::Tensor fused = bias_.expand({batch.size});
        const auto encoded = encodeAll(encoders_, batch);
        for (Modality m : kModalities) {
            const torch::Tensor score = heads_[index(m)]->forward(encoded[index(m)]).squeeze(1);
            const torch::Tensor contribution = weights_[index(m)] * score * batch[m].present;
            out.unimodal[index(m)] = score;
            out.internals[modalityName(m) + ".contribution"] = contribution;
            fused = fused + contribution;
        }
        out.prediction = fused;
        out.internals["fusion.weights"] = weights_;
        if (batch.targets) {
            addLoss(out, kLossMultimodal, torch::l1_loss(fused, batch.targets->multimodal), 1.0);
            addUnimodalLosses(out, batch, config(), 1.0);
        }
        return out;
    }

private:
    ModalityEncoders encoders_{nullptr, nullptr, nullptr};
    std::array<torch::nn::Sequential, kModalityCount> heads_{nullptr, nullptr, nullptr};
    torch::Tensor weights_, bias_;
};

}  // namespace

std::shared_ptr<SentimentModel> makeLateFusion(const ModelConfig &config)
{
    return std::make_shared<LateFusion>(config);
}

}  // namespace sl::ml
