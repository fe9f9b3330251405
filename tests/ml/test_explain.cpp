// The explanation core (core/ml/explain): Shapley values satisfy efficiency and put everything on
// the only modality a hand-built model reads; integrated gradients are complete within a stated
// tolerance and zero on padding; the KAN curves are the model's own edge values; CaMIB's masks are
// in [0, 1] with one value per fused dim. Models are randomly initialised: the properties tested
// hold for any weights.
#include "core/ml/explain/causal_masks.h"
#include "core/ml/explain/integrated_gradients.h"
#include "core/ml/explain/kan_curves.h"
#include "core/ml/explain/shapley.h"
#include "core/ml/kan.h"
#include "core/ml/model_factory.h"
#include "tests/ml/approx.h"
#include "tests/ml/synthetic_data.h"

#include <torch/nn/modules/linear.h>

#include <QtTest>

#include <cmath>

using namespace sl::ml;
using namespace sl::ml::explain;

namespace {

const std::array<std::int64_t, 3> kDims{6, 5, 4};

Dataset data(std::int64_t samples = 12)
{
    SyntheticSpec spec;
    spec.samples = samples;
    spec.dims = kDims;
    return makeSyntheticDataset(spec);
}

std::shared_ptr<SentimentModel> model(const std::string &architecture)
{
    torch::manual_seed(3);
    auto m = createModel(architecture, tinyConfig(architecture, kDims));
    m->eval();
    return m;
}

ModelInput firstClips(const Dataset &d, std::int64_t n)
{
    return clipsInput(d, torch::arange(n));
}

// A model that reads the audio only: tanh(w . mean over valid audio frames + b). Text and visual
// go through the model's input checks but never reach the output, so all their contribution and
// saliency must be exactly zero.
class AudioOnlyModel : public SentimentModel {
public:
    AudioOnlyModel() : SentimentModel("audio-only", configWithDims())
    {
        linear_ = register_module("linear", torch::nn::Linear(kDims[1], 1));
    }

protected:
    ModelOutput run(const PreparedBatch &batch, BottleneckMode) override
    {
        ModelOutput out;
        const PreparedModality &audio = batch[Modality::Audio];
        out.prediction = torch::tanh(linear_->forward(maskedTimeMean(audio.features, audio.lengths))).squeeze(1) * 3;
        return out;
    }

private:
    static ModelConfig configWithDims()
    {
        ModelConfig config;
        config.dims = kDims;
        return config;
    }
    torch::nn::Linear linear_{nullptr};
};

}  // namespace

class TestExplain : public QObject {
    Q_OBJECT

private slots:
    void shapleyEfficiency_data()
    {
        QTest::addColumn<QString>("architecture");
        for (const char *name : {"late-fusion", "e-mib", "c-mib", "kan-mcp", "camib"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    void shapleyEfficiency()
    {
        QFETCH(QString, architecture);
        const Dataset d = data();
        auto m = model(architecture.toStdString());
        const ModelInput clips = firstClips(d, 10);
        for (BaselineKind kind : {BaselineKind::Zeros, BaselineKind::Mean}) {
            const Baseline baseline = makeBaseline(kind, kDims, &d);
            const std::vector<ShapleyResult> results = shapleyValues(*m, clips, baseline);
            QCOMPARE(results.size(), size_t(10));
            // f(all) of the batched pass is the model's ordinary prediction of the clip.
            const torch::Tensor plain = m->forward(clips).prediction.detach().to(torch::kFloat64);
            double spreadOfPhi = 0;
            for (size_t i = 0; i < results.size(); ++i) {
                const ShapleyResult &r = results[i];
                QVERIFY2(r.efficiencyError < 1e-6, qPrintable(QString::number(r.efficiencyError)));
                QVERIFY(near(r.phi[0] + r.phi[1] + r.phi[2], r.fAll - r.fNone, 1e-6));
                QVERIFY(near(r.fAll, plain[std::int64_t(i)].item<double>(), 1e-4));
                QCOMPARE(r.fNone, r.coalition[0]);
                spreadOfPhi += std::fabs(r.phi[0]) + std::fabs(r.phi[1]) + std::fabs(r.phi[2]);
            }
            QVERIFY(spreadOfPhi > 1e-6);  // the values are not all zero, so the checks above mean something
        }
    }

    void onlyOneModalityMatters()
    {
        torch::manual_seed(5);
        AudioOnlyModel audioOnly;
        const Dataset d = data();
        const ModelInput clips = firstClips(d, 8);
        const Baseline baseline = makeBaseline(BaselineKind::Mean, kDims, &d);
        for (const ShapleyResult &r : shapleyValues(audioOnly, clips, baseline)) {
            QCOMPARE(r.phi[0], 0.0);
            QCOMPARE(r.phi[2], 0.0);
            QVERIFY(near(r.phi[1], r.fAll - r.fNone, 1e-9));
        }
        for (const SaliencyResult &s : integratedGradients(audioOnly, clips, baseline)) {
            for (double v : s.steps[0])
                QCOMPARE(v, 0.0);
            for (double v : s.steps[2])
                QCOMPARE(v, 0.0);
            QVERIFY(near(s.modalityTotal[1], s.fInput - s.fBaseline, 1e-3));
        }

        // A built-in architecture made to read one modality: late fusion with the text and visual
        // fusion weights set to zero.
        auto late = model("late-fusion");
        {
            torch::NoGradGuard noGrad;
            for (auto &p : late->named_parameters())
                if (p.key() == "fusion_weights")
                    p.value().copy_(torch::tensor({0.0f, 0.0f, 1.0f}));
        }
        bool anyVisual = false;
        for (const ShapleyResult &r : shapleyValues(*late, clips, makeBaseline(BaselineKind::Zeros, kDims))) {
            QCOMPARE(r.phi[0], 0.0);
            QCOMPARE(r.phi[1], 0.0);
            anyVisual = anyVisual || std::fabs(r.phi[2]) > 1e-6;
        }
        QVERIFY(anyVisual);
    }

    void integratedGradientsComplete_data()
    {
        QTest::addColumn<QString>("architecture");
        for (const char *name : {"late-fusion", "c-mib", "kan-mcp", "camib"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }

    // Tolerance: with 32 midpoint steps the sum of attributions is within 2% of |f(x) - f(b)|
    // plus 1e-3 (float32 gradients); with 256 steps the error is no larger than with 4.
    void integratedGradientsComplete()
    {
        QFETCH(QString, architecture);
        const Dataset d = data();
        auto m = model(architecture.toStdString());
        const ModelInput clips = firstClips(d, 6);
        const Baseline baseline = makeBaseline(BaselineKind::Zeros, kDims);
        IntegratedGradientsOptions options;
        options.maxRowsPerPass = 64;  // several passes, to cover the batching
        const auto results = integratedGradients(*m, clips, baseline, options);
        QCOMPARE(results.size(), size_t(6));
        for (size_t i = 0; i < results.size(); ++i) {
            const SaliencyResult &r = results[i];
            const double change = std::fabs(r.fInput - r.fBaseline);
            QVERIFY2(r.completenessError <= 0.02 * change + 1e-3,
                     qPrintable(QStringLiteral("error %1 for a change of %2").arg(r.completenessError).arg(change)));
            for (Modality mod : kModalities)
                QCOMPARE(std::int64_t(r.steps[index(mod)].size()),
                         clips[mod].lengths[std::int64_t(i)].item<std::int64_t>());
        }
        IntegratedGradientsOptions coarse, fine;
        coarse.steps = coarse.maxSteps = 4;  // no per-clip refinement: the fixed rule is compared
        fine.steps = fine.maxSteps = 256;
        double coarseError = 0, fineError = 0;
        for (const SaliencyResult &r : integratedGradients(*m, clips, baseline, coarse))
            coarseError += r.completenessError;
        for (const SaliencyResult &r : integratedGradients(*m, clips, baseline, fine))
            fineError += r.completenessError;
        QVERIFY2(fineError <= coarseError + 1e-4, qPrintable(QStringLiteral("%1 > %2").arg(fineError).arg(coarseError)));
    }

    void kanCurvesEqualForward()
    {
        const Dataset d = data(20);
        auto m = model("kan-mcp");
        const ModelInput everything = clipsInput(d, torch::arange(20));
        KanCurveOptions options;
        options.points = 41;
        const KanCurves curves = kanCurves(*m, everything, options);
        QVERIFY(curves.available);
        QCOMPARE(curves.nodeNames.size(), size_t(3));
        QCOMPARE(curves.nodeNames[0].front(), std::string("T.z1"));
        QCOMPARE(curves.nodeNames[0].back(), std::string("V.z3"));
        QCOMPARE(curves.edges.size(), size_t(9 * 4 + 4 * 1));
        QCOMPARE(curves.featureScores.size(), size_t(9));

        std::shared_ptr<KanImpl> kan;
        for (const auto &child : m->named_children())
            if (child.key() == "kan")
                kan = std::dynamic_pointer_cast<KanImpl>(child.value());
        QVERIFY(kan);
        for (const KanEdgeCurve &edge : curves.edges) {
            QCOMPARE(edge.x.size(), size_t(41));
            QCOMPARE(edge.datasetX.size(), size_t(20));
            // The curve is the closed form of the edge (kan_layer.h, in double precision) ...
            const EdgeCurve closed = evaluateEdge(kan->layer(size_t(edge.layer)), edge.input, edge.output, edge.x);
            for (size_t p = 0; p < edge.x.size(); ++p) {
                QVERIFY(near(edge.total[p], closed.total[p], 1e-5));
                QVERIFY(near(edge.base[p], closed.base[p], 1e-5));
                QVERIFY(near(edge.spline[p], closed.spline[p], 1e-5));
            }
            // ... and covers the data.
            for (double x : edge.datasetX)
                QVERIFY(x >= edge.x.front() - 1e-9 && x <= edge.x.back() + 1e-9);
        }

        // Each clip's operating points are the edge values of the model's own forward pass.
        const ModelInput clips = firstClips(d, 5);
        const ModelOutput out = m->forward(clips);
        const std::vector<KanClipView> views = kanClipViews(*m, clips);
        QCOMPARE(views.size(), size_t(5));
        for (size_t c = 0; c < views.size(); ++c) {
            QCOMPARE(views[c].edgeY.size(), curves.edges.size());
            for (size_t e = 0; e < curves.edges.size(); ++e) {
                const KanEdgeCurve &edge = curves.edges[e];
                const std::string prefix = "kan." + std::to_string(edge.layer) + ".";
                const double forwardY = out.internals.at(prefix + "edges")[std::int64_t(c)][edge.output][edge.input].item<double>();
                const double forwardX = out.internals.at(prefix + "input")[std::int64_t(c)][edge.input].item<double>();
                QVERIFY(near(views[c].edgeY[e], forwardY, 1e-6));
                QVERIFY(near(views[c].edgeX[e], forwardX, 1e-6));
            }
            double total = 0;
            for (double s : views[c].modalityScores)
                total += s;
            QVERIFY(total > 0);
        }

        const KanCurves none = kanCurves(*model("c-mib"), everything);
        QVERIFY(!none.available);
        QVERIFY(none.reason.find("no KAN") != std::string::npos);
        QVERIFY(kanClipViews(*model("c-mib"), clips).empty());
    }

    void causalMasksInRange()
    {
        const Dataset d = data(10);
        auto m = model("camib");
        const ModelInput all = clipsInput(d, torch::arange(10));
        const CausalMasks masks = causalMasks(*m, all);
        QVERIFY(masks.available);
        // Explained in a smaller batch against the same partners, a clip gets the same numbers.
        const CausalMasks some = causalMasks(*m, clipsInput(d, torch::arange(3)), &all);
        QCOMPARE(some.clips.size(), size_t(3));
        for (size_t i = 0; i < 3; ++i) {
            for (size_t j = 0; j < some.clips[i].mask.size(); ++j)
                QVERIFY(near(some.clips[i].mask[j], masks.clips[i].mask[j], 1e-6));
            QVERIFY(near(some.clips[i].backdoorMean, masks.clips[i].backdoorMean, 1e-5));
            QVERIFY(near(some.clips[i].backdoorMaxShift, masks.clips[i].backdoorMaxShift, 1e-5));
        }
        const int fused = int(tinyConfig("camib", kDims).integer("fused", 64));
        QCOMPARE(masks.fusedDims, fused);
        QCOMPARE(masks.clips.size(), size_t(10));
        QCOMPARE(masks.meanMask.size(), size_t(fused));
        QCOMPARE(masks.maskVariance.size(), size_t(fused));
        for (const ClipMask &clip : masks.clips) {
            QCOMPARE(clip.mask.size(), size_t(fused));
            QCOMPARE(clip.dimModalityShare.size(), size_t(fused * 3));
            double share = 0;
            for (size_t j = 0; j < clip.mask.size(); ++j) {
                QVERIFY(clip.mask[j] >= 0.0 && clip.mask[j] <= 1.0);
                QVERIFY(near(clip.causal[j] + clip.shortcut[j], clip.fused[j], 1e-6));
            }
            for (double s : clip.maskShare)
                share += s;
            QVERIFY(near(share, 1.0, 1e-6));
            QVERIFY(clip.backdoorMaxShift >= 0);
        }
        for (double v : masks.maskVariance)
            QVERIFY(v >= 0);
        const CausalMasks none = causalMasks(*model("kan-mcp"), clipsInput(d, torch::arange(3)));
        QVERIFY(!none.available);
    }

    void meanBaseline()
    {
        const Dataset d = data(6);
        const Baseline baseline = makeBaseline(BaselineKind::Mean, kDims, &d);
        // Mean of audio dim 0 over the valid frames, by hand.
        double sum = 0;
        std::int64_t frames = 0;
        for (std::int64_t i = 0; i < 6; ++i)
            for (std::int64_t t = 0; t < d.lengths[1][i].item<std::int64_t>(); ++t, ++frames)
                sum += d.features[1][i][t][0].item<double>();
        QVERIFY(near(baseline.values[1][0].item<double>(), sum / double(frames), 1e-5));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, makeBaseline(BaselineKind::Mean, kDims, nullptr));
        QCOMPARE(baselineFromName("mean").value(), BaselineKind::Mean);
        QVERIFY(!baselineFromName("ones"));
    }
};

QTEST_GUILESS_MAIN(TestExplain)
#include "test_explain.moc"
