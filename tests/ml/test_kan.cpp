// The KAN building blocks (core/ml/bspline.h, kan_layer.h, kan.h, kan_attribution.h) against the
// properties that make them faithful to pykan: partition of unity on the grid, every edge equal to
// its closed form, masks, parameter counts, and pykan's attribution formula.
#include "core/ml/bspline.h"
#include "core/ml/kan.h"
#include "core/ml/kan_attribution.h"
#include "core/ml/kan_layer.h"
#include "tests/ml/approx.h"

#include <QtTest>

#include <cmath>

using namespace sl::ml;

namespace {

std::vector<double> column(const torch::Tensor &t, std::int64_t index)
{
    const torch::Tensor c = t.select(1, index).to(torch::kFloat64).contiguous();
    return {c.data_ptr<double>(), c.data_ptr<double>() + c.numel()};
}

double sum(const std::vector<double> &values)
{
    double total = 0.0;
    for (double v : values)
        total += v;
    return total;
}

bool allClose(const torch::Tensor &a, const torch::Tensor &b, double tolerance)
{
    return (a.to(torch::kFloat64) - b.to(torch::kFloat64)).abs().max().item<double>() <= tolerance;
}

// Replaces the nearly flat initial splines with clearly curved ones, so comparisons mean something.
void randomiseCoefficients(KanLayerImpl &layer)
{
    torch::NoGradGuard noGrad;
    for (auto &p : layer.named_parameters())
        if (p.key() == "coef")
            p.value().copy_(torch::randn_like(p.value()));
}

std::int64_t trainableCount(const torch::nn::Module &module)
{
    std::int64_t n = 0;
    for (const torch::Tensor &p : module.parameters())
        n += p.requires_grad() ? p.numel() : 0;
    return n;
}

}  // namespace

class TestKan : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { torch::manual_seed(20240501); }

    void gridIsPykansExtendedGrid()
    {
        // G = 3 intervals on [-1, 1] (h = 2/3) plus k = 3 knots on each side.
        const torch::Tensor grid = extendedGrid(2, 3, 3, -1.0, 1.0);
        QCOMPARE(grid.sizes().vec(), std::vector<std::int64_t>({2, 10}));
        const std::vector<double> expected{-3, -7.0 / 3, -5.0 / 3, -1, -1.0 / 3,
                                           1.0 / 3, 1, 5.0 / 3, 7.0 / 3, 3};
        for (std::int64_t row = 0; row < 2; ++row) {
            const std::vector<double> knots = column(grid.t(), row);
            for (std::size_t i = 0; i < expected.size(); ++i)
                QVERIFY(near(knots[i], expected[i], 1e-6));
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, extendedGrid(1, 3, 3, 1.0, -1.0));
    }

    void basisSumsToOneInsideGrid()
    {
        for (std::int64_t intervals : {3, 5}) {
            const torch::Tensor grid = extendedGrid(1, intervals, 3, -1.0, 1.0);
            const torch::Tensor x = torch::linspace(-1.0, 0.999999, 401).unsqueeze(1);
            const torch::Tensor basis = bsplineBasis(x, grid, 3);
            QCOMPARE(basis.size(2), intervals + 3);
            QVERIFY(allClose(basis.sum(2), torch::ones({401, 1}), 1e-5));
            QVERIFY(basis.min().item<double>() >= 0.0);
            for (double v : {-1.0, -0.4, 0.0, 0.77, 0.999})
                QVERIFY(near(sum(bsplineBasisValues(column(grid.t(), 0), 3, v)), 1.0, 1e-12));
        }
    }

    void basisFadesOutsideGrid()
    {
        const torch::Tensor grid = extendedGrid(1, 3, 3, -1.0, 1.0);
        // Beyond the outermost knots (and at 3 itself, the intervals being half-open) every basis
        // function is 0; between -3 and -1 they no longer add up to 1.
        const torch::Tensor outside = torch::tensor({-3.5, -3.0001, 3.0, 4.2}).unsqueeze(1);
        QCOMPARE(bsplineBasis(outside, grid, 3).abs().sum().item<double>(), 0.0);
        const double partial = bsplineBasis(torch::tensor({{-2.0}}), grid, 3).sum().item<double>();
        QVERIFY(partial > 0.0 && partial < 1.0);
    }

    void scalarAndTensorBasisAgree()
    {
        const torch::Tensor grid = extendedGrid(1, 3, 3, -1.0, 1.0).to(torch::kFloat64);
        const torch::Tensor x = torch::rand({200, 1}, torch::kFloat64) * 8 - 4;
        const torch::Tensor basis = bsplineBasis(x, grid, 3);
        const std::vector<double> knots = column(grid.t(), 0);
        for (std::int64_t s = 0; s < x.size(0); ++s) {
            const std::vector<double> values = bsplineBasisValues(knots, 3, x[s][0].item<double>());
            const std::vector<double> fromTensor = column(basis[s].t(), 0);
            QCOMPARE(values.size(), fromTensor.size());
            for (std::size_t c = 0; c < values.size(); ++c)
                QVERIFY(near(values[c], fromTensor[c], 1e-12));
        }
    }

    void initialisationFollowsPykan()
    {
        KanLayer layer(KanLayerOptions(3, 2));
        QCOMPARE(layer->coefficients().sizes().vec(), std::vector<std::int64_t>({3, 2, 6}));
        // Splines fitted to noise in +-0.5 * 0.3 / G = +-0.05 at the grid points.
        const torch::Tensor points = layer->grid().slice(1, 3, 7).t();  // (4, 3)
        const torch::Tensor splines = layer->forward(points).splines;
        QVERIFY(splines.abs().max().item<double>() <= 0.05 + 1e-4);
        // Solved in double precision, the fit needs no large coefficients (a float32 solve, as in
        // pykan, produces some of size ~1 that wiggle between the grid points).
        QVERIFY(layer->coefficients().abs().max().item<double>() < 0.5);
        // KAN-MCP's pykan copy starts scale_sp at 1 (upstream pykan: 1 / sqrt(inputs)).
        QVERIFY(allClose(layer->scaleSpline(), torch::ones({3, 2}), 1e-7));
        QVERIFY(layer->scaleBase().abs().max().item<double>() <= 1.0 / std::sqrt(3.0));
        QCOMPARE(layer->mask().sum().item<double>(), 6.0);
    }

    void edgesEqualTheirClosedForm()
    {
        KanLayer layer(KanLayerOptions(4, 3));
        randomiseCoefficients(*layer);
        // Inside the grid, in the outer spline region and beyond it, plus knots exactly.
        torch::Tensor x = torch::rand({64, 4}) * 9 - 4.5;
        x[0] = torch::tensor({-1.0f, 1.0f / 3.0f, 3.0f, -3.0f});
        const KanLayerOutput out = layer->forward(x);
        QCOMPARE(out.edges.sizes().vec(), std::vector<std::int64_t>({64, 3, 4}));
        for (std::int64_t i = 0; i < 4; ++i) {
            const std::vector<double> xs = column(x, i);
            for (std::int64_t j = 0; j < 3; ++j) {
                const EdgeCurve curve = evaluateEdge(*layer, i, j, xs);
                for (std::size_t s = 0; s < xs.size(); ++s) {
                    const auto n = static_cast<std::int64_t>(s);
                    QVERIFY(near(curve.total[s], out.edges[n][j][i].item<double>(), 1e-5));
                    QVERIFY(near(curve.base[s] + curve.spline[s], curve.total[s], 1e-12));
                    const double spline = layer->scaleSpline()[i][j].item<double>() *
                                          out.splines[n][j][i].item<double>();
                    QVERIFY(near(curve.spline[s], spline, 1e-5));
                }
            }
        }
        // Output = sum of incoming edges (the affine maps are the identity).
        QVERIFY(allClose(out.output, out.edges.sum(2), 1e-6));
        QVERIFY(allClose(out.nodeSums, out.output, 0.0));
        QVERIFY_THROWS_EXCEPTION(c10::Error, evaluateEdge(*layer, 4, 0, std::vector<double>(1)));
    }

    void maskZeroesEdges()
    {
        KanLayer layer(KanLayerOptions(3, 2));
        randomiseCoefficients(*layer);
        const torch::Tensor x = torch::randn({16, 3});
        const torch::Tensor before = layer->forward(x).edges;
        layer->setEdgeEnabled(1, 0, false);
        const KanLayerOutput masked = layer->forward(x);
        QCOMPARE(masked.edges.select(1, 0).select(1, 1).abs().sum().item<double>(), 0.0);
        QVERIFY(allClose(masked.output.select(1, 0),
                         before.select(1, 0).sum(1) - before.select(1, 0).select(1, 1), 1e-5));
        QVERIFY(allClose(masked.edges.select(1, 1), before.select(1, 1), 0.0));
        for (double v : evaluateEdge(*layer, 1, 0, column(x, 1)).total)
            QCOMPARE(v, 0.0);
        layer->setEdgeEnabled(1, 0, true);
        QVERIFY(allClose(layer->forward(x).edges, before, 0.0));
    }

    void networkShapesAndParameterCount()
    {
        Kan kan(KanOptions({9, 4, 1}));
        QCOMPARE(kan->layerCount(), std::size_t(2));
        // pykan's count for [9, 4, 1]: coef 216 + 24, scale_base 36 + 4, scale_sp 36 + 4.
        QCOMPARE(trainableCount(*kan), std::int64_t(320));
        const KanOutput out = kan->forward(torch::randn({5, 9}));
        QCOMPARE(out.output.sizes().vec(), std::vector<std::int64_t>({5, 1}));
        QCOMPARE(out.layers.size(), std::size_t(2));
        QCOMPARE(out.layers[0].edges.sizes().vec(), std::vector<std::int64_t>({5, 4, 9}));
        QCOMPARE(out.layers[1].edges.sizes().vec(), std::vector<std::int64_t>({5, 1, 4}));
        QVERIFY(allClose(out.layers[1].input, out.layers[0].output, 0.0));
        // pykan's names, so that its state dicts map onto these tensors.
        QVERIFY(kan->named_parameters().contains("act_fun.0.coef"));
        QVERIFY(kan->named_buffers().contains("act_fun.1.grid"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, Kan(KanOptions({9})));
    }

    void gradientsReachEveryParameter()
    {
        Kan kan(KanOptions({3, 2, 1}));
        kan->forward(torch::randn({8, 3})).output.pow(2).sum().backward();
        for (const auto &p : kan->named_parameters()) {
            QVERIFY2(p.value().grad().defined(), p.key().c_str());
            QVERIFY2(p.value().grad().abs().sum().item<double>() > 0, p.key().c_str());
        }
    }

    void cloneIsIndependent()
    {
        Kan kan(KanOptions({3, 2, 1}));
        auto copy = std::dynamic_pointer_cast<KanImpl>(kan->clone());
        QVERIFY(copy);
        const torch::Tensor x = torch::randn({4, 3});
        QVERIFY(allClose(copy->forward(x).output, kan->forward(x).output, 0.0));
        copy->layer(0).setEdgeEnabled(0, 0, false);
        QCOMPARE(kan->layer(0).mask().sum().item<double>(), 6.0);
    }

    void attributionFollowsPykan()
    {
        Kan kan(KanOptions({3, 2, 1}));
        randomiseCoefficients(kan->layer(0));
        const KanOutput pass = kan->forward(torch::randn({50, 3}));
        const KanAttribution scores = attribute(pass);

        // By hand, from the top: edges into the output, then edges into the hidden nodes.
        const torch::Tensor edge1 = pass.layers[1].edges.std(0);     // (1, 2)
        const torch::Tensor sub1 = pass.layers[1].nodeSums.std(0);   // (1)
        const torch::Tensor score1 = edge1 / (sub1 + 1e-4).unsqueeze(1);
        const torch::Tensor hidden = score1.sum(0);                  // (2)
        const torch::Tensor edge0 = pass.layers[0].edges.std(0);     // (2, 3)
        const torch::Tensor sub0 = pass.layers[0].nodeSums.std(0);   // (2)
        const torch::Tensor score0 = edge0 * (hidden / (sub0 + 1e-4)).unsqueeze(1);

        QCOMPARE(scores.edgeScores.size(), std::size_t(2));
        QCOMPARE(scores.nodeScores.size(), std::size_t(3));
        QVERIFY(allClose(scores.edgeScores[1], score1, 1e-6));
        QVERIFY(allClose(scores.edgeScores[0], score0, 1e-6));
        QVERIFY(allClose(scores.nodeScores[1], hidden, 1e-6));
        QVERIFY(allClose(scores.featureScores(), score0.sum(0), 1e-6));
        QCOMPARE(scores.nodeScores[2].item<double>(), 1.0);

        const torch::Tensor alpha = edgeAlpha(scores.edgeScores[0]);
        QVERIFY(allClose(alpha, torch::tanh(3 * score0), 1e-6));

        const KanLayerScales scales = layerScales(pass.layers[0]);
        QVERIFY(allClose(scales.normalised,
                         edge0 / (pass.layers[0].input.std(0) + 0.1).unsqueeze(0), 1e-6));
    }

    void maskedInputScoresZero()
    {
        Kan kan(KanOptions({3, 2, 1}));
        kan->layer(0).setEdgeEnabled(2, 0, false);
        kan->layer(0).setEdgeEnabled(2, 1, false);
        const KanAttribution scores = attribute(kan->forward(torch::randn({30, 3})));
        QCOMPARE(scores.featureScores()[2].item<double>(), 0.0);
        QVERIFY(scores.featureScores()[0].item<double>() > 0.0);
    }

    void oneSampleHasNoBatchScore()
    {
        // pykan's spreads are undefined for one sample (torch.std gives NaN): refused, not faked.
        Kan kan(KanOptions({9, 4, 1}));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, attribute(kan->forward(torch::randn({1, 9}))));
    }

    void clipScoresBoundedWhenEdgesCancel()
    {
        // [2, 1, 1]: the two first-layer edges are pure bases of opposite sign, so at nearly equal
        // inputs the hidden node's sum is ~1e-5 while each edge is ~0.48. The second layer is a
        // spline equal to 1 on its grid, so the hidden node carries the whole output.
        Kan kan(KanOptions({2, 1, 1}));
        {
            torch::NoGradGuard noGrad;
            torch::Tensor coef0 = kan->layer(0).coefficients(), base0 = kan->layer(0).scaleBase();
            coef0.zero_();
            base0.copy_(torch::tensor({{1.0f}, {-1.0f}}));
            torch::Tensor coef1 = kan->layer(1).coefficients(), base1 = kan->layer(1).scaleBase();
            coef1.fill_(1.0);
            base1.zero_();
        }
        const double x0 = 0.7, x1 = 0.70002;
        const KanOutput pass = kan->forward(torch::tensor({{float(x0), float(x1)}}));
        QVERIFY(std::fabs(pass.layers[0].nodeSums.item<double>()) < 1e-4);

        // By hand: silu(x) = x / (1 + e^-x); each edge's share of |flow| into the hidden node.
        const auto silu = [](double x) { return x / (1.0 + std::exp(-x)); };
        const double e0 = silu(double(float(x0))), e1 = silu(double(float(x1)));
        const KanAttribution scores = clipScores(pass);
        QVERIFY(std::fabs(scores.featureScores()[0].item<double>() - e0 / (e0 + e1)) < 1e-5);
        QVERIFY(std::fabs(scores.featureScores()[1].item<double>() - e1 / (e0 + e1)) < 1e-5);
        QVERIFY(std::fabs(scores.nodeScores[1].item<double>() - 1.0) < 1e-6);
        // pykan's one-sample ratio |phi| / (|node sum| + 1e-4) would exceed 1000 here.
        QVERIFY(scores.edgeScores[0].max().item<double>() <= 1.0);
    }

    void clipScoresAreShares()
    {
        Kan kan(KanOptions({9, 4, 1}));
        randomiseCoefficients(kan->layer(0));
        for (int trial = 0; trial < 20; ++trial) {
            const KanAttribution scores = clipScores(kan->forward(torch::randn({1, 9}) * 3));
            const torch::Tensor features = scores.featureScores();
            QVERIFY(features.min().item<double>() >= 0.0);
            QVERIFY(features.max().item<double>() <= 1.0 + 1e-6);
            QVERIFY(std::fabs(features.sum().item<double>() - 1.0) < 1e-5);
        }
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, clipScores(kan->forward(torch::randn({2, 9}))));
    }
};

QTEST_APPLESS_MAIN(TestKan)
#include "test_kan.moc"
