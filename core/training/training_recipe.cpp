#include "core/training/training_recipe.h"

#include <stdexcept>

namespace sl::training {

namespace {

constexpr int kMoseiSizedTrainClips = 10000;

TrainingSettings mibPaper(TrainingSettings s)
{
    s.optimizer = QStringLiteral("Adam");
    s.weightDecay = 0.0;  // Adam without decay: the same update as AdamW with decay 0
    s.constantRate = true;
    s.warmupFraction = 0.0;
    s.learningRate = 2e-5;
    s.groupLearningRates = {{QStringLiteral("text"), 1e-5}};
    s.batchSize = 32;
    s.epochs = 50;
    s.patience = 0;
    s.selectOnMse = true;
    return s;
}

TrainingSettings kanMcpPaper(TrainingSettings s, int trainClips, const QString &labelScale)
{
    s.optimizer = QStringLiteral("AdamW");
    s.weightDecay = 0.01;
    s.constantRate = false;
    s.warmupFraction = 0.5;
    s.patience = 0;
    s.selectOnMse = true;
    if (labelScale == QLatin1String("sims")) {
        s.batchSize = 32;
        s.epochs = 50;
        s.learningRate = 1e-3;
        s.groupLearningRates = {{QStringLiteral("text"), 1e-3}};
        s.modelSettings = {{QStringLiteral("unimodal_weight"), 1.0}};
    } else if (trainClips > kMoseiSizedTrainClips) {
        s.batchSize = 64;
        s.epochs = 10;
        s.learningRate = 1e-2;
        s.groupLearningRates = {{QStringLiteral("text"), 1e-5}};
        s.modelSettings = {{QStringLiteral("unimodal_weight"), 1.0}};
    } else {
        s.batchSize = 8;
        s.epochs = 35;
        s.learningRate = 1e-3;
        s.groupLearningRates = {{QStringLiteral("text"), 1e-5}};
    }
    return s;
}

}  // namespace

QStringList recipeNames()
{
    return {QStringLiteral("sentilens"), QStringLiteral("paper")};
}

TrainingSettings recipeSettings(const QString &recipe, const QString &architecture, int trainClips,
                                const QString &labelScale)
{
    TrainingSettings s = recommendedSettings(architecture, trainClips);
    if (recipe == QLatin1String("sentilens"))
        return s;
    if (recipe != QLatin1String("paper"))
        throw std::invalid_argument("unknown recipe '" + recipe.toStdString() + "' (use sentilens or paper)");
    s.recipe = recipe;
    if (architecture.endsWith(QLatin1String("-mib")))
        return mibPaper(s);
    if (architecture == QLatin1String("kan-mcp"))
        return kanMcpPaper(s, trainClips, labelScale);
    throw std::invalid_argument(architecture.toStdString() +
                                " has no published training script, so there is no paper recipe to follow "
                                "(use --recipe sentilens)");
}

}  // namespace sl::training
