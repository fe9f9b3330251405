#include "core/training/project_training.h"

#include "core/ml/model_factory.h"
#include "core/ml/model_file.h"
#include "core/training/project_data.h"

#include "core/common/error.h"
#include "core/store/project.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>

namespace sl::training {

namespace {

const std::array<Target, ml::kModalityCount> kUnimodalTargets = {Target::T, Target::A, Target::V};

QString metricsJson(const std::map<QString, ml::Evaluation> &evaluations)
{
    ml::JsonObject splits;
    for (const auto &[split, evaluation] : evaluations) {
        ml::JsonObject metrics;
        for (const auto &[name, value] : evaluation.multimodal)
            metrics[name] = ml::Json(value);
        splits[split.toStdString()] = ml::Json(std::move(metrics));
    }
    return QString::fromStdString(ml::Json(std::move(splits)).dump());
}

// Identifies the labels a model learned from: which annotator, and a hash of their values.
QString labelSnapshot(const ClipSet &training, const QString &annotator)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const torch::Tensor labels = training.data.labels.contiguous();
    hash.addData(QByteArrayView(reinterpret_cast<const char *>(labels.data_ptr<float>()), qsizetype(labels.numel() * sizeof(float))));
    return QStringLiteral("%1:%2").arg(annotator.isEmpty() ? QStringLiteral("dataset") : annotator,
                                       QString::fromLatin1(hash.result().toHex().left(16)));
}

ml::LoadedModel loadFor(const store::Project &project, qint64 &modelId, const ProjectFeatures &features)
{
    if (modelId == 0)
        modelId = project.models().activeModelId();
    const auto record = project.models().find(modelId);
    if (!record)
        throw Error(modelId == 0 ? QStringLiteral("%1: the project has no model yet; train one with 'sentilens-cli train'")
                                       .arg(project.databasePath())
                                 : QStringLiteral("%1: no model with id %2").arg(project.databasePath()).arg(modelId));
    ml::LoadOptions options;
    options.project = &features.contract;
    options.device = "auto";
    try {
        return ml::loadModel(project.absolutePath(record->filePath).toStdString(), options);
    } catch (const std::exception &error) {
        throw Error(QString::fromStdString(error.what()));
    }
}

}  // namespace

TrainOutcome trainOnProject(store::Project &project, const TrainRequest &request, const ml::ProgressCallback &progress,
                            const std::atomic<bool> *cancel)
{
    const ProjectFeatures features = projectFeatures(project);
    const ClipSet train = loadClips(project, features, clipsOfSplit(project, QStringLiteral("train")), request.annotator, true);
    const ClipSet valid = loadClips(project, features, clipsOfSplit(project, QStringLiteral("valid")), request.annotator, true);
    if (train.data.size() == 0)
        throw Error(QStringLiteral("%1: no labelled clips in the train split").arg(project.databasePath()));

    ml::ModelConfig config;
    for (ml::Modality m : ml::kModalities)
        config.dims[ml::index(m)] = features.sets[ml::index(m)] ? features.sets[ml::index(m)]->dims : 0;
    config.numbers = request.settings;
    // The initial weights come from LibTorch's generator too: seed it first, so that a seed gives
    // the same model to the last digit.
    torch::manual_seed(request.trainer.seed);
    auto model = ml::createModel(request.architecture.toStdString(), config);

    ml::TrainerOptions options = request.trainer;
    options.labelScale = project.labelScale().name().toStdString();
    TrainOutcome outcome;
    outcome.result = ml::train(*model, train.data, valid.data, options,
                               labelSnapshot(train, request.annotator).toStdString(), progress, cancel);
    outcome.cancelled = outcome.result.cancelled;
    if (outcome.cancelled)
        return outcome;

    const ml::MetricScale scale = ml::metricScale(options.labelScale);
    for (const QString &split : {QStringLiteral("train"), QStringLiteral("valid"), QStringLiteral("test")}) {
        const ClipSet set = loadClips(project, features, clipsOfSplit(project, split), request.annotator, true);
        if (set.data.size() == 0)
            continue;
        outcome.evaluations[split] = ml::evaluate(ml::predict(*model, set.data, ml::BottleneckMode::Mean), set.data, scale);
        const double trainMean = train.data.labels.mean().item<double>();
        outcome.meanPredictorMae[split] = (set.data.labels - trainMean).abs().mean().item<double>();
    }

    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString relative = QStringLiteral("models/%1-%2.slmodel").arg(request.architecture, stamp);
    outcome.modelFile = project.absolutePath(relative);
    QDir().mkpath(QFileInfo(outcome.modelFile).absolutePath());
    ml::ModelDescription description;
    description.contract = features.contract;
    description.labelScale = options.labelScale;
    description.training = outcome.result.record;
    for (const auto &[split, evaluation] : outcome.evaluations)
        description.metrics[split.toStdString()] = evaluation.multimodal;
    try {
        ml::saveModel(outcome.modelFile.toStdString(), *model, description);
    } catch (const std::exception &error) {
        throw Error(QStringLiteral("%1: %2").arg(outcome.modelFile, QString::fromUtf8(error.what())));
    }

    store::ModelRecord record;
    record.name = request.name.isEmpty() ? QStringLiteral("%1 %2").arg(request.architecture, stamp) : request.name;
    record.architecture = request.architecture;
    record.filePath = relative;
    record.contractJson = QString::fromStdString(features.contract.toJson().dump());
    record.trainingJson = QString::fromStdString(outcome.result.record.toJson().dump());
    record.metricsJson = metricsJson(outcome.evaluations);
    outcome.modelId = project.models().add(record);
    project.models().setActive(outcome.modelId);
    predictOnProject(project, outcome.modelId);
    return outcome;
}

ml::Evaluation evaluateOnProject(const store::Project &project, qint64 modelId, const QString &split,
                                 const QString &annotator, int *samples)
{
    const ProjectFeatures features = projectFeatures(project);
    ml::LoadedModel loaded = loadFor(project, modelId, features);
    const ClipSet set = loadClips(project, features, clipsOfSplit(project, split), annotator, true);
    if (samples)
        *samples = int(set.data.size());
    if (set.data.size() == 0)
        throw Error(QStringLiteral("%1: no labelled clips in split '%2'").arg(project.databasePath(), split));
    return ml::evaluate(ml::predict(*loaded.model, set.data, ml::BottleneckMode::Mean), set.data,
                        ml::metricScale(project.labelScale().name().toStdString()));
}

QList<store::PredictionRecord> predictOnProject(store::Project &project, qint64 modelId)
{
    const ProjectFeatures features = projectFeatures(project);
    ml::LoadedModel loaded = loadFor(project, modelId, features);
    const ClipSet all = loadClips(project, features, clipsOfSplit(project, {}), {}, false);
    const ml::Predictions predictions = ml::predict(*loaded.model, all.data, ml::BottleneckMode::Mean);
    QList<store::PredictionRecord> records;
    for (int i = 0; i < all.clipIds.size(); ++i) {
        records << store::PredictionRecord{all.clipIds[i], Target::M, predictions.multimodal[size_t(i)]};
        for (ml::Modality m : ml::kModalities) {
            const auto &values = predictions.unimodal[ml::index(m)];
            if (size_t(i) < values.size())
                records << store::PredictionRecord{all.clipIds[i], kUnimodalTargets[ml::index(m)], values[size_t(i)]};
        }
    }
    project.models().storePredictions(modelId, records, true);
    return records;
}

QString describeEvaluation(const ml::Evaluation &evaluation)
{
    QStringList parts;
    for (const auto &[name, value] : evaluation.multimodal)
        parts << QStringLiteral("%1 %2").arg(QString::fromStdString(name)).arg(value, 0, 'f', 4);
    return parts.join(QStringLiteral(", "));
}

}  // namespace sl::training
