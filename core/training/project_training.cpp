#include "core/training/project_training.h"

#include "core/ml/model_factory.h"
#include "core/ml/model_file.h"
#include "core/training/chunked_prediction.h"
#include "core/training/model_guard.h"
#include "core/training/model_saving.h"
#include "core/training/prediction_envelope.h"
#include "core/training/project_data.h"

#include "core/common/error.h"
#include "core/store/project.h"
#include "core/store/savepoint.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

namespace sl::training {

namespace {

const std::array<QString, 4> kTargetNames = {QStringLiteral("M"), QStringLiteral("T"), QStringLiteral("A"), QStringLiteral("V")};

QJsonObject metricsObject(const ml::MetricList &metrics)
{
    QJsonObject object;
    for (const auto &[name, value] : metrics)
        object.insert(QString::fromStdString(name), value);
    return object;
}

// {split: {target: {metric: value}}}: M always, T/A/V where the model has heads and labels.
QString metricsJson(const std::map<QString, ml::Evaluation> &evaluations)
{
    QJsonObject splits;
    for (const auto &[split, evaluation] : evaluations) {
        QJsonObject targets{{kTargetNames[0], metricsObject(evaluation.multimodal)}};
        for (ml::Modality m : ml::kModalities)
            if (!evaluation.unimodal[ml::index(m)].empty())
                targets.insert(kTargetNames[ml::index(m) + 1], metricsObject(evaluation.unimodal[ml::index(m)]));
        splits.insert(split, targets);
    }
    return QString::fromUtf8(QJsonDocument(splits).toJson(QJsonDocument::Compact));
}

// A hash of the training labels (M and the unimodal targets used), so that two models can be told
// apart by the labels they learned from even when the source's name is the same.
QString labelHash(const ClipSet &training)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&hash](const torch::Tensor &values) {
        if (!values.defined())
            return;
        const torch::Tensor contiguous = values.contiguous();
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(contiguous.data_ptr<float>()),
                                    qsizetype(contiguous.numel() * sizeof(float))));
    };
    add(training.data.labels);
    for (const torch::Tensor &unimodal : training.data.unimodalLabels)
        add(unimodal);
    return QString::fromLatin1(hash.result().toHex().left(16));
}

// Where the model came from; read back by core/training/model_summary.h.
QString lineageJson(const store::Project &project, const TrainRequest &request, const LabelChoice &labels,
                    const ClipSet &train, const ClipSet &valid, const ProjectFeatures &features)
{
    QJsonArray targets{kTargetNames[0]};
    for (ml::Modality m : ml::kModalities)
        if (labels.unimodal[ml::index(m)])
            targets.append(kTargetNames[ml::index(m) + 1]);
    QJsonArray featureSets;
    for (ml::Modality m : ml::kModalities)
        if (const auto &set = features.sets[ml::index(m)])
            featureSets.append(QJsonObject{{QStringLiteral("modality"), set->modality},
                                           {QStringLiteral("set_id"), set->id},
                                           {QStringLiteral("extractor"), set->extractor},
                                           {QStringLiteral("version"), set->extractorVersion},
                                           {QStringLiteral("dims"), set->dims}});
    const QJsonObject lineage{
        {QStringLiteral("labels"), QJsonObject{{QStringLiteral("source"), labels.source.describe(project)},
                                               {QStringLiteral("hash"), labelHash(train)},
                                               {QStringLiteral("train_clips"), train.clipIds.size()},
                                               {QStringLiteral("valid_clips"), valid.clipIds.size()}}},
        {QStringLiteral("parent"), request.parentModelId},
        {QStringLiteral("targets"), targets},
        {QStringLiteral("features"), featureSets}};
    return QString::fromUtf8(QJsonDocument(lineage).toJson(QJsonDocument::Compact));
}

// The clips that lack features in one of the current feature sets. Training on them would feed
// the model zero-length inputs as if they were data (issue 18, defect 6). A current set with no
// features at all (a text-encoder extraction that failed on every clip) is refused outright.
QSet<qint64> clipsWithoutFeatures(const store::Project &project, const ProjectFeatures &features)
{
    QSet<qint64> missing;
    const int clipCount = project.clips().count();
    for (ml::Modality m : ml::kModalities) {
        const auto &set = features.sets[ml::index(m)];
        if (!set)
            continue;
        const QList<qint64> without = project.features().clipsWithout(set->id);
        if (clipCount > 0 && without.size() == clipCount)
            throw Error(QStringLiteral("%1: the current %2 feature set '%3' has features for none of the %4 clips "
                                      "(a failed or interrupted extraction); run 'sentilens-cli extract' again")
                            .arg(project.databasePath(), QString::fromStdString(ml::modalityName(m)), set->name)
                            .arg(clipCount));
        for (qint64 id : without)
            missing.insert(id);
    }
    return missing;
}

QList<qint64> withFeatures(QList<qint64> clipIds, const QSet<qint64> &missing)
{
    clipIds.removeIf([&](qint64 id) { return missing.contains(id); });
    return clipIds;
}

}  // namespace

TrainOutcome trainOnProject(store::Project &project, const TrainRequest &request, const ml::ProgressCallback &progress,
                            const std::atomic<bool> *cancel)
{
    const ProjectFeatures features = projectFeatures(project);
    const QSet<qint64> incomplete = clipsWithoutFeatures(project, features);
    const auto complete = [&](const QString &split) { return withFeatures(clipsOfSplit(project, split), incomplete); };
    LabelChoice labels;
    labels.source = {request.aggregate, request.annotator};
    labels.unimodal = request.unimodalTargets;
    ClipSet train = loadClips(project, features, complete(QStringLiteral("train")), labels, true);
    ClipSet valid = loadClips(project, features, complete(QStringLiteral("valid")), labels, true);
    if (train.data.size() == 0 && !incomplete.isEmpty())
        throw Error(QStringLiteral("%1: no labelled clip of the train split has all its features (%2 clip(s) lack some); "
                                   "run 'sentilens-cli extract' first")
                        .arg(project.databasePath()).arg(incomplete.size()));
    if (train.data.size() == 0)
        throw Error(QStringLiteral("%1: no labelled clips in the train split").arg(project.databasePath()));

    ml::ModelConfig config;
    for (ml::Modality m : ml::kModalities)
        config.dims[ml::index(m)] = features.sets[ml::index(m)] ? features.sets[ml::index(m)]->dims : 0;
    config.numbers = request.settings;
    // Features reach the models standardised with the training split's numbers (see
    // core/ml/input_scaling.h); the model file keeps them.
    config.choices[ml::kInputScalingKey] = ml::kInputScalingStandardise;
    // The initial weights come from LibTorch's generator too: seed it first, so that a seed gives
    // the same model to the last digit.
    torch::manual_seed(request.trainer.seed);
    auto model = ml::createModel(request.architecture.toStdString(), config);

    ml::TrainerOptions options = request.trainer;
    options.labelScale = project.labelScale().name().toStdString();
    TrainOutcome outcome;
    outcome.result = ml::train(*model, train.data, valid.data, options,
                               QStringLiteral("%1:%2").arg(labels.source.describe(project), labelHash(train)).toStdString(), progress, cancel);
    outcome.cancelled = outcome.result.cancelled;
    if (outcome.cancelled)
        return outcome;
    // Where the training inputs lay, kept in the model file so that clips beyond it are flagged.
    const ml::InputEnvelope envelope = fitProjectEnvelope(train, valid);

    const ml::MetricScale scale = ml::metricScale(options.labelScale);
    const QString unsaved = QStringLiteral("%1: the trained %2 model").arg(project.databasePath(), request.architecture);
    // What the registration needs of the training splits, taken before their tensors are let go.
    const double trainMean = train.data.labels.mean().item<double>();
    const QString lineage = lineageJson(project, request, labels, train, valid, features);
    // Each split is evaluated and released before the next is loaded, and the predictions for
    // every clip are made a chunk at a time, so that the peak memory after training stays near
    // that of the training splits (a MOSEI-size project, issue 14).
    const auto evaluateSplit = [&](const QString &split, ClipSet &set) {
        if (set.data.size() == 0)
            return;
        const ml::Predictions predictions = ml::predict(*model, set.data, ml::BottleneckMode::Mean);
        // A diverged training predicts NaN: refused here, before anything is saved or registered.
        checkPredictions(unsaved, predictions, set.clipIds);
        outcome.evaluations[split] = ml::evaluate(predictions, set.data, scale);
        outcome.meanPredictorMae[split] = (set.data.labels - trainMean).abs().mean().item<double>();
        set.data = ml::Dataset{};
    };
    evaluateSplit(QStringLiteral("train"), train);
    evaluateSplit(QStringLiteral("valid"), valid);
    ClipSet test = loadClips(project, features, complete(QStringLiteral("test")), labels, true);
    evaluateSplit(QStringLiteral("test"), test);
    // The predictions stored with the model, made by the model in memory: the file holds the same
    // parameters, and having them before the file is written lets the registration be one
    // transaction (see below).
    const QList<qint64> everyClip = complete({});
    outcome.clipsWithoutFeatures = int(incomplete.size());
    const ml::Predictions predictions = predictInChunks(project, features, everyClip, *model);
    checkPredictions(unsaved, predictions, everyClip);

    const QDateTime finished = QDateTime::currentDateTimeUtc();
    const QString stamp = finished.toString(QStringLiteral("yyyyMMdd-HHmmss"));
    const QString relative = newModelFilePath(project, request.architecture, finished);
    outcome.modelFile = project.absolutePath(relative);
    ml::ModelDescription description;
    description.contract = features.contract;
    description.labelScale = options.labelScale;
    description.training = outcome.result.record;
    description.envelope = envelope;
    for (const auto &[split, evaluation] : outcome.evaluations)
        description.metrics[split.toStdString()] = evaluation.multimodal;
    saveModelFile(outcome.modelFile, *model, description);

    store::ModelRecord record;
    record.name = request.name.isEmpty() ? QStringLiteral("%1 %2").arg(request.architecture, stamp) : request.name;
    record.architecture = request.architecture;
    record.filePath = relative;
    record.contractJson = QString::fromStdString(features.contract.toJson().dump());
    record.trainingJson = QString::fromStdString(outcome.result.record.toJson().dump());
    record.metricsJson = metricsJson(outcome.evaluations);
    record.lineageJson = lineage;
    // The model, its being active and its predictions are committed together, so a kill or a
    // lock never leaves an active model without predictions; when the registration fails, the
    // file it would have named is removed, so no orphan model file stays behind either.
    try {
        store::Savepoint registration(project.db());
        outcome.modelId = project.models().add(record);
        project.models().setActive(outcome.modelId);
        project.models().storePredictions(outcome.modelId, reportedPredictions(project, features, everyClip, predictions, envelope), true);
        registration.commit();
    } catch (...) {
        QFile::remove(outcome.modelFile);
        throw;
    }
    return outcome;
}

QString newModelFilePath(const store::Project &project, const QString &architecture, const QDateTime &when)
{
    const QString stem = QStringLiteral("models/%1-%2").arg(architecture, when.toString(QStringLiteral("yyyyMMdd-HHmmss")));
    QString relative = stem + QStringLiteral(".slmodel");
    for (int n = 2; QFileInfo::exists(project.absolutePath(relative)); ++n)
        relative = QStringLiteral("%1-%2.slmodel").arg(stem).arg(n);
    return relative;
}

ml::LoadedModel loadProjectModel(const store::Project &project, qint64 &modelId, const ml::FeatureContract &features)
{
    if (modelId == 0)
        modelId = project.models().activeModelId();
    const auto record = project.models().find(modelId);
    if (!record)
        throw Error(modelId == 0 ? QStringLiteral("%1: the project has no model yet; train one with 'sentilens-cli train'")
                                       .arg(project.databasePath())
                                 : QStringLiteral("%1: no model with id %2").arg(project.databasePath()).arg(modelId));
    ml::LoadOptions options;
    options.project = &features;
    options.device = "auto";
    const QString file = project.absolutePath(record->filePath);
    ml::LoadedModel loaded;
    try {
        loaded = ml::loadModel(file.toStdString(), options);
    } catch (const std::exception &error) {
        throw Error(QString::fromStdString(error.what()));
    }
    // Predictions on another scale (CH-SIMS's -1..1 read as MOSI's -3..3) would be stored and
    // scored as if they fitted.
    const QString scale = QString::fromStdString(loaded.description.labelScale);
    if (!scale.isEmpty() && scale != project.labelScale().name())
        throw Error(QStringLiteral("%1: the model predicts on the '%2' label scale, the project uses '%3'")
                        .arg(file, scale, project.labelScale().name()));
    return loaded;
}

ml::Evaluation evaluateOnProject(const store::Project &project, qint64 modelId, const QString &split,
                                 const QString &annotator, int *samples)
{
    const ProjectFeatures features = projectFeatures(project);
    ml::LoadedModel loaded = loadProjectModel(project, modelId, features.contract);
    const ClipSet set = loadClips(project, features, clipsOfSplit(project, split), annotator, true);
    if (samples)
        *samples = int(set.data.size());
    if (set.data.size() == 0)
        throw Error(QStringLiteral("%1: no labelled clips in split '%2'").arg(project.databasePath(), split));
    const QString file = project.absolutePath(project.models().find(modelId)->filePath);
    return guardModel(file, [&] {
        const ml::Predictions predictions = ml::predict(*loaded.model, set.data, ml::BottleneckMode::Mean);
        checkPredictions(file, predictions, set.clipIds);
        return ml::evaluate(predictions, set.data, ml::metricScale(project.labelScale().name().toStdString()));
    });
}

QList<store::PredictionRecord> predictOnProject(store::Project &project, qint64 modelId, const store::ClipShard &shard)
{
    const ProjectFeatures features = projectFeatures(project);
    ml::LoadedModel loaded = loadProjectModel(project, modelId, features.contract);
    QList<qint64> all;
    for (const store::Clip &clip : project.clips().list())
        if (shard.contains(clip))
            all << clip.id;
    const QString file = project.absolutePath(project.models().find(modelId)->filePath);
    const ml::Predictions predictions =
        guardModel(file, [&] { return predictInChunks(project, features, all, *loaded.model); });
    checkPredictions(file, predictions, all);
    const QList<store::PredictionRecord> records = reportedPredictions(project, features, all, predictions, loaded.description.envelope);
    if (shard.isWhole())
        project.models().storePredictions(modelId, records, true);
    else
        project.models().storePredictionsOf(modelId, all, records, true);
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
