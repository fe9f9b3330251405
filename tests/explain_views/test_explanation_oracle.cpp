// The explanation views' data and the review queue's uncertainty on a generated demo project,
// each against an oracle that does not go through the code it checks (issue 13):
//  - Late fusion is additive, M = b + sum_m w_m p_m(x_m) with each head reading only its own
//    modality, so its Shapley values are known in closed form:
//        phi_m = w_m (p_m(clip) - p_m(baseline)),  f(all) = M(clip),  f(none) = b + sum_m w_m p_m(baseline).
//    p_m(clip) and M(clip) come from the predictions the training stored (the batch prediction
//    path), w and b from the model file, p_m(baseline) from one forward pass on an input built
//    here: the train split's mean step (averaged by hand) in each of the clip's valid steps. The
//    clip plots (contribution bars) and the dataset plots must show exactly these numbers.
//  - E-MIB's only randomness is its fused bottleneck, z = mu + sigma * eps, read by a linear
//    decoder, so the spread of its sampled predictions is sqrt(sum_k (w_k sigma_k)^2) exactly;
//    the review queue's uncertainty (1,000 draws) must match it within the sampling error.
// LibTorch (through project_explanations.h) before any Qt header.
#include "core/training/project_explanations.h"
#include "core/training/project_data.h"
#include "core/training/project_training.h"

#include "core/ml/model_file.h"
#include "core/store/project.h"
#include "core/training/review_queue.h"
#include "tests/support_gui/extracted_demo.h"
#include "ui/plots/explanation_plot_data.h"

#include <QtTest>

#include <cmath>

using namespace sl;

namespace {

// The named parameter of a loaded model.
torch::Tensor parameter(ml::SentimentModel &model, const std::string &name)
{
    for (const auto &item : model.named_parameters())
        if (item.key() == name)
            return item.value().detach().to(torch::kFloat64);
    qFatal("the model has no parameter %s", name.c_str());
}

// The mean step of the train split, per modality, summed frame by frame.
std::array<std::vector<double>, ml::kModalityCount> trainMean(const store::Project &project,
                                                              const training::ProjectFeatures &features)
{
    const training::ClipSet train =
        training::loadClips(project, features, training::clipsOfSplit(project, QStringLiteral("train")), QString(), false);
    std::array<std::vector<double>, ml::kModalityCount> mean;
    for (size_t m = 0; m < ml::kModalityCount; ++m) {
        const torch::Tensor f = train.data.features[m].to(torch::kFloat64);
        mean[m].assign(size_t(f.size(2)), 0.0);
        std::int64_t frames = 0;
        for (std::int64_t i = 0; i < f.size(0); ++i)
            for (std::int64_t t = 0; t < train.data.lengths[m][i].item<std::int64_t>(); ++t, ++frames)
                for (std::int64_t d = 0; d < f.size(2); ++d)
                    mean[m][size_t(d)] += f[i][t][d].item<double>();
        for (double &v : mean[m])
            v /= double(std::max<std::int64_t>(frames, 1));
    }
    return mean;
}

// A model of `architecture` trained for two epochs on the project and made active, loaded from its
// file, with every clip of the project as the models read them.
struct Trained {
    std::unique_ptr<store::Project> project;
    training::TrainOutcome outcome;
    ml::LoadedModel loaded;
    training::ProjectFeatures features;
    training::ClipSet all;
};

Trained trainActive(const QString &path, const QString &architecture)
{
    Trained t;
    t.project = store::Project::open(path);
    training::TrainRequest request;
    request.architecture = architecture;
    request.trainer.epochs = 2;
    t.outcome = training::trainOnProject(*t.project, request);
    t.project->models().setActive(t.outcome.modelId);
    t.loaded = ml::loadModel(t.outcome.modelFile.toStdString());
    t.features = training::projectFeatures(*t.project);
    t.all = training::loadClips(*t.project, t.features, training::clipsOfSplit(*t.project, {}), QString(), false);
    return t;
}

}  // namespace

class TestExplanationOracle : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_path = m_dir.filePath(QStringLiteral("demo"));
        test::buildExtractedDemo(m_path, 8);
    }

    void lateFusionContributionsInClosedForm()
    {
        Trained trained = trainActive(m_path, QStringLiteral("late-fusion"));
        store::Project &project = *trained.project;
        const training::ClipSet &all = trained.all;
        ml::SentimentModel &model = *trained.loaded.model;

        // What training stored: per clip M and the three heads.
        QHash<qint64, std::array<double, 4>> stored;
        for (const store::PredictionRecord &p : project.models().predictions(trained.outcome.modelId))
            stored[p.clipId][size_t(p.target)] = p.value;
        const torch::Tensor w = parameter(model, "fusion_weights");
        const double b = parameter(model, "fusion_bias")[0].item<double>();
        const auto mean = trainMean(project, trained.features);

        training::ExplainRequest explain;  // every clip, the mean baseline
        const training::ExplanationSet set = training::explainClips(project, explain);
        QCOMPARE(set.clips.size(), all.clipIds.size());
        const plots::DatasetPlots dataset = plots::datasetPlots(set, -3, 3, false);
        QCOMPARE(dataset.points.size(), all.clipIds.size());

        double largestPhi = 0;
        for (int i = 0; i < all.clipIds.size(); ++i) {
            const qint64 id = all.clipIds[i];
            QVERIFY(stored.contains(id));
            // The baseline clip: the train mean in every valid step, the clip's lengths kept.
            ml::ModelInput baselineInput;
            std::array<bool, ml::kModalityCount> present{};
            for (size_t m = 0; m < ml::kModalityCount; ++m) {
                const std::int64_t length = all.data.lengths[m][i].item<std::int64_t>();
                present[m] = length > 0;
                torch::Tensor f = torch::zeros({1, std::max<std::int64_t>(length, 1), std::int64_t(mean[m].size())});
                for (std::int64_t t = 0; t < length; ++t)
                    for (size_t d = 0; d < mean[m].size(); ++d)
                        f[0][t][std::int64_t(d)] = mean[m][d];
                baselineInput.modalities[m].features = f;
                baselineInput.modalities[m].lengths = torch::tensor({length}, torch::kInt64);
            }
            const ml::ModelOutput atBaseline = [&] {
                torch::NoGradGuard noGrad;
                return model.forward(baselineInput);
            }();
            std::array<double, 3> phi{};
            double fNone = b;
            for (size_t m = 0; m < ml::kModalityCount; ++m) {
                const double head = atBaseline.unimodal[m][0].item<double>();
                const double weight = present[m] ? w[std::int64_t(m)].item<double>() : 0.0;
                phi[m] = weight * (stored[id][m + 1] - head);
                fNone += weight * head;
            }

            const training::ClipExplanation &clip = set.clips[i];
            QCOMPARE(clip.clipId, id);
            const plots::ClipPlots view = plots::clipPlots(clip, set);
            const QString where = QStringLiteral("clip %1").arg(id);
            QVERIFY2(std::fabs(view.contributions.fAll - stored[id][0]) < 1e-5, qPrintable(where));
            QVERIFY2(std::fabs(view.contributions.fNone - fNone) < 1e-5, qPrintable(where));
            QVERIFY2(std::fabs(dataset.points[i].prediction - stored[id][0]) < 1e-5, qPrintable(where));
            for (size_t m = 0; m < ml::kModalityCount; ++m) {
                QVERIFY2(std::fabs(view.contributions.phi[m] - phi[m]) < 1e-5,
                         qPrintable(QStringLiteral("%1 modality %2: view %3, closed form %4")
                                        .arg(where).arg(m).arg(view.contributions.phi[m]).arg(phi[m])));
                QVERIFY2(std::fabs(dataset.points[i].phi[m] - phi[m]) < 1e-5, qPrintable(where));
                QVERIFY2(std::fabs(view.contributions.unimodal[m] - stored[id][m + 1]) < 1e-5, qPrintable(where));
                largestPhi = std::max(largestPhi, std::fabs(phi[m]));
            }
        }
        QVERIFY2(largestPhi > 1e-3, qPrintable(QString::number(largestPhi)));  // something to compare
    }

    void reviewQueueUncertaintyOfEmib()
    {
        Trained trained = trainActive(m_path, QStringLiteral("e-mib"));
        const training::ClipSet &all = trained.all;
        // The exact spread from the bottleneck's sigma (Mean mode: nothing is drawn).
        const torch::Tensor decoder = parameter(*trained.loaded.model, "fused_bottleneck.decoder.weight").squeeze(0);
        torch::Tensor sigma;
        {
            torch::NoGradGuard noGrad;
            ml::ModelInput input = all.data.batch(torch::arange(all.data.size()));
            input.targets = {};
            sigma = trained.loaded.model->forward(input).internals.at("fused.std").to(torch::kFloat64);
        }
        QHash<qint64, double> exact;
        for (int i = 0; i < all.clipIds.size(); ++i)
            exact[all.clipIds[i]] = std::sqrt((decoder * sigma[i]).pow(2).sum().item<double>());

        const int draws = 1000;
        const training::ReviewQueue queue = training::buildReviewQueue(m_path, -1, draws);
        QVERIFY2(queue.error.isEmpty(), qPrintable(queue.error));
        QCOMPARE(queue.modelId, trained.outcome.modelId);
        QCOMPARE(queue.uncertain.size(), all.clipIds.size());
        // A sample standard deviation of n Gaussian draws is off by about 1 / sqrt(2n) = 2.2%
        // relative; 10% is over four of those.
        double worst = 0;
        for (const training::ReviewEntry &entry : queue.uncertain) {
            const double expected = exact.value(entry.clipId);
            QVERIFY(expected > 0);
            const double relative = std::fabs(entry.score - expected) / expected;
            worst = std::max(worst, relative);
            QVERIFY2(relative < 0.10, qPrintable(QStringLiteral("clip %1: spread %2, exact %3")
                                                     .arg(entry.clipId).arg(entry.score).arg(expected)));
        }
        qInfo("review queue uncertainty against the exact spread: worst relative error %.3f over %d clips", worst,
              int(queue.uncertain.size()));
        // Ranked by spread: where the exact spreads are 25% apart, the queue has them in that order.
        for (int a = 0; a < queue.uncertain.size(); ++a)
            for (int later = a + 1; later < queue.uncertain.size(); ++later)
                QVERIFY(exact.value(queue.uncertain[later].clipId) < 1.25 * exact.value(queue.uncertain[a].clipId));
    }

private:
    QTemporaryDir m_dir;
    QString m_path;
};

QTEST_MAIN(TestExplanationOracle)
#include "test_explanation_oracle.moc"
