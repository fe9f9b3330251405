#include "core/training/model_registry.h"

#include "core/store/project.h"

namespace sl::training {

qint64 ModelRegistry::activeModelId() const { return m_project->models().activeModelId(); }

QList<ModelSummary> ModelRegistry::models() const
{
    QList<ModelSummary> summaries;
    for (const store::ModelRecord &record : m_project->models().list())
        summaries << summarizeModel(record);
    return summaries;
}

std::optional<ModelSummary> ModelRegistry::model(qint64 modelId) const
{
    if (modelId == 0)
        return std::nullopt;
    const std::optional<store::ModelRecord> record = m_project->models().find(modelId);
    return record ? std::optional<ModelSummary>(summarizeModel(*record)) : std::nullopt;
}

bool ModelRegistry::setActive(qint64 modelId) const
{
    if (modelId == 0 || !m_project->models().find(modelId))
        return false;
    m_project->models().setActive(modelId);
    return true;
}

std::optional<RegistryComparison> ModelRegistry::compare(qint64 firstModelId, qint64 secondModelId) const
{
    const std::optional<ModelSummary> first = model(firstModelId);
    const std::optional<ModelSummary> second = model(secondModelId);
    if (!first || !second)
        return std::nullopt;
    RegistryComparison comparison;
    comparison.metrics = compareMetrics(*first, *second);
    const store::ModelRepository models = m_project->models();
    const store::ClipRepository clips = m_project->clips();
    for (const PredictionChange &change : changedPredictions(models.predictions(firstModelId), models.predictions(secondModelId))) {
        const std::optional<store::Clip> clip = clips.find(change.clipId);
        comparison.clips << ChangedClip{change, clip ? QStringLiteral("%1/%2").arg(clip->videoId, clip->clipId) : QString::number(change.clipId),
                                        clip ? clip->split : QString()};
    }
    return comparison;
}

}  // namespace sl::training
