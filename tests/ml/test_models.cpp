// Every architecture behind the model interface (core/ml/model.h): output shapes, and that
// padding, missing modalities and zero-length sequences change nothing they should not and never
// produce NaN.
#include "core/ml/model_factory.h"
#include "core/ml/padded_features.h"
#include "tests/ml/architecture_rows.h"
#include "tests/ml/synthetic_data.h"

#include <QtTest>

using namespace sl::ml;

namespace {

const std::array<std::int64_t, 3> kDims{6, 5, 4};

std::shared_ptr<SentimentModel> tinyModel(const std::string &arch)
{
    torch::manual_seed(11);
    auto model = createModel(arch, tinyConfig(arch, kDims));
    model->eval();
    return model;
}

ModelInput sampleInput(std::int64_t samples = 5)
{
    SyntheticSpec spec;
    spec.samples = samples;
    return makeSyntheticDataset(spec).batch(torch::arange(samples));
}

bool allFinite(const ModelOutput &out)
{
    bool finite = torch::isfinite(out.prediction).all().item<bool>();
    for (const auto &t : out.unimodal)
        finite = finite && (!t.defined() || torch::isfinite(t).all().item<bool>());
    for (const auto &[name, t] : out.internals)
        finite = finite && torch::isfinite(t).all().item<bool>();
    for (const auto &[name, t] : out.losses)
        finite = finite && torch::isfinite(t).all().item<bool>();
    return finite && (!out.loss.defined() || torch::isfinite(out.loss).item<bool>());
}

bool same(const torch::Tensor &a, const torch::Tensor &b, double tolerance = 1e-5)
{
    return a.sizes() == b.sizes() && (a - b).abs().max().item<double>() <= tolerance;
}

}  // namespace

class TestModels : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void shapesAndLosses_data() { addArchitectureRows(); }
    void shapesAndLosses()
    {
        QFETCH(QString, arch);
        auto model = tinyModel(arch.toStdString());
        QCOMPARE(model->architecture(), arch.toStdString());
        model->train();
        const ModelOutput out = model->forward(sampleInput(), BottleneckMode::Sampled);
        QCOMPARE(out.prediction.sizes(), torch::IntArrayRef({5}));
        for (const auto &t : out.unimodal)
            QVERIFY(!t.defined() || t.sizes() == torch::IntArrayRef({5}));
        QVERIFY(out.internals.count("text.present"));
        QVERIFY(out.losses.count(kLossMultimodal));
        QCOMPARE(out.loss.dim(), 0);
        QVERIFY(allFinite(out));
        out.loss.backward();
        for (const torch::Tensor &p : model->parameters())
            QVERIFY(!p.grad().defined() || torch::isfinite(p.grad()).all().item<bool>());
        // Without targets: no losses.
        ModelInput plain = sampleInput();
        plain.targets = {};
        QVERIFY(!model->forward(plain).loss.defined());
    }

    void meanModeIsDeterministic_data() { addArchitectureRows(); }
    void meanModeIsDeterministic()
    {
        QFETCH(QString, arch);
        auto model = tinyModel(arch.toStdString());
        const ModelInput input = sampleInput();
        QVERIFY(torch::equal(model->forward(input).prediction, model->forward(input).prediction));
    }

    void paddingChangesNothing_data() { addArchitectureRows(); }
    void paddingChangesNothing()
    {
        QFETCH(QString, arch);
        auto model = tinyModel(arch.toStdString());
        const ModelInput input = sampleInput();
        ModelInput noisy = input;
        ModelInput longer = input;
        for (Modality m : kModalities) {
            const torch::Tensor &f = input[m].features;
            const torch::Tensor valid = timeMask(input[m].lengths, f.size(1)).unsqueeze(2);
            noisy[m].features = f + torch::randn_like(f) * 5 * (1 - valid);
            longer[m].features = torch::cat({f, torch::randn({f.size(0), 3, f.size(2)})}, 1);
        }
        const ModelOutput reference = model->forward(input);
        QVERIFY(same(model->forward(noisy).prediction, reference.prediction));
        QVERIFY(same(model->forward(longer).prediction, reference.prediction));
    }

    void samplesAreIndependent_data() { addArchitectureRows(); }
    void samplesAreIndependent()
    {
        // In inference a clip's prediction must not depend on its batch mates: emptying one
        // sample's audio (length 0) changes only that sample.
        QFETCH(QString, arch);
        auto model = tinyModel(arch.toStdString());
        const ModelInput input = sampleInput();
        ModelInput changed = input;
        changed[Modality::Audio].lengths = input[Modality::Audio].lengths.clone();
        changed[Modality::Audio].lengths[2] = 0;
        const torch::Tensor a = model->forward(input).prediction;
        const ModelOutput out = model->forward(changed);
        QVERIFY(allFinite(out));
        const torch::Tensor others = torch::tensor({0, 1, 3, 4});
        QVERIFY(same(out.prediction.index_select(0, others), a.index_select(0, others)));
        QCOMPARE(out.internals.at("audio.present")[2].item<float>(), 0.0f);
        // An emptied sample's frames, whatever they hold, are ignored.
        changed[Modality::Audio].features = input[Modality::Audio].features.clone();
        changed[Modality::Audio].features[2].normal_();
        QVERIFY(same(model->forward(changed).prediction, out.prediction));
    }

    void missingModalities_data() { addArchitectureRows(); }
    void missingModalities()
    {
        QFETCH(QString, arch);
        auto model = tinyModel(arch.toStdString());
        model->train();
        // A modality absent from the whole batch, with undefined tensors, equals all lengths 0.
        ModelInput absent = sampleInput();
        absent[Modality::Visual] = ModalityInput{{}, {}, false};
        ModelInput empty = sampleInput();
        empty[Modality::Visual].lengths = torch::zeros({5}, torch::kInt64);
        model->eval();
        const ModelOutput a = model->forward(absent);
        QVERIFY(allFinite(a));
        QVERIFY(same(a.prediction, model->forward(empty).prediction));
        QCOMPARE(a.internals.at("visual.present").sum().item<float>(), 0.0f);
        // Nothing at all, and zero-length sequences, in training mode with losses: no NaN.
        model->train();
        ModelInput nothing = sampleInput();
        for (Modality m : kModalities)
            nothing[m].lengths = torch::zeros({5}, torch::kInt64);
        const ModelOutput n = model->forward(nothing, BottleneckMode::Sampled);
        QVERIFY(allFinite(n));
        n.loss.backward();
        for (const torch::Tensor &p : model->parameters())
            QVERIFY(!p.grad().defined() || torch::isfinite(p.grad()).all().item<bool>());
    }

    void rejectsBadInput()
    {
        auto model = tinyModel("late-fusion");
        ModelInput input = sampleInput();
        input[Modality::Text].features = torch::zeros({5, 3, 7});
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, model->forward(input));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, createModel("nope", tinyConfig("e-mib", kDims)));
        ModelConfig typo = tinyConfig("e-mib", kDims);
        typo.numbers["betta"] = 1;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, createModel("e-mib", typo));
    }

    void inputScalingIgnoresPaddingAndConstantDims()
    {
        // Two samples: 3 and 1 valid frames; the padding holds values that must not count.
        torch::Tensor features = torch::full({2, 3, 2}, 1000.0);
        features.index_put_({0, 0}, torch::tensor({1.0, 5.0}));
        features.index_put_({0, 1}, torch::tensor({2.0, 5.0}));
        features.index_put_({0, 2}, torch::tensor({3.0, 5.0}));
        features.index_put_({1, 0}, torch::tensor({6.0, 5.0}));
        const FeatureScaling s = fitFeatureScaling(features, torch::tensor({3, 1}, torch::kInt64));
        QCOMPARE(s.shift[0].item<double>(), 3.0);  // mean of 1, 2, 3, 6
        QVERIFY(std::fabs(s.scale[0].item<double>() - std::sqrt(3.5)) < 1e-6);  // population std
        QCOMPARE(s.shift[1].item<double>(), 5.0);
        QCOMPARE(s.scale[1].item<double>(), 1.0);  // constant: passes through, shifted only
    }

    void inputScalingIsASetting()
    {
        ModelConfig config = tinyConfig("late-fusion", kDims);
        QVERIFY(!createModel("late-fusion", config)->scalesInputs());  // absent: off (older files)
        QVERIFY(createModel("late-fusion", config)->named_buffers().is_empty());
        config.choices[kInputScalingKey] = kInputScalingStandardise;
        auto model = createModel("late-fusion", config);
        QVERIFY(model->scalesInputs());
        QCOMPARE(model->named_buffers().size(), size_t(2 * kModalityCount));
        // Identity until fitted: the same predictions as an unscaled twin.
        torch::manual_seed(4);
        auto scaled = createModel("late-fusion", config);
        config.choices.erase(kInputScalingKey);
        torch::manual_seed(4);
        auto plain = createModel("late-fusion", config);
        scaled->eval();
        plain->eval();
        QVERIFY(torch::allclose(scaled->forward(sampleInput()).prediction, plain->forward(sampleInput()).prediction));
        // Fitted: the model sees (x - shift) / scale.
        scaled->setInputScaling(Modality::Text, {torch::full({kDims[0]}, 2.0), torch::full({kDims[0]}, 4.0)});
        ModelInput shifted = sampleInput();
        shifted[Modality::Text].features = shifted[Modality::Text].features * 4.0 + 2.0;
        QVERIFY(torch::allclose(scaled->forward(shifted).prediction, plain->forward(sampleInput()).prediction, 1e-5, 1e-6));
        config.choices[kInputScalingKey] = "whiten";
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, createModel("late-fusion", config));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 scaled->setInputScaling(Modality::Audio, {torch::zeros({1}), torch::ones({1})}));
    }

    void cleaningInOnePassEqualsTheTensorOperations()
    {
        // cleanPaddedFeatures takes a hand-written pass on the CPU for inputs without gradients
        // and tensor operations otherwise (integrated gradients); both must give the same values.
        torch::manual_seed(3);
        torch::Tensor features = torch::randn({4, 7, 9}) * 50.0;
        features.index_put_({0, 1, 2}, std::numeric_limits<float>::quiet_NaN());
        features.index_put_({1, 0, 0}, std::numeric_limits<float>::infinity());
        features.index_put_({2, 3, 8}, -std::numeric_limits<float>::infinity());
        features.index_put_({3, 6, 4}, std::numeric_limits<float>::quiet_NaN());  // in the padding
        const torch::Tensor lengths = torch::tensor({7, 3, 0, 5}, torch::kInt64);
        const torch::Tensor shift = torch::randn({9});
        const torch::Tensor scale = torch::rand({9}) + 0.5;
        for (const bool scaled : {false, true}) {
            const torch::Tensor s = scaled ? shift : torch::Tensor();
            const torch::Tensor c = scaled ? scale : torch::Tensor();
            const torch::Tensor fast = cleanPaddedFeatures(features, lengths, s, c);
            const torch::Tensor slow = cleanPaddedFeatures(features.clone().requires_grad_(true), lengths, s, c).detach();
            QVERIFY(torch::equal(fast, slow));
            QVERIFY(torch::isfinite(fast).all().item<bool>());
            QCOMPARE(fast.index({1, torch::indexing::Slice(3)}).abs().sum().item<double>(), 0.0);  // padding
            QCOMPARE(fast.index({2}).abs().sum().item<double>(), 0.0);                          // no frame
            const double expected = scaled ? (0.0 - shift[2].item<double>()) / scale[2].item<double>() : 0.0;
            QVERIFY(std::fabs(fast.index({0, 1, 2}).item<double>() - expected) < 1e-6);  // NaN became 0
            const double kept = scaled ? (features.index({0, 4, 5}).item<double>() - shift[5].item<double>()) / scale[5].item<double>()
                                       : features.index({0, 4, 5}).item<double>();
            QVERIFY(std::fabs(fast.index({0, 4, 5}).item<double>() - kept) < 1e-4);
        }
    }

    void kanIsReachable()
    {
        auto model = tinyModel("kan-mcp");
        QVERIFY(findKan(*model) != nullptr);
        QVERIFY(findKan(*tinyModel("c-mib")) == nullptr);
        const ModelOutput out = model->forward(sampleInput());
        QCOMPARE(out.internals.at("kan.0.edges").sizes(), torch::IntArrayRef({5, 4, 9}));
        QCOMPARE(model->paretoGroups()[0].size(), std::size_t(6));  // encoder, mean, std: w + b
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "test_models.moc"
