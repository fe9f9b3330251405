// KAN-MCP (Luo, Jiang, Mai, 2025) as models.md section 3 describes the authors' code: per modality
// the sequence is averaged over time, a DRD-MIB bottleneck reduces it to a 3-d latent with its own
// prediction and loss, the three latents are concatenated (indices 0-2 text, 3-5 audio, 6-8
// visual) and a pykan-faithful KAN of widths [9, kan_hidden, 1] gives the sentiment score.
// MCPareto (mcpareto.h) balances, per modality, the multimodal and unimodal gradients of the
// bottleneck's encoder; paretoGroups() hands those parameters to the trainer.
//
// Deviations, all settings: text comes as pre-extracted feature sequences instead of a fine-tuned
// DeBERTa. The reference averages over every padded position and min-max scales audio and visual
// with one min and max over the whole batch, which makes a clip's score depend on its padding and
// on its batch mates; the defaults here average valid frames only ("pooling": "valid") and do not
// scale ("minmax": "off"). "pooling": "padded" and "minmax": "batch" reproduce the reference.
// Inference uses the bottleneck mean unless sampling is asked for (the reference samples).
//
// Settings: bottleneck_hidden (1024 = MOSI's m_dim), latent (3), kan_hidden (4), beta (1e-3),
// unimodal_weight (0.1 = weight1), weight_<modality> (1), grid_intervals (3), spline_order (3);
// choice grid_update ("epochs": before every training epoch the KAN's grids are adapted to the
// training split's latents, as pykan's update_grid_from_samples; "off": the fixed grid on
// [-1, 1]). The grids are buffers, so a model file carries the ones it was trained with.
// Loss: MSE(prediction, y) + unimodal_weight * sum_m (L1(p_m, y_m) + beta KL_m).
// Internals: "<modality>.mean"/".std", "latent" (batch, 9), and per KAN layer l "kan.<l>.input",
// "kan.<l>.edges" (batch, out, in), "kan.<l>.splines", "kan.<l>.node_sums".
#include "core/ml/architectures.h"
#include "core/ml/kan.h"
#include "core/ml/modality_blocks.h"

#include <stdexcept>

namespace sl::ml {

namespace {

class KanMcp : public SentimentModel {
public:
    explicit KanMcp(const ModelConfig &config) : SentimentModel("kan-mcp", config)
    {
        requireSettings(config, architecture(),
                        {"bottleneck_hidden", "latent", "kan_hidden", "beta", "grid_intervals",
                         "spline_order"},
                        {"pooling", "minmax", "grid_update"});
        const std::string pooling = config.choice("pooling", "valid");
        const std::string minmax = config.choice("minmax", "off");
        if (pooling != "valid" && pooling != "padded")
            throw std::invalid_argument("kan-mcp: pooling must be valid or padded");
        if (minmax != "off" && minmax != "batch")
            throw std::invalid_argument("kan-mcp: minmax must be off or batch");
        const std::string gridUpdate = config.choice("grid_update", "epochs");
        if (gridUpdate != "epochs" && gridUpdate != "off")
            throw std::invalid_argument("kan-mcp: grid_update must be epochs or off");
        updatesGrid_ = gridUpdate == "epochs";
        paddedMean_ = pooling == "padded";
        batchMinMax_ = minmax == "batch";
        beta_ = config.number("beta", 1e-3);
        const std::int64_t latent = config.integer("latent", 3);
        bottlenecks_ = registerBottlenecks(*this, config.dims,
                                           config.integer("bottleneck_hidden", 1024), latent);
        KanSplineOptions spline;
        spline.grid_intervals(config.integer("grid_intervals", 3))
            .order(config.integer("spline_order", 3));
        kan_ = register_module(
            "kan", Kan(KanOptions({3 * latent, config.integer("kan_hidden", 4), 1}).spline(spline)));
    }

    std::vector<ParameterGroup> parameterGroups() override
    {
        std::vector<ParameterGroup> groups;
        for (Modality m : kModalities)
            groups.push_back({modalityName(m), bottlenecks_[index(m)]->parameters()});
        groups.push_back({"fusion", kan_->parameters()});
        return groups;
    }

    std::array<std::vector<torch::Tensor>, kModalityCount> paretoGroups() override
    {
        std::array<std::vector<torch::Tensor>, kModalityCount> groups;
        for (Modality m : kModalities)
            groups[index(m)] = bottleneckEncoderParameters(*bottlenecks_[index(m)]);
        return groups;
    }

    // The KAN's grids follow its inputs on the training split (pykan's update_grid_from_samples,
    // which MultKAN.fit runs on a schedule): without it the latents drift off the fixed [-1, 1]
    // grid and the edges there are their SiLU base alone.
    void adaptToSamples(const std::function<ModelInput()> &samples) override
    {
        if (!updatesGrid_)
            return;
        // The latents the last epoch's training steps produced cost nothing more; before the first
        // epoch there are none, and one pass over the samples provides them.
        torch::Tensor latent;
        if (observedRows_ >= 2) {
            latent = torch::cat(observed_, 0);
        } else {
            const bool training = is_training();
            eval();
            torch::NoGradGuard noGrad;
            latent = forward(samples(), BottleneckMode::Mean).internals.at("latent");
            train(training);
        }
        observed_.clear();
        observedRows_ = 0;
        if (latent.size(0) >= 2)
            kan_->updateGridsFromSamples(latent);
    }

protected:
    ModelOutput run(const PreparedBatch &batch, BottleneckMode mode) override
    {
        ModelOutput out;
        std::array<torch::Tensor, kModalityCount> pooled;
        for (Modality m : kModalities) {
            torch::Tensor features = batch[m].features;
            if (batchMinMax_ && m != Modality::Text) {
                const torch::Tensor range = (features.max() - features.min()).clamp_min(1e-12);
                features = (features - features.min()) / range;
            }
            pooled[index(m)] = paddedMean_ ? features.mean(1)
                                           : maskedTimeMean(features, batch[m].lengths);
        }
        const auto bottlenecks = bottleneckAll(bottlenecks_, pooled, batch, mode, out);
        const torch::Tensor latent =
            torch::cat({bottlenecks[0].z, bottlenecks[1].z, bottlenecks[2].z}, 1);
        out.internals["latent"] = latent;
        if (is_training() && updatesGrid_)
            observe(latent);
        const KanOutput kan = kan_->forward(latent);
        for (std::size_t l = 0; l < kan.layers.size(); ++l) {
            const std::string prefix = "kan." + std::to_string(l) + ".";
            out.internals[prefix + "input"] = kan.layers[l].input;
            out.internals[prefix + "edges"] = kan.layers[l].edges;
            out.internals[prefix + "splines"] = kan.layers[l].splines;
            out.internals[prefix + "node_sums"] = kan.layers[l].nodeSums;
        }
        out.prediction = kan.output.squeeze(1);
        if (batch.targets) {
            addLoss(out, kLossMultimodal, torch::mse_loss(out.prediction, batch.targets->multimodal),
                    1.0);
            addUnimodalLosses(out, batch, config(), 0.1, klAll(bottlenecks, batch), beta_);
        }
        return out;
    }

private:
    // Keeps the most recent training latents, at most kObservedRows, for the next grid update.
    void observe(const torch::Tensor &latent)
    {
        observed_.push_back(latent.detach());
        observedRows_ += latent.size(0);
        while (observed_.size() > 1 && observedRows_ - observed_.front().size(0) >= kObservedRows) {
            observedRows_ -= observed_.front().size(0);
            observed_.erase(observed_.begin());
        }
    }

    static constexpr std::int64_t kObservedRows = 512;
    std::vector<torch::Tensor> observed_;
    std::int64_t observedRows_ = 0;
    bool updatesGrid_ = true;
    bool paddedMean_ = false;
    bool batchMinMax_ = false;
    double beta_ = 1e-3;
    ModalityBottlenecks bottlenecks_{nullptr, nullptr, nullptr};
    Kan kan_{nullptr};
};

}  // namespace

std::shared_ptr<SentimentModel> makeKanMcp(const ModelConfig &config)
{
    return std::make_shared<KanMcp>(config);
}

}  // namespace sl::ml
