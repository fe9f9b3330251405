// The trainer (core/ml/trainer.h): same seed twice gives the same numbers, every architecture
// learns a synthetic task whose label is a known function of its inputs, cancellation stops
// within one step, and the schedule and record are what they claim.
#include "core/ml/fused_adamw.h"
#include "core/ml/model_factory.h"
#include "core/ml/trainer.h"
#include "tests/ml/architecture_rows.h"
#include "tests/ml/synthetic_data.h"

#include <QtTest>

#include <cmath>

using namespace sl::ml;

namespace {

const std::array<std::int64_t, 3> kDims{6, 5, 4};

Dataset dataset(std::int64_t samples, std::uint64_t seed)
{
    SyntheticSpec spec;
    spec.samples = samples;
    spec.seed = seed;
    return makeSyntheticDataset(spec);
}

std::shared_ptr<SentimentModel> freshModel(const std::string &arch)
{
    torch::manual_seed(3);
    return createModel(arch, tinyConfig(arch, kDims));
}

TrainerOptions quickOptions(int epochs)
{
    TrainerOptions options;
    options.epochs = epochs;
    options.batchSize = 16;
    options.learningRate = 3e-3;
    options.weightDecay = 0.0;
    options.threads = 1;
    options.patience = 0;
    return options;
}

// MAE of always predicting the training set's mean label.
double meanPredictorMae(const Dataset &training, const Dataset &validation)
{
    return (validation.labels - training.labels.mean()).abs().mean().item<double>();
}

}  // namespace

class TestTrainer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameSeedSameNumbers_data() { addArchitectureRows(); }
    void sameSeedSameNumbers()
    {
        QFETCH(QString, arch);
        const Dataset training = dataset(48, 1), validation = dataset(24, 2);
        const auto once = [&] {
            auto model = freshModel(arch.toStdString());
            const TrainingResult r = train(*model, training, validation, quickOptions(2));
            return std::make_pair(r, predict(*model, validation, BottleneckMode::Mean));
        };
        const auto [first, firstPredictions] = once();
        const auto [second, secondPredictions] = once();
        QCOMPARE(first.record.steps, 6);
        QVERIFY(first.validation.multimodal == second.validation.multimodal);  // exact
        QVERIFY(firstPredictions.multimodal == secondPredictions.multimodal);
        QCOMPARE(first.record.validationLoss, second.record.validationLoss);
    }

    void learnsSyntheticTask_data() { addArchitectureRows(); }
    void learnsSyntheticTask()
    {
        QFETCH(QString, arch);
        const Dataset training = dataset(192, 4), validation = dataset(64, 5);
        auto model = freshModel(arch.toStdString());
        TrainerOptions options = quickOptions(25);  // 300 steps
        options.learningRate = 1e-2;
        const TrainingResult r = train(*model, training, validation, options, "synthetic");
        const double baseline = meanPredictorMae(training, validation);
        qInfo("%s: validation MAE %.3f, mean predictor %.3f, best epoch %d", qPrintable(arch),
              r.record.validationLoss, baseline, r.record.bestEpoch);
        QVERIFY(r.record.validationLoss < 0.5 * baseline);
    }

    void paretoCanBeSwitchedOff()
    {
        // KAN-MCP with MCPareto rewrites its encoders' gradients; without it, it trains plainly.
        const Dataset training = dataset(48, 1);
        const auto parametersAfter = [&](bool pareto) {
            auto model = freshModel("kan-mcp");
            TrainerOptions options = quickOptions(1);
            options.pareto = pareto;
            train(*model, training, Dataset{}, options);
            return torch::cat({model->parameters()[0].flatten(), model->parameters()[2].flatten()});
        };
        QVERIFY(!torch::equal(parametersAfter(true), parametersAfter(false)));
        QVERIFY(torch::equal(parametersAfter(true), parametersAfter(true)));
    }

    void cancellationStopsWithinOneStep()
    {
        const Dataset training = dataset(96, 1);
        auto model = freshModel("kan-mcp");
        std::atomic<bool> cancel{false};
        std::int64_t lastStep = 0;
        const TrainingResult r = train(
            *model, training, Dataset{}, quickOptions(5), {},
            [&](const TrainingProgress &p) {
                lastStep = p.step;
                if (p.kind == TrainingProgress::Kind::Step && p.step == 3)
                    cancel = true;
            },
            &cancel);
        QVERIFY(r.cancelled);
        QCOMPARE(r.record.stopReason, std::string("cancelled"));
        QCOMPARE(r.record.steps, 3);
        QCOMPARE(lastStep, 3);
    }

    void warmUpEpochsDoNotCountAgainstPatience()
    {
        const Dataset training = dataset(48, 1), validation = dataset(24, 2);
        auto model = freshModel("late-fusion");
        TrainerOptions options = quickOptions(40);
        options.learningRate = 0.3;
        options.patience = 2;
        options.warmupFraction = 0.5;  // 20 of 40 epochs (3 steps each) warm up
        const TrainingResult r = train(*model, training, validation, options);
        const int lastWarmUpEpoch = 20;
        QCOMPARE(r.record.stopReason, std::string("early-stop"));
        QVERIFY2(r.record.epochsRun >= lastWarmUpEpoch + 2, qPrintable(QString::number(r.record.epochsRun)));
        QCOMPARE(r.record.epochsRun, std::max(r.record.bestEpoch, lastWarmUpEpoch) + 2);
    }

    // With "input_scaling": "standardise" the trainer fits the numbers on the training split, so
    // the units of a feature (Hz or kHz, an offset) no longer change what the model learns.
    void standardisedModelsAreBlindToFeatureUnits()
    {
        const Dataset training = dataset(48, 1), validation = dataset(24, 2);
        Dataset rescaledTraining = training, rescaledValidation = validation;
        for (Dataset *d : {&rescaledTraining, &rescaledValidation}) {
            torch::Tensor &audio = d->features[index(Modality::Audio)];
            const torch::Tensor valid = (torch::arange(audio.size(1)).unsqueeze(0) <
                                         d->lengths[index(Modality::Audio)].unsqueeze(1)).unsqueeze(-1);
            audio = torch::where(valid, audio * 1000.0 + 250.0, audio);  // padding stays zero
        }
        ModelConfig config = tinyConfig("c-mib", kDims);
        config.choices[kInputScalingKey] = kInputScalingStandardise;
        const auto trained = [&](const Dataset &trainSet, const Dataset &validSet) {
            torch::manual_seed(3);
            auto model = createModel("c-mib", config);
            train(*model, trainSet, validSet, quickOptions(3));
            return model;
        };
        auto plain = trained(training, validation);
        auto rescaled = trained(rescaledTraining, rescaledValidation);
        const FeatureScaling fitted = rescaled->inputScaling(Modality::Audio);
        const FeatureScaling expected = fitFeatureScaling(rescaledTraining.features[index(Modality::Audio)],
                                                          rescaledTraining.lengths[index(Modality::Audio)]);
        QVERIFY(torch::allclose(fitted.shift, expected.shift));
        QVERIFY(torch::allclose(fitted.scale, expected.scale));
        QVERIFY(fitted.scale.min().item<double>() > 100);  // the factor 1000 was seen
        const std::vector<double> a = predict(*plain, validation, BottleneckMode::Mean).multimodal;
        const std::vector<double> b = predict(*rescaled, rescaledValidation, BottleneckMode::Mean).multimodal;
        QCOMPARE(a.size(), b.size());
        double gap = 0;
        for (size_t i = 0; i < a.size(); ++i)
            gap = std::max(gap, std::fabs(a[i] - b[i]));
        QVERIFY2(gap < 1e-3, qPrintable(QString::number(gap)));
    }

    void earlyStoppingKeepsTheBestEpoch()
    {
        const Dataset training = dataset(48, 1), validation = dataset(24, 2);
        auto model = freshModel("late-fusion");
        TrainerOptions options = quickOptions(40);
        options.learningRate = 0.3;  // far too high: validation gets worse soon
        options.patience = 2;
        options.warmupFraction = 0;  // patience counts from the first epoch
        std::vector<double> losses;
        const TrainingResult r = train(*model, training, validation, options, {},
                                       [&](const TrainingProgress &p) {
                                           if (p.kind == TrainingProgress::Kind::Epoch)
                                               losses.push_back(p.validationLoss);
                                       });
        QCOMPARE(r.record.stopReason, std::string("early-stop"));
        QCOMPARE(r.record.epochsRun, r.record.bestEpoch + 2);
        const Evaluation now =
            evaluate(predict(*model, validation, BottleneckMode::Mean), validation,
                     MetricScale::Mosi);
        QCOMPARE(now.loss, losses[static_cast<std::size_t>(r.record.bestEpoch - 1)]);
    }

    void fusedAdamWFollowsLibTorchsAdamW()
    {
        // The trainer's optimizer computes AdamW's update in one pass per parameter; over many
        // steps, with weight decay, two groups with their own learning rates, a parameter
        // without gradient and sizes that are not a multiple of the vector width, it must track
        // LibTorch's own AdamW to float rounding.
        torch::manual_seed(8);
        const std::vector<torch::Tensor> start = {torch::randn({7, 5}), torch::randn({13}), torch::randn({3})};
        std::vector<torch::Tensor> fusedParams, stockParams;
        for (const torch::Tensor &t : start) {
            fusedParams.push_back(t.clone().requires_grad_(true));
            stockParams.push_back(t.clone().requires_grad_(true));
        }
        const auto groupsOf = [](const std::vector<torch::Tensor> &p) {
            std::vector<torch::optim::OptimizerParamGroup> groups;
            groups.emplace_back(std::vector<torch::Tensor>{p[0], p[2]},
                                std::make_unique<torch::optim::AdamWOptions>(torch::optim::AdamWOptions(0.01).weight_decay(0.1)));
            groups.emplace_back(std::vector<torch::Tensor>{p[1]},
                                std::make_unique<torch::optim::AdamWOptions>(torch::optim::AdamWOptions(0.003).weight_decay(0.0)));
            return groups;
        };
        FusedAdamW fused(groupsOf(fusedParams));
        torch::optim::AdamW stock(groupsOf(stockParams));
        for (int step = 0; step < 50; ++step) {
            const torch::Tensor g0 = torch::randn({7, 5}), g1 = torch::randn({13}) * 1e-3;
            fusedParams[0].mutable_grad() = g0.clone();
            stockParams[0].mutable_grad() = g0.clone();
            fusedParams[1].mutable_grad() = g1.clone();
            stockParams[1].mutable_grad() = g1.clone();  // p[2] never gets a gradient
            fused.step();
            stock.step();
        }
        for (std::size_t i = 0; i < start.size(); ++i)
            QVERIFY2(torch::allclose(fusedParams[i], stockParams[i], 1e-5, 1e-6), qPrintable(QString::number(i)));
        QVERIFY(!torch::allclose(fusedParams[0], start[0]));  // it did move
        QVERIFY(torch::equal(fusedParams[2], start[2]));      // no gradient: untouched, no decay
        // A double parameter is not fused: LibTorch's own step runs, with the same result.
        torch::Tensor d1 = torch::randn({4}, torch::kFloat64).requires_grad_(true);
        torch::Tensor d2 = d1.detach().clone().requires_grad_(true);
        FusedAdamW fusedDouble(std::vector<torch::Tensor>{d1});
        torch::optim::AdamW stockDouble(std::vector<torch::Tensor>{d2});
        d1.mutable_grad() = torch::ones({4}, torch::kFloat64);
        d2.mutable_grad() = torch::ones({4}, torch::kFloat64);
        fusedDouble.step();
        stockDouble.step();
        QVERIFY(torch::equal(d1, d2));
    }

    void scheduleAndRecord()
    {
        QCOMPARE(learningRateFactor(0, 10, 4), 0.25);
        QCOMPARE(learningRateFactor(3, 10, 4), 1.0);
        QCOMPARE(learningRateFactor(4, 10, 4), 1.0);
        QCOMPARE(learningRateFactor(7, 10, 4), 0.5);
        QCOMPARE(learningRateFactor(0, 10, 0), 1.0);

        const Dataset training = dataset(32, 1), validation = dataset(16, 2);
        auto model = freshModel("e-mib");
        TrainerOptions options = quickOptions(1);
        options.labelScale = "sims";
        const TrainingResult r = train(*model, training, validation, options, "labels-v3");
        const TrainingRecord back = TrainingRecord::fromJson(Json::parse(r.record.toJson().dump()));
        QCOMPARE(back.labelSnapshot, std::string("labels-v3"));
        QCOMPARE(back.device, std::string("cpu"));
        QCOMPARE(back.threads, 1);
        QCOMPARE(back.seed, std::uint64_t(1111));
        QCOMPARE(back.validationMetrics.front().first, std::string("Mult_acc_2"));
        QVERIFY(back.validationMetrics == r.record.validationMetrics);
        QCOMPARE(back.hyperparameters.at("label_scale").toString(), std::string("sims"));
        QVERIFY(!back.startedAt.empty() && back.startedAt.back() == 'Z');
    }
};

QTEST_GUILESS_MAIN(TestTrainer)
#include "test_trainer.moc"
