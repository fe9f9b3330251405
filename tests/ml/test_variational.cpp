// The variational bottleneck and KL terms (core/ml/variational.h) against numbers worked out by
// hand.
#include "core/ml/variational.h"
#include "tests/ml/approx.h"

#include <QtTest>

#include <cmath>

using namespace sl::ml;

class TestVariational : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { torch::manual_seed(1024); }

    void klToStandardNormalByHand()
    {
        // N(0, 1): 0. N(1, 2^2): 0.5 * (1 + 4 - 2 ln 2 - 1) = 2 - ln 2.
        const torch::Tensor mean = torch::tensor({0.0, 1.0}, torch::kFloat64);
        const torch::Tensor std = torch::tensor({1.0, 2.0}, torch::kFloat64);
        const double second = 2.0 - std::log(2.0);
        const torch::Tensor each = klToStandardNormal(mean, std, KlReduction::None);
        QVERIFY(near(each[0].item<double>(), 0.0, 1e-15));
        QVERIFY(near(each[1].item<double>(), second, 1e-15));
        QVERIFY(near(klToStandardNormal(mean, std).item<double>(), second / 2, 1e-15));
        QVERIFY(near(klToStandardNormal(mean, std, KlReduction::Sum).item<double>(), second,
                     1e-15));
    }

    void klBetweenGaussiansByHand()
    {
        // N(1, 0.5^2) || N(0, 1): ln 2 + (0.25 + 1) / 2 - 0.5 = ln 2 + 0.125.
        // N(1, 1) || N(2, 2^2):   ln 2 + (1 + 1) / 8 - 0.5 = ln 2 - 0.25.
        const auto t = [](const std::vector<double> &v) {
            return torch::tensor(v, torch::kFloat64);
        };
        const torch::Tensor kl = klDiagonalGaussians(t({1.0, 1.0}), t({0.5, 1.0}), t({0.0, 2.0}),
                                                     t({1.0, 2.0}), KlReduction::None);
        QVERIFY(near(kl[0].item<double>(), std::log(2.0) + 0.125, 1e-15));
        QVERIFY(near(kl[1].item<double>(), std::log(2.0) - 0.25, 1e-15));
        // Against N(0, 1) it is the standard-normal KL.
        const torch::Tensor mean = torch::randn({4, 3}, torch::kFloat64);
        const torch::Tensor std = torch::rand({4, 3}, torch::kFloat64) + 0.1;
        const torch::Tensor againstStandard =
            klDiagonalGaussians(mean, std, torch::zeros_like(mean), torch::ones_like(std));
        QVERIFY(near(againstStandard.item<double>(), klToStandardNormal(mean, std).item<double>(),
                     1e-12));
        // And zero between identical Gaussians.
        const torch::Tensor same = klDiagonalGaussians(mean, std, mean, std, KlReduction::Sum);
        QVERIFY(near(same.item<double>(), 0.0, 1e-12));
    }

    void meanModeReturnsTheMean()
    {
        VariationalBottleneck vib(VariationalBottleneckOptions(10, 32, 4));
        const torch::Tensor x = torch::randn({6, 10});
        const BottleneckOutput out = vib->forward(x, BottleneckMode::Mean);
        QVERIFY(torch::equal(out.z, out.mean));
        QCOMPARE(out.z.sizes().vec(), std::vector<std::int64_t>({6, 4}));
        QCOMPARE(out.prediction.sizes().vec(), std::vector<std::int64_t>({6, 1}));
        // Twice the same: deterministic.
        QVERIFY(torch::equal(vib->forward(x, BottleneckMode::Mean).prediction, out.prediction));
    }

    void sampledModeIsReparameterised()
    {
        VariationalBottleneck vib(VariationalBottleneckOptions(5, 16, 2));
        const torch::Tensor x = torch::randn({20000, 5});
        const BottleneckOutput out = vib->forward(x);
        const torch::Tensor eps = (out.z - out.mean) / out.std;
        QVERIFY(near(eps.mean().item<double>(), 0.0, 0.02));
        QVERIFY(near(eps.std().item<double>(), 1.0, 0.02));
        // Gradients flow to the std head through the sample.
        out.z.sum().backward();
        QVERIFY(vib->named_parameters()["std.weight"].grad().abs().sum().item<double>() > 0);
        // Same seed, same draw.
        torch::manual_seed(5);
        const torch::Tensor a = vib->forward(x.slice(0, 0, 3)).z;
        torch::manual_seed(5);
        QVERIFY(torch::equal(a, vib->forward(x.slice(0, 0, 3)).z));
    }

    void stdIsShiftedSoftplus()
    {
        VariationalBottleneck vib(VariationalBottleneckOptions(3, 8, 2));
        {
            torch::NoGradGuard noGrad;
            vib->named_parameters()["std.weight"].zero_();
            vib->named_parameters()["std.bias"].zero_();
        }
        // softplus(0 - 5) = ln(1 + e^-5): the small initial noise of MIB.
        const torch::Tensor std = vib->forward(torch::randn({4, 3})).std;
        QVERIFY(near(std.min().item<double>(), std::log1p(std::exp(-5.0)), 1e-6));
        QVERIFY(near(std.max().item<double>(), std::log1p(std::exp(-5.0)), 1e-6));
        // Positive even for inputs that drive the head far negative.
        VariationalBottleneck wide(VariationalBottleneckOptions(3, 8, 2));
        QVERIFY(wide->forward(torch::randn({64, 3}) * 50).std.min().item<double>() > 0.0);
    }

    void parameterCountOfDrdMib()
    {
        // KAN-MCP's text branch: 768 -> 1024 -> (mu, std) of size 3 -> 1.
        VariationalBottleneck vib(VariationalBottleneckOptions(768, 1024, 3));
        std::int64_t n = 0;
        for (const torch::Tensor &p : vib->parameters())
            n += p.numel();
        QCOMPARE(n, std::int64_t(793610));
        VariationalBottleneck noDecoder(VariationalBottleneckOptions(768, 1024, 3).predictions(0));
        QVERIFY(!noDecoder->forward(torch::randn({2, 768})).prediction.defined());
    }

    void lossIsL1PlusBetaKl()
    {
        VariationalBottleneck vib(VariationalBottleneckOptions(4, 8, 3));
        const BottleneckOutput out = vib->forward(torch::randn({5, 4}), BottleneckMode::Mean);
        const torch::Tensor y = torch::randn({5});
        const double expected = (out.prediction.squeeze(1) - y).abs().mean().item<double>() +
                                1e-3 * klToStandardNormal(out.mean, out.std).item<double>();
        QVERIFY(near(bottleneckLoss(out, y).item<double>(), expected, 1e-6));
    }
};

QTEST_APPLESS_MAIN(TestVariational)
#include "test_variational.moc"
