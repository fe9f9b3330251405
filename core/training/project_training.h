#pragma once
// Training, evaluating and predicting with the models of a project: the bridge the command line
// (and the GUI) use. Trained models are saved in PROJECT/models/, registered in the project, and
// their predictions for every clip stored.
#include "core/ml/evaluation.h"
#include "core/ml/model_file.h"
#include "core/ml/trainer.h"

#include "core/store/label_source.h"
#include "core/training/training_job.h"
#include "core/store/clip_shard.h"
#include "core/store/model_repository.h"

#include <QDateTime>
#include <QString>
#include <atomic>
#include <map>

namespace sl::store {
class Project;
}

namespace sl::training {

struct TrainRequest {
    QString architecture;   // ml::architectures() names: late-fusion, e-mib, l-mib, c-mib, kan-mcp, camib
    QString annotator;      // whose labels; empty = the dataset import's
    store::LabelAggregate aggregate = store::LabelAggregate::None;  // or every annotator's, aggregated
    std::array<bool, ml::kModalityCount> unimodalTargets{true, true, true};  // learn T, A, V from their labels
    qint64 parentModelId = 0;  // the model this one retrains (lineage only); 0 = none
    QString name;           // empty = "<architecture> <date>"
    ml::TrainerOptions trainer;
    std::map<std::string, double> settings;  // architecture settings (ModelConfig numbers)
};

// The request for settings from the train dialog or the CLI (declared here, beside TrainRequest,
// because training_job.h stays free of LibTorch for the widgets).
TrainRequest trainRequestFor(const TrainingSettings &settings);

struct TrainOutcome {
    qint64 modelId = 0;
    QString modelFile;                      // absolute
    ml::TrainingResult result;
    std::map<QString, ml::Evaluation> evaluations;  // per split with labelled clips
    // MAE on each split of always predicting the training labels' mean: the bar a model must clear.
    std::map<QString, double> meanPredictorMae;
    bool cancelled = false;
    // Clips left out because a current feature set has no features for them (an interrupted or
    // running extraction, a clip whose media failed): the model neither learned from nor
    // predicted them.
    int clipsWithoutFeatures = 0;
};

// The project-relative path ("models/ARCH-yyyyMMdd-HHmmss.slmodel") for a model trained at `when`,
// with "-2", "-3", ... added when a file of that name exists already: two trainings of one
// architecture within the same second must not overwrite each other's model file.
QString newModelFilePath(const store::Project &project, const QString &architecture, const QDateTime &when);

// Throws sl::Error for project problems (no features, no labels, a current feature set with no
// features at all) and std::invalid_argument for bad settings; nothing is registered when training
// is cancelled. Clips missing from a current feature set are left out and counted.
TrainOutcome trainOnProject(store::Project &project, const TrainRequest &request,
                            const ml::ProgressCallback &progress = {}, const std::atomic<bool> *cancel = nullptr);

// The active model when modelId is 0. Throws sl::Error when there is none or the file does not fit.
ml::Evaluation evaluateOnProject(const store::Project &project, qint64 modelId, const QString &split,
                                 const QString &annotator, int *samples = nullptr);

// Loads a model of the project (the active one when modelId is 0; modelId is set to the one
// loaded) checked against the project's features. Throws sl::Error when there is none or it does
// not fit.
ml::LoadedModel loadProjectModel(const store::Project &project, qint64 &modelId, const ml::FeatureContract &features);

// Predicts every clip with the model (active one when 0), stores the predictions, and returns them.
QList<store::PredictionRecord> predictOnProject(store::Project &project, qint64 modelId, const store::ClipShard &shard = {});

// "M: Has0_acc_2 0.9333, ..." lines for people.
QString describeEvaluation(const ml::Evaluation &evaluation);

}  // namespace sl::training
