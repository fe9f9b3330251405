// Shapley values against an oracle that does not share their code path. A hand-built model whose
// prediction is a known polynomial of one number per modality,
//     f = c + aT t + aA a + aV v + bTA t a + bTV t v + bAV a v + g t a v,
// where t, a, v are each modality's mean over valid frames of (features . w_m), has Shapley values
// known in closed form for any baseline (t0, a0, v0) (d_t = t - t0, likewise d_a, d_v):
//     phi_T = aT d_t + bTA d_t (a + a0) / 2 + bTV d_t (v + v0) / 2
//             + g d_t (a0 v0 / 3 + (a v0 + a0 v) / 6 + a v / 3),
// and symmetrically for A and V. (A product term is a game of its players only: T's marginal
// contribution to coalition S is d_t times the others' values in S, averaged with the Shapley
// weights 1/3, 1/6, 1/6, 1/3 for S = {}, {A}, {V}, {A, V}.) Each of the 8 coalition values is
// also checked against a separate forward pass on an input whose absent modalities were replaced
// frame by frame by the baseline vector in this test, and, for every built-in architecture, the
// batched coalition pass against those separate passes.
#include "core/ml/explain/shapley.h"
#include "core/ml/model_factory.h"
#include "tests/ml/approx.h"
#include "tests/ml/architecture_rows.h"
#include "tests/ml/synthetic_data.h"

#include <QtTest>

#include <cmath>

using namespace sl::ml;
using namespace sl::ml::explain;

namespace {

const std::array<std::int64_t, 3> kDims{6, 5, 4};

struct Polynomial {
    double c = 0.25, aT = 1.5, aA = -0.75, aV = 0.5, bTA = 0.8, bTV = -1.2, bAV = 0.6, g = 2.0;

    double operator()(double t, double a, double v) const
    {
        return c + aT * t + aA * a + aV * v + bTA * t * a + bTV * t * v + bAV * a * v + g * t * a * v;
    }
};

// The projection vector of modality m: fixed numbers, different per modality and dim.
std::vector<double> projection(std::size_t m)
{
    std::vector<double> w;
    for (std::int64_t d = 0; d < kDims[m]; ++d)
        w.push_back(0.3 * double(m + 1) - 0.2 * double(d) + (d % 2 ? 0.15 : -0.1));
    return w;
}

class PolynomialModel : public SentimentModel {
public:
    explicit PolynomialModel(Polynomial p) : SentimentModel("polynomial", config()), p_(p)
    {
        for (std::size_t m = 0; m < 3; ++m)
            w_[m] = torch::tensor(projection(m), torch::kFloat64).to(torch::kFloat32);
    }

protected:
    ModelOutput run(const PreparedBatch &batch, BottleneckMode) override
    {
        std::array<torch::Tensor, 3> s;
        for (Modality m : kModalities) {
            const PreparedModality &in = batch[m];
            s[index(m)] = maskedTimeMean(torch::matmul(in.features, w_[index(m)].unsqueeze(1)),
                                         in.lengths).squeeze(1).to(torch::kFloat64);
        }
        const torch::Tensor &t = s[0], &a = s[1], &v = s[2];
        ModelOutput out;
        out.prediction = p_.c + p_.aT * t + p_.aA * a + p_.aV * v + p_.bTA * t * a + p_.bTV * t * v +
                         p_.bAV * a * v + p_.g * t * a * v;
        return out;
    }

private:
    static ModelConfig config()
    {
        ModelConfig c;
        c.dims = kDims;
        return c;
    }
    Polynomial p_;
    std::array<torch::Tensor, 3> w_;
};

// Mean over the clip's valid frames of features . w, by loops over the raw tensors.
double projectedMean(const ModelInput &clips, std::size_t m, std::int64_t clip)
{
    const std::vector<double> w = projection(m);
    const std::int64_t length = clips.modalities[m].lengths[clip].item<std::int64_t>();
    double sum = 0;
    for (std::int64_t t = 0; t < length; ++t)
        for (std::int64_t d = 0; d < kDims[m]; ++d)
            sum += clips.modalities[m].features[clip][t][d].item<double>() * w[size_t(d)];
    return length > 0 ? sum / double(length) : 0.0;
}

double baselineProjection(const Baseline &baseline, std::size_t m)
{
    const std::vector<double> w = projection(m);
    double sum = 0;
    for (std::int64_t d = 0; d < kDims[m]; ++d)
        sum += baseline.values[m][d].item<double>() * w[size_t(d)];
    return sum;
}

// phi of the player with value x (baseline x0) in the polynomial, given the other two players'
// values (y, y0) and (z, z0), its own linear weight, its pair weights with y and z, and g.
double closedFormPhi(double x, double x0, double y, double y0, double z, double z0, double linear,
                     double pairY, double pairZ, double g)
{
    const double d = x - x0;
    return linear * d + pairY * d * (y + y0) / 2 + pairZ * d * (z + z0) / 2 +
           g * d * (y0 * z0 / 3 + (y * z0 + y0 * z) / 6 + y * z / 3);
}

// The clips with modality m replaced by the baseline wherever bit m of `coalition` is clear: every
// valid frame gets the baseline vector, padding stays zero. Built element by element.
ModelInput substituted(const ModelInput &clips, const Baseline &baseline, int coalition)
{
    ModelInput out;
    for (std::size_t m = 0; m < 3; ++m) {
        const ModalityInput &in = clips.modalities[m];
        ModalityInput &o = out.modalities[m];
        o.lengths = in.lengths.clone();
        o.present = in.present;
        o.features = in.features.clone();
        if ((coalition >> m) & 1)
            continue;
        auto f = o.features.accessor<float, 3>();
        for (std::int64_t i = 0; i < f.size(0); ++i)
            for (std::int64_t t = 0; t < f.size(1); ++t)
                for (std::int64_t d = 0; d < f.size(2); ++d)
                    f[i][t][d] = t < in.lengths[i].item<std::int64_t>() ? baseline.values[m][d].item<float>() : 0.0f;
    }
    return out;
}

sl::ml::Dataset data()
{
    SyntheticSpec spec;
    spec.samples = 9;
    spec.dims = kDims;
    spec.seed = 21;
    return makeSyntheticDataset(spec);
}

}  // namespace

class TestShapleyClosedForm : public QObject {
    Q_OBJECT

private slots:
    void polynomialModel_data()
    {
        QTest::addColumn<int>("baselineKind");
        QTest::newRow("zeros") << int(BaselineKind::Zeros);
        QTest::newRow("mean") << int(BaselineKind::Mean);
    }

    void polynomialModel()
    {
        QFETCH(int, baselineKind);
        const Polynomial p;
        PolynomialModel model(p);
        const sl::ml::Dataset d = data();
        const ModelInput clips = clipsInput(d, torch::arange(9));
        const Baseline baseline = makeBaseline(BaselineKind(baselineKind), kDims, &d);
        const std::vector<ShapleyResult> results = shapleyValues(model, clips, baseline);
        QCOMPARE(results.size(), size_t(9));

        const double t0 = baselineProjection(baseline, 0), a0 = baselineProjection(baseline, 1),
                     v0 = baselineProjection(baseline, 2);
        // The 8 separate forward passes, one per coalition, on inputs substituted by hand.
        std::array<torch::Tensor, kCoalitionCount> separate;
        for (int c = 0; c < kCoalitionCount; ++c)
            separate[size_t(c)] = model.forward(substituted(clips, baseline, c)).prediction.detach();

        double largestInteraction = 0;
        for (std::int64_t i = 0; i < 9; ++i) {
            const ShapleyResult &r = results[size_t(i)];
            const double t = projectedMean(clips, 0, i), a = projectedMean(clips, 1, i),
                         v = projectedMean(clips, 2, i);
            for (int c = 0; c < kCoalitionCount; ++c) {
                // Bit 0 text, bit 1 audio, bit 2 visual (shapley.h).
                const double expected = p(c & 1 ? t : t0, c & 2 ? a : a0, c & 4 ? v : v0);
                QVERIFY2(near(r.coalition[size_t(c)], expected, 1e-5),
                         qPrintable(QStringLiteral("clip %1 coalition %2: %3, closed form %4")
                                        .arg(i).arg(c).arg(r.coalition[size_t(c)]).arg(expected)));
                QVERIFY(near(r.coalition[size_t(c)], separate[size_t(c)][i].item<double>(), 1e-5));
            }
            const double phiT = closedFormPhi(t, t0, a, a0, v, v0, p.aT, p.bTA, p.bTV, p.g);
            const double phiA = closedFormPhi(a, a0, t, t0, v, v0, p.aA, p.bTA, p.bAV, p.g);
            const double phiV = closedFormPhi(v, v0, t, t0, a, a0, p.aV, p.bTV, p.bAV, p.g);
            QVERIFY2(near(r.phi[0], phiT, 1e-5), qPrintable(QStringLiteral("phi_T %1 vs %2").arg(r.phi[0]).arg(phiT)));
            QVERIFY2(near(r.phi[1], phiA, 1e-5), qPrintable(QStringLiteral("phi_A %1 vs %2").arg(r.phi[1]).arg(phiA)));
            QVERIFY2(near(r.phi[2], phiV, 1e-5), qPrintable(QStringLiteral("phi_V %1 vs %2").arg(r.phi[2]).arg(phiV)));
            // The interaction parts are large enough that a wrong coalition weight would show: the
            // pair and triple terms of phi_T, beside its linear part.
            largestInteraction = std::max(largestInteraction, std::fabs(phiT - p.aT * (t - t0)));
        }
        QVERIFY2(largestInteraction > 0.05, qPrintable(QString::number(largestInteraction)));
    }

    // The Shapley weights in a case small enough to do on paper: f = t * a * v (g = 1, nothing
    // else), zero baseline, t = a = v = 1 in every clip. Only the full coalition is non-zero, so
    // each player gets 1/3 (weight of |S| = 2) of f(all) = 1.
    void pureTripleInteraction()
    {
        Polynomial p;
        p = {0, 0, 0, 0, 0, 0, 0, 1.0};
        PolynomialModel model(p);
        ModelInput clips;
        for (std::size_t m = 0; m < 3; ++m) {
            // One frame whose projection is 1: the first dim set to 1 / w_0.
            torch::Tensor f = torch::zeros({2, 1, kDims[m]});
            f.select(2, 0).fill_(1.0 / projection(m)[0]);
            clips.modalities[m].features = f;
            clips.modalities[m].lengths = torch::ones({2}, torch::kInt64);
        }
        const Baseline zeros = makeBaseline(BaselineKind::Zeros, kDims);
        for (const ShapleyResult &r : shapleyValues(model, clips, zeros)) {
            for (int c = 0; c < 7; ++c)
                QVERIFY(near(r.coalition[size_t(c)], 0.0, 1e-6));
            QVERIFY(near(r.coalition[7], 1.0, 1e-5));
            for (double phi : r.phi)
                QVERIFY(near(phi, 1.0 / 3.0, 1e-5));
        }
    }

    // For every architecture the batched 8-coalition pass gives what 8 separate forward passes on
    // hand-substituted inputs give.
    void coalitionsOfEveryArchitecture_data() { addArchitectureRows(); }

    void coalitionsOfEveryArchitecture()
    {
        QFETCH(QString, arch);
        const sl::ml::Dataset d = data();
        torch::manual_seed(4);
        auto model = createModel(arch.toStdString(), tinyConfig(arch.toStdString(), kDims));
        model->eval();
        const ModelInput clips = clipsInput(d, torch::arange(6));
        const Baseline baseline = makeBaseline(BaselineKind::Mean, kDims, &d);
        const std::vector<ShapleyResult> results = shapleyValues(*model, clips, baseline);
        torch::NoGradGuard noGrad;
        double spread = 0;
        for (int c = 0; c < kCoalitionCount; ++c) {
            const torch::Tensor separate = model->forward(substituted(clips, baseline, c)).prediction;
            for (std::int64_t i = 0; i < 6; ++i) {
                QVERIFY2(near(results[size_t(i)].coalition[size_t(c)], separate[i].item<double>(), 1e-4),
                         qPrintable(QStringLiteral("clip %1 coalition %2").arg(i).arg(c)));
                spread += std::fabs(results[size_t(i)].coalition[size_t(c)] - results[size_t(i)].coalition[0]);
            }
        }
        QVERIFY(spread > 1e-6);  // the coalitions differ, so the comparison above means something
    }
};

QTEST_GUILESS_MAIN(TestShapleyClosedForm)
#include "test_shapley_closed_form.moc"
