// Every architecture's training loss on a fixed tiny batch (seeded weights, bottleneck means, eval
// mode so that no dropout acts), against the papers' formulas written out here in double
// precision from the model's own outputs and internals (issue 13). The formulas, per paper:
//   late fusion  L1(M, y) + sum_m u w_m L1_m
//   E-MIB        (1 + e) L1(M, y) + beta KL(fused)
//   L-MIB        (1 + e) L1(M, y) + sum_m u w_m (L1_m + beta KL_m)
//   C-MIB        (1 + e) L1(M, y) + beta KL(fused) + sum_m u w_m (L1_m + beta KL_m)
//   KAN-MCP      MSE(M, y) + sum_m u w_m (L1_m + beta KL_m)          (u = 0.1 by default)
//   CaMIB        L1(M, y) + c (mean_i (mean_j mask_ij - budget)^2)
//                + lambda1 (2 mean_i |V_i - Zc_i|^2 / F + L1(pred(V), y))
//                + lambda2 (L1(s, y) + mean_i (s_i - mean y)^2) [+ b L1(pred(Zc + Zs[perm]), y) in training]
//                + sum_m u w_m (L1_m + beta KL_m)
// with e the extra final L1 of the MIB code (1), L1_m over the samples where modality m is present,
// KL_m = mean over those samples of mean_k 0.5 (mu^2 + sigma^2 - 2 log sigma - 1), KL(fused) the
// same over every sample, u the unimodal weight (1 unless stated), w_m the per-modality weights (1),
// s the shortcut head's prediction, V the instrument, F the fused width. Each architecture runs
// with its defaults and with every weight set to a distinct value, so that a weight applied to the
// wrong term shows. One sample has no audio, so the masking of absent modalities is exercised.
#include "core/ml/causal_parts.h"
#include "core/ml/model_factory.h"
#include "tests/ml/synthetic_data.h"

#include <QtTest>

#include <cmath>
#include <functional>

using namespace sl::ml;

namespace {

const std::array<std::int64_t, 3> kDims{6, 5, 4};
constexpr std::int64_t kBatch = 5;
constexpr std::int64_t kNoAudio = 2;  // the sample without audio

std::vector<double> values(const torch::Tensor &t)
{
    const torch::Tensor d = t.detach().to(torch::kCPU, torch::kFloat64).contiguous().view({-1});
    return {d.data_ptr<double>(), d.data_ptr<double>() + d.numel()};
}

double meanAbs(const std::vector<double> &a, const std::vector<double> &b, const std::vector<double> &weight)
{
    double sum = 0, count = 0;
    for (size_t i = 0; i < a.size(); ++i) {
        sum += weight[i] * std::fabs(a[i] - b[i]);
        count += weight[i];
    }
    return count > 0 ? sum / count : 0.0;
}

double l1(const std::vector<double> &a, const std::vector<double> &b)
{
    return meanAbs(a, b, std::vector<double>(a.size(), 1.0));
}

// KL of N(mean, std^2) to N(0, 1): per sample the mean over dims, then the mean over samples
// weighted by `weight`.
double kl(const torch::Tensor &mean, const torch::Tensor &std, const std::vector<double> &weight)
{
    const std::vector<double> mu = values(mean), sigma = values(std);
    const auto dims = size_t(mean.size(1));
    double sum = 0, count = 0;
    for (size_t i = 0; i < weight.size(); ++i) {
        double perSample = 0;
        for (size_t k = 0; k < dims; ++k) {
            const double m = mu[i * dims + k], s = sigma[i * dims + k];
            perSample += 0.5 * (m * m + s * s - 2 * std::log(s) - 1) / double(dims);
        }
        sum += weight[i] * perSample;
        count += weight[i];
    }
    return count > 0 ? sum / count : 0.0;
}

struct Weights {
    double unimodal = 1, beta = 1e-3, extraFinalL1 = 1;
    std::array<double, 3> modality{1, 1, 1};
    // CaMIB
    double lambda1 = 0.1, lambda2 = 0.1, backdoor = 0.5, budget = 0.5, maskWeight = 1;
};

// The distinct settings of the "weighted" rows, and what the formulas read from them.
std::map<std::string, double> weightedSettings(const std::string &architecture)
{
    std::map<std::string, double> s{{"beta", 0.7}, {"unimodal_weight", 0.3}, {"weight_text", 0.5},
                                    {"weight_audio", 1.5}, {"weight_visual", 2.0}};
    if (architecture != "late-fusion" && architecture != "camib" && architecture != "kan-mcp")
        s["extra_final_l1"] = 0.4;
    if (architecture == "late-fusion")
        s.erase("beta");
    if (architecture == "camib") {
        s.insert({{"lambda1", 0.4}, {"lambda2", 0.25}, {"backdoor_weight", 0.6}, {"mask_budget", 0.3},
                  {"mask_weight", 2.0}});
    }
    return s;
}

Weights weightsFor(const std::string &architecture, bool weighted)
{
    Weights w;
    if (architecture == "kan-mcp")
        w.unimodal = 0.1;  // KAN-MCP's weight1
    if (!weighted)
        return w;
    const std::map<std::string, double> s = weightedSettings(architecture);
    const auto get = [&](const char *key, double fallback) {
        const auto it = s.find(key);
        return it == s.end() ? fallback : it->second;
    };
    w.unimodal = get("unimodal_weight", w.unimodal);
    w.beta = get("beta", w.beta);
    w.extraFinalL1 = get("extra_final_l1", w.extraFinalL1);
    w.modality = {get("weight_text", 1), get("weight_audio", 1), get("weight_visual", 1)};
    w.lambda1 = get("lambda1", w.lambda1);
    w.lambda2 = get("lambda2", w.lambda2);
    w.backdoor = get("backdoor_weight", w.backdoor);
    w.budget = get("mask_budget", w.budget);
    w.maskWeight = get("mask_weight", w.maskWeight);
    return w;
}

ModelInput tinyBatch()
{
    SyntheticSpec spec;
    spec.samples = kBatch;
    spec.dims = kDims;
    spec.seed = 31;
    Dataset data = makeSyntheticDataset(spec);
    data.lengths[1][kNoAudio] = 0;
    return data.batch(torch::arange(kBatch));
}

// sum_m u w_m (L1_m + beta KL_m) over present samples; KL only where the model has bottlenecks.
double unimodalTerms(const ModelOutput &out, const ModelInput &input, const Weights &w, bool withKl)
{
    double total = 0;
    for (Modality m : kModalities) {
        const size_t i = index(m);
        const std::vector<double> present = values(out.internals.at(modalityName(m) + ".present"));
        double term = meanAbs(values(out.unimodal[i]), values(input.targets.unimodal[i]), present);
        if (withKl)
            term += w.beta * kl(out.internals.at(modalityName(m) + ".mean"), out.internals.at(modalityName(m) + ".std"), present);
        total += w.unimodal * w.modality[i] * term;
    }
    return total;
}

// The reference loss of `architecture` from the model's outputs, without CaMIB's training-only
// backdoor term (camibBackdoorInTraining checks that one).
double referenceLoss(const std::string &architecture, SentimentModel &model, const ModelOutput &out,
                     const ModelInput &input, const Weights &w)
{
    const std::vector<double> prediction = values(out.prediction);
    const std::vector<double> y = values(input.targets.multimodal);
    const std::vector<double> all(size_t(kBatch), 1.0);
    if (architecture == "late-fusion")
        return l1(prediction, y) + unimodalTerms(out, input, w, false);
    if (architecture == "e-mib")
        return (1 + w.extraFinalL1) * l1(prediction, y) +
               w.beta * kl(out.internals.at("fused.mean"), out.internals.at("fused.std"), all);
    if (architecture == "l-mib")
        return (1 + w.extraFinalL1) * l1(prediction, y) + unimodalTerms(out, input, w, true);
    if (architecture == "c-mib")
        return (1 + w.extraFinalL1) * l1(prediction, y) +
               w.beta * kl(out.internals.at("fused.mean"), out.internals.at("fused.std"), all) +
               unimodalTerms(out, input, w, true);
    if (architecture == "kan-mcp") {
        double mse = 0;
        for (size_t i = 0; i < y.size(); ++i)
            mse += (prediction[i] - y[i]) * (prediction[i] - y[i]) / double(y.size());
        return mse + unimodalTerms(out, input, w, true);
    }
    if (architecture == "camib") {
        const torch::Tensor maskT = out.internals.at("camib.mask");
        const std::vector<double> mask = values(maskT), causal = values(out.internals.at("camib.causal")),
                                  instrument = values(out.internals.at("camib.instrument")),
                                  shortcut = values(out.internals.at("camib.shortcut_prediction"));
        const auto fused = size_t(maskT.size(1));
        double budget = 0, align = 0;
        for (size_t i = 0; i < size_t(kBatch); ++i) {
            double maskMean = 0, distance = 0;
            for (size_t j = 0; j < fused; ++j) {
                maskMean += mask[i * fused + j] / double(fused);
                distance += std::pow(causal[i * fused + j] - instrument[i * fused + j], 2) / double(fused);
            }
            budget += std::pow(maskMean - w.budget, 2) / double(kBatch);
            align += distance / double(kBatch);  // every sample has some modality here
        }
        double meanY = 0;
        for (double v : y)
            meanY += v / double(y.size());
        double uniform = 0;
        for (double s : shortcut)
            uniform += (s - meanY) * (s - meanY) / double(kBatch);
        // The predictor on the instrument alone (the second stage), through the public interface.
        auto &parts = dynamic_cast<CausalPartsPredictor &>(model);
        const torch::Tensor v = out.internals.at("camib.instrument");
        const double secondStage = l1(values(parts.predictFromParts(v, torch::zeros_like(v))), y);
        return l1(prediction, y) + w.maskWeight * budget + w.lambda1 * (2 * align + secondStage) +
               w.lambda2 * (l1(shortcut, y) + uniform) + unimodalTerms(out, input, w, true);
    }
    qFatal("no reference loss for %s", architecture.c_str());
}

std::shared_ptr<SentimentModel> makeModel(const std::string &architecture, bool weighted, const std::string &fusion)
{
    ModelConfig config = tinyConfig(architecture, kDims);
    if (weighted)
        for (const auto &[key, value] : weightedSettings(architecture))
            config.numbers[key] = value;
    if (!fusion.empty())
        config.choices["fusion"] = fusion;
    torch::manual_seed(17);
    return createModel(architecture, config);
}

}  // namespace

class TestLossFormulas : public QObject {
    Q_OBJECT

private slots:
    void lossEqualsPaperFormula_data()
    {
        QTest::addColumn<QString>("arch");
        QTest::addColumn<bool>("weighted");
        QTest::addColumn<QString>("fusion");
        for (const ArchitectureInfo &info : architectures())
            for (bool weighted : {false, true}) {
                const std::string row = info.name + (weighted ? " weighted" : " defaults");
                QTest::newRow(row.c_str()) << QString::fromStdString(info.name) << weighted << QString();
            }
        // MIB with the reference's tensor fusion head (a different forward, the same loss).
        for (const char *mib : {"e-mib", "l-mib", "c-mib"})
            QTest::newRow((std::string(mib) + " tensor fusion").c_str()) << QString::fromLatin1(mib) << true
                                                                           << QStringLiteral("tensor");
    }

    void lossEqualsPaperFormula()
    {
        QFETCH(QString, arch);
        QFETCH(bool, weighted);
        QFETCH(QString, fusion);
        const std::string architecture = arch.toStdString();
        auto model = makeModel(architecture, weighted, fusion.toStdString());
        model->eval();
        const ModelInput input = tinyBatch();
        const ModelOutput out = model->forward(input, BottleneckMode::Mean);
        QVERIFY(out.loss.defined());
        QCOMPARE(out.internals.at("audio.present")[kNoAudio].item<double>(), 0.0);
        const double expected = referenceLoss(architecture, *model, out, input, weightsFor(architecture, weighted));
        const double actual = out.loss.item<double>();
        QVERIFY2(std::fabs(actual - expected) <= 1e-5 * (1 + std::fabs(expected)),
                 qPrintable(QStringLiteral("loss %1, formula %2").arg(actual, 0, 'g', 9).arg(expected, 0, 'g', 9)));
        // The total is the weighted sum of the named terms, and the multimodal term is the plain
        // prediction loss (what MCPareto and the trainer read).
        const std::vector<double> prediction = values(out.prediction), y = values(input.targets.multimodal);
        double plain = l1(prediction, y);
        if (architecture == "kan-mcp") {
            plain = 0;
            for (size_t i = 0; i < y.size(); ++i)
                plain += std::pow(prediction[i] - y[i], 2) / double(y.size());
        }
        QVERIFY(std::fabs(out.losses.at(kLossMultimodal).item<double>() - plain) < 1e-5 * (1 + plain));
    }

    // CaMIB in training mode adds the backdoor term for some permutation of the batch: the total
    // minus the eval-mode formula must equal b L1(pred(Zc + Zs[perm]), y) for one of the 5! ones.
    void camibBackdoorInTraining()
    {
        auto model = makeModel("camib", true, {});
        model->train();
        const Weights w = weightsFor("camib", true);
        const ModelInput input = tinyBatch();
        const ModelOutput out = model->forward(input, BottleneckMode::Mean);
        const double backdoor = out.loss.item<double>() - referenceLoss("camib", *model, out, input, w);
        QVERIFY(out.losses.count("backdoor"));
        auto &parts = dynamic_cast<CausalPartsPredictor &>(*model);
        const torch::Tensor causal = out.internals.at("camib.causal"), shortcut = out.internals.at("camib.shortcut");
        const std::vector<double> y = values(input.targets.multimodal);
        std::vector<std::int64_t> perm(kBatch);
        for (std::int64_t i = 0; i < kBatch; ++i)
            perm[size_t(i)] = i;
        double closest = 1e9;
        torch::NoGradGuard noGrad;
        do {
            const torch::Tensor shuffled = shortcut.index_select(0, torch::tensor(perm, torch::kInt64));
            const double term = w.backdoor * l1(values(parts.predictFromParts(causal, shuffled)), y);
            closest = std::min(closest, std::fabs(term - backdoor));
        } while (std::next_permutation(perm.begin(), perm.end()));
        QVERIFY2(closest < 1e-5, qPrintable(QStringLiteral("backdoor part %1, nearest permutation off by %2").arg(backdoor).arg(closest)));
        QVERIFY(std::fabs(backdoor) > 1e-4);  // the term is there
    }
};

QTEST_GUILESS_MAIN(TestLossFormulas)
#include "test_loss_formulas.moc"
