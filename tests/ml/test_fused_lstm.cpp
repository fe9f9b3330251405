// SentiLens's fused CPU LSTM (core/ml/fused_lstm.h) against torch::nn::LSTM: the same states and
// the same gradients for the input and every parameter (random batches with padding, batch 1 and
// larger, odd hidden sizes), float64 gradients against finite differences, whole models giving
// the same predictions and training gradients either way, model files saved with the stock LSTM
// predicting the same through the fused one, and clear errors for what it does not do. Batches
// of 1-2 and larger ones take different recurrence code (direct products vs BLAS); both are here.
#include "core/ml/fused_lstm.h"
#include "core/ml/model_factory.h"
#include "core/ml/model_file.h"
#include "core/ml/sequence_encoder.h"
#include "tests/ml/architecture_rows.h"
#include "tests/ml/synthetic_data.h"

#include <torch/autograd.h>
#include <torch/nn/modules/rnn.h>

#include <QTemporaryDir>
#include <QtTest>

#include <string>
#include <vector>

using namespace sl::ml;

namespace {

// Largest difference relative to the reference's largest magnitude (at least 1).
double relativeError(const torch::Tensor &actual, const torch::Tensor &expected)
{
    if (actual.sizes() != expected.sizes())
        return 1e300;
    if (expected.numel() == 0)
        return 0.0;
    const double scale = std::max(1.0, expected.abs().max().item<double>());
    return (actual - expected).abs().max().item<double>() / scale;
}

// Switches the fused LSTM off for one scope (the stock torch::nn::LSTM runs instead).
struct StockLstm {
    StockLstm() { setFusedLstmEnabled(false); }
    ~StockLstm() { setFusedLstmEnabled(true); }
};

struct LstmCase {
    torch::nn::LSTM lstm{nullptr};
    torch::Tensor input;    // (batch, time, inputs), padding zeroed as models do
    torch::Tensor lengths;  // (batch)
    torch::Tensor outputGrad;  // random upstream gradient for the states
};

LstmCase makeCase(std::int64_t batch, std::int64_t time, std::int64_t inputs, std::int64_t hidden,
                  torch::Dtype dtype = torch::kFloat)
{
    torch::manual_seed(batch * 1000 + time * 100 + inputs * 10 + hidden);
    LstmCase c;
    c.lstm = torch::nn::LSTM(torch::nn::LSTMOptions(inputs, hidden).batch_first(true));
    c.lstm->to(dtype);
    c.lengths = torch::randint(1, time + 1, {batch}, torch::kLong);
    c.lengths[0] = time;  // one full-length sample
    const torch::Tensor mask = (torch::arange(time).unsqueeze(0) < c.lengths.unsqueeze(1))
                                   .to(dtype)
                                   .unsqueeze(2);
    c.input = (torch::randn({batch, time, inputs}, dtype) * 1.5 * mask).requires_grad_(true);
    c.outputGrad = torch::randn({batch, time, hidden}, dtype);
    return c;
}

torch::Tensor fusedStates(const LstmCase &c, const torch::Tensor &input)
{
    return fusedLstm(input, c.lstm->named_parameters()["weight_ih_l0"],
                     c.lstm->named_parameters()["weight_hh_l0"],
                     c.lstm->named_parameters()["bias_ih_l0"],
                     c.lstm->named_parameters()["bias_hh_l0"]);
}

// The input's gradient followed by the parameters' in the module's order.
std::vector<torch::Tensor> gradients(const LstmCase &c, const torch::Tensor &states)
{
    std::vector<torch::Tensor> inputs{c.input};
    for (const torch::Tensor &p : c.lstm->parameters())
        inputs.push_back(p);
    // The upstream gradient as the encoder sends it plus a dense part: every step gets some.
    const torch::Tensor loss = (states * c.outputGrad).sum() + states.pow(2).sum();
    return torch::autograd::grad({loss}, inputs);
}

const char *const kParameterNames[] = {"input", "weight_ih_l0", "weight_hh_l0", "bias_ih_l0",
                                       "bias_hh_l0"};

const std::array<std::int64_t, 3> kDims{6, 5, 4};

ModelInput modelInput(std::int64_t samples)
{
    SyntheticSpec spec;
    spec.samples = samples;
    spec.maxTime = {9, 13, 7};
    return makeSyntheticDataset(spec).batch(torch::arange(samples));
}

}  // namespace

class TestFusedLstm : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void sameAsStockLstm_data()
    {
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("time");
        QTest::addColumn<int>("inputs");
        QTest::addColumn<int>("hidden");
        QTest::newRow("one step, hidden 1") << 1 << 1 << 3 << 1;
        QTest::newRow("batch 1") << 1 << 17 << 5 << 4;
        QTest::newRow("batch 4, odd hidden") << 4 << 9 << 6 << 5;
        QTest::newRow("batch 2, hidden 7") << 2 << 12 << 10 << 7;
        QTest::newRow("batch 3, hidden 6") << 3 << 8 << 10 << 6;
        QTest::newRow("batch 5, hidden 33") << 5 << 20 << 3 << 33;
        QTest::newRow("batch 32, MOSI-like") << 32 << 50 << 74 << 64;
        QTest::newRow("batch 2, long") << 2 << 120 << 8 << 50;
        QTest::newRow("batch 1, MOSI-like") << 1 << 50 << 74 << 64;
    }

    void sameAsStockLstm()
    {
        QFETCH(int, batch);
        QFETCH(int, time);
        QFETCH(int, inputs);
        QFETCH(int, hidden);
        LstmCase c = makeCase(batch, time, inputs, hidden);
        const torch::Tensor expected = std::get<0>(c.lstm->forward(c.input));
        const torch::Tensor actual = fusedStates(c, c.input);
        QVERIFY(actual.sizes() == expected.sizes());
        const double forwardError = relativeError(actual, expected);
        qInfo("states: relative error %.2g", forwardError);
        QVERIFY(forwardError < 1e-5);

        const std::vector<torch::Tensor> want = gradients(c, expected);
        const std::vector<torch::Tensor> got = gradients(c, actual);
        QCOMPARE(got.size(), want.size());
        for (std::size_t k = 0; k < want.size(); ++k) {
            const double error = relativeError(got[k], want[k]);
            qInfo("d/d %s: relative error %.2g", kParameterNames[k], error);
            QVERIFY2(error < 1e-5, kParameterNames[k]);
        }
    }

    void float64SameAsStockLstm()
    {
        LstmCase c = makeCase(3, 11, 4, 5, torch::kDouble);
        const torch::Tensor expected = std::get<0>(c.lstm->forward(c.input));
        const torch::Tensor actual = fusedStates(c, c.input);
        QVERIFY(relativeError(actual, expected) < 1e-12);
        const std::vector<torch::Tensor> want = gradients(c, expected);
        const std::vector<torch::Tensor> got = gradients(c, actual);
        for (std::size_t k = 0; k < want.size(); ++k)
            QVERIFY2(relativeError(got[k], want[k]) < 1e-12, kParameterNames[k]);
    }

    // Central differences in float64 for every element of the input and the parameters.
    void float64GradientsMatchFiniteDifferences()
    {
        LstmCase c = makeCase(2, 4, 3, 2, torch::kDouble);
        std::vector<torch::Tensor> tensors{c.input};
        for (const torch::Tensor &p : c.lstm->parameters())
            tensors.push_back(p);
        const auto loss = [&] {
            const torch::Tensor s = fusedStates(c, c.input);
            return (s * c.outputGrad).sum() + s.pow(2).sum();
        };
        const std::vector<torch::Tensor> analytic =
            torch::autograd::grad({loss()}, tensors);
        torch::NoGradGuard noGrad;
        const double step = 1e-6;
        for (std::size_t k = 0; k < tensors.size(); ++k) {
            torch::Tensor flat = tensors[k].view(-1);
            const torch::Tensor want = analytic[k].reshape(-1);
            for (std::int64_t e = 0; e < flat.numel(); ++e) {
                const double original = flat[e].item<double>();
                flat[e] = original + step;
                const double up = loss().item<double>();
                flat[e] = original - step;
                const double down = loss().item<double>();
                flat[e] = original;
                const double numeric = (up - down) / (2 * step);
                QVERIFY2(std::abs(numeric - want[e].item<double>()) <=
                             1e-6 * std::max(1.0, std::abs(numeric)),
                         qPrintable(QString("%1[%2]: numeric %3, analytic %4")
                                        .arg(kParameterNames[k])
                                        .arg(e)
                                        .arg(numeric)
                                        .arg(want[e].item<double>())));
            }
        }
    }

    // The multi-task trainer (MCPareto) runs backward several times over one graph.
    void backwardTwiceWithRetainedGraph()
    {
        LstmCase c = makeCase(3, 6, 4, 5);
        const torch::Tensor loss = fusedStates(c, c.input).sum();
        const auto first = torch::autograd::grad({loss}, {c.input}, {}, /*retain_graph=*/true);
        const auto second = torch::autograd::grad({loss}, {c.input});
        QVERIFY(torch::equal(first[0], second[0]));
    }

    void doubleBackwardRefused()
    {
        LstmCase c = makeCase(2, 3, 4, 3);
        const torch::Tensor loss = fusedStates(c, c.input).pow(2).sum();
        try {
            torch::autograd::grad({loss}, {c.input}, {}, true, /*create_graph=*/true);
            QFAIL("create_graph through the fused LSTM was accepted");
        } catch (const std::exception &error) {
            qInfo("%s", error.what());
            QVERIFY(std::string(error.what()).find("double backward") != std::string::npos);
        }
    }

    void badShapesAndTypesRefused()
    {
        LstmCase c = makeCase(2, 3, 4, 3);
        const torch::Tensor wrongDims = torch::randn({2, 3, 5});
        try {
            fusedStates(c, wrongDims);
            QFAIL("input with 5 dims accepted by an LSTM of 4 inputs");
        } catch (const std::invalid_argument &error) {
            qInfo("%s", error.what());
            QVERIFY(std::string(error.what()).find("(2, 3, 5)") != std::string::npos);
        }
        QVERIFY(fusedLstmSupports(c.input, c.lstm->named_parameters()["weight_ih_l0"]));
        const torch::Tensor half = c.input.detach().to(torch::kHalf);
        QVERIFY(!fusedLstmSupports(half, half));
        QVERIFY(!fusedLstmSupports(c.input, c.lstm->named_parameters()["weight_ih_l0"].to(
                                                torch::kDouble)));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument,
                                 fusedStates(c, c.input.detach().to(torch::kDouble)));
    }

    // Inference without gradients takes a path that records nothing; same numbers.
    void noGradSameStates()
    {
        LstmCase c = makeCase(4, 8, 5, 6);
        const torch::Tensor recorded = fusedStates(c, c.input);
        torch::NoGradGuard noGrad;
        const torch::Tensor plain = fusedStates(c, c.input);
        QVERIFY(!plain.requires_grad());
        QVERIFY(torch::equal(plain, recorded.detach()));
    }

    // The encoders run the fused LSTM on the CPU (so that the model comparisons below compare
    // two different computations), and the stock one when it is switched off.
    void encoderRunsFusedOnCpu()
    {
        SequenceEncoder encoder(4, 3, SequenceEncoderKind::Lstm);
        const torch::Tensor x = torch::randn({2, 5, 4}, torch::requires_grad());
        const torch::Tensor lengths = torch::tensor({5, 3}, torch::kLong);
        const auto graphHasFusedNode = [](const torch::Tensor &out) {
            std::vector<torch::autograd::Node *> pending{out.grad_fn().get()};
            while (!pending.empty()) {
                torch::autograd::Node *node = pending.back();
                pending.pop_back();
                if (!node)
                    continue;
                if (node->name().find("FusedLstm") != std::string::npos)
                    return true;
                for (const torch::autograd::Edge &edge : node->next_edges())
                    pending.push_back(edge.function.get());
            }
            return false;
        };
        const torch::Tensor fused = encoder->forward(x, lengths);
        QVERIFY(graphHasFusedNode(fused));
        StockLstm off;
        const torch::Tensor stock = encoder->forward(x, lengths);
        QVERIFY(!graphHasFusedNode(stock));
        QVERIFY(relativeError(fused, stock) < 1e-5);
    }

    // Whole models: predictions and every parameter's training gradient, fused vs stock.
    void modelsSameEitherWay_data() { addArchitectureRows(); }
    void modelsSameEitherWay()
    {
        QFETCH(QString, arch);
        torch::manual_seed(3);
        auto model = createModel(arch.toStdString(), tinyConfig(arch.toStdString(), kDims));
        model->train();
        const ModelInput in = modelInput(7);
        const auto run = [&] {
            torch::manual_seed(9);  // the same bottleneck noise both times
            model->zero_grad();
            const ModelOutput out = model->forward(in, BottleneckMode::Sampled);
            out.loss.backward();
            std::vector<torch::Tensor> grads{out.prediction.detach()};
            for (const torch::Tensor &p : model->parameters())
                grads.push_back(p.grad().defined() ? p.grad().clone() : torch::zeros_like(p));
            return grads;
        };
        const std::vector<torch::Tensor> fused = run();
        std::vector<torch::Tensor> stock;
        {
            StockLstm off;
            stock = run();
        }
        QVERIFY(relativeError(fused[0], stock[0]) < 1e-5);
        for (std::size_t k = 1; k < fused.size(); ++k)
            QVERIFY2(relativeError(fused[k], stock[k]) < 1e-5,
                     qPrintable(QString("parameter %1").arg(k - 1)));
    }

    // A model file written while SentiLens ran the stock LSTM loads into the fused one (same
    // parameter names) and predicts the same.
    void stockModelFileSamePredictions_data() { addArchitectureRows(); }
    void stockModelFileSamePredictions()
    {
        QFETCH(QString, arch);
        QTemporaryDir dir;
        const std::string file = dir.filePath("model.slm").toStdString();
        const ModelInput in = modelInput(6);
        ModelOutput before;
        {
            StockLstm off;
            torch::manual_seed(5);
            auto model = createModel(arch.toStdString(), tinyConfig(arch.toStdString(), kDims));
            model->eval();
            ModelDescription d;
            d.contract[Modality::Text] = {kDims[0], "toy-text", "1"};
            d.contract[Modality::Audio] = {kDims[1], "toy-audio", "1"};
            d.contract[Modality::Visual] = {kDims[2], "toy-visual", "1"};
            d.labelScale = "mosi";
            saveModel(file, *model, d);
            torch::NoGradGuard noGrad;
            before = model->forward(in);
        }
        const LoadedModel loaded = loadModel(file);
        torch::NoGradGuard noGrad;
        const ModelOutput after = loaded.model->forward(in);
        QVERIFY(relativeError(after.prediction, before.prediction) < 1e-5);
        for (Modality m : kModalities)
            QVERIFY(!before.unimodal[index(m)].defined() ||
                    relativeError(after.unimodal[index(m)], before.unimodal[index(m)]) < 1e-5);
    }
};

QTEST_GUILESS_MAIN(TestFusedLstm)
#include "test_fused_lstm.moc"
