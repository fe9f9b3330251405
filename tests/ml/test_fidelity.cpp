// Issue 13's behavioural checks of the models and their explanations, each of which fails when
// the defect it guards against is put back:
//  - CaMIB's mask neither collapses to all-on nor to all-off, and removing the causal part moves
//    predictions more than removing the shortcut part (without the mask budget and the stopped
//    gradients the mask sat at 1 and the shortcut part was empty);
//  - KAN-MCP's grids follow the training latents: at least 95% of the training operating points
//    of every edge lie inside the spline's support (with the fixed [-1, 1] grid they did not);
//  - integrated gradients refine a clip's steps until completeness holds within 5%, or say so;
//  - the trainer's constant rate and selection on validation MSE do what they say.
#include "core/ml/explain/causal_masks.h"
#include "core/ml/explain/integrated_gradients.h"
#include "core/ml/explain/kan_curves.h"
#include "core/ml/fusion.h"
#include "core/ml/model_factory.h"
#include "core/ml/trainer.h"
#include "tests/ml/synthetic_data.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace sl::ml;
using namespace sl::ml::explain;

namespace {

const std::array<std::int64_t, 3> kDims{6, 5, 4};

Dataset dataset(std::int64_t samples, std::uint64_t seed)
{
    SyntheticSpec spec;
    spec.samples = samples;
    spec.dims = kDims;
    spec.seed = seed;
    return makeSyntheticDataset(spec);
}

std::shared_ptr<SentimentModel> trained(const std::string &architecture, const Dataset &training,
                                        const Dataset &validation, int epochs, const ModelConfig *config = nullptr)
{
    torch::manual_seed(5);
    auto model = createModel(architecture, config ? *config : tinyConfig(architecture, kDims));
    TrainerOptions options;
    options.epochs = epochs;
    options.batchSize = 16;
    options.learningRate = 1e-2;
    options.weightDecay = 0.0;
    options.threads = 1;
    options.patience = 0;
    train(*model, training, validation, options);
    model->eval();
    return model;
}

// R^2 of the least-squares fit of the labels from [part, 1], part = each clip's causal or shortcut
// vector: how much of the label a linear read-out finds in it.
double probeR2(const CausalMasks &masks, const Dataset &d, bool causal)
{
    const auto n = std::int64_t(masks.clips.size());
    const auto dims = std::int64_t(masks.clips.front().mask.size());
    torch::Tensor x = torch::ones({n, dims + 1}, torch::kFloat64);
    for (std::int64_t i = 0; i < n; ++i) {
        const std::vector<double> &part = causal ? masks.clips[size_t(i)].causal : masks.clips[size_t(i)].shortcut;
        for (std::int64_t j = 0; j < dims; ++j)
            x[i][j] = part[size_t(j)];
    }
    const torch::Tensor y = d.labels.to(torch::kFloat64).reshape({n, 1});
    const torch::Tensor xtx = x.t().matmul(x) + 1e-6 * torch::eye(dims + 1, torch::kFloat64);
    const torch::Tensor w = torch::linalg_solve(xtx, x.t().matmul(y));
    const double residual = (y - x.matmul(w)).pow(2).sum().item<double>();
    const double total = (y - y.mean()).pow(2).sum().item<double>();
    return 1.0 - residual / total;
}

ModelInput everything(const Dataset &d)
{
    return clipsInput(d, torch::arange(d.size()));
}

}  // namespace

class TestFidelity : public QObject {
    Q_OBJECT

private slots:
    void camibMaskSeparatesCausalFromShortcut()
    {
        const Dataset training = dataset(160, 11), validation = dataset(48, 12);
        auto model = trained("camib", training, validation, 30);
        const CausalMasks masks = causalMasks(*model, everything(training));
        QVERIFY(masks.available);
        qInfo("mask: %.1f%% below 0.1, %.1f%% above 0.9, deciles 1/5/9 %.2f %.2f %.2f; removing the causal part "
              "moves predictions by %.3f, the shortcut part by %.3f",
              100 * masks.maskShareLow, 100 * masks.maskShareHigh, masks.maskDeciles[0], masks.maskDeciles[4],
              masks.maskDeciles[8], masks.withoutCausalMeanShift, masks.withoutShortcutMeanShift);
        // Neither all-on nor all-off: most mask values lie strictly between.
        QVERIFY(masks.maskShareHigh < 0.5);
        QVERIFY(masks.maskShareLow < 0.5);
        QVERIFY(masks.maskDeciles[8] - masks.maskDeciles[0] > 0.1);
        // The prediction rests on the causal part.
        QVERIFY(masks.withoutCausalMeanShift > 2 * masks.withoutShortcutMeanShift);
        // And the shortcut part hides the label: a least-squares probe (fitted here, independent
        // of the model's own shortcut head) explains far less of y from Z_s than from Z_c.
        const double fromShortcut = probeR2(masks, training, false), fromCausal = probeR2(masks, training, true);
        qInfo("linear probe R^2 of the label: from the causal part %.3f, from the shortcut part %.3f", fromCausal, fromShortcut);
        QVERIFY(fromShortcut < fromCausal);
        // The budget holds the mask's mean near mask_budget (0.5); unlimited, it drifted to ~0.75.
        double mean = 0;
        for (double v : masks.meanMask)
            mean += v / double(masks.meanMask.size());
        qInfo("mean mask %.3f (budget 0.5)", mean);
        QVERIFY(std::fabs(mean - 0.5) < 0.1);
    }

    void camibGradientsStopWhereDocumented()
    {
        // Each of CaMIB's auxiliary terms trains only its own side: the instrument's first stage
        // only V (attention and token projections), the alignment never V, the second stage only
        // the predictor, the shortcut probe only the shortcut head, the uniform push never it.
        const Dataset d = dataset(16, 14);
        torch::manual_seed(5);
        auto model = createModel("camib", tinyConfig("camib", kDims));
        model->train();
        const auto reaches = [&](const std::string &loss, const std::string &prefix) {
            const ModelOutput out = model->forward(d.batch(torch::arange(16)), BottleneckMode::Mean);
            model->zero_grad();
            out.losses.at(loss).backward();
            double norm = 0;
            for (const auto &p : model->named_parameters())
                if (p.key().rfind(prefix, 0) == 0 && p.value().grad().defined())
                    norm += p.value().grad().abs().sum().item<double>();
            return norm > 0;
        };
        QVERIFY(reaches("instrument_first_stage", "iv_"));
        QVERIFY(!reaches("instrument_first_stage", "mask_generator"));
        QVERIFY(!reaches("instrument", "iv_"));
        QVERIFY(reaches("instrument", "mask_generator"));
        QVERIFY(reaches("instrument_second_stage", "predictor"));
        QVERIFY(!reaches("instrument_second_stage", "iv_"));
        QVERIFY(reaches("shortcut_probe", "shortcut_head"));
        QVERIFY(!reaches("shortcut_probe", "mask_generator"));
        QVERIFY(!reaches("shortcut_uniform", "shortcut_head"));
        QVERIFY(reaches("shortcut_uniform", "mask_generator"));
        QVERIFY(reaches("mask_budget", "mask_generator"));
    }

    void camibSharesCountOnlyLiveDims()
    {
        // A fused dim that ReLU set to 0 carries nothing, whatever its mask: shares are weighted by
        // mask_j * |Z_j|. Checked by hand on the clips' own numbers.
        const Dataset training = dataset(32, 13);
        torch::manual_seed(5);
        auto model = createModel("camib", tinyConfig("camib", kDims));
        model->eval();
        const CausalMasks masks = causalMasks(*model, everything(training));
        for (const ClipMask &clip : masks.clips) {
            std::array<double, 3> mass{};
            double total = 0;
            for (size_t j = 0; j < clip.mask.size(); ++j) {
                const double w = clip.mask[j] * std::fabs(clip.fused[j]);
                total += w;
                for (size_t m = 0; m < 3; ++m)
                    mass[m] += w * clip.dimModalityShare[j * 3 + m];
            }
            for (size_t m = 0; m < 3; ++m)
                QVERIFY(std::fabs(clip.maskShare[m] - (total > 0 ? mass[m] / total : 0.0)) < 1e-9);
        }
    }

    void kanGridsFollowTheTrainingLatents()
    {
        const Dataset training = dataset(160, 21), validation = dataset(48, 22);
        // Features 30 times larger put the latents far outside the initial grid's [-3, 3] support.
        Dataset wide = training, wideValidation = validation;
        for (Modality m : kModalities) {
            wide.features[index(m)] = training.features[index(m)] * 30;
            wideValidation.features[index(m)] = validation.features[index(m)] * 30;
        }
        const auto worstCoverage = [&](const std::string &gridUpdate) {
            ModelConfig config = tinyConfig("kan-mcp", kDims);
            config.choices["grid_update"] = gridUpdate;
            auto model = trained("kan-mcp", wide, wideValidation, 30, &config);
            KanCurveOptions options;
            options.maxDatasetPoints = 160;
            const KanCurves curves = kanCurves(*model, everything(wide), options);
            double worst = 1.0;
            for (const KanEdgeCurve &edge : curves.edges) {
                worst = std::min(worst, edge.insideSupport);
                // The share is the data's, counted here again from the operating points themselves.
                const auto inside = std::count_if(edge.datasetX.begin(), edge.datasetX.end(), [&](double x) {
                    return x >= edge.supportLow && x <= edge.supportHigh;
                });
                if (std::fabs(double(inside) / double(edge.datasetX.size()) - edge.insideSupport) > 1e-9)
                    return -1.0;
            }
            return worst;
        };
        const double adapted = worstCoverage("epochs"), fixed = worstCoverage("off");
        qInfo("worst edge: %.1f%% of the training operating points inside the spline's support with grids that "
              "follow the data, %.1f%% with the fixed grid", 100 * adapted, 100 * fixed);
        QVERIFY(adapted >= 0.95);
        QVERIFY(fixed >= 0.0 && fixed < 0.95);  // the case is real: a fixed grid misses the data
    }

    void integratedGradientsRefineEachClip()
    {
        const Dataset d = dataset(12, 31);
        torch::manual_seed(5);
        auto model = createModel("camib", tinyConfig("camib", kDims));
        model->eval();
        const Baseline baseline = makeBaseline(BaselineKind::Zeros, kDims);
        IntegratedGradientsOptions options;
        options.steps = 1;  // one midpoint and a strict tolerance, so that clips must be refined
        options.maxSteps = 512;
        options.tolerance = 1e-3;
        const auto results = integratedGradients(*model, everything(d), baseline, options);
        int refined = 0;
        for (const SaliencyResult &r : results) {
            // The relative error, recomputed from the reported numbers.
            double sum = 0;
            for (const auto &steps : r.steps)
                for (double v : steps)
                    sum += v;
            const double relative = std::fabs(sum - (r.fInput - r.fBaseline)) / std::max(std::fabs(r.fInput - r.fBaseline), 0.01);
            QVERIFY(std::fabs(relative - r.relativeError) < 1e-9);
            QCOMPARE(r.reliable, r.relativeError <= options.tolerance);
            QVERIFY(r.stepsUsed >= 1 && r.stepsUsed <= 512);
            if (r.stepsUsed > 1)
                ++refined;
            if (r.stepsUsed < 512)
                QVERIFY(r.reliable);  // refinement stops early only when the clip passes
        }
        QVERIFY(refined > 0);
        // Without refinement the same clips are worse.
        options.maxSteps = 1;
        double before = 0, after = 0;
        const auto coarse = integratedGradients(*model, everything(d), baseline, options);
        for (size_t i = 0; i < results.size(); ++i) {
            before += coarse[i].relativeError;
            after += results[i].relativeError;
        }
        QVERIFY(after < before);
    }

    void tensorFusionIsTheReferenceHead()
    {
        // MIB's TFN head, written out here: [t;1] x [a;1] x [v;1] -> dropout 0.5 -> Linear ->
        // tanh(Linear) -> ReLU(Linear); in eval mode the dropout is the identity.
        torch::manual_seed(5);
        Fusion fusion(3, FusionKind::Tensor);
        fusion->eval();
        const std::array<torch::Tensor, 3> v{torch::randn({4, 3}), torch::randn({4, 3}), torch::randn({4, 3})};
        const std::array<torch::Tensor, 3> present{torch::ones({4}), torch::ones({4}), torch::ones({4})};
        std::map<std::string, torch::Tensor> p;
        for (const auto &item : fusion->named_parameters())
            p[item.key()] = item.value().detach();
        QCOMPARE(p.size(), size_t(6));  // three Linear layers: weights and biases
        const auto one = [](const torch::Tensor &x) { return torch::cat({x, torch::ones({4, 1})}, 1); };
        torch::Tensor outer = torch::zeros({4, 64});
        for (int b = 0; b < 4; ++b)
            for (int i = 0; i < 4; ++i)
                for (int j = 0; j < 4; ++j)
                    for (int k = 0; k < 4; ++k)
                        outer[b][i * 16 + j * 4 + k] = one(v[0])[b][i] * one(v[1])[b][j] * one(v[2])[b][k];
        const auto linear = [&](const std::string &name, const torch::Tensor &x) {
            return x.matmul(p.at(name + ".weight").t()) + p.at(name + ".bias");
        };
        const torch::Tensor expected =
            torch::relu(linear("linear3", torch::tanh(linear("linear2", linear("linear", outer)))));
        QVERIFY(torch::allclose(fusion->forward(v, present), expected, 1e-5, 1e-6));
        // In training the dropout acts: half the products are dropped on average.
        fusion->train();
        QVERIFY(!torch::allclose(fusion->forward(v, present), expected, 1e-5, 1e-6));
    }

    void constantRateAndMseSelection()
    {
        const Dataset training = dataset(64, 41), validation = dataset(32, 42);
        torch::manual_seed(5);
        auto model = createModel("late-fusion", tinyConfig("late-fusion", kDims));
        TrainerOptions options;
        options.epochs = 8;
        options.batchSize = 16;
        options.learningRate = 5e-3;
        options.weightDecay = 0.0;
        options.threads = 1;
        options.patience = 0;
        options.constantRate = true;
        options.selectOnMse = true;
        std::vector<double> rates, mses, maes;
        const TrainingResult r = train(*model, training, validation, options, {}, [&](const TrainingProgress &p) {
            if (p.kind == TrainingProgress::Kind::Step)
                rates.push_back(p.learningRate);
            else {
                mses.push_back(p.validationSquaredError);
                maes.push_back(p.validationLoss);
            }
        });
        for (double rate : rates)
            QCOMPARE(rate, 5e-3);
        const auto bestMse = std::min_element(mses.begin(), mses.end());
        QCOMPARE(r.record.bestEpoch, int(bestMse - mses.begin()) + 1);
        QVERIFY(r.record.hyperparameters.dump().find("valid-mse") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestFidelity)
#include "test_fidelity.moc"
