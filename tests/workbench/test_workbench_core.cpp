// The workbench's logic without widgets or models: the review queue's rankings on hand-made
// predictions and labels, model comparison, reading a model's metrics and lineage from its row,
// and the recommended training settings.
#include "core/training/model_comparison.h"
#include "core/training/review_queue.h"
#include "core/training/training_job.h"

#include <QtTest>

using namespace sl;
using namespace sl::training;
using store::PredictionRecord;

class TestWorkbenchCore : public QObject {
    Q_OBJECT
private slots:
    void disagreementsRankClipsByTheirWorstTarget()
    {
        // Clip 1: M off by 0.5, A off by 2.5 (worst: A). Clip 2: T off by 1.0. Clip 3: agrees.
        // Clip 4: a prediction but no label. Clip 5: a label for V only, predicted V off by 1.0
        // (ties with clip 2: the lower id first).
        const QList<PredictionRecord> predictions{
            {1, Target::M, 1.0}, {1, Target::T, 0.5}, {1, Target::A, -1.5}, {2, Target::M, -1.0}, {2, Target::T, 1.0},
            {3, Target::M, 2.0}, {4, Target::M, 3.0},  {5, Target::V, 0.0},  {5, Target::M, 2.0}};
        QHash<qint64, store::TargetLabels> labels;
        labels[1] = {{Target::M, 1.5}, {Target::T, 0.5}, {Target::A, 1.0}};
        labels[2] = {{Target::M, -1.0}, {Target::T, 0.0}};
        labels[3] = {{Target::M, 2.0}};
        labels[5] = {{Target::V, 1.0}};
        const QList<ReviewEntry> ranked = rankDisagreements(predictions, labels);
        QCOMPARE(ranked.size(), 4);  // clip 4 has no label to disagree with
        QCOMPARE(ranked[0].clipId, 1);
        QCOMPARE(ranked[0].target, Target::A);
        QCOMPARE(ranked[0].score, 2.5);
        QCOMPARE(ranked[0].prediction, -1.5);
        QCOMPARE(ranked[0].label, 1.0);
        QCOMPARE(ranked[1].clipId, 2);
        QCOMPARE(ranked[1].target, Target::T);
        QCOMPARE(ranked[1].score, 1.0);
        QCOMPARE(ranked[2].clipId, 5);
        QCOMPARE(ranked[2].target, Target::V);
        QCOMPARE(ranked[3].clipId, 3);
        QCOMPARE(ranked[3].score, 0.0);
        QCOMPARE(ranked[0].reason, ReviewReason::Disagreement);

        const QList<ReviewEntry> top = rankDisagreements(predictions, labels, 2);
        QCOMPARE(top.size(), 2);
        QCOMPARE(top[1].clipId, 2);
    }

    void uncertaintyRanksBySpreadAndSkipsCertainClips()
    {
        const QHash<qint64, double> spread{{10, 0.05}, {11, 0.4}, {12, 0.0}, {13, 0.4}, {14, 0.2}};
        const QList<ReviewEntry> ranked = rankUncertain(spread);
        QCOMPARE(ranked.size(), 4);
        QCOMPARE(ranked[0].clipId, 11);  // tie with 13: lower id first
        QCOMPARE(ranked[1].clipId, 13);
        QCOMPARE(ranked[2].clipId, 14);
        QCOMPARE(ranked[3].clipId, 10);
        QCOMPARE(ranked[0].reason, ReviewReason::Uncertainty);
        QCOMPARE(rankUncertain(spread, 1).size(), 1);
        QVERIFY(rankUncertain({{1, 0.0}}).isEmpty());
    }

    void changedPredictionsComeLargestChangeFirst()
    {
        const QList<PredictionRecord> first{{1, Target::M, 0.0}, {2, Target::M, 1.0}, {3, Target::M, -1.0}, {4, Target::M, 2.0},
                                            {2, Target::T, 5.0}};
        const QList<PredictionRecord> second{{1, Target::M, 0.5}, {2, Target::M, -1.0}, {3, Target::M, -1.0}, {5, Target::M, 3.0},
                                             {2, Target::T, 5.0}};
        const QList<PredictionChange> changes = changedPredictions(first, second);
        QCOMPARE(changes.size(), 3);  // clips 4 and 5 are predicted by one model only
        QCOMPARE(changes[0].clipId, 2);
        QCOMPARE(changes[0].change(), -2.0);
        QCOMPARE(changes[1].clipId, 1);
        QCOMPARE(changes[1].change(), 0.5);
        QCOMPARE(changes[2].clipId, 3);
        QCOMPARE(changes[2].change(), 0.0);
        QCOMPARE(changedPredictions(first, second, Target::T).first().change(), 0.0);
    }

    void summariesReadMetricsPerTargetAndLineage()
    {
        store::ModelRecord record;
        record.metricsJson = QStringLiteral(R"({"test":{"M":{"MAE":0.8,"Corr":0.5},"T":{"MAE":1.1}},"valid":{"M":{"MAE":0.9}}})");
        record.lineageJson = QStringLiteral(
            R"({"labels":{"source":"annotator:ann","hash":"abc","train_clips":16,"valid_clips":4},"parent":3,)"
            R"("targets":["M","T"],"features":[{"modality":"A","extractor":"acoustic","version":"2","dims":26,"set_id":7}]})");
        const ModelSummary summary = summarizeModel(record);
        QCOMPARE(summary.metric(QStringLiteral("test"), QStringLiteral("M"), QStringLiteral("MAE")), std::optional<double>(0.8));
        QCOMPARE(summary.metric(QStringLiteral("test"), QStringLiteral("T"), QStringLiteral("MAE")), std::optional<double>(1.1));
        QCOMPARE(summary.metric(QStringLiteral("valid"), QStringLiteral("M"), QStringLiteral("Corr")), std::nullopt);
        QCOMPARE(summary.metrics.size(), 4);
        QCOMPARE(summary.lineage.labelSource, QStringLiteral("annotator:ann"));
        QCOMPARE(summary.lineage.labelHash, QStringLiteral("abc"));
        QCOMPARE(summary.lineage.trainClips, 16);
        QCOMPARE(summary.lineage.parentModelId, 3);
        QCOMPARE(summary.lineage.targets, QStringList({QStringLiteral("M"), QStringLiteral("T")}));
        QCOMPARE(summary.lineage.featureSets, QStringList{QStringLiteral("A: acoustic 2 (26 dims, set 7)")});

        // A row written before lineage was stored: M-only metrics, labels from the training record.
        store::ModelRecord older;
        older.metricsJson = QStringLiteral(R"({"test":{"MAE":1.25}})");
        older.trainingJson = QStringLiteral(R"({"label_snapshot":"dataset:0123abcd"})");
        const ModelSummary old = summarizeModel(older);
        QCOMPARE(old.metric(QStringLiteral("test"), QStringLiteral("M"), QStringLiteral("MAE")), std::optional<double>(1.25));
        QCOMPARE(old.lineage.labelSource, QStringLiteral("dataset"));
        QCOMPARE(old.lineage.labelHash, QStringLiteral("0123abcd"));
        QCOMPARE(old.lineage.parentModelId, 0);

        store::ModelRecord broken;
        broken.metricsJson = QStringLiteral("{not json");
        QVERIFY(summarizeModel(broken).metrics.isEmpty());
    }

    void comparedMetricsPairTheSameNumbers()
    {
        store::ModelRecord a, b;
        a.metricsJson = QStringLiteral(R"({"test":{"M":{"MAE":1.0,"Corr":0.2}}})");
        b.metricsJson = QStringLiteral(R"({"test":{"M":{"MAE":0.6}},"valid":{"M":{"MAE":0.7}}})");
        const QList<MetricComparison> rows = compareMetrics(summarizeModel(a), summarizeModel(b));
        QCOMPARE(rows.size(), 3);
        const auto mae = std::find_if(rows.begin(), rows.end(), [](const MetricComparison &r) {
            return r.split == QLatin1String("test") && r.metric == QLatin1String("MAE");
        });
        QVERIFY(mae != rows.end());
        QCOMPARE(mae->first, std::optional<double>(1.0));
        QCOMPARE(mae->second, std::optional<double>(0.6));
        QCOMPARE(rows.last().split, QStringLiteral("valid"));
        QCOMPARE(rows.last().first, std::nullopt);
    }

    void recommendedSettingsFollowTheArchitecture()
    {
        const TrainingSettings kan = recommendedSettings(QStringLiteral("kan-mcp"));
        QCOMPARE(kan.batchSize, 8);
        QCOMPARE(kan.warmupFraction, 0.5);
        const TrainingSettings late = recommendedSettings(QStringLiteral("late-fusion"));
        QCOMPARE(late.batchSize, 32);
        QCOMPARE(late.device, QStringLiteral("auto"));
        QVERIFY(late.learningRate > 0);
        QCOMPARE(recommendedSettings(QStringLiteral("c-mib")).epochs, 50);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, recommendedSettings(QStringLiteral("no-such-model")));
        QCOMPARE(trainableArchitectures().size(), 6);
    }

    void smallTrainSplitsGetSmallerBatches()
    {
        // MOSI-sized: the papers' batches stand.
        QCOMPARE(recommendedSettings(QStringLiteral("late-fusion"), 1284).batchSize, 32);
        QCOMPARE(recommendedSettings(QStringLiteral("kan-mcp"), 1284).batchSize, 8);
        // The demo project's 60 train clips: at least 4 steps an epoch.
        QCOMPARE(recommendedSettings(QStringLiteral("late-fusion"), 60).batchSize, 15);
        QCOMPARE(recommendedSettings(QStringLiteral("camib"), 61).batchSize, 16);
        QCOMPARE(recommendedSettings(QStringLiteral("camib"), 60).batchSize, 15);
        // Never below 8, however small the split.
        QCOMPARE(recommendedSettings(QStringLiteral("c-mib"), 5).batchSize, 8);
        QCOMPARE(recommendedSettings(QStringLiteral("kan-mcp"), 5).batchSize, 8);
    }
};

QTEST_GUILESS_MAIN(TestWorkbenchCore)
#include "test_workbench_core.moc"
