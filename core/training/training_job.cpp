// LibTorch (through project_training.h) before any Qt header.
#include "core/ml/model_factory.h"
#include "core/training/project_training.h"

#include "core/training/training_job.h"

#include "core/training/job_error.h"

#include "core/store/project.h"

#include <algorithm>
#include <stdexcept>

namespace sl::training {

QList<ArchitectureChoice> trainableArchitectures()
{
    QList<ArchitectureChoice> choices;
    for (const ml::ArchitectureInfo &info : ml::architectures())
        choices << ArchitectureChoice{QString::fromStdString(info.name), QString::fromStdString(info.summary)};
    return choices;
}

TrainingSettings recommendedSettings(const QString &architecture, int trainClips)
{
    const auto &known = ml::architectures();
    if (std::none_of(known.begin(), known.end(), [&](const ml::ArchitectureInfo &a) { return a.name == architecture.toStdString(); }))
        throw std::invalid_argument("unknown architecture '" + architecture.toStdString() + "'");
    const ml::TrainerOptions defaults;
    TrainingSettings s;
    s.architecture = architecture;
    s.epochs = defaults.epochs;
    s.batchSize = int(defaults.batchSize);
    s.learningRate = defaults.learningRate;
    s.weightDecay = defaults.weightDecay;
    s.warmupFraction = defaults.warmupFraction;
    s.patience = defaults.patience;
    s.seed = defaults.seed;
    s.device = QStringLiteral("auto");
    if (architecture == QLatin1String("kan-mcp")) {
        s.batchSize = 8;
        s.epochs = 35;
        s.warmupFraction = 0.5;
    } else if (architecture.endsWith(QLatin1String("-mib"))) {
        s.epochs = 50;
    } else if (architecture == QLatin1String("camib")) {
        s.batchSize = 16;
    }
    constexpr int kMinStepsPerEpoch = 4, kSmallestBatch = 8;
    if (trainClips > 0)
        s.batchSize = std::min(s.batchSize, std::max(kSmallestBatch, (trainClips + kMinStepsPerEpoch - 1) / kMinStepsPerEpoch));
    return s;
}

TrainRequest trainRequestFor(const TrainingSettings &settings)
{
    TrainRequest request;
    request.architecture = settings.architecture;
    request.name = settings.name;
    request.annotator = settings.labels.annotator;
    request.aggregate = settings.labels.aggregate;
    request.unimodalTargets = settings.unimodalTargets;
    request.parentModelId = settings.parentModelId;
    request.trainer.epochs = settings.epochs;
    request.trainer.batchSize = settings.batchSize;
    request.trainer.learningRate = settings.learningRate;
    request.trainer.weightDecay = settings.weightDecay;
    request.trainer.warmupFraction = settings.warmupFraction;
    request.trainer.patience = settings.patience;
    request.trainer.seed = settings.seed;
    request.trainer.device = settings.device.toStdString();
    request.trainer.recipe = settings.recipe.toStdString();
    request.trainer.optimizerName = settings.optimizer.toStdString();
    request.trainer.constantRate = settings.constantRate;
    request.trainer.selectOnMse = settings.selectOnMse;
    for (auto it = settings.groupLearningRates.begin(); it != settings.groupLearningRates.end(); ++it)
        request.trainer.groupLearningRates[it.key().toStdString()] = it.value();
    for (auto it = settings.modelSettings.begin(); it != settings.modelSettings.end(); ++it)
        request.settings[it.key().toStdString()] = it.value();
    return request;
}

TrainingJobResult runTrainingJob(const QString &projectPath, const TrainingSettings &settings,
                                 const std::function<void(const EpochReport &)> &onEpoch, const std::atomic<bool> *cancel)
{
    const TrainRequest request = trainRequestFor(settings);
    const auto progress = [&](const ml::TrainingProgress &p) {
        if (p.kind == ml::TrainingProgress::Kind::Epoch && onEpoch)
            onEpoch(EpochReport{p.epoch, settings.epochs, p.loss, p.validationLoss, p.improved});
    };
    TrainingJobResult result;
    result.error = runCapturingError(projectPath, [&] {
        auto project = store::Project::open(projectPath);
        const TrainOutcome outcome = trainOnProject(*project, request, progress, cancel);
        result.cancelled = outcome.cancelled;
        result.modelId = outcome.modelId;
        for (const char *split : {"test", "valid"}) {
            const auto it = outcome.evaluations.find(QString::fromLatin1(split));
            if (it != outcome.evaluations.end()) {
                result.summary = QStringLiteral("%1: %2").arg(it->first, describeEvaluation(it->second));
                break;
            }
        }
    });
    return result;
}

}  // namespace sl::training
