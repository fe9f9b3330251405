// MCPareto (core/ml/mcpareto.h) on constructed gradients whose min-norm weights are known in
// closed form: aligned, opposed and orthogonal pairs.
#include "core/ml/mcpareto.h"
#include "tests/ml/approx.h"

#include <QtTest>

#include <cmath>

using namespace sl::ml;

namespace {
torch::Tensor vec(const std::vector<double> &values)
{
    return torch::tensor(values, torch::kFloat64);
}
}  // namespace

class TestMcPareto : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void minNormOfOrthogonalVectors()
    {
        // v1 = (1, 0), v2 = (0, 1): the midpoint, |(0.5, 0.5)|^2 = 0.5.
        MinNormWeights w = minNormTwo(1, 0, 1);
        QVERIFY(near(w.first, 0.5) && near(w.second, 0.5) && near(w.cost, 0.5));
        // v1 = (2, 0), v2 = (0, 1): k = (1 - 0) / (4 + 1) = 0.2 -> (0.4, 0.8), squared norm 0.8,
        // and (0.4, 0.8) is perpendicular to v1 - v2 = (2, -1).
        w = minNormTwo(4, 0, 1);
        QVERIFY(near(w.first, 0.2) && near(w.second, 0.8) && near(w.cost, 0.8));
    }

    void minNormOfOpposedVectors()
    {
        // (2, 0) and (-1, 0): k = (1 + 2) / (4 + 1 + 4) = 1/3 -> 2/3 * 2 - 2/3 * 1 = 0.
        const MinNormWeights w = minNormTwo(4, -2, 1);
        QVERIFY(near(w.first, 1.0 / 3.0) && near(w.second, 2.0 / 3.0) && near(w.cost, 0.0));
    }

    void minNormAtTheEnds()
    {
        // (1, 0) and (2, 0): v1 itself is the minimum; the solver stops at 0.999.
        MinNormWeights w = minNormTwo(1, 2, 4);
        QVERIFY(near(w.first, 0.999) && near(w.cost, 1.0));
        // (2, 0) and (1, 0): v2 is the minimum.
        w = minNormTwo(4, 2, 1);
        QVERIFY(near(w.first, 0.001) && near(w.second, 0.999) && near(w.cost, 1.0));
    }

    void alignedGradientsShareEqually()
    {
        const ParetoWeights w = paretoWeights({vec({1, 1}), vec({0.5})}, {vec({2, 1}), vec({1})});
        QVERIFY(!w.conflicting);
        QCOMPARE(w.multimodal, 0.5);
        QCOMPARE(w.unimodal, 0.5);
        QVERIFY(w.cosine > 0.9);
    }

    void orthogonalGradientsUseMinNorm()
    {
        // Cosine 0 is not > 0, so the min-norm weights apply; the vectors are split across two
        // tensors to check that the list counts as one flattened vector: |g_mm|^2 = 4, |g_m|^2 = 1.
        const ParetoWeights w = paretoWeights({vec({2}), vec({0})}, {vec({0}), vec({1})});
        QVERIFY(w.conflicting);
        QVERIFY(near(w.cosine, 0.0));
        QVERIFY(near(w.multimodal, 0.2) && near(w.unimodal, 0.8));
    }

    void opposedGradientsUseMinNorm()
    {
        const ParetoWeights w = paretoWeights({vec({2, 0})}, {vec({-1, 0})});
        QVERIFY(w.conflicting);
        QVERIFY(near(w.cosine, -1.0));
        QVERIFY(near(w.multimodal, 1.0 / 3.0) && near(w.unimodal, 2.0 / 3.0));
    }

    void gradientsAreRescaledPerTensor()
    {
        ParetoWeights w;  // 0.5 / 0.5: combined = g_mm + g_m
        const GradientList mm{vec({1, 0}), vec({1, 0})};
        const GradientList uni{vec({0, 1}), vec({0, 1})};
        // Tensor 0: |total| = 3 > |(1, 1)| = sqrt 2, so stretched to length 3, then * 1.5.
        // Tensor 1: |total| = 0.5 < sqrt 2, so only * 1.5.
        const GradientList total{vec({3, 0}), vec({0.5, 0})};
        const GradientList out = paretoGradients(mm, uni, total, w, 1.5);
        const double stretched = 1.5 * 3.0 / std::sqrt(2.0);
        QVERIFY(torch::allclose(out[0], vec({stretched, stretched})));
        QVERIFY(torch::allclose(out[1], vec({1.5, 1.5})));
        // With min-norm weights the combination is 2 k_mm g_mm + 2 k_m g_m.
        w.multimodal = 0.2;
        w.unimodal = 0.8;
        const GradientList small =
            paretoGradients({vec({2, 0})}, {vec({0, 1})}, {vec({0.1, 0})}, w, 1.5);
        QVERIFY(torch::allclose(small[0], vec({1.5 * 0.8, 1.5 * 1.6})));
        // A combination of length zero stays zero instead of dividing by zero.
        const GradientList zero = paretoGradients({vec({1, 0})}, {vec({-1, 0})}, {vec({1, 0})},
                                                  ParetoWeights{}, 1.5);
        QVERIFY(torch::equal(zero[0], vec({0, 0})));
    }

    void capturesAndAssignsGradients()
    {
        torch::Tensor a = torch::ones({2}, torch::requires_grad());
        torch::Tensor b = torch::ones({3}, torch::requires_grad());
        (a * 3).sum().backward();
        const GradientList g = captureGradients({a, b});
        QVERIFY(torch::equal(g[0], torch::full({2}, 3.0)));
        QVERIFY(torch::equal(g[1], torch::zeros({3})));  // b had no gradient
        assignGradients({a, b}, {torch::full({2}, 7.0), torch::full({3}, -1.0)});
        QVERIFY(torch::equal(a.grad(), torch::full({2}, 7.0)));
        QVERIFY(torch::equal(b.grad(), torch::full({3}, -1.0)));
        QVERIFY(near(gradientCosine({torch::zeros({2})}, {torch::ones({2})}), 0.0));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, gradientDot({a}, {a, b}));
    }
};

QTEST_APPLESS_MAIN(TestMcPareto)
#include "test_mcpareto.moc"
